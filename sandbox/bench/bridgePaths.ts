// The perf probe over the bridge: Flex inside the demo CRM, each path timed end to end (from the
// host's call, or Flex's event, to its effect on the other side) and the plugin's own share (from
// the bridge message reaching Flex's frame, or Flex's event, to the plugin invoking a Flex action
// or posting its message to the host). The taps on both ends' ports (bridgeTap.ts) give the times.
import type { Frame, Page } from 'playwright-core';
import { eventually, offerCall } from '../e2e/harness.ts';
import { tapAt, tapOf, type TapEntry } from './bridgeTap.ts';
import {
    acceptTimed,
    attributeWriteAt,
    benchOf,
    clearTasks,
    dialStartedAt,
    endOutboundCall,
    invokedAt,
    linkedRecordOfCall,
    quietList,
    recordAttributeWrites,
    type PathSamples,
    type PhoneWindow
} from './perfPageHooks.ts';
import type { PathRow } from './perfReport.ts';

/** The task attribute the bridge links a record under. */
const LINK_KEY = 'hostRecordId';
const GRACE = { id: 'CUS-3', phone: '+12125550142' };
const ADA_SHARED_PHONE = '+14155550123';

interface DemoWindow {
    demoCrm: {
        dial(customerId: string): Promise<void>;
        link(recordId: string | null, taskSid: string): Promise<void>;
    };
}

const now = (page: Page) => page.evaluate(() => performance.timeOrigin + performance.now());
/** Waits until Flex's port has been quiet for a while (the last run's messages all went). */
const quietPort = (flex: Frame, quietMs = 100) => quietList(() => tapOf(flex), quietMs);

async function measureClickToDial(page: Page, flex: Frame, offset: number, runs: number) {
    const samples: PathSamples = { total: [], plugin: [] };
    for (let run = 0; run < runs; run += 1) {
        const before = await benchOf(flex);
        const tapped = (await tapOf(flex)).length;
        const clickedAt = await now(page);
        // The demo CRM's own click-to-call: `connection.dial(phone, { record, attributes })`.
        void page.evaluate((id) => (window as unknown as DemoWindow).demoCrm.dial(id), GRACE.id);
        const dialAt = await dialStartedAt(flex, before.dials, run);
        samples.total.push(dialAt - offset - clickedAt);
        samples.plugin.push(
            (await invokedAt(flex, 'StartOutboundCall', before.invoked)) -
                (await tapAt(flex, 'in', 'dial', tapped))
        );
        await endOutboundCall(flex);
        await quietPort(flex);
    }
    return samples;
}

async function measureScreenPop(page: Page, flex: Frame, offset: number, runs: number) {
    const samples: PathSamples = { total: [], plugin: [] };
    for (let run = 0; run < runs; run += 1) {
        const hostTapped = (await tapOf(page)).length;
        const tapped = (await tapOf(flex)).length;
        const offered = await offerCall(flex, GRACE.phone);
        await acceptTimed(flex, offered.reservationSid);
        const searched = await eventually(
            async () =>
                (await tapOf(page))
                    .slice(hostTapped)
                    .some((entry) => entry.direction === 'in' && entry.name === 'search'),
            Boolean
        );
        const acceptedAt = await flex.evaluate(
            (sid) => (window as unknown as PhoneWindow).__bench.acceptedAt[sid],
            offered.reservationSid
        );
        if (typeof acceptedAt !== 'number' || !searched) {
            throw new Error(`screen pop run ${run}: no accept or no search request`);
        }
        const hostHeard = await tapAt(page, 'in', 'search', hostTapped);
        samples.total.push(hostHeard - (acceptedAt - offset));
        // As over Open CTI, this share also holds Flex finishing AcceptTask (an upper bound).
        samples.plugin.push((await tapAt(flex, 'out', 'search', tapped)) - acceptedAt);
        await eventually(
            () => linkedRecordOfCall(flex, LINK_KEY),
            (id) => id === GRACE.id
        );
        await clearTasks(flex);
        await quietPort(flex);
    }
    return samples;
}

async function measureHostChoice(page: Page, flex: Frame, offset: number, runs: number) {
    const candidates = ['CUS-1', 'CUS-2', 'CUS-3'];
    const offered = await offerCall(flex, ADA_SHARED_PHONE);
    await flex.evaluate(async (sid) => {
        const win = window as unknown as PhoneWindow;
        await win.sandboxPhone.accept(sid);
        await win.sandboxPhone.select(sid);
    }, offered.reservationSid);
    await recordAttributeWrites(flex, offered.reservationSid, LINK_KEY);
    // Two candidates and no choice yet: let the search and the chooser settle first.
    await quietPort(flex, 300);
    const samples: PathSamples = { total: [], plugin: [] };
    for (let run = 0; run < runs; run += 1) {
        const recordId = candidates[run % candidates.length] ?? 'CUS-1';
        const before = await benchOf(flex);
        const tapped = (await tapOf(flex)).length;
        const chosenAt = await now(page);
        void page.evaluate(
            ({ id, sid }) => (window as unknown as DemoWindow).demoCrm.link(id, sid),
            { id: recordId, sid: offered.taskSid }
        );
        const writtenAt = await attributeWriteAt(
            flex,
            before.writes,
            recordId,
            `host choice run ${run}`
        );
        samples.total.push(writtenAt - offset - chosenAt);
        samples.plugin.push(
            (await invokedAt(flex, 'SetTaskAttributes', before.invoked)) -
                (await tapAt(flex, 'in', 'linkRecord', tapped))
        );
        await eventually(
            () => linkedRecordOfCall(flex, LINK_KEY),
            (value) => value === recordId
        );
        await quietPort(flex);
    }
    await clearTasks(flex);
    return samples;
}

/** Bridge messages on Flex's port during one interaction, by direction and name. */
async function countMessages(
    flex: Frame,
    interaction: () => Promise<void>
): Promise<{ total: number; byMethod: Record<string, number> }> {
    const before = (await quietPort(flex, 400)).length;
    await interaction();
    const entries: TapEntry[] = (await quietPort(flex, 400)).slice(before);
    const byMethod: Record<string, number> = {};
    entries.forEach((entry) => {
        const key = `${entry.direction === 'out' ? 'to host' : 'from host'}: ${entry.name}`;
        byMethod[key] = (byMethod[key] ?? 0) + 1;
    });
    return { total: entries.length, byMethod };
}

export async function measureBridgePaths(
    page: Page,
    flex: Frame,
    offset: number,
    runs: number
): Promise<{
    rows: PathRow[];
    counts: [string, { total: number; byMethod: Record<string, number> }][];
}> {
    const dial = await measureClickToDial(page, flex, offset, runs);
    const pop = await measureScreenPop(page, flex, offset, runs);
    const choice = await measureHostChoice(page, flex, offset, runs);
    const inbound = await countMessages(flex, async () => {
        const offered = await offerCall(flex, GRACE.phone);
        await flex.evaluate(
            (sid) => (window as unknown as PhoneWindow).sandboxPhone.accept(sid),
            offered.reservationSid
        );
        await eventually(() => linkedRecordOfCall(flex, LINK_KEY), Boolean);
        await clearTasks(flex);
    });
    const outbound = await countMessages(flex, async () => {
        void page.evaluate((id) => (window as unknown as DemoWindow).demoCrm.dial(id), GRACE.id);
        await endOutboundCall(flex);
    });
    return {
        rows: [
            {
                slug: 'bridge-click-to-dial',
                name: 'Host `dial()` → `StartOutboundCall` invoked',
                hop: 'host → Flex',
                pluginPart:
                    '`dial` request dispatched on the port → plugin invokes `StartOutboundCall`',
                samples: dial
            },
            {
                slug: 'bridge-screen-pop',
                name: 'Accept (TaskRouter confirms) → the host gets the `search` request',
                hop: 'Flex → host',
                pluginPart:
                    'TaskRouter confirms → plugin posts `search` (includes Flex finishing `AcceptTask`)',
                samples: pop
            },
            {
                slug: 'bridge-host-choice',
                name: 'Host `linkRecord()` → `setAttributes` on the task',
                hop: 'host → Flex',
                pluginPart:
                    '`linkRecord` request dispatched on the port → plugin invokes `SetTaskAttributes`',
                samples: choice
            }
        ],
        counts: [
            ['Inbound call, one match: answered, completed, activity saved', inbound],
            ['Click-to-dial from the host: placed, completed, activity saved', outbound]
        ]
    };
}
