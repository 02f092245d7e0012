// End to end, one scenario list for every way Flex runs in Salesforce (salesforceModes.ts): with
// Open CTI, and without it (the package's softphone LWC hosting Flex over the bridge). The real
// Flex UI, the built plugin and the package's real LWCs in Chromium. A capability that works over
// one transport and not the other fails. Each mode runs it from its own test file (one sandbox
// and one time limit per file): salesforceOpenCti.test.ts, salesforceLwc.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { IDS } from '../console/fixtures.ts';
import {
    activitiesOf,
    answerCall,
    eventually,
    finishCall,
    selectTask,
    taskOf,
    tasksOf,
    sandboxForTests,
    type ConsoleWindow
} from './harness.ts';
import type { SalesforceMode } from './salesforceModes.ts';

const GRACE = '+12125550142';
const SHARED = '+14155550123';

const consoleState = (page: import('playwright-core').Page) =>
    page.evaluate(() => (window as unknown as ConsoleWindow).sandboxConsole.state());

/** The shared scenarios, in one mode, with one sandbox for the calling test file. */
export function salesforceScenarios(mode: SalesforceMode): void {
    const sandbox = sandboxForTests();
    describe(`Salesforce ${mode.name}`, () => {
        test('screen pop, one match: the record opens and the call is linked to it', async () => {
            const { page, flex, pageErrors } = await mode.open(sandbox());
            const offered = await answerCall(flex, GRACE);
            const state = await eventually(
                () => consoleState(page),
                (value) => value.currentRecordId === IDS.graceContact
            );
            assert.equal(state.currentRecordId, IDS.graceContact);
            const task = await eventually(
                () => taskOf(flex, offered.reservationSid),
                (value) => value?.attributes[mode.linkKeys.id] !== undefined
            );
            assert.equal(task?.attributes[mode.linkKeys.id], IDS.graceContact);
            assert.equal(task?.attributes[mode.linkKeys.type], 'Contact');
            assert.deepEqual(pageErrors, []);
            await page.close();
        });

        test('several matches, chosen in the record picker: the call is linked to the choice', async () => {
            const { page, flex } = await mode.open(sandbox());
            await page.click('#picker-item');
            const offered = await answerCall(flex, SHARED);
            await selectTask(flex, offered.reservationSid);
            const picker = page.locator('c-flex-record-picker');
            const candidates = picker.locator('[data-id="candidates"] button');
            await candidates.first().waitFor({ timeout: 15000 });
            assert.ok(
                (await candidates.count()) >= 2,
                (await candidates.allTextContents()).join(' | ')
            );
            await picker.locator('[data-id="candidates"] button', { hasText: 'Ada Byron' }).click();
            const task = await eventually(
                () => taskOf(flex, offered.reservationSid),
                (value) => value?.attributes[mode.linkKeys.id] === IDS.adaLead
            );
            assert.equal(task?.attributes[mode.linkKeys.type], 'Lead');
            await picker.locator('[data-id="selected"]', { hasText: 'Ada Byron' }).waitFor();
            await page.close();
        });

        test("several matches, chosen in Flex's chooser: the picker shows the choice", async () => {
            const { page, flex } = await mode.open(sandbox());
            await page.click('#picker-item');
            await page.click('#softphone-item');
            const offered = await answerCall(flex, SHARED);
            await selectTask(flex, offered.reservationSid);
            const radio = flex.getByRole('radio', { name: /Ada Lovelace/ });
            await radio.waitFor({ timeout: 15000 });
            await radio.check();
            const task = await eventually(
                () => taskOf(flex, offered.reservationSid),
                (value) => value?.attributes[mode.linkKeys.id] === IDS.adaContact
            );
            assert.equal(task?.attributes[mode.linkKeys.type], 'Contact');
            await page
                .locator('c-flex-record-picker [data-id="selected"]', { hasText: 'Ada Lovelace' })
                .waitFor();
            await page.close();
        });

        test('click-to-dial from a record: an outbound call in E.164, linked to the record', async () => {
            const { page, flex } = await mode.open(sandbox(), `#/${IDS.lindaLead}`);
            await mode.clickToDial(page);
            const tasks = await eventually(
                () => tasksOf(flex),
                (value) => value.some((task) => task.attributes.direction === 'outbound'),
                15000
            );
            const outbound = tasks.find((task) => task.attributes.direction === 'outbound');
            assert.equal(outbound?.attributes.outbound_to, '+16505550199');
            assert.equal(outbound?.attributes[mode.linkKeys.id], IDS.lindaLead);
            assert.equal(outbound?.attributes[mode.linkKeys.type], 'Lead');
            await page.close();
        });

        test('activity log with two failed saves and a reload of Flex: exactly one Task', async () => {
            const { page, flex } = await mode.open(sandbox());
            const offered = await answerCall(flex, GRACE);
            await eventually(
                () => taskOf(flex, offered.reservationSid),
                (value) => value?.attributes[mode.linkKeys.id] === IDS.graceContact
            );
            await mode.failSaves(page, 'fail', 2);
            await finishCall(flex, offered.reservationSid);
            await flex
                .getByText('Activity logs waiting for Salesforce: 1')
                .waitFor({ timeout: 15000 });
            // The agent reloads Flex while the log waits for its next try.
            const reloaded = await mode.reloadFlex(page);
            const activities = await eventually(
                () => activitiesOf(page, IDS.graceContact),
                (list) => list.length > 0,
                45000
            );
            assert.equal(activities.length, 1);
            assert.equal(activities[0]?.fields.Flex_Task_Sid__c, offered.taskSid);
            assert.ok((await mode.saveAttempts(page)) >= 3);
            // Nothing more arrives later: the confirmed log left the outbox for good.
            await new Promise((resolve) => setTimeout(resolve, 2000));
            assert.equal((await activitiesOf(page, IDS.graceContact)).length, 1);
            assert.ok(reloaded);
            await page.close();
        });

        test('Salesforce failing the search: Flex keeps the call and tells the agent why', async () => {
            const { page, flex } = await mode.open(sandbox());
            await mode.failSearch(page);
            const offered = await answerCall(flex, GRACE);
            await flex
                .getByText(/Flex could not find or open the customer record in Salesforce/)
                .first()
                .waitFor({ timeout: 15000 });
            const status = await eventually(
                () => taskOf(flex, offered.reservationSid).then((task) => task?.status),
                (value) => value === 'accepted'
            );
            assert.equal(status, 'accepted');
            await page.close();
        });
    });
}
