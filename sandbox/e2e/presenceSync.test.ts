// End to end: presence sync in the sandbox console, with the real Flex UI and plugin and the
// package's real c:flexPresenceSync inside its real Aura controller, over the console's
// Omni-Channel; with Open CTI (Flex_Presence__c through Open CTI) and without (through the Flex
// Softphone LWC and the bridge). Both directions, an unmapped status left alone, a status the agent
// may not use reported once, and no echo: every change is counted on both sides.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import {
    eventually,
    openDemoCrm,
    sandboxForTests,
    type ConsoleWindow,
    type PhoneWindow
} from './harness.ts';
import { OPEN_CTI, WITHOUT_OPEN_CTI } from './salesforceModes.ts';

const sandbox = sandboxForTests();

/** Omni-Channel's changes so far, as [status or null, reason]. */
const omniChanges = (page: Page) =>
    page.evaluate(() =>
        (window as unknown as ConsoleWindow).sandboxConsole.omni.changes.map((change) => [
            change.status,
            change.reason
        ])
    );
/** Flex's activity changes so far (TaskRouter's worker). */
const flexChanges = (softphone: Frame) =>
    softphone.evaluate(() => (window as unknown as PhoneWindow).sandboxPhone.activityChanges());

const agentSetsFlex = (softphone: Frame, name: string) =>
    softphone.evaluate(
        (activity) => (window as unknown as PhoneWindow).sandboxPhone.setActivity(activity),
        name
    );
const agentSetsOmni = (page: Page, status: string | null) =>
    page.evaluate(
        (value) => (window as unknown as ConsoleWindow).sandboxConsole.omni.agentSets(value),
        status
    );

/** Lets any echo a change could cause travel both ways (it must not come). */
const quiet = () => new Promise((resolve) => setTimeout(resolve, 1000));

/** The presence utility's line once it knows both states. */
async function presenceLine(page: Page, expected: string): Promise<string> {
    return eventually(
        () => page.locator('c-flex-presence-sync [data-id="state"]').textContent(),
        (text) => text === expected
    ) as Promise<string>;
}

describe('presence sync end to end', () => {
    for (const mode of [OPEN_CTI, WITHOUT_OPEN_CTI]) {
        test(`${mode.name}: both directions, unmapped left alone, refused reported once, and no echo`, async () => {
            const { page, flex: softphone, pageErrors } = await mode.open(sandbox());
            await page.click('#omni-item');
            await presenceLine(page, 'Flex: Available. Omni-Channel: Available.');

            // Flex → Omni-Channel: the agent takes a break in Flex.
            await agentSetsFlex(softphone, 'Break');
            await eventually(
                () => omniChanges(page),
                (changes) => changes.length === 1
            );
            await quiet();
            assert.deepEqual(await omniChanges(page), [['Break', 'OmniToolkitStatusChange']]);
            assert.deepEqual(await flexChanges(softphone), ['Break']);
            await presenceLine(page, 'Flex: Break. Omni-Channel: Break.');
            assert.equal(await page.locator('#omni-status').inputValue(), 'Break');

            // Omni-Channel → Flex: the agent picks Available in the Omni-Channel widget.
            await page.selectOption('#omni-status', 'Available');
            await eventually(
                () => flexChanges(softphone),
                (changes) => changes.length === 2
            );
            await quiet();
            assert.deepEqual(await flexChanges(softphone), ['Break', 'Available']);
            assert.deepEqual(await omniChanges(page), [
                ['Break', 'OmniToolkitStatusChange'],
                ['Available', 'OmniManualStatusChange']
            ]);

            // Unmapped: Training in Omni-Channel leaves Flex alone.
            await agentSetsOmni(page, 'Training');
            await quiet();
            assert.deepEqual(await flexChanges(softphone), ['Break', 'Available']);

            // Logged out of Omni-Channel ↔ Offline in Flex.
            await agentSetsOmni(page, null);
            await eventually(
                () => flexChanges(softphone),
                (changes) => changes.length === 3
            );
            await agentSetsFlex(softphone, 'Available');
            await eventually(
                () => omniChanges(page),
                (changes) => changes.length === 5
            );
            await quiet();
            assert.deepEqual(await flexChanges(softphone), [
                'Break',
                'Available',
                'Offline',
                'Available'
            ]);
            assert.deepEqual((await omniChanges(page)).slice(2), [
                ['Training', 'OmniManualStatusChange'],
                [null, 'logout'],
                ['Available', 'OmniToolkitStatusChange']
            ]);

            // A status the agent may not use: Unavailable maps to Busy, which is not granted.
            await agentSetsFlex(softphone, 'Unavailable');
            await eventually(
                () =>
                    page.evaluate(() =>
                        (window as unknown as ConsoleWindow).sandboxConsole.toasts()
                    ),
                (toasts) => toasts.length === 1
            );
            await agentSetsFlex(softphone, 'Available');
            await agentSetsFlex(softphone, 'Unavailable');
            await quiet();
            const toasts = await page.evaluate(() =>
                (window as unknown as ConsoleWindow).sandboxConsole.toasts()
            );
            assert.equal(toasts.length, 1, 'reported once');
            assert.match(toasts[0]?.message ?? '', /did not set your status to Busy/);
            assert.equal((await omniChanges(page)).length, 5, 'Busy never set, never retried');
            assert.deepEqual((await flexChanges(softphone)).slice(4), [
                'Unavailable',
                'Available',
                'Unavailable'
            ]);
            assert.deepEqual(pageErrors, []);
        });
    }

    test('a web app (the demo CRM): its own status and the Flex activity follow each other, without echo', async () => {
        const { page, flex, pageErrors } = await openDemoCrm(sandbox());
        const crmChanges = () =>
            page.evaluate(
                () =>
                    (
                        window as unknown as {
                            demoCrm: { seen: { statusChanges: { status: string; by: string }[] } };
                        }
                    ).demoCrm.seen.statusChanges
            );
        await page.waitForSelector('#crm-status option', { state: 'attached' });

        // The app → Flex: the agent goes on break in the CRM.
        await page.selectOption('#crm-status', 'break');
        await eventually(
            () => flexChanges(flex),
            (changes) => changes.length === 1
        );
        // Flex → the app: the agent picks Unavailable in Flex; then Offline, which the app leaves alone.
        await agentSetsFlex(flex, 'Unavailable');
        await eventually(
            () => crmChanges(),
            (changes) => changes.length === 2
        );
        await agentSetsFlex(flex, 'Offline');
        await quiet();
        assert.deepEqual(await flexChanges(flex), ['Break', 'Unavailable', 'Offline']);
        assert.deepEqual(await crmChanges(), [
            { status: 'break', by: 'agent' },
            { status: 'away', by: 'flex' }
        ]);
        assert.equal(await page.locator('#crm-status').inputValue(), 'away');
        assert.deepEqual(pageErrors, []);
    });
});
