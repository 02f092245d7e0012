// What the record picker sends, built by the picker's own contract module.
import {
    clearMessage,
    syncMessage
} from '../../../force-app/main/default/lwc/flexContract/flexContract.js';
import { makeTask, settle } from '../../test/flexHarness';
import { startWith, stopStarted, type Started } from '../../test/startedHarness';

afterEach(stopStarted);

const CHANNEL = 'Flex_Record_Selection__c';
const select = (overrides: Record<string, unknown> = {}) => ({
    action: 'select',
    recordId: '003000000000001AAA',
    objectApiName: 'Contact',
    recordName: 'Ada Lovelace',
    taskSid: null,
    ...overrides
});

async function withTask(
    settings: Record<string, unknown> = {}
): Promise<[Started, ReturnType<typeof makeTask>]> {
    const s = await startWith(settings);
    const task = s.addTask(
        makeTask({ attributes: { direction: 'inbound', from: '+14155550100', name: 'Ada' } }),
        {
            select: true
        }
    );
    return [s, task];
}

test('sync answers with the current state, even when unchanged', async () => {
    const [s, task] = await withTask();
    const before = s.interactions().length;
    s.openCti.deliver(CHANNEL, syncMessage());
    s.openCti.deliver(CHANNEL, syncMessage());
    await settle();
    expect(s.interactions().slice(before)).toEqual([
        expect.objectContaining({
            taskSid: task.taskSid,
            customer: 'Ada',
            channel: 'voice',
            status: 'accepted'
        }),
        expect.objectContaining({ taskSid: task.taskSid })
    ]);
});

test('a valid selection for the selected task is written and echoed', async () => {
    const [s, task] = await withTask();
    s.openCti.deliver(CHANNEL, select());
    await settle();
    expect(s.backend.setAttributes).toEqual([
        {
            sid: task.sid,
            attributes: {
                sfdcObjectId: '003000000000001AAA',
                sfdcObjectType: 'Contact',
                sfdcObjectName: 'Ada Lovelace'
            },
            mergeExisting: true
        }
    ]);
    expect(s.lastInteraction()).toMatchObject({
        taskSid: task.taskSid,
        selected: {
            recordId: '003000000000001AAA',
            objectApiName: 'Contact',
            name: 'Ada Lovelace'
        },
        error: null
    });
});

test('the echo uses the value just written, before TaskRouter echoes it', async () => {
    const [s, task] = await withTask();
    // TaskRouter has not answered yet: Flex's copy of the attributes is unchanged.
    const stale = { ...task.attributes };
    s.openCti.deliver(CHANNEL, select());
    await settle();
    task.attributes = stale;
    s.openCti.deliver(CHANNEL, syncMessage());
    await settle();
    expect(s.lastInteraction()?.selected?.recordId).toBe('003000000000001AAA');
});

test('a selection naming another live task links that one', async () => {
    const [s] = await withTask();
    const other = s.addTask(makeTask({ status: 'wrapping' }));
    s.openCti.deliver(CHANNEL, select({ taskSid: other.taskSid }));
    await settle();
    expect(s.backend.setAttributes.map((w) => w.sid)).toEqual([other.sid]);
});

test('clear unlinks (writes nulls, merged)', async () => {
    const [s, task] = await withTask();
    s.openCti.deliver(CHANNEL, select());
    await settle();
    s.openCti.deliver(CHANNEL, clearMessage(task.taskSid));
    await settle();
    expect(s.backend.setAttributes[1]).toEqual({
        sid: task.sid,
        attributes: { sfdcObjectId: null, sfdcObjectType: null, sfdcObjectName: null },
        mergeExisting: true
    });
    expect(s.lastInteraction()?.selected).toBeNull();
});

describe('bad input is refused with a clear reason and changes nothing', () => {
    test.each([
        [
            'a forged ID (bad checksum)',
            select({ recordId: '003000000000001AAB' }),
            'INVALID_RECORD_ID',
            /not a valid record ID in Salesforce/
        ],
        [
            'an ID of the wrong length',
            select({ recordId: '0030000000001' }),
            'INVALID_RECORD_ID',
            /not a valid/
        ],
        [
            'an unknown task',
            select({ taskSid: `WT${'f'.repeat(32)}` }),
            'UNKNOWN_TASK',
            /not open in Flex/
        ],
        ['a malformed task SID', select({ taskSid: 'WR123' }), 'INVALID_MESSAGE', /not valid/],
        ['an unknown field', { ...select(), extra: 1 }, 'INVALID_MESSAGE', /not valid/],
        [
            'a missing field',
            { action: 'select', recordId: '003000000000001AAA' },
            'INVALID_MESSAGE',
            /not valid/
        ],
        [
            'a script as object name',
            select({ objectApiName: '<img src=x onerror=alert(1)>' }),
            'INVALID_MESSAGE',
            /not valid/
        ],
        [
            'an oversized message',
            select({ recordName: 'x'.repeat(5000) }),
            'INVALID_MESSAGE',
            /not valid/
        ],
        ['not an object', 'select 003000000000001AAA', 'INVALID_MESSAGE', /not valid/],
        ['null', null, 'INVALID_MESSAGE', /not valid/]
    ])('%s', async (_, message, code, text) => {
        const [s, task] = await withTask();
        const attributesBefore = { ...task.attributes };
        s.openCti.deliver(CHANNEL, message);
        await settle();
        expect(s.backend.setAttributes).toEqual([]);
        expect(task.attributes).toEqual(attributesBefore);
        expect(s.lastInteraction()?.error).toEqual({ code, message: expect.stringMatching(text) });
        // The refusal is reported once; the next state message carries no stale error.
        s.openCti.deliver(CHANNEL, syncMessage());
        await settle();
        expect(s.lastInteraction()?.error).toBeNull();
        expect(s.lastInteraction()?.selected).toBeNull();
    });

    test('no task at all', async () => {
        const s = await startWith();
        s.openCti.deliver(CHANNEL, select());
        await settle();
        expect(s.backend.setAttributes).toEqual([]);
        expect(s.lastInteraction()?.error).toEqual({
            code: 'UNKNOWN_TASK',
            message: expect.stringMatching(/Select an interaction/)
        });
    });

    test('a completed task is not a live task', async () => {
        const [s] = await withTask();
        const done = s.addTask(makeTask({ status: 'completed' }));
        s.openCti.deliver(CHANNEL, select({ taskSid: done.taskSid }));
        await settle();
        expect(s.backend.setAttributes).toEqual([]);
        expect(s.lastInteraction()?.error?.code).toBe('UNKNOWN_TASK');
    });
});

test('a failing attribute write is reported to both sides and leaves the link as it was', async () => {
    const [s] = await withTask();
    s.backend.failSetAttributes = 1;
    s.openCti.deliver(CHANNEL, select());
    await settle();
    expect(s.lastInteraction()).toMatchObject({
        selected: null,
        error: { code: 'ATTRIBUTE_WRITE_FAILED', message: expect.stringMatching(/could not link/) }
    });
    s.openCti.deliver(CHANNEL, select());
    await settle();
    expect(s.lastInteraction()).toMatchObject({
        selected: { recordId: '003000000000001AAA' },
        error: null
    });
});

test('task events publish the new state, and only when it changed', async () => {
    const s = await startWith();
    const before = s.interactions().length;
    const task = s.addTask(makeTask({ status: 'pending' }), { select: true });
    s.events.emit('taskReceived', task);
    s.events.emit('taskUpdated', task);
    await settle();
    expect(s.interactions().slice(before)).toEqual([
        expect.objectContaining({ taskSid: task.taskSid, status: 'pending' })
    ]);
    task.status = 'wrapping';
    s.events.emit('taskWrapup', task);
    await settle();
    expect(s.lastInteraction()).toMatchObject({ taskSid: task.taskSid, status: 'wrapping' });
});

test('a failing publish does not throw and is retried with the next change', async () => {
    const [s, task] = await withTask();
    s.openCti.failNext('publish', 1);
    s.events.emit('taskUpdated', task);
    await settle();
    const count = s.interactions().length;
    s.events.emit('taskUpdated', task);
    await settle();
    expect(s.interactions()).toHaveLength(count + 1);
});

test('a custom channel name from the configuration is used', async () => {
    const s = await startWith({
        record_selection_channel: 'Acme_Selection__c',
        interaction_channel: 'Acme_Interaction__c'
    });
    expect(s.openCti.subscriberCount('Acme_Selection__c')).toBe(1);
    expect(s.openCti.published.map((p) => p.channelName)).toEqual(['Acme_Interaction__c']);
});
