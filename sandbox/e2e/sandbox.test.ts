// End to end: the console, the real LWC, the real Flex UI and the real plugin bundle in Chromium.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { IDS } from '../console/fixtures.ts';
import {
    answerCall,
    eventually,
    journalOf,
    openConsole,
    selectTask,
    softphoneFrame,
    taskOf,
    tasksOf,
    sandboxForTests,
    type ConsoleWindow,
    type PhoneWindow
} from './harness.ts';

const sandbox = sandboxForTests();

describe('sandbox end to end', () => {
    test('inbound call with one match: screen pop and task attributes', async () => {
        const { page, softphone, pageErrors } = await openConsole(sandbox());
        const offered = await answerCall(softphone, '+12125550142');
        const state = await eventually(
            () => page.evaluate(() => (window as unknown as ConsoleWindow).sandboxConsole.state()),
            (value) => value.currentRecordId === IDS.graceContact
        );
        assert.equal(state.currentRecordId, IDS.graceContact);
        const task = await eventually(
            () => taskOf(softphone, offered.reservationSid),
            (value) => value?.attributes.sfdcObjectId !== undefined
        );
        assert.equal(task?.attributes.sfdcObjectId, IDS.graceContact);
        assert.equal(task?.attributes.sfdcObjectType, 'Contact');
        assert.equal(await page.textContent('[data-id="record-name"]'), 'Grace Hopper');
        assert.deepEqual(pageErrors, []);
        await page.close();
    });

    test('several matches: candidates in the LWC, the agent chooses, both sides show the link', async () => {
        const { page, softphone } = await openConsole(sandbox());
        await page.click('#picker-item');
        await page.click('#softphone-item');
        const offered = await answerCall(softphone, '+14155550123');
        await selectTask(softphone, offered.reservationSid);
        const picker = page.locator('c-flex-record-picker');
        await picker.locator('[data-id="candidates"] button').first().waitFor();
        const candidates = await picker.locator('[data-id="candidates"] button').allTextContents();
        assert.equal(candidates.length, 3, candidates.join(' | '));
        await picker.locator('[data-id="candidates"] button', { hasText: 'Ada Byron' }).click();
        const task = await eventually(
            () => taskOf(softphone, offered.reservationSid),
            (value) => value?.attributes.sfdcObjectId === IDS.adaLead
        );
        assert.equal(task?.attributes.sfdcObjectType, 'Lead');
        await picker.locator('[data-id="selected"]', { hasText: 'Ada Byron' }).waitFor();
        // The plugin's chooser in Flex's task canvas shows the same choice.
        await softphone.locator('input[type="radio"]:checked').waitFor({ timeout: 8000 });
        await page.close();
    });

    test('several matches chosen in the task-canvas chooser reach the LWC', async () => {
        const { page, softphone } = await openConsole(sandbox());
        await page.click('#picker-item');
        await page.click('#softphone-item');
        const offered = await answerCall(softphone, '+14155550123');
        await selectTask(softphone, offered.reservationSid);
        const radio = softphone.getByRole('radio', { name: /Analytical Engines Inc/ });
        await radio.waitFor({ timeout: 10000 });
        await radio.check();
        const task = await eventually(
            () => taskOf(softphone, offered.reservationSid),
            (value) => value?.attributes.sfdcObjectId === IDS.analyticalEngines
        );
        assert.equal(task?.attributes.sfdcObjectType, 'Account');
        await page
            .locator('c-flex-record-picker [data-id="selected"]', {
                hasText: 'Analytical Engines Inc.'
            })
            .waitFor();
        await page.close();
    });

    test('a second task held during a call keeps its own record, and the picker follows the selected task', async () => {
        const { page, softphone } = await openConsole(sandbox());
        await page.click('#picker-item');
        const call = await answerCall(softphone, '+12125550142');
        await eventually(
            () => taskOf(softphone, call.reservationSid),
            (task) => task?.attributes.sfdcObjectId === IDS.graceContact
        );
        const chat = await softphone.evaluate(() =>
            (window as unknown as PhoneWindow).sandboxPhone.holdSecondTask({
                from: 'Linda Keen',
                attributes: { sfdcSearchString: 'Linda Keen' }
            })
        );
        assert.equal(chat.channel, 'chat');
        const flexTasks = await eventually(
            () => tasksOf(softphone),
            (tasks) => tasks.filter((task) => task.status === 'accepted').length === 2
        );
        assert.deepEqual(
            flexTasks
                .filter((task) => task.status === 'accepted')
                .map((task) => task.channel)
                .sort(),
            ['chat', 'voice']
        );
        const selected = page.locator('c-flex-record-picker [data-id="selected"]');
        await selectTask(softphone, chat.reservationSid);
        await selected.filter({ hasText: 'Linda Keen' }).waitFor();
        await selectTask(softphone, call.reservationSid);
        await selected.filter({ hasText: 'Grace Hopper' }).waitFor();
        const [callNow, chatNow] = await Promise.all([
            taskOf(softphone, call.reservationSid),
            taskOf(softphone, chat.reservationSid)
        ]);
        assert.equal(callNow?.attributes.sfdcObjectId, IDS.graceContact);
        assert.equal(chatNow?.attributes.sfdcObjectId, IDS.lindaLead);
        await page.close();
    });

    test('click-to-dial on a record page starts an outbound task with E.164 and the record', async () => {
        const { page, softphone } = await openConsole(sandbox(), `#/${IDS.lindaLead}`);
        await page.locator('[data-click-to-dial="Phone"]').click();
        const tasks = await eventually(
            () => tasksOf(softphone),
            (value) => value.some((task) => task.attributes.direction === 'outbound')
        );
        const outbound = tasks.find((task) => task.attributes.direction === 'outbound');
        assert.equal(outbound?.attributes.outbound_to, '+16505550199');
        assert.equal(outbound?.attributes.sfdcObjectId, IDS.lindaLead);
        assert.equal(outbound?.attributes.sfdcObjectType, 'Lead');
        assert.equal(outbound?.attributes.sfdcObjectName, 'Linda Keen');
        const accepted = await eventually(
            () => taskOf(softphone, outbound?.reservationSid ?? '').then((task) => task?.status),
            (status) => status === 'accepted'
        );
        assert.equal(accepted, 'accepted', 'Flex accepts its own outbound call');
        await page.close();
    });

    test('messages from a frame of another origin are ignored by both sides', async () => {
        const { page, softphone } = await openConsole(sandbox(), `#/${IDS.lindaLead}`);
        await page.route('https://foreign.example/**', (route) =>
            route.fulfill({
                contentType: 'text/html',
                body: '<!doctype html><title>foreign</title>'
            })
        );
        await page.evaluate(() => {
            const frame = document.createElement('iframe');
            frame.id = 'foreign';
            frame.src = 'https://foreign.example/frame.html';
            document.body.append(frame);
        });
        const foreign = await (await page.waitForSelector('#foreign')).contentFrame();
        assert.ok(foreign);
        await foreign.waitForLoadState();
        await foreign.evaluate(() => {
            // Pretend to be the softphone (to the console) and the console (to the softphone).
            const request = {
                methodName: 'saveLog',
                callId: 1,
                apiVersion: '67.0',
                apiType: 'opencti',
                isCallbackRegistered: true,
                isListenerRegistered: false,
                args: { object: { entityApiName: 'Task', Subject: 'forged' } }
            };
            window.parent.postMessage(request, '*');
            const dial = {
                apiVersion: '67.0',
                apiType: 'opencti',
                methodName: 'onClickToDial',
                eventName: 'onClickToDial',
                shouldExecuteCallback: false,
                shouldExecuteListener: true,
                response: {
                    success: true,
                    returnValue: {
                        number: '+15555550100',
                        recordId: '003000000000001AAA',
                        objectType: 'Contact'
                    },
                    errors: null
                }
            };
            window.parent.frames[0]?.postMessage(dial, '*');
        });
        const journal = await eventually(
            () => journalOf(page),
            (entries) => entries.some((entry) => entry.kind === 'refused')
        );
        assert.ok(
            journal.some((entry) => entry.kind === 'refused' && entry.methodName === 'saveLog')
        );
        assert.equal(
            journal.filter((entry) => entry.kind === 'request' && entry.methodName === 'saveLog')
                .length,
            0
        );
        await page.waitForTimeout(500);
        const tasks = await tasksOf(softphone);
        assert.equal(tasks.length, 0, 'the forged click-to-dial placed no call');
        const records = await page.evaluate(() =>
            (window as unknown as ConsoleWindow).sandboxConsole.records()
        );
        assert.equal(records.filter((record) => record.objectApiName === 'Task').length, 0);
        await page.close();
    });

    test('a forged LMS selection is refused and the LWC shows the error', async () => {
        const { page, softphone } = await openConsole(sandbox());
        await page.click('#picker-item');
        const offered = await answerCall(softphone, '+16505550199');
        await eventually(
            () =>
                taskOf(softphone, offered.reservationSid).then(
                    (task) => task?.attributes.sfdcObjectId
                ),
            (value) => value === IDS.lindaLead
        );
        // A record ID whose checksum is wrong, published as if by the picker.
        const forgedId = IDS.graceContact.slice(0, 15) + 'ZZZ';
        await page.evaluate(
            ([recordId, taskSid]) =>
                (window as unknown as ConsoleWindow).sandboxConsole.lms.publish(
                    'Flex_Record_Selection__c',
                    {
                        action: 'select',
                        recordId,
                        objectApiName: 'Contact',
                        recordName: 'Forged',
                        taskSid
                    },
                    'forger'
                ),
            [forgedId, offered.taskSid] as const
        );
        await page.locator('c-flex-record-picker [data-id="error"]').waitFor();
        const task = await taskOf(softphone, offered.reservationSid);
        assert.equal(task?.attributes.sfdcObjectId, IDS.lindaLead, 'the link did not change');
        await page.close();
    });

    test('Open CTI failing: Flex keeps working and the agent is told why', async () => {
        const { page } = await openConsole(sandbox());
        await page.evaluate(() => {
            const api = (window as unknown as ConsoleWindow).sandboxConsole;
            api.inject({ methodName: 'enableClickToDial', mode: 'fail', count: 1 });
            api.inject({ methodName: 'subscribe', mode: 'fail', count: 1 });
            api.reloadSoftphone();
        });
        await page.click('#softphone-item');
        await eventually(
            () => journalOf(page),
            (entries) =>
                entries.some(
                    (entry) => entry.kind === 'response' && entry.methodName === 'enableClickToDial'
                ),
            30000
        );
        const softphone = await softphoneFrame(page);
        await softphone
            .getByText(/Salesforce .* is off: .*Calls and chats still work/)
            .first()
            .waitFor({ timeout: 10000 });
        const state = await page.evaluate(() =>
            (window as unknown as ConsoleWindow).sandboxConsole.state()
        );
        assert.equal(state.clickToDial, false);
        const offered = await answerCall(softphone, '+12125550142');
        const status = await eventually(
            () => taskOf(softphone, offered.reservationSid).then((task) => task?.status),
            (value) => value === 'accepted'
        );
        assert.equal(status, 'accepted');
        await page.close();
    });

    test('Salesforce not answering at start-up: Flex shows its desktop without waiting for it', async () => {
        const { page } = await openConsole(sandbox());
        const seen = (await journalOf(page)).length;
        await page.evaluate(() => {
            const api = (window as unknown as ConsoleWindow).sandboxConsole;
            // The reloaded softphone's LMS subscription never gets an answer.
            api.inject({ methodName: 'subscribe', mode: 'drop', count: 1 });
            api.reloadSoftphone();
        });
        const entries = await eventually(
            async () => (await journalOf(page)).slice(seen),
            (list) =>
                list.some((entry) => entry.kind === 'request' && entry.methodName === 'subscribe'),
            30000
        );
        const subscribe = entries.find(
            (entry) => entry.kind === 'request' && entry.methodName === 'subscribe'
        );
        assert.ok(subscribe);
        const softphone = await softphoneFrame(page);
        const readyAt = await softphone.evaluate(
            () =>
                performance.timeOrigin +
                (performance.getEntriesByName('sandbox:flex-ready', 'mark')[0]?.startTime ?? NaN)
        );
        const subscribedAt = (await page.evaluate(() => performance.timeOrigin)) + subscribe.at;
        // The plugin gives up on the call after opencti_timeout_ms (5 s in the sandbox): Flex's
        // agent desktop was up long before that, instead of after it.
        assert.ok(
            readyAt < subscribedAt + 4000,
            `Flex ready ${Math.round(readyAt - subscribedAt)} ms after the unanswered subscribe`
        );
        await softphone
            .getByText(/Salesforce record selection is off: .*Calls and chats still work/)
            .first()
            .waitFor({ timeout: 15000 });
        const offered = await answerCall(softphone, '+12125550142');
        const status = await eventually(
            () => taskOf(softphone, offered.reservationSid).then((task) => task?.status),
            (value) => value === 'accepted'
        );
        assert.equal(status, 'accepted');
        await page.close();
    });
});
