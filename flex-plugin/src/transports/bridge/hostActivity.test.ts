// What the host-app outbox accepts back from storage: only the activities and late notes this
// plugin writes, and updates of an id of the host's own kind (a Task where the host is Salesforce).
import { readStoredEntry, type StoredEntry } from '../../activity-log/storedEntry';
import { hostActivityIdCheck, storedHostActivityProblem } from './hostActivity';

const KEY = 'WT0123456789abcdef0123456789abcdef';
const NOW = 1_000_000;
const LIGHTNING = 'https://acme.lightning.force.com';
const WEB_APP = 'https://crm.example.com';
const TASK_ID = '00T000000000001EAA';
const ACCOUNT_ID = '001000000000001AAA';

function stored(overrides: Partial<StoredEntry> = {}): StoredEntry {
    return {
        v: 1,
        key: KEY,
        recordId: null,
        value: {
            activityKey: KEY,
            taskSid: KEY,
            subject: 'Inbound call from +14155550100',
            channel: 'voice',
            direction: 'inbound',
            endedAt: '2026-12-04T10:00:00.000Z',
            activityDate: '2026-12-04',
            durationSeconds: 90,
            startedAt: '2026-12-04T09:58:30.000Z',
            customerNumber: '+14155550100',
            recordId: 'CUS-1',
            recordType: 'Customer'
        },
        followUp: null,
        subject: 'Inbound call from +14155550100',
        attempts: 1,
        nextAt: NOW + 2000,
        leaseUntil: 0,
        failure: null,
        createdAt: NOW - 1000,
        ...overrides
    };
}

const update = (recordId: string, value: StoredEntry['value'] = { summary: 'Wants a refund' }) =>
    stored({ recordId, value });

const read = (entry: unknown, origin = WEB_APP) =>
    readStoredEntry(
        typeof entry === 'string' ? entry : JSON.stringify(entry),
        KEY,
        {
            storedValueProblem: storedHostActivityProblem,
            isActivityId: hostActivityIdCheck(origin)
        },
        { now: NOW, leaseMs: 12_000, maxRetryMs: 300_000 }
    );

test('what the plugin writes reads back: a create, and an update of the id the host gave', () => {
    expect(read(stored()).kind).toBe('valid');
    expect(read(update('ACT-1')).kind).toBe('valid');
    expect(read(update(TASK_ID), LIGHTNING).kind).toBe('valid');
});

/** Planted or corrupted host-outbox entries, each with the host origin it is read under. */
const PLANTED: [string, unknown, string][] = [
    ['an update of an Account where the host is Salesforce', update(ACCOUNT_ID), LIGHTNING],
    [
        'an update of a Contact where the host is Salesforce',
        update('003000000000001AAA'),
        LIGHTNING
    ],
    ['an update of a Task with a bad checksum', update('00T000000000001AAA'), LIGHTNING],
    ['an update of a host id in Salesforce', update('ACT-1'), LIGHTNING],
    ['an update of an id holding spaces', update('ACT 1'), WEB_APP],
    ['an update of an id holding markup', update('<img src=x>'), WEB_APP],
    ['an update that re-links the record', update('ACT-1', { recordId: 'CUS-2' }), WEB_APP],
    ['an update that is a create', update('ACT-1', stored().value), WEB_APP],
    ['an update with a summary as a number', update('ACT-1', { summary: 42 }), WEB_APP],
    [
        'an update with a __proto__ key',
        JSON.stringify(update('ACT-1')).replace('"value":{', '"value":{"__proto__":{"x":1},'),
        WEB_APP
    ],
    [
        'an update with a constructor key',
        JSON.stringify(update('ACT-1')).replace('"value":{', '"value":{"constructor":"x",'),
        WEB_APP
    ],
    [
        'a create with a __proto__ key',
        JSON.stringify(stored()).replace('"value":{', '"value":{"__proto__":{"x":1},'),
        WEB_APP
    ],
    [
        'a follow-up with a prototype key',
        JSON.stringify(stored()).replace('"followUp":null', '"followUp":{"prototype":"x"}'),
        WEB_APP
    ],
    [
        'a create for another task',
        stored({ value: { ...stored().value, taskSid: 'WTffffffffffffffffffffffffffffffff' } }),
        WEB_APP
    ],
    [
        'a create with a field the protocol has not',
        stored({ value: { ...stored().value, ownerId: 'U1' } }),
        WEB_APP
    ],
    [
        'a create without its subject',
        stored({ value: { ...stored().value, subject: undefined } as never }),
        WEB_APP
    ],
    [
        'a create with a local end time',
        stored({ value: { ...stored().value, endedAt: '04/12/2026' } }),
        WEB_APP
    ],
    [
        'a create of two days',
        stored({ value: { ...stored().value, durationSeconds: 172_800 } }),
        WEB_APP
    ],
    ['a follow-up that re-links', stored({ followUp: { recordId: 'CUS-2' } }), WEB_APP]
];

test('the corpus has at least 19 planted host-outbox entries', () => {
    expect(PLANTED.length).toBeGreaterThanOrEqual(19);
});

test.each(PLANTED)('%s is refused with a reason', (_, planted, origin) => {
    expect(read(planted, origin)).toEqual({ kind: 'invalid', problem: expect.any(String) });
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
});

test.each([
    [LIGHTNING, TASK_ID, true],
    [LIGHTNING, ACCOUNT_ID, false],
    ['https://acme--uat.sandbox.lightning.force.com', TASK_ID, true],
    ['https://acme--uat.sandbox.lightning.force.com', 'ACT-1', false],
    // A look-alike of Salesforce is any host: its ids are its own.
    ['https://lightning.force.com.evil.example', 'ACT-1', true],
    [WEB_APP, 'ACT-1', true],
    [WEB_APP, ACCOUNT_ID, true],
    ['not an origin', 'ACT-1', true]
])('under %s, %s is an id the host gave: %s', (origin, id, expected) => {
    expect(hostActivityIdCheck(origin)(id)).toBe(expected);
});
