// End to end: the softphone is a third-party frame (another site than the console), as Flex is
// inside Salesforce. What happens when the agent's browser blocks its storage, and what the
// integration does where Flex loads but can keep nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { IDS } from '../console/fixtures.ts';
import {
    activitiesOf,
    answerCall,
    eventually,
    finishCall,
    journalOf,
    openConsole,
    requestsOf,
    sandboxForTests,
    softphoneFrame,
    type ConsoleWindow
} from './harness.ts';

/** The softphone frame, once its page has run its scripts (whether Flex started or not). */
async function loadedSoftphone(page: Page) {
    const handle = await page.waitForSelector('#softphone', { state: 'attached' });
    await page.waitForFunction(() =>
        Boolean(document.querySelector('iframe#softphone')?.getAttribute('src'))
    );
    const frame = await handle.contentFrame();
    assert.ok(frame, 'no softphone frame');
    await frame.waitForLoadState('load');
    return frame;
}

describe('site data blocked for the softphone’s site (all cookies blocked, or a policy for Flex’s site)', () => {
    const sandbox = sandboxForTests({ softphoneSiteDataBlocked: true });

    test('the real Flex UI does not load; the console keeps working and says nothing to Flex', async () => {
        const page = await sandbox().browser.newPage();
        const consoleErrors: string[] = [];
        page.on('pageerror', (error) => consoleErrors.push(error.message));
        await page.goto(`${sandbox().server.origins.console}/`);
        const softphone = await loadedSoftphone(page);

        // The frame really is third-party with its storage blocked, as the browser decides.
        const access = await softphone.evaluate(() => {
            try {
                return typeof window.sessionStorage;
            } catch (error) {
                return error instanceof DOMException ? error.name : String(error);
            }
        });
        assert.equal(access, 'SecurityError');
        assert.notEqual(new URL(softphone.url()).hostname, new URL(page.url()).hostname);

        const banner = softphone.locator('#sandbox-fatal');
        await banner.waitFor({ state: 'visible', timeout: 30000 });
        assert.match(
            (await banner.textContent()) ?? '',
            /The Flex UI did not load: .*Failed to read the 'sessionStorage' property from 'Window': Access is denied/
        );
        // No Flex, so no plugin: Open CTI was never started and the console is untouched.
        assert.deepEqual(
            (await journalOf(page)).filter((entry) => entry.kind === 'request'),
            []
        );
        await page.getByText('Choose a record on the left').waitFor({ timeout: 5000 });
        // The only page error is Flex's own, from the frame: the console page has none.
        assert.deepEqual(
            consoleErrors.filter((message) => !/'sessionStorage'.*Access is denied/.test(message)),
            []
        );
        await page.close();
    });
});

describe('third-party cookies allowed (as Twilio asks of agents’ browsers)', () => {
    const sandbox = sandboxForTests();

    test('the softphone’s storage is partitioned by the console’s site, as in production', async () => {
        // One browser context (one profile's storage) for both pages.
        const context = await sandbox().browser.newContext();
        const page = await context.newPage();
        await page.goto(`${sandbox().server.origins.console}/`);
        const softphone = await softphoneFrame(page);
        await softphone.evaluate(() => localStorage.setItem('sandbox-partition-probe', 'framed'));
        // The softphone's own site, opened top-level in the same context, does not see what the
        // softphone wrote while framed by the console.
        const topLevel = await context.newPage();
        await topLevel.goto(`${sandbox().server.origins.softphone}/softphone/softphone.css`);
        assert.equal(
            await topLevel.evaluate(() => localStorage.getItem('sandbox-partition-probe')),
            null
        );
        assert.equal(
            await softphone.evaluate(() => localStorage.getItem('sandbox-partition-probe')),
            'framed'
        );
        await context.close();
    });
});

describe('third-party cookies blocked (Chrome’s default in incognito windows)', () => {
    const sandbox = sandboxForTests({ thirdPartyCookies: 'blocked' });

    test('storage is still there (partitioned): Flex loads and the integration starts', async () => {
        const { page, softphone, pageErrors } = await openConsole(sandbox());
        assert.equal(
            await softphone.evaluate(() => {
                localStorage.setItem('sandbox-probe', '1');
                return localStorage.getItem('sandbox-probe');
            }),
            '1'
        );
        await eventually(
            () => journalOf(page),
            (entries) =>
                entries.some(
                    (entry) => entry.kind === 'response' && entry.methodName === 'enableClickToDial'
                ),
            30000
        );
        assert.deepEqual(pageErrors, []);
        await page.close();
    });
});

describe('localStorage full in the softphone (simulated; sessionStorage works)', () => {
    const sandbox = sandboxForTests();

    test('localStorage full: Flex loads; the agent is told at start-up, and logs still reach Salesforce once each from memory', async () => {
        const { page, softphone } = await openConsole(sandbox(), '?sandboxStorage=local-full');
        const pageErrorStacks: string[] = [];
        page.on('pageerror', (error) => pageErrorStacks.push(error.stack ?? error.message));
        const write = await softphone.evaluate(() => {
            try {
                window.localStorage.setItem('probe', '1');
                return 'written';
            } catch (error) {
                return error instanceof DOMException ? error.name : String(error);
            }
        });
        assert.equal(write, 'QuotaExceededError');
        await softphone
            .getByText(/Flex cannot keep activity logs in this browser\./)
            .first()
            .waitFor({ timeout: 10000 });

        // Salesforce fails the first save: the log waits in memory, marked as not kept, and is
        // sent again.
        await page.evaluate(() =>
            (window as unknown as ConsoleWindow).sandboxConsole.inject({
                methodName: 'saveLog',
                mode: 'fail',
                count: 1
            })
        );
        const offered = await answerCall(softphone, '+12125550142');
        await eventually(
            () => journalOf(page),
            (entries) =>
                entries.some(
                    (entry) => entry.kind === 'request' && entry.methodName === 'searchAndScreenPop'
                )
        );
        await finishCall(softphone, offered.reservationSid);
        await softphone.getByText('Not kept if Flex reloads').waitFor({ timeout: 10000 });
        const activities = await eventually(
            () => activitiesOf(page, IDS.graceContact),
            (list) => list.length > 0,
            30000
        );
        assert.equal(activities.length, 1);
        assert.equal(activities[0]?.fields.Flex_Task_Sid__c, offered.taskSid);
        const saves = await requestsOf(page, 'saveLog');
        assert.equal(saves.length, 2);
        // Flex's own writes throw uncaught in this browser; the plugin catches every one of its own.
        assert.deepEqual(
            pageErrorStacks.filter(
                (stack) =>
                    !/QuotaExceededError/.test(stack) ||
                    !/flex-runtime\.js/.test(stack) ||
                    /plugin-salesforce-integration/.test(stack)
            ),
            []
        );
        await page.close();
    });
});
