// End to end: the agent UI enhancements in the sandbox console, with the real Flex UI and plugin
// bundle in Chromium: pop-out through overlapping calls, the utility bar item through a call, the
// Open CTI calls each state change costs, and the panel, CRM container and logo.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
    eventually,
    journalOf,
    offerCall,
    openConsole,
    sandboxForTests,
    type ConsoleWindow,
    type PhoneWindow
} from './harness.ts';

const sandbox = sandboxForTests();

const consoleState = (page: Page) =>
    page.evaluate(() => (window as unknown as ConsoleWindow).sandboxConsole.state());
/** Waits until the console has seen `count` utility item changes, and returns them. */
const itemHistory = (page: Page, count: number) =>
    eventually(
        () => consoleState(page).then((state) => state.itemHistory),
        (history) => history.length >= count
    );

/** The Open CTI requests the plugin sent after journal entry `since`, by method. */
async function requestsSince(page: Page, since: number): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const entry of await journalOf(page)) {
        if (entry.seq > since && entry.kind === 'request') {
            counts[entry.methodName] = (counts[entry.methodName] ?? 0) + 1;
        }
    }
    return counts;
}

const lastSeq = async (page: Page) => (await journalOf(page)).at(-1)?.seq ?? 0;

/** Lets every Open CTI request a state change causes reach the console. */
const quiet = () => new Promise((resolve) => setTimeout(resolve, 600));

describe('agent UI end to end', () => {
    test('utility bar item through a call, and the Open CTI calls each state change costs', async () => {
        const { page, softphone } = await openConsole(sandbox());
        assert.deepEqual(await itemHistory(page, 2), ['icon:call', 'label:Available']);
        const perChange: Record<string, Record<string, number>> = {};

        let since = await lastSeq(page);
        const offered = await offerCall(softphone, '+15550100999');
        await itemHistory(page, 4);
        await quiet();
        perChange.offered = await requestsSince(page, since);

        /** The agent (or caller) moves the call on; records what it cost in Open CTI requests. */
        const step = async (name: 'accept' | 'hangUp' | 'complete', expected: number) => {
            since = await lastSeq(page);
            await softphone.evaluate(
                async ({ sid, which }) => {
                    const board = (window as unknown as PhoneWindow).sandboxPhone;
                    if (which === 'accept') await board.accept(sid);
                    if (which === 'hangUp') await board.hangUp(sid);
                    if (which === 'complete') await board.complete(sid);
                },
                { sid: offered.reservationSid, which: name }
            );
            await itemHistory(page, expected);
            await quiet();
            perChange[name] = await requestsSince(page, since);
        };
        await step('accept', 6);
        await step('hangUp', 6);
        await step('complete', 7);

        assert.deepEqual((await consoleState(page)).itemHistory, [
            'icon:call',
            'label:Available',
            'icon:alert',
            'label:Incoming call',
            'icon:call',
            'label:1 active task',
            'label:Available'
        ]);
        const only = (counts: Record<string, number>, methods: string[]) =>
            Object.fromEntries(methods.map((method) => [method, counts[method] ?? 0]));
        const UI = [
            'setSoftphoneItemIcon',
            'setSoftphoneItemLabel',
            'setCustomConsoleComponentPopoutable',
            'isSoftphonePanelVisible',
            'setSoftphonePanelVisibility'
        ];
        assert.deepEqual(only(perChange.offered ?? {}, UI), {
            setSoftphoneItemIcon: 1,
            setSoftphoneItemLabel: 1,
            setCustomConsoleComponentPopoutable: 1,
            isSoftphonePanelVisible: 1,
            setSoftphonePanelVisibility: 1
        });
        assert.deepEqual(only(perChange.accept ?? {}, UI), {
            setSoftphoneItemIcon: 1,
            setSoftphoneItemLabel: 1,
            setCustomConsoleComponentPopoutable: 0,
            isSoftphonePanelVisible: 0,
            setSoftphonePanelVisibility: 0
        });
        assert.deepEqual(only(perChange.hangUp ?? {}, UI), {
            setSoftphoneItemIcon: 0,
            setSoftphoneItemLabel: 0,
            setCustomConsoleComponentPopoutable: 1,
            isSoftphonePanelVisible: 0,
            setSoftphonePanelVisibility: 0
        });
        assert.deepEqual(only(perChange.complete ?? {}, UI), {
            setSoftphoneItemIcon: 0,
            setSoftphoneItemLabel: 1,
            setCustomConsoleComponentPopoutable: 0,
            isSoftphonePanelVisible: 0,
            setSoftphonePanelVisibility: 0
        });
        await page.close();
    });

    test('pop-out stays off through two overlapping calls and comes back when neither is left', async () => {
        const { page, softphone } = await openConsole(sandbox());
        const popouts = () => consoleState(page).then((state) => state.popoutHistory);
        const first = await offerCall(softphone, '+15550100999');
        await softphone.evaluate(
            (sid) => (window as unknown as PhoneWindow).sandboxPhone.accept(sid),
            first.reservationSid
        );
        assert.deepEqual(await eventually(popouts, (h) => h.length > 0), [false]);
        const second = await softphone.evaluate(() =>
            (window as unknown as PhoneWindow).sandboxPhone.holdSecondTask({
                from: '+442079460000',
                channel: 'voice'
            })
        );
        await softphone.evaluate(async (sid) => {
            const board = (window as unknown as PhoneWindow).sandboxPhone;
            await board.hangUp(sid);
            await board.complete(sid);
        }, first.reservationSid);
        await quiet();
        assert.deepEqual(await popouts(), [false]);
        assert.equal((await consoleState(page)).popoutable, false);
        await softphone.evaluate(
            (sid) => (window as unknown as PhoneWindow).sandboxPhone.hangUp(sid),
            second.reservationSid
        );
        assert.deepEqual(await eventually(popouts, (h) => h.length > 1), [false, true]);
        assert.equal((await consoleState(page)).popoutable, true);
        await page.close();
    });

    test('panel opens for an incoming call; the CRM panel and the Flex logo are gone', async () => {
        const { page, softphone } = await openConsole(sandbox());
        assert.equal((await consoleState(page)).panelVisible, false);
        await offerCall(softphone, '+15550100999');
        const state = await eventually(
            () => consoleState(page),
            (value) => value.panelVisible
        );
        assert.equal(state.panelVisible, true);
        assert.equal(
            await softphone.getByText('Your customer data, right here in Flex').count(),
            0
        );
        assert.equal(await softphone.locator('[aria-label="Company Logo"]').count(), 0);
        await page.close();
    });

    test('every flag off: the utility item, pop-out and panel are left alone', async () => {
        const settings = encodeURIComponent(
            JSON.stringify({
                utility_bar_status: false,
                prevent_popout_during_call: false,
                show_panel_automatically: false,
                hide_crm_container: false,
                hide_logo: false
            })
        );
        const { page, softphone } = await openConsole(sandbox(), `?flexSettings=${settings}`);
        const offered = await offerCall(softphone, '+15550100999');
        await softphone.evaluate(
            (sid) => (window as unknown as PhoneWindow).sandboxPhone.accept(sid),
            offered.reservationSid
        );
        await quiet();
        const state = await consoleState(page);
        assert.deepEqual(state.itemHistory, []);
        assert.deepEqual(state.popoutHistory, []);
        assert.equal(state.panelVisible, false);
        const toolkitLoads = (await journalOf(page)).filter(
            (entry) => entry.methodName === 'setCustomConsoleComponentPopoutable'
        );
        assert.deepEqual(toolkitLoads, []);
        await softphone
            .getByText('Your customer data, right here in Flex')
            .waitFor({ timeout: 5000 });
        await page.close();
    });
});
