// End to end: activity logs from a completed call to the record's activity history, through
// saveLog failures and a softphone reload, with the real Flex UI and plugin bundle in Chromium.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { IDS } from '../console/fixtures.ts';
import {
    activitiesOf,
    answerCall,
    eventually,
    finishCall,
    journalOf,
    openConsole,
    requestsOf,
    softphoneFrame,
    taskOf,
    sandboxForTests,
    type ConsoleWindow,
    type PhoneWindow
} from './harness.ts';

const sandbox = sandboxForTests();

const GRACE_PHONE = '+12125550142';

/** Answers a call from Grace Hopper and waits until screen pop linked her Contact. */
async function answerGrace(softphone: Awaited<ReturnType<typeof softphoneFrame>>) {
    const offered = await answerCall(softphone, GRACE_PHONE);
    const task = await eventually(
        () => taskOf(softphone, offered.reservationSid),
        (value) => value?.attributes.sfdcObjectId === IDS.graceContact
    );
    assert.equal(task?.attributes.sfdcObjectId, IDS.graceContact);
    return offered;
}

const saveLogRequests = (page: Parameters<typeof journalOf>[0]) => requestsOf(page, 'saveLog');
describe('activity logging end to end', () => {
    test('a completed call appears in the Contact’s activity history, related by WhoId', async () => {
        const { page, softphone, pageErrors } = await openConsole(sandbox());
        const offered = await answerGrace(softphone);
        await softphone.evaluate(
            (sid) =>
                (window as unknown as PhoneWindow).sandboxPhone.submitNotes(
                    {
                        summary: 'Asked for the engine schedule.',
                        sentiment: 'positive',
                        dispositionCode: 'Resolved',
                        topicPath: 'Engines > Schedule'
                    },
                    sid
                ),
            offered.reservationSid
        );
        await finishCall(softphone, offered.reservationSid);

        const activities = await eventually(
            () => activitiesOf(page, IDS.graceContact),
            (list) => list.length > 0
        );
        assert.equal(activities.length, 1);
        const [log] = activities;
        assert.equal(log?.fields.WhoId, IDS.graceContact);
        assert.equal(log?.fields.WhatId, undefined);
        assert.equal(log?.fields.Subject, `Inbound call from ${GRACE_PHONE}`);
        assert.equal(log?.fields.CallType, 'Inbound');
        assert.equal(log?.fields.TaskSubtype, 'Call');
        assert.equal(log?.fields.Flex_Task_Sid__c, offered.taskSid);
        // Copilot notes are off in the sandbox's default settings.
        assert.equal(log?.fields.Description, undefined);
        // refreshView re-rendered the open record page.
        await page.getByText('Activity history (1)').waitFor({ timeout: 5000 });
        assert.deepEqual(pageErrors, []);
        await page.close();
    });

    test('a Case a flow linked is related by WhatId, with Copilot notes when they are on', async () => {
        const settings = encodeURIComponent(JSON.stringify({ copilot_notes: true }));
        const { page, softphone } = await openConsole(sandbox(), `?flexSettings=${settings}`);
        const offered = await softphone.evaluate(
            (caseId) =>
                (window as unknown as PhoneWindow).sandboxPhone.offerInbound({
                    from: '+15550100999',
                    attributes: { sfdcObjectId: caseId, sfdcObjectType: 'Case' }
                }),
            IDS.caseBrokenEngine
        );
        await softphone.evaluate(async (sid) => {
            const phone = (window as unknown as PhoneWindow).sandboxPhone;
            await phone.accept(sid);
            phone.submitNotes(
                {
                    summary: 'Engine part on back order.',
                    sentiment: 'neutral',
                    dispositionCode: 'Follow-up',
                    topicPath: 'Engines > Parts'
                },
                sid
            );
        }, offered.reservationSid);
        await finishCall(softphone, offered.reservationSid);
        const [log] = await eventually(
            () => activitiesOf(page, IDS.caseBrokenEngine),
            (list) => list.length > 0
        );
        assert.equal(log?.fields.WhatId, IDS.caseBrokenEngine);
        assert.equal(log?.fields.WhoId, undefined);
        assert.equal(log?.fields.Description, 'Engine part on back order.');
        assert.equal(log?.fields.CallDisposition, 'Follow-up');
        assert.equal(log?.fields.Flex_Sentiment__c, 'neutral');
        assert.equal(log?.fields.Flex_Topics__c, 'Engines > Parts');
        await page.close();
    });

    test('three saveLog failures: the agent sees the log waiting, then exactly one Task', async () => {
        const { page, softphone } = await openConsole(sandbox());
        await page.evaluate(() =>
            (window as unknown as ConsoleWindow).sandboxConsole.inject({
                methodName: 'saveLog',
                mode: 'fail',
                count: 3
            })
        );
        const offered = await answerGrace(softphone);
        await finishCall(softphone, offered.reservationSid);
        await softphone
            .getByText('Activity logs waiting for Salesforce: 1')
            .waitFor({ timeout: 10000 });

        const activities = await eventually(
            () => activitiesOf(page, IDS.graceContact),
            (list) => list.length > 0,
            30000
        );
        assert.equal(activities.length, 1);
        assert.equal((await saveLogRequests(page)).length, 4);
        await softphone
            .getByText('Activity logs waiting for Salesforce: 1')
            .waitFor({ state: 'detached', timeout: 5000 });
        await page.close();
    });

    test('reloading the softphone while a log is in flight: exactly one Task afterwards', async () => {
        const { page, softphone } = await openConsole(sandbox());
        const offered = await answerGrace(softphone);
        // Salesforce never answers this saveLog: the log is in flight when the softphone reloads.
        await page.evaluate(() =>
            (window as unknown as ConsoleWindow).sandboxConsole.inject({
                methodName: 'saveLog',
                mode: 'drop',
                count: 1
            })
        );
        await finishCall(softphone, offered.reservationSid);
        await eventually(
            () => saveLogRequests(page),
            (requests) => requests.length === 1
        );
        await page.evaluate(() =>
            (window as unknown as ConsoleWindow).sandboxConsole.reloadSoftphone()
        );
        await softphoneFrame(page);

        const activities = await eventually(
            () => activitiesOf(page, IDS.graceContact),
            (list) => list.length > 0,
            30000
        );
        assert.equal(activities.length, 1);
        assert.equal(activities[0]?.fields.Flex_Task_Sid__c, offered.taskSid);
        // Nothing else is sent later: the confirmed log is out of the outbox for good.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        assert.equal((await saveLogRequests(page)).length, 2);
        assert.equal((await activitiesOf(page, IDS.graceContact)).length, 1);
        await page.close();
    });
});
