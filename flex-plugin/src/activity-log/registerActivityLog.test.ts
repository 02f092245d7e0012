// Activity logging through the real Flex Actions and events: when a log is written, what it
// relates to, the completion guard, Copilot notes and what survives a restart.
import * as Flex from '@twilio/flex-ui';
import { act, fireEvent, render, screen } from '@testing-library/react';
import * as React from 'react';
import { makeTask, settle, shownNotifications } from '../../test/flexHarness';
import { startWith, stopStarted, type Started } from '../../test/startedHarness';
import { plantedEntries, storedCreate } from '../../test/fixtures/storedEntries.fixture';
import { PendingLogs } from './PendingLogs';

const ADA = { Id: '003000000000001AAA', Name: 'Ada Lovelace', RecordType: 'Contact' };
const ACME = { Id: '001000000000001AAA', Name: 'Acme', RecordType: 'Account' };

beforeEach(() => window.localStorage.clear());
afterEach(stopStarted);

async function acceptCall(s: Started, attributes: Record<string, unknown> = {}) {
    const task = s.addTask(
        makeTask({
            status: 'pending',
            attributes: {
                direction: 'inbound',
                from: '+14155550100',
                call_sid: 'CA0001',
                flexInteractionSid: 'KD0001',
                flexInteractionChannelSid: 'UO0001',
                ...attributes
            }
        }),
        { select: true }
    );
    await Flex.Actions.invokeAction('AcceptTask', { task });
    s.events.emit('taskAccepted', task);
    await settle();
    return task;
}

async function complete(s: Started, task: ReturnType<typeof makeTask>) {
    await Flex.Actions.invokeAction('CompleteTask', { task });
    s.events.emit('taskCompleted', task);
    await settle();
}

const savedLogs = (s: Started) => [...s.openCti.savedLogs.values()];

const NOTES = {
    interactionSid: 'KD0001',
    channelSid: 'UO0001',
    participantSid: 'UT0001',
    sid: 'KY0001',
    summary: 'Wants the delivery moved to Friday.',
    sentiment: 'positive',
    dispositionCode: { disposition_code: 'Resolved', topic_path: 'Orders > Delivery' }
};

test('completing a call logs one Task related to the linked Contact, then refreshes the view', async () => {
    const s = await startWith();
    s.openCti.search = () => ({ [ADA.Id]: ADA });
    const task = await acceptCall(s);
    await complete(s, task);

    expect(savedLogs(s)).toEqual([
        expect.objectContaining({
            Subject: 'Inbound call from +14155550100',
            Status: 'Completed',
            TaskSubtype: 'Call',
            CallType: 'Inbound',
            CallObject: 'CA0001',
            WhoId: ADA.Id,
            Flex_Task_Sid__c: task.taskSid
        })
    ]);
    expect(s.openCti.refreshes).toBe(1);
    expect(s.integration.activityLog.size).toBe(0);
});

test('an Account links through WhatId, and a cleared link relates the log to nothing', async () => {
    const s = await startWith();
    s.openCti.search = () => ({ [ACME.Id]: ACME });
    const linked = await acceptCall(s);
    await complete(s, linked);
    const cleared = await acceptCall(s, { call_sid: 'CA0002', flexInteractionChannelSid: 'UO2' });
    await s.integration.selection.applySelection(cleared, null);
    await complete(s, cleared);
    const [first, second] = savedLogs(s);
    expect(first).toMatchObject({ WhatId: ACME.Id });
    expect(first?.WhoId).toBeUndefined();
    expect(second?.WhoId).toBeUndefined();
    expect(second?.WhatId).toBeUndefined();
});

test('no log when TaskRouter refuses to complete the task', async () => {
    const s = await startWith();
    const task = await acceptCall(s);
    s.backend.failComplete = 1;
    await expect(Flex.Actions.invokeAction('CompleteTask', { task })).rejects.toThrow();
    await settle();
    expect(s.openCti.callsOf('saveLog')).toEqual([]);
    await complete(s, task);
    expect(savedLogs(s)).toHaveLength(1);
});

test('canceled: logged only for a task this worker accepted, and once after completion', async () => {
    const s = await startWith();
    const ringing = s.addTask(makeTask({ status: 'pending' }));
    s.events.emit('taskCanceled', { ...ringing, status: 'canceled' });
    const rescinded = s.addTask(makeTask({ status: 'pending' }));
    s.events.emit('taskRescinded', rescinded);
    s.events.emit('taskTimeout', rescinded);
    await settle();
    expect(s.openCti.callsOf('saveLog')).toEqual([]);

    const handled = await acceptCall(s);
    s.events.emit('taskCanceled', { ...handled, status: 'canceled' });
    await settle();
    expect(savedLogs(s)).toHaveLength(1);

    const completed = await acceptCall(s, { call_sid: 'CA0003' });
    await complete(s, completed);
    s.events.emit('taskCanceled', { ...completed, status: 'canceled' });
    await settle();
    expect(s.openCti.callsOf('saveLog')).toHaveLength(2);
});

test("canceled: the log keeps the agent's choice, even one TaskRouter did not store", async () => {
    const s = await startWith();
    const task = await acceptCall(s);
    s.backend.failSetAttributes = 1;
    await s.integration.selection.applySelection(task, {
        recordId: ACME.Id,
        objectApiName: 'Account',
        name: 'Acme'
    });
    expect(task.attributes['sfdcObjectId']).toBeUndefined();
    s.events.emit('taskCanceled', { ...task, status: 'canceled' });
    await settle();
    expect(savedLogs(s)).toEqual([expect.objectContaining({ WhatId: ACME.Id })]);
});

test('activity_logging off: no log on completion or cancel', async () => {
    const s = await startWith({ activity_logging: false });
    const task = await acceptCall(s);
    s.events.emit('taskCanceled', { ...task, status: 'canceled' });
    await complete(s, task);
    expect(s.openCti.callsOf('saveLog')).toEqual([]);
});

test('Copilot notes before completion fill the log; late notes update the saved Task by Id', async () => {
    const s = await startWith({ copilot_notes: true });
    const early = await acceptCall(s);
    s.events.emit('notesSubmitted', NOTES);
    await complete(s, early);
    expect(savedLogs(s)[0]).toMatchObject({
        Description: NOTES.summary,
        CallDisposition: 'Resolved',
        Flex_Sentiment__c: 'positive',
        Flex_Topics__c: 'Orders > Delivery'
    });

    const late = await acceptCall(s, {
        flexInteractionSid: 'KD2',
        flexInteractionChannelSid: 'UO2'
    });
    await complete(s, late);
    s.events.emit('notesSubmitted', { ...NOTES, interactionSid: 'KD2', channelSid: 'UO2' });
    await settle();
    const saves = s.openCti.callsOf('saveLog').map((call) => call.value as Record<string, unknown>);
    expect(saves).toHaveLength(3);
    expect(saves[2]).toEqual({
        Id: [...s.openCti.savedLogs.keys()][1],
        Description: NOTES.summary,
        CallDisposition: 'Resolved',
        Flex_Sentiment__c: 'positive',
        Flex_Topics__c: 'Orders > Delivery'
    });
    expect(s.openCti.savedLogs.size).toBe(2);
});

test('Copilot notes are left out when copilot_notes is off or the field map turns a field off', async () => {
    const off = await startWith();
    const task = await acceptCall(off);
    off.events.emit('notesSubmitted', NOTES);
    await complete(off, task);
    expect(savedLogs(off)[0]?.Description).toBeUndefined();
    stopStarted();

    const mapped = await startWith({
        copilot_notes: true,
        activity_log_fields: { sentiment: null, topics: 'acme__Topic__c', task_sid: null }
    });
    const second = await acceptCall(mapped);
    mapped.events.emit('notesSubmitted', NOTES);
    await complete(mapped, second);
    const [log] = savedLogs(mapped);
    expect(log).toMatchObject({ acme__Topic__c: 'Orders > Delivery' });
    expect(Object.keys(log ?? {}).filter((key) => key.endsWith('__c'))).toEqual(['acme__Topic__c']);
});

test('require_record_choice: completion waits for a choice, and "none" counts even if its write fails', async () => {
    const s = await startWith({ require_record_choice: true });
    s.openCti.search = () => ({ [ADA.Id]: ADA, [ACME.Id]: ACME });
    const task = await acceptCall(s);
    await expect(Flex.Actions.invokeAction('CompleteTask', { task })).rejects.toThrow(
        /cancelled by before event/
    );
    expect(task.status).toBe('accepted');
    expect(shownNotifications().map((n) => n.id)).toContain('CrmLogChooseRecord');

    s.backend.failSetAttributes = 1;
    await s.integration.selection.applySelection(task, null);
    await complete(s, task);
    expect(task.status).toBe('completed');
    const [log] = savedLogs(s);
    expect(log?.WhoId).toBeUndefined();
    expect(log?.WhatId).toBeUndefined();
});

test('without require_record_choice, several matches and no choice still complete, unrelated', async () => {
    const s = await startWith();
    s.openCti.search = () => ({ [ADA.Id]: ADA, [ACME.Id]: ACME });
    const task = await acceptCall(s);
    await complete(s, task);
    expect(task.status).toBe('completed');
    expect(savedLogs(s)[0]?.WhoId).toBeUndefined();
});

test('a failed save stays for the agent and is sent again after a restart, once', async () => {
    const s = await startWith();
    s.openCti.failNext('saveLog', 1, { code: 'SERVER_ERROR', description: 'Salesforce is busy' });
    const task = await acceptCall(s);
    await complete(s, task);
    expect(s.integration.activityLog.view()).toMatchObject([{ state: 'waiting', attempts: 1 }]);
    stopStarted();

    const restarted = await startWith();
    await settle();
    expect(restarted.openCti.callsOf('saveLog')).toHaveLength(1);
    expect(savedLogs(restarted)).toEqual([
        expect.objectContaining({ Flex_Task_Sid__c: task.taskSid })
    ]);
    stopStarted();
    const again = await startWith();
    await settle();
    expect(again.openCti.callsOf('saveLog')).toEqual([]);
});

test('a refused log is shown with the reason; the agent saves it without the named field', async () => {
    const s = await startWith();
    s.openCti.failNext('saveLog', 1, {
        code: 'GENERIC_ERROR',
        description: 'invalid cross reference id',
        details: [{ fieldName: 'WhoId', statusCode: 'INVALID_CROSS_REFERENCE_KEY' }]
    });
    s.openCti.search = () => ({ [ADA.Id]: ADA });
    const task = await acceptCall(s);
    await complete(s, task);
    expect(shownNotifications()).toContainEqual({
        id: 'CrmLogRefused',
        context: {
            crm: 'Salesforce',
            subject: 'Inbound call from +14155550100',
            reason: 'invalid cross reference id'
        }
    });

    render(
        React.createElement(PendingLogs, {
            outbox: s.integration.activityLog,
            strings: s.manager.strings as unknown as Record<string, string>
        })
    );
    expect(screen.getByRole('status').textContent).toContain(
        'Activity logs waiting for Salesforce: 1'
    );
    screen.getByText('Refused by Salesforce: invalid cross reference id');
    await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Save without WhoId' }));
        await settle();
    });
    expect(savedLogs(s)).toHaveLength(1);
    expect(savedLogs(s)[0]?.WhoId).toBeUndefined();
    expect(screen.queryByRole('status')).toBeNull();
});

test('storage the browser blocks: logs still go out, and the agent is told they are not kept', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get: () => {
            throw new DOMException('blocked', 'SecurityError');
        }
    });
    try {
        const s = await startWith();
        // Told at start-up, before any call: this browser keeps no log across a reload.
        expect(shownNotifications().map((n) => n.id)).toContain('CrmLogNotKept');
        const task = await acceptCall(s);
        await complete(s, task);
        expect(savedLogs(s)).toHaveLength(1);
    } finally {
        if (descriptor) Object.defineProperty(window, 'localStorage', descriptor);
    }
});

test('planted or corrupted logs in storage: removed, the agent told once, the real one saved once', async () => {
    const namespace = 'flexSalesforce.activityLog.v1.WK00000000000000000000000000000001.log.';
    const sid = (n: number) => `WT${n.toString(16).padStart(32, '0')}`;
    const now = Date.now();
    const real = storedCreate(sid(0xa1), { nextAt: now, createdAt: now - 1000 }, now);
    window.localStorage.setItem(`${namespace}${real.key}`, JSON.stringify(real));
    const planted = plantedEntries(sid(0xb00), now);
    planted.forEach(([, entry], i) =>
        window.localStorage.setItem(
            `${namespace}${sid(0xb00 + i)}`,
            typeof entry === 'string' ? entry : JSON.stringify(entry)
        )
    );

    const s = await startWith();
    expect(shownNotifications()).toContainEqual({
        id: 'CrmLogsDiscarded',
        context: { crm: 'Salesforce', count: String(planted.length) }
    });
    expect(s.logLines.filter((line) => line.startsWith('warn removed'))).toHaveLength(1);
    render(
        React.createElement(PendingLogs, {
            outbox: s.integration.activityLog,
            strings: s.manager.strings as unknown as Record<string, string>
        })
    );
    await act(async () => {
        await settle();
    });
    expect(savedLogs(s)).toEqual([expect.objectContaining({ Flex_Task_Sid__c: real.key })]);
    expect(s.openCti.callsOf('saveLog')).toHaveLength(1);
    expect(screen.queryByRole('status')).toBeNull();
    expect(Object.keys(window.localStorage).filter((key) => key.startsWith(namespace))).toEqual([]);
});
