// What the outbox accepts back from storage: only logs this plugin writes, with bounded numbers.
import { DEFAULT_LOG_FIELDS } from '../config/integrationConfig';
import { isTaskId, storedTaskLogProblem } from '../transports/salesforce/storedTaskLog';
import type { LogFieldMap } from '../transports/salesforce/taskLog';
import {
    plantedEntries,
    STORED_AT,
    STORED_KEY,
    storedCreate
} from '../../test/fixtures/storedEntries.fixture';
import { readStoredEntry, type ReadingBounds } from './storedEntry';

const KEY = STORED_KEY;
const NOW = STORED_AT;
const BOUNDS: ReadingBounds = { now: NOW, leaseMs: 12_000, maxRetryMs: 300_000 };

/** The Salesforce adapter's half of the check, with a given field map. */
const checks = (fields: LogFieldMap) => ({
    storedValueProblem: (value: unknown, kind: 'create' | 'update', key: string) =>
        storedTaskLogProblem(value, kind, key, fields),
    isActivityId: isTaskId
});

const read = (entry: unknown, key = KEY, fields: LogFieldMap = DEFAULT_LOG_FIELDS) =>
    readStoredEntry(
        typeof entry === 'string' ? entry : JSON.stringify(entry),
        key,
        checks(fields),
        BOUNDS
    );

describe('readStoredEntry', () => {
    test('a log the plugin wrote is read back as it was', () => {
        expect(read(storedCreate())).toEqual({
            kind: 'valid',
            entry: storedCreate(),
            clamped: false
        });
    });

    test('an update of the saved Task with late notes is read back', () => {
        const update = storedCreate(KEY, {
            recordId: '00T000000000001EAA',
            value: { Description: 'Summary', Flex_Sentiment__c: 'positive' },
            subject: KEY
        });
        expect(read(update).kind).toBe('valid');
    });

    test('fields stored under the package names still read after an admin maps their own', () => {
        const own = { task_sid: 'Sid__c', sentiment: 'Mood__c', topics: null };
        expect(read(storedCreate(), KEY, own).kind).toBe('valid');
        const mine = storedCreate(KEY, {
            value: { ...storedCreate().value, Sid__c: KEY, Mood__c: 'ok' }
        });
        expect(read(mine, KEY, own).kind).toBe('valid');
        expect(read(mine).kind).toBe('invalid');
    });

    test('times far ahead are clamped, attempts bounded, long texts clipped', () => {
        const reading = read(
            storedCreate(KEY, {
                nextAt: 8.64e15,
                leaseUntil: 8.64e15,
                createdAt: NOW + 1e12,
                attempts: 1e9,
                subject: 's'.repeat(1000),
                failure: {
                    code: 'GENERIC_ERROR',
                    description: 'd'.repeat(5000),
                    details: null,
                    permanent: false
                }
            })
        );
        expect(reading.kind === 'valid' && reading.clamped).toBe(true);
        expect(reading.kind === 'valid' && reading.entry).toMatchObject({
            nextAt: NOW + 300_000,
            leaseUntil: NOW + 12_000,
            createdAt: NOW,
            attempts: 10_000,
            subject: 's'.repeat(255),
            failure: { description: 'd'.repeat(1000) }
        });
    });

    const PLANTED = plantedEntries();

    test('the corpus has at least 25 planted or corrupted entries', () => {
        expect(PLANTED.length).toBeGreaterThanOrEqual(25);
    });

    test.each(PLANTED)('%s is refused with a reason', (_, planted) => {
        const reading = read(planted);
        expect(reading).toEqual({ kind: 'invalid', problem: expect.any(String) });
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
});
