// The outbox with a fake clock, fake storage and a fake Salesforce: what is sent, when, and how often.
import { plantedEntries, storedCreate } from '../../test/fixtures/storedEntries.fixture';
import { DEFAULT_LOG_FIELDS } from '../config/integrationConfig';
import { saveFailureOf } from '../transports/salesforce/saveFailure';
import { isTaskId, storedTaskLogProblem } from '../transports/salesforce/storedTaskLog';
import { buildLogValue, notesFields } from '../transports/salesforce/taskLog';
import { LogOutbox, type OutboxProblem, type OutboxStorage, type OutboxStore } from './logOutbox';
import type { ActivityValue as LogValue } from '../crm/crmPort';

/**
 * The outbox's store over a saveLog-like function, as the Salesforce adapter builds it: an update
 * is a save with the Id, a refusal becomes a SaveFailure, stored entries are checked as Task logs.
 */
function storeOver(
    save: (value: LogValue) => Promise<string>,
    confirmed: (id: string) => void = () => undefined
): OutboxStore {
    const saved = async (value: LogValue) => {
        try {
            const id = await save(value);
            confirmed(id);
            return id;
        } catch (error) {
            throw saveFailureOf(error);
        }
    };
    return {
        create: saved,
        update: async (id, value) => {
            await saved({ ...value, Id: id });
        },
        storedValueProblem: (value, kind, key) =>
            storedTaskLogProblem(value, kind, key, DEFAULT_LOG_FIELDS),
        isActivityId: isTaskId,
        requiredFields: ['entityApiName']
    };
}

class MemoryStorage implements OutboxStorage {
    readonly items = new Map<string, string>();
    failWrites = false;
    get length(): number {
        return this.items.size;
    }
    key(index: number): string | null {
        return [...this.items.keys()][index] ?? null;
    }
    getItem(key: string): string | null {
        return this.items.get(key) ?? null;
    }
    setItem(key: string, value: string): void {
        if (this.failWrites) throw new DOMException('quota', 'QuotaExceededError');
        this.items.set(key, value);
    }
    removeItem(key: string): void {
        this.items.delete(key);
    }
    entryKeys(): string[] {
        return [...this.items.keys()].filter((key) => key.includes('.log.'));
    }
}

class FakeClock {
    time = 1_000_000;
    private timers: { at: number; run: () => void; id: number }[] = [];
    private nextId = 1;
    /** Every delay asked for, to see a timer that spins. */
    readonly delays: number[] = [];
    now = () => this.time;
    setTimeout = (run: () => void, ms: number) => {
        this.delays.push(ms);
        const id = this.nextId++;
        this.timers.push({ at: this.time + ms, run, id });
        return id;
    };
    clearTimeout = (handle: unknown) => {
        this.timers = this.timers.filter((timer) => timer.id !== handle);
    };
    /** Moves time on, running each timer that falls due and the promise callbacks it starts. */
    async advance(ms: number): Promise<void> {
        const end = this.time + ms;
        for (;;) {
            await flush();
            const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
            if (!next) break;
            this.timers = this.timers.filter((t) => t !== next);
            this.time = next.at;
            next.run();
        }
        this.time = end;
        await flush();
    }
}

const flush = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
};

/** Salesforce's side: records each Task once per successful save, fails or hangs on demand. */
class FakeSalesforce {
    readonly tasks = new Map<string, LogValue>();
    readonly sent: LogValue[] = [];
    private plan: ('fail' | 'hang' | 'field-error' | 'ok')[] = [];
    private next = 1;
    then(...steps: ('fail' | 'hang' | 'field-error' | 'ok')[]): this {
        this.plan.push(...steps);
        return this;
    }
    save = (value: LogValue): Promise<string> => {
        this.sent.push({ ...value });
        const step = this.plan.shift() ?? 'ok';
        if (step === 'hang') return new Promise<string>(() => undefined);
        if (step === 'fail')
            return Promise.reject({ code: 'GENERIC_ERROR', description: 'Server busy' });
        if (step === 'field-error')
            return Promise.reject({
                code: 'GENERIC_ERROR',
                description: 'invalid cross reference id',
                details: [{ fieldName: 'WhoId', statusCode: 'INVALID_CROSS_REFERENCE_KEY' }]
            });
        const { Id: id, ...fields } = value;
        if (typeof id === 'string') {
            this.tasks.set(id, { ...this.tasks.get(id), ...fields });
            return Promise.resolve(id);
        }
        const created = `00T00000000000${this.next++}`;
        this.tasks.set(created, fields);
        return Promise.resolve(created);
    };
}

const LOG: LogValue = {
    entityApiName: 'Task',
    Subject: 'Inbound call from +1',
    Status: 'Completed'
};

function outboxOn(
    storage: OutboxStorage | null,
    clock: FakeClock,
    salesforce: FakeSalesforce,
    extra: { owner?: string; maxEntries?: number; problems?: OutboxProblem[] } = {}
) {
    const confirmed: string[] = [];
    const outbox = new LogOutbox({
        storage,
        owner: extra.owner ?? 'WK1',
        clock,
        store: storeOver(salesforce.save, (id) => confirmed.push(id)),
        problem: (problem) => extra.problems?.push(problem),
        leaseMs: 12_000,
        maxEntries: extra.maxEntries ?? 100,
        random: () => 0.5
    });
    outbox.start();
    return { outbox, confirmed };
}

describe('activity-log outbox', () => {
    test('failure → retry → one record, storage emptied, refresh once', async () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        const salesforce = new FakeSalesforce().then('fail', 'fail', 'ok');
        const { outbox, confirmed } = outboxOn(storage, clock, salesforce);

        expect(outbox.add('WT1', LOG)).toBe('queued');
        expect(storage.entryKeys()).toHaveLength(1);
        await clock.advance(0);
        expect(salesforce.sent).toHaveLength(1);
        expect(outbox.view()[0]).toMatchObject({ state: 'waiting', attempts: 1 });

        await clock.advance(1999);
        expect(salesforce.sent).toHaveLength(1); // first retry after 2 s
        await clock.advance(1);
        expect(salesforce.sent).toHaveLength(2);
        await clock.advance(4000); // then 4 s
        expect(salesforce.sent).toHaveLength(3);
        expect(salesforce.tasks.size).toBe(1);
        expect(confirmed).toHaveLength(1);
        expect(outbox.size).toBe(0);
        expect(storage.entryKeys()).toEqual([]);
        await clock.advance(600_000);
        expect(salesforce.sent).toHaveLength(3);
    });

    test('retries back off, doubling up to five minutes', async () => {
        const clock = new FakeClock();
        const salesforce = new FakeSalesforce().then(...Array<'fail'>(12).fill('fail'));
        const { outbox } = outboxOn(new MemoryStorage(), clock, salesforce);
        outbox.add('WT1', LOG);
        const gaps: number[] = [];
        let last = clock.time;
        for (let i = 0; i < 11; i++) {
            const before = salesforce.sent.length;
            while (salesforce.sent.length === before) await clock.advance(1000);
            gaps.push(clock.time - last);
            last = clock.time;
        }
        expect(gaps.slice(0, 8)).toEqual([2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000]);
        expect(gaps.slice(8)).toEqual([300000, 300000, 300000]);
    });

    test('reload mid-flight: the next softphone sends it once, after the lease', async () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        const first = new FakeSalesforce().then('hang');
        outboxOn(storage, clock, first).outbox.add('WT1', LOG);
        await clock.advance(0);
        expect(first.sent).toHaveLength(1); // in flight when the page goes away

        const salesforce = new FakeSalesforce();
        const { outbox, confirmed } = outboxOn(storage, clock, salesforce);
        expect(outbox.view()).toHaveLength(1);
        await clock.advance(11_000);
        expect(salesforce.sent).toHaveLength(0); // the unloaded page's lease still holds
        await clock.advance(1_000);
        expect(salesforce.sent).toHaveLength(1);
        expect(salesforce.tasks.size).toBe(1);
        expect(confirmed).toHaveLength(1);
        await clock.advance(600_000);
        expect(salesforce.sent).toHaveLength(1);
        expect(storage.entryKeys()).toEqual([]);
    });

    test('a log stored but never sent goes out at once after a restart', async () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        const failing = new FakeSalesforce().then('fail');
        outboxOn(storage, clock, failing).outbox.add('WT1', LOG);
        await clock.advance(0);

        const salesforce = new FakeSalesforce();
        outboxOn(storage, clock, salesforce);
        await clock.advance(0);
        expect(salesforce.sent).toEqual([LOG]);
    });

    test('confirmed → never sent again, and storage is left empty', async () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        const salesforce = new FakeSalesforce();
        const { outbox } = outboxOn(storage, clock, salesforce);
        outbox.add('WT1', LOG);
        await clock.advance(0);
        expect(salesforce.tasks.size).toBe(1);
        expect(storage.items.size).toBe(0);
        expect(outbox.add('WT1', LOG)).toBe('duplicate');

        outboxOn(storage, clock, salesforce); // a reload finds nothing to send
        await clock.advance(600_000);
        expect(salesforce.sent).toHaveLength(1);
    });

    test('cancel after complete → one log, even while the first is in flight', async () => {
        const clock = new FakeClock();
        const salesforce = new FakeSalesforce();
        const { outbox } = outboxOn(new MemoryStorage(), clock, salesforce);
        expect(outbox.add('WT1', LOG)).toBe('queued');
        expect(outbox.add('WT1', { ...LOG, Subject: 'canceled' })).toBe('duplicate');
        await clock.advance(0);
        expect(outbox.add('WT1', LOG)).toBe('duplicate');
        await clock.advance(60_000);
        expect(salesforce.sent).toHaveLength(1);
        expect(salesforce.tasks.size).toBe(1);
    });

    test('the ledger remembers a confirmed task for an hour, for at most its limit', async () => {
        const clock = new FakeClock();
        const salesforce = new FakeSalesforce();
        const outbox = new LogOutbox({
            storage: new MemoryStorage(),
            owner: 'WK1',
            clock,
            store: storeOver(salesforce.save),
            leaseMs: 12_000,
            rememberCount: 2
        });
        outbox.start();
        for (const key of ['WT1', 'WT2', 'WT3']) outbox.add(key, LOG);
        await clock.advance(0);
        expect(outbox.confirmedId('WT1')).toBeNull(); // pushed out by the limit
        expect(outbox.confirmedId('WT3')).not.toBeNull();
        await clock.advance(3_600_001);
        expect(outbox.confirmedId('WT3')).toBeNull();
        expect(outbox.addToLog('WT3', { Description: 'late' })).toBe(false);
    });

    test('a field error is kept for the agent, not retried on its own; retry or drop the field', async () => {
        const clock = new FakeClock();
        const problems: OutboxProblem[] = [];
        const salesforce = new FakeSalesforce().then('field-error', 'field-error');
        const { outbox } = outboxOn(new MemoryStorage(), clock, salesforce, { problems });
        outbox.add('WT1', { ...LOG, WhoId: '003000000000001AAA' });
        await clock.advance(3_600_000);
        expect(salesforce.sent).toHaveLength(1);
        const [failed] = outbox.view();
        expect(failed).toMatchObject({
            state: 'failed',
            nextAttemptAt: null,
            droppableFields: ['WhoId'],
            failure: { permanent: true, description: 'invalid cross reference id' }
        });
        expect(problems).toEqual([{ kind: 'refused', entry: failed }]);

        outbox.retry('WT1');
        await clock.advance(0);
        expect(salesforce.sent).toHaveLength(2);
        outbox.retryWithout('WT1');
        await clock.advance(0);
        expect(salesforce.sent[2]).toEqual(LOG);
        expect([...salesforce.tasks.values()]).toEqual([LOG]);
        expect(outbox.size).toBe(0);
    });

    test('late fields: merged while waiting, an update by Id after the save', async () => {
        const clock = new FakeClock();
        const salesforce = new FakeSalesforce().then('fail');
        const { outbox } = outboxOn(new MemoryStorage(), clock, salesforce);
        outbox.add('WT1', LOG);
        await clock.advance(0); // first attempt failed: the log waits
        expect(outbox.addToLog('WT1', { Description: 'Summary' })).toBe(true);
        await clock.advance(2000);
        expect(salesforce.sent[1]).toEqual({ ...LOG, Description: 'Summary' });

        expect(outbox.addToLog('WT1', { CallDisposition: 'Resolved' })).toBe(true);
        await clock.advance(0);
        const [id] = [...salesforce.tasks.keys()];
        expect(salesforce.sent[2]).toEqual({ Id: id, CallDisposition: 'Resolved' });
        expect(salesforce.tasks.size).toBe(1);
        expect(salesforce.tasks.get(id ?? '')).toMatchObject({
            Description: 'Summary',
            CallDisposition: 'Resolved'
        });
        expect(outbox.addToLog('WT-unknown', { Description: 'x' })).toBe(false);
    });

    test('late fields while the log is in flight follow as an update', async () => {
        const clock = new FakeClock();
        let release: (id: string) => void = () => undefined;
        const sent: LogValue[] = [];
        const outbox = new LogOutbox({
            storage: new MemoryStorage(),
            owner: 'WK1',
            clock,
            leaseMs: 12_000,
            store: storeOver((value) => {
                sent.push(value);
                return sent.length === 1
                    ? new Promise<string>((resolve) => (release = resolve))
                    : Promise.resolve(String(value['Id']));
            })
        });
        outbox.start();
        outbox.add('WT1', LOG);
        await clock.advance(0);
        outbox.addToLog('WT1', { Description: 'Summary' });
        release('00T000000000001');
        await clock.advance(0);
        expect(sent).toEqual([LOG, { Id: '00T000000000001', Description: 'Summary' }]);
        expect(outbox.size).toBe(0);
    });

    test('storage that throws: logs are still sent, and the agent is told once', async () => {
        const storage = new MemoryStorage();
        storage.failWrites = true;
        const clock = new FakeClock();
        const problems: OutboxProblem[] = [];
        const salesforce = new FakeSalesforce().then('fail');
        const { outbox } = outboxOn(storage, clock, salesforce, { problems });
        expect(outbox.add('WT1', LOG)).toBe('not-kept');
        expect(outbox.add('WT2', LOG)).toBe('not-kept');
        expect(outbox.view().map((entry) => entry.kept)).toEqual([false, false]);
        await clock.advance(10_000);
        expect(salesforce.tasks.size).toBe(2);
        expect(problems).toEqual([{ kind: 'storage-unavailable' }]);
    });

    test('storage that refuses writes: the agent is told at start-up, before any log', () => {
        const storage = new MemoryStorage();
        storage.failWrites = true;
        const problems: OutboxProblem[] = [];
        const { outbox } = outboxOn(storage, new FakeClock(), new FakeSalesforce(), { problems });
        expect(outbox.size).toBe(0);
        expect(problems).toEqual([{ kind: 'storage-unavailable' }]);
    });

    test('storage that works: the start-up check says nothing and leaves nothing behind', () => {
        const storage = new MemoryStorage();
        const problems: OutboxProblem[] = [];
        outboxOn(storage, new FakeClock(), new FakeSalesforce(), { problems });
        expect(problems).toEqual([]);
        expect(storage.items.size).toBe(0);
    });

    test('no storage at all works the same way, and the agent is told at start-up', async () => {
        const clock = new FakeClock();
        const salesforce = new FakeSalesforce();
        const problems: OutboxProblem[] = [];
        const { outbox } = outboxOn(null, clock, salesforce, { problems });
        expect(problems).toEqual([{ kind: 'storage-unavailable' }]);
        expect(outbox.add('WT1', LOG)).toBe('not-kept');
        await clock.advance(0);
        expect(salesforce.tasks.size).toBe(1);
    });

    test('bounded: past the limit a log is sent but not kept, with a warning', async () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        const problems: OutboxProblem[] = [];
        const salesforce = new FakeSalesforce().then('hang');
        const { outbox } = outboxOn(storage, clock, salesforce, { maxEntries: 2, problems });
        expect(outbox.add('WT1', LOG)).toBe('queued');
        expect(outbox.add('WT2', LOG)).toBe('queued');
        expect(outbox.add('WT3', LOG)).toBe('not-kept');
        expect(problems).toEqual([{ kind: 'full', waiting: 3 }]);
        expect(storage.entryKeys()).toHaveLength(2);
    });

    test("one worker's softphone never loads another worker's logs", async () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        outboxOn(storage, clock, new FakeSalesforce().then('fail')).outbox.add('WT1', LOG);
        await clock.advance(0);
        const other = new FakeSalesforce();
        const { outbox } = outboxOn(storage, clock, other, { owner: 'WK2' });
        await clock.advance(60_000);
        expect(outbox.size).toBe(0);
        expect(other.sent).toEqual([]);
    });

    test('two softphones of one worker do not send the same log at once', async () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        const failing = new FakeSalesforce().then('fail');
        outboxOn(storage, clock, failing).outbox.add('WT1', LOG);
        await clock.advance(0);
        const slow = new FakeSalesforce().then('hang');
        // The other softphone's copy disappears once this one confirms; it never sends it.
        const fast = new FakeSalesforce();
        outboxOn(storage, clock, slow); // takes the entry and its lease
        await clock.advance(0);
        outboxOn(storage, clock, fast);
        await clock.advance(5_000);
        expect(slow.sent).toHaveLength(1);
        expect(fast.sent).toHaveLength(0);
    });

    test('a second softphone drops its copy once the first one confirmed it', async () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        outboxOn(storage, clock, new FakeSalesforce().then('fail')).outbox.add('WT1', LOG);
        await clock.advance(0);
        let release: (id: string) => void = () => undefined;
        const first = new LogOutbox({
            storage,
            owner: 'WK1',
            clock,
            leaseMs: 12_000,
            store: storeOver(() => new Promise<string>((resolve) => (release = resolve)))
        });
        first.start(); // takes the entry, answer pending
        const second = new FakeSalesforce();
        const { outbox } = outboxOn(storage, clock, second);
        release('00T000000000001');
        await clock.advance(60_000);
        expect(second.sent).toEqual([]);
        expect(outbox.size).toBe(0);
        expect(first.size).toBe(0);
    });

    test('unreadable stored entries are ignored, not sent', async () => {
        const storage = new MemoryStorage();
        storage.items.set('flexSalesforce.activityLog.v1.WK1.log.WT9', '{not json');
        const clock = new FakeClock();
        const salesforce = new FakeSalesforce();
        const { outbox } = outboxOn(storage, clock, salesforce);
        await clock.advance(1000);
        expect(outbox.size).toBe(0);
        expect(salesforce.sent).toEqual([]);
    });
});

describe('stored entries are outside input', () => {
    const NAMESPACE = 'flexSalesforce.activityLog.v1.WK1.';
    const sid = (n: number) => `WT${n.toString(16).padStart(32, '0')}`;
    const store = (storage: MemoryStorage, key: string, entry: unknown) =>
        storage.items.set(
            `${NAMESPACE}log.${key}`,
            typeof entry === 'string' ? entry : JSON.stringify(entry)
        );

    test('planted entries are removed and counted, never sent; every valid log goes once', async () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        const valid = [sid(1), sid(2), sid(3), `WT${'f'.repeat(32)}`];
        valid.forEach((key) => store(storage, key, storedCreate(key, {}, clock.time)));
        const planted = plantedEntries(sid(0x100), clock.time);
        planted.forEach(([, entry], i) => store(storage, sid(0x100 + i), entry));
        // A planted entry whose inner key names a valid log must not replace it.
        store(storage, sid(0x200), {
            ...storedCreate(valid[0], {}, clock.time),
            value: { entityApiName: 'Task', Subject: 'forged' }
        });
        storage.items.set(`${NAMESPACE}junk`, 'x');
        storage.items.set(`${NAMESPACE}log.`, '{}');
        storage.items.set(`${NAMESPACE}log.a b`, '{}');
        const problems: OutboxProblem[] = [];
        const salesforce = new FakeSalesforce();
        const { outbox } = outboxOn(storage, clock, salesforce, { problems });

        const discarded = planted.length + 4;
        expect(outbox.discarded).toBe(discarded);
        expect(problems).toEqual([
            { kind: 'discarded', count: discarded, problems: expect.any(Array) }
        ]);
        expect(outbox.size).toBe(valid.length);
        const view = outbox.view();
        expect(view.map((entry) => entry.key).sort()).toEqual([...valid].sort());
        view.forEach((entry) => expect(typeof entry.subject).toBe('string'));
        // Only the valid entries are left in storage; nothing unreadable stays behind.
        expect(storage.entryKeys().sort()).toEqual(
            valid.map((key) => `${NAMESPACE}log.${key}`).sort()
        );
        expect([...storage.items.keys()].filter((key) => !key.includes('.log.'))).toEqual([]);

        await clock.advance(60_000);
        const sentFor = (key: string) =>
            salesforce.sent.filter((value) => value['Flex_Task_Sid__c'] === key);
        valid.forEach((key) => expect(sentFor(key)).toHaveLength(1));
        expect(salesforce.sent).toHaveLength(valid.length);
        salesforce.sent.forEach((value) => {
            expect(value['entityApiName']).toBe('Task');
            expect(value['Id']).toBeUndefined();
            expect(value['Subject']).not.toBe('forged');
        });
        expect(storage.items.size).toBe(0);
    });

    test('a lease or retry time far in the future is clamped: no timer spins, the log goes out', async () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        store(
            storage,
            sid(1),
            storedCreate(sid(1), { leaseUntil: 8.64e15, nextAt: 8.64e15 }, clock.time)
        );
        const salesforce = new FakeSalesforce();
        outboxOn(storage, clock, salesforce);
        await clock.advance(11_000);
        expect(salesforce.sent).toHaveLength(0); // within the clamped lease
        await clock.advance(2_000);
        expect(salesforce.sent).toHaveLength(1);
        expect(clock.delays.length).toBeLessThan(5);
        clock.delays.forEach((ms) => expect(ms).toBeLessThanOrEqual(300_000));
    });

    test('a stored copy overwritten with garbage while held: this softphone sends its own once', async () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        const salesforce = new FakeSalesforce().then('fail');
        const { outbox } = outboxOn(storage, clock, salesforce);
        outbox.add(sid(1), { ...LOG, Flex_Task_Sid__c: sid(1) });
        await clock.advance(0);
        store(storage, sid(1), { v: 1, key: sid(1), leaseUntil: 8.64e15, value: { Id: 'x' } });
        await clock.advance(10_000);
        expect(salesforce.sent).toHaveLength(2);
        expect(salesforce.sent[1]).toEqual({ ...LOG, Flex_Task_Sid__c: sid(1) });
        expect(outbox.size).toBe(0);
    });

    test('dead entries never push out a new log', async () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        for (let i = 0; i < 5; i++) store(storage, sid(0x100 + i), { v: 1, key: 'junk' });
        const salesforce = new FakeSalesforce().then('hang');
        const { outbox } = outboxOn(storage, clock, salesforce, { maxEntries: 2 });
        expect(outbox.add(sid(1), LOG)).toBe('queued');
        expect(outbox.add(sid(2), LOG)).toBe('queued');
        expect(storage.entryKeys()).toHaveLength(2);
    });

    test('the view never throws, whatever was planted', () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        plantedEntries(sid(0x100), clock.time).forEach(([, entry], i) =>
            store(storage, sid(0x100 + i), entry)
        );
        const { outbox } = outboxOn(storage, clock, new FakeSalesforce());
        expect(() => outbox.view()).not.toThrow();
        expect(outbox.view()).toEqual([]);
    });

    test('every log the plugin writes reads back after a reload, however extreme its values', async () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        const cyclic: Record<string, unknown> = { fieldName: 'WhatId' };
        cyclic['self'] = cyclic;
        const salesforce = {
            sent: 0,
            save: () => {
                salesforce.sent += 1;
                return Promise.reject({
                    code: 'X'.repeat(500),
                    description: '"quoted"\n'.repeat(2000),
                    details: [
                        cyclic,
                        ...Array.from({ length: 5000 }, () => ({ fieldName: 'WhoId' }))
                    ]
                });
            }
        };
        const first = new LogOutbox({
            storage,
            owner: 'WK1',
            clock,
            leaseMs: 12_000,
            store: storeOver(salesforce.save),
            random: () => 0.5
        });
        first.start();
        const longNotes = {
            summary: '"\n'.repeat(40_000),
            sentiment: '\u0000'.repeat(500),
            dispositionCode: '"'.repeat(500),
            topicPath: '\\'.repeat(500)
        };
        const taskSid = sid(7);
        const value = buildLogValue({
            task: {
                sid: 'WR1',
                taskSid,
                status: 'completed',
                taskChannelUniqueName: 'voice',
                attributes: {
                    direction: 'inbound',
                    from: '+1'.repeat(400),
                    call_sid: 'C'.repeat(400),
                    sfdcObjectId: '005000000000001AAA'
                }
            },
            endedAt: new Date(),
            durationSeconds: 1e15,
            timeZone: 'UTC',
            notes: longNotes,
            fields: DEFAULT_LOG_FIELDS
        });
        expect(first.add(taskSid, value)).toBe('queued');
        await clock.advance(0);
        expect(first.addToLog(taskSid, notesFields(longNotes, DEFAULT_LOG_FIELDS))).toBe(true);
        expect(salesforce.sent).toBe(1);
        first.stop();

        const problems: OutboxProblem[] = [];
        const { outbox } = outboxOn(storage, clock, new FakeSalesforce(), { problems });
        expect(problems).toEqual([]);
        expect(outbox.discarded).toBe(0);
        expect(outbox.view()).toEqual([expect.objectContaining({ key: taskSid })]);
    });
});
