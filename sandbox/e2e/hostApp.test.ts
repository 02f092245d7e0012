// End to end: Flex inside the demo CRM over the bridge, with the real Flex UI, the built plugin
// and the host SDK in Chromium. The demo CRM (localhost, its own origin) frames Flex (127.0.0.1).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { TimelineEntry } from '../demo-crm/timeline.ts';
import {
    answerCall,
    eventually,
    finishCall,
    openDemoCrm,
    selectTask,
    taskOf,
    tasksOf,
    sandboxForTests,
    type PhoneWindow
} from './harness.ts';

const sandbox = sandboxForTests();

const GRACE = '+12125550142';
const ADA_SHARED = '+14155550123';

interface DemoWindow {
    demoCrm: {
        seen: {
            status: string;
            statusReason: string;
            statuses: string[];
            opened: string[];
            searches: { query: string; taskSid: string | null }[];
            saveAttempts: number;
            events: { name: string; data: unknown }[];
            chooser: {
                taskSid: string | null;
                candidates: { recordId: string }[];
                selected: { recordId: string } | null;
            } | null;
        };
        faults: { failSaves: number; refuseReason: string; slowSearch: boolean };
        timeline(): TimelineEntry[];
        clearTimeline(): void;
        link(recordId: string | null, taskSid: string): Promise<void>;
        connection(): { invokeAction(name: string, payload?: unknown): Promise<void> } | null;
    };
}

async function connected(page: Page): Promise<void> {
    const status = await eventually(
        () => page.evaluate(() => (window as unknown as DemoWindow).demoCrm.seen.status),
        (value) => value !== 'connecting',
        20000
    );
    assert.equal(status, 'connected');
}

const seen = (page: Page) => page.evaluate(() => (window as unknown as DemoWindow).demoCrm.seen);
const timelineOf = (page: Page) =>
    page.evaluate(() => (window as unknown as DemoWindow).demoCrm.timeline());
const setFaults = (page: Page, faults: Partial<DemoWindow['demoCrm']['faults']>) =>
    page.evaluate(
        (f) => Object.assign((window as unknown as DemoWindow).demoCrm.faults, f),
        faults
    );

/** The demo CRM with an empty timeline and `failSaves` failing saves; a call from Grace, popped and finished. */
async function finishGraceCall(failSaves: number) {
    const { page, flex } = await openDemoCrm(sandbox());
    await connected(page);
    await page.evaluate(() => (window as unknown as DemoWindow).demoCrm.clearTimeline());
    await setFaults(page, { failSaves });
    const offered = await answerCall(flex, GRACE);
    await eventually(
        () => taskOf(flex, offered.reservationSid),
        (value) => value?.attributes.hostRecordId === 'CUS-3'
    );
    await finishCall(flex, offered.reservationSid);
    return { page, flex, offered };
}

describe('Flex in a web app over the bridge', () => {
    test('click-to-dial from the demo CRM: an outbound task with E.164, the record and the campaign', async () => {
        const { page, flex, pageErrors: errors } = await openDemoCrm(sandbox());
        await connected(page);
        await page.getByRole('button', { name: 'Call Grace Hopper with Flex' }).click();
        const tasks = await eventually(
            () => tasksOf(flex),
            (list) => list.length > 0
        );
        assert.equal(tasks.length, 1);
        assert.equal(tasks[0]?.attributes.direction, 'outbound');
        assert.equal(tasks[0]?.attributes.outbound_to, GRACE);
        assert.equal(tasks[0]?.attributes.hostRecordId, 'CUS-3');
        assert.equal(tasks[0]?.attributes.hostRecordType, 'Customer');
        assert.equal(tasks[0]?.attributes.campaign, 'demo');
        assert.deepEqual(errors, []);
        await page.close();
    });

    test('screen pop with one match: the customer page opens and the task is linked', async () => {
        const { page, flex } = await openDemoCrm(sandbox());
        await connected(page);
        const offered = await answerCall(flex, GRACE);
        const task = await eventually(
            () => taskOf(flex, offered.reservationSid),
            (value) => value?.attributes.hostRecordId === 'CUS-3'
        );
        assert.equal(task?.attributes.hostRecordName, 'Grace Hopper');
        await page.locator('#detail h3', { hasText: 'Grace Hopper' }).waitFor({ timeout: 5000 });
        const { opened, searches, events } = await seen(page);
        assert.deepEqual(opened, ['CUS-3']);
        assert.deepEqual(searches, [{ query: GRACE, taskSid: offered.taskSid }]);
        assert.ok(events.some((event) => event.name === 'interaction:accepted'));
        await page.close();
    });

    test('several matches, chosen in the host: its chooser links the record in Flex', async () => {
        const { page, flex } = await openDemoCrm(sandbox());
        await connected(page);
        const offered = await answerCall(flex, ADA_SHARED);
        await page.getByRole('button', { name: 'Ada King' }).last().waitFor({ timeout: 8000 });
        await page.locator('#chooser [data-choose="CUS-2"]').click();
        const task = await eventually(
            () => taskOf(flex, offered.reservationSid),
            (value) => value?.attributes.hostRecordId === 'CUS-2'
        );
        assert.equal(task?.attributes.hostRecordName, 'Ada King');
        // Flex's own chooser shows the host's choice.
        await selectTask(flex, offered.reservationSid);
        await flex.getByRole('radio', { name: /Ada King/ }).waitFor({ timeout: 5000 });
        assert.equal(await flex.getByRole('radio', { name: /Ada King/ }).isChecked(), true);
        await page.close();
    });

    test('several matches, chosen in Flex: the host chooser follows; the host can unlink', async () => {
        const { page, flex } = await openDemoCrm(sandbox());
        await connected(page);
        const offered = await answerCall(flex, ADA_SHARED);
        await selectTask(flex, offered.reservationSid);
        const radio = flex.getByRole('radio', { name: /Ada Lovelace/ });
        await radio.waitFor({ timeout: 10000 });
        await radio.check();
        await eventually(
            () => taskOf(flex, offered.reservationSid),
            (value) => value?.attributes.hostRecordId === 'CUS-1'
        );
        const chooser = await eventually(
            () => seen(page).then((s) => s.chooser),
            (value) => value?.selected?.recordId === 'CUS-1'
        );
        assert.deepEqual(
            chooser?.candidates.map((c) => c.recordId),
            ['CUS-1', 'CUS-2']
        );
        await page.evaluate(
            (sid) => (window as unknown as DemoWindow).demoCrm.link(null, sid),
            offered.taskSid
        );
        const unlinked = await eventually(
            () => taskOf(flex, offered.reservationSid),
            (value) => value?.attributes.hostRecordId === null
        );
        assert.equal(unlinked?.attributes.hostRecordId, null);
        await page.close();
    });

    test('the activity reaches the timeline exactly once, though the CRM fails the first two saves', async () => {
        const { page, offered } = await finishGraceCall(2);
        const entries = await eventually(
            () => timelineOf(page),
            (list) => list.length > 0,
            30000
        );
        assert.equal(entries.length, 1);
        assert.equal(entries[0]?.taskSid, offered.taskSid);
        assert.equal(entries[0]?.recordId, 'CUS-3');
        assert.equal(entries[0]?.subject, `Inbound call from ${GRACE}`);
        assert.equal((await seen(page)).saveAttempts, 3);
        await page
            .locator('#detail', { hasText: 'Activity timeline (1)' })
            .waitFor({ timeout: 5000 });
        await page.close();
    });

    test('the Flex frame reloads while an activity waits: it is delivered once after the reload', async () => {
        const { page, offered } = await finishGraceCall(1000);
        await eventually(
            () => seen(page).then((s) => s.saveAttempts),
            (count) => count >= 1
        );
        // The agent reloads Flex; the host notices, greets again and reconnects.
        await setFaults(page, { failSaves: 0 });
        await page.evaluate(() => {
            const frame = document.querySelector('#flex-panel iframe') as HTMLIFrameElement;
            frame.src = frame.src;
        });
        const entries = await eventually(
            () => timelineOf(page),
            (list) => list.length > 0,
            40000
        );
        assert.equal(entries.length, 1);
        assert.equal(entries[0]?.taskSid, offered.taskSid);
        assert.equal((await seen(page)).status, 'connected');
        // Nothing more arrives later: the outbox confirmed it.
        await new Promise((resolve) => setTimeout(resolve, 3000));
        assert.equal((await timelineOf(page)).length, 1);
        await page.close();
    });

    test('the host never answers: the agent sees the activity waiting; after the host page reloads, it arrives once', async () => {
        const { page, flex, offered } = await finishGraceCall(1000);
        await flex.getByText('Activity logs waiting for Demo CRM: 1').waitFor({ timeout: 10000 });
        assert.deepEqual(await timelineOf(page), []);
        // The whole host page reloads (its faults with it); Flex reloads inside it and sends again.
        await page.reload();
        const reloaded = await (
            await page.waitForSelector('#flex-panel iframe', { state: 'attached' })
        ).contentFrame();
        assert.ok(reloaded);
        await connected(page);
        const entries = await eventually(
            () => timelineOf(page),
            (list) => list.length > 0,
            40000
        );
        assert.equal(entries.length, 1);
        assert.equal(entries[0]?.taskSid, offered.taskSid);
        await page.close();
    });

    test('a host action on the admin list runs in Flex; one that is not is refused', async () => {
        const { page, flex } = await openDemoCrm(sandbox());
        await connected(page);
        const result = await page.evaluate(async () => {
            const connection = (window as unknown as DemoWindow).demoCrm.connection();
            await connection?.invokeAction('SetActivity', { activityName: 'Unavailable' });
            try {
                await connection?.invokeAction('HangupCall', { taskSid: 'WT' + '0'.repeat(32) });
                return 'not refused';
            } catch (error) {
                return (error as { code: string }).code;
            }
        });
        assert.equal(result, 'NOT_ALLOWED');
        const availability = await eventually(
            () =>
                seen(page).then(
                    (s) => s.events.filter((event) => event.name === 'availability').slice(-1)[0]
                ),
            (event) => (event?.data as { activity?: string })?.activity === 'Unavailable'
        );
        assert.deepEqual(availability?.data, { activity: 'Unavailable', available: false });
        await page.getByText('Agent: Unavailable').waitFor({ timeout: 5000 });
        await flex.evaluate(() =>
            (window as unknown as PhoneWindow).sandboxPhone.setActivity('Available')
        );
        await page.close();
    });

    test('a page that is not on the allow-list: Flex tells the agent, sends it nothing and places no call', async () => {
        const s = sandbox();
        const page = await s.browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.addInitScript((flexOrigin) => {
            const heard: unknown[] = [];
            (window as unknown as { heardFromFlex: unknown[] }).heardFromFlex = heard;
            window.addEventListener('message', (event) => {
                if (event.origin === flexOrigin) heard.push(event.data);
            });
        }, s.server.origins.softphone);
        await page.goto(`${s.server.origins.foreignApp}/app/?waitingAfterMs=3000`);
        const handle = await page.waitForSelector('#flex-panel iframe', { state: 'attached' });
        const flex = await handle.contentFrame();
        assert.ok(flex);
        await flex
            .getByTestId('notification-message')
            .getByText(/is not allowed to connect to it/)
            .waitFor({ timeout: 30000 });
        // The SDK never gives up while Flex is on the page; it says what to check.
        const status = await eventually(
            () => page.evaluate(() => (window as unknown as DemoWindow).demoCrm.seen),
            (value) => value.status !== 'connecting',
            25000
        );
        assert.equal(status.status, 'waiting');
        assert.match(status.statusReason, /allowed_host_origins/);
        await page.getByRole('button', { name: 'Call Grace Hopper with Flex' }).click();
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.deepEqual(await tasksOf(flex), []);
        assert.deepEqual(
            await page.evaluate(
                () => (window as unknown as { heardFromFlex: unknown[] }).heardFromFlex
            ),
            []
        );
        await page.close();
    });

    test("another script's hello of another protocol version is refused in words, with no port; the app's connection stays", async () => {
        const { page } = await openDemoCrm(sandbox());
        await connected(page);
        const answer = await page.evaluate(async (flexOrigin) => {
            const frame = document.querySelector('#flex-panel iframe') as HTMLIFrameElement;
            return new Promise<{ data: unknown; ports: number }>((resolve) => {
                window.addEventListener('message', (event) => {
                    const data = event.data as { type?: string };
                    if (event.origin === flexOrigin && data?.type === 'refuse')
                        resolve({ data, ports: event.ports.length });
                });
                frame.contentWindow?.postMessage(
                    {
                        protocol: 'flex-host-bridge',
                        type: 'hello',
                        version: 99,
                        handles: [],
                        attempt: 'abcdefabcdef0123'
                    },
                    flexOrigin
                );
            });
        }, sandbox().server.origins.softphone);
        assert.deepEqual(answer, {
            data: {
                protocol: 'flex-host-bridge',
                type: 'refuse',
                attempt: 'abcdefabcdef0123',
                code: 'VERSION_MISMATCH',
                message: 'this Flex speaks bridge protocol version 1, not 99',
                versions: [1]
            },
            ports: 0
        });
        // The refusal names that script's attempt: the demo CRM's own connection ignores it.
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal((await seen(page)).status, 'connected');
        await page.close();
    });

    test('the page connects again (a remounted app): the newest connection wins, the older one says why', async () => {
        const { page, flex } = await openDemoCrm(sandbox());
        await connected(page);
        const result = await page.evaluate(() =>
            (
                window as unknown as {
                    demoCrm: {
                        connectAgain(): Promise<{
                            older: { status: string; reason?: string }[];
                            newer: string;
                        }>;
                    };
                }
            ).demoCrm.connectAgain()
        );
        assert.deepEqual(result, {
            older: [
                {
                    status: 'disconnected',
                    reason: 'another connection to this Flex frame took over (connectFlex was called again for it)'
                }
            ],
            newer: 'connected'
        });
        // The new connection works: a click-to-dial reaches Flex.
        await page.getByRole('button', { name: 'Call Grace Hopper with Flex' }).click();
        const [task] = await eventually(
            () => tasksOf(flex),
            (tasks) => tasks.length === 1
        );
        assert.equal(task?.attributes.hostRecordId, 'CUS-3');
        assert.equal((await seen(page)).status, 'connected');
        await page.close();
    });

    test("an agent whose Flex login takes longer than both sides' waits: the app says it waits, then connects once, with nothing shown to the agent", async () => {
        const s = sandbox();
        const page = await s.browser.newPage({ viewport: { width: 1400, height: 900 } });
        // Every welcome the page gets from Flex, with how many ports it carries.
        await page.addInitScript((flexOrigin) => {
            const welcomes: number[] = [];
            (window as unknown as { welcomes: number[] }).welcomes = welcomes;
            window.addEventListener('message', (event) => {
                const data = event.data as { type?: string } | null;
                if (event.origin === flexOrigin && data?.type === 'welcome')
                    welcomes.push(event.ports.length);
            });
        }, s.server.origins.softphone);
        // Longer than the SDK's 30 s and the plugin's 20 s that used to end the wait.
        await page.goto(`${s.server.origins.app}/app/?flexLoginMs=35000`);
        const waiting = await eventually(
            () => seen(page),
            (value) => value.status === 'waiting',
            20000
        );
        assert.match(waiting.statusReason, /logging in to Flex/);
        assert.match(await page.locator('#connection').innerText(), /log in to Flex/);
        const after = await eventually(
            () => seen(page),
            (value) => value.status === 'connected',
            60000
        );
        assert.deepEqual(after.statuses, ['connecting', 'waiting', 'connected']);
        assert.deepEqual(
            await page.evaluate(() => (window as unknown as { welcomes: number[] }).welcomes),
            [1],
            'one welcome, one port'
        );
        const handle = await page.waitForSelector('#flex-panel iframe', { state: 'attached' });
        const flex = await handle.contentFrame();
        assert.ok(flex);
        await flex.waitForFunction(() => 'sandboxPhone' in window, null, { timeout: 30000 });
        await flex.evaluate(() => (window as unknown as PhoneWindow).sandboxPhone.ready);
        // It works: a screen pop reaches the app.
        const offered = await answerCall(flex, GRACE);
        await eventually(
            () => taskOf(flex, offered.reservationSid),
            (value) => value?.attributes.hostRecordId === 'CUS-3'
        );
        assert.deepEqual((await seen(page)).opened, ['CUS-3']);
        assert.equal(await flex.getByTestId('notification-message').count(), 0);
        await page.close();
    });
});
