// Performance probe (a benchmark, not a test): in Chromium, against the sandbox, measures what the
// plugin adds between a Salesforce event and its effect in Flex (and back), beside the raw
// postMessage round trip between the two frames, and counts Open CTI calls per interaction. With
// `--host app` the same for Flex inside the demo CRM over the bridge (bridgePaths.ts), counting
// bridge messages. Writes its table to docs/performance.md.
// Run: npm run bench:perf [-- --runs 200] [-- --host app] [-- --dry-run]
import type { Frame, Page } from 'playwright-core';
import { IDS } from '../console/fixtures.ts';
import {
    eventually,
    journalOf,
    offerCall,
    openConsole,
    openDemoCrm,
    openSandbox,
    type Sandbox
} from '../e2e/harness.ts';
import { measureBridgePaths } from './bridgePaths.ts';
import { tapBridgePorts } from './bridgeTap.ts';
import {
    acceptTimed,
    attributeWriteAt,
    arrivalOf,
    benchOf,
    clearTasks,
    consoleTimeOrigin,
    dialStartedAt,
    endOutboundCall,
    installConsoleHooks,
    installSoftphoneHooks,
    invokedAt,
    linkedRecordOfCall,
    quietJournal,
    recordAttributeWrites,
    type ConsoleWindow,
    type PathSamples,
    type PhoneWindow
} from './perfPageHooks.ts';
import { readPerfOptions } from './perfOptions.ts';
import {
    BRIDGE_SETTING,
    OPEN_CTI_SETTING,
    renderReport,
    writeCharts,
    type PathRow
} from './perfReport.ts';
import { writePerformanceSection } from './performanceDoc.ts';
import { summarize, type Summary } from './stats.ts';

const { runs: RUNS, host: HOST, dryRun } = readPerfOptions(process.argv.slice(2));
const CHANNEL = 'Flex_Record_Selection__c';

async function measureClickToDial(page: Page, softphone: Frame, offset: number) {
    const samples: PathSamples = { total: [], plugin: [] };
    await page.evaluate(
        (recordId) => (window as unknown as ConsoleWindow).sandboxConsole.openRecord(recordId),
        IDS.lindaLead
    );
    for (let run = 0; run < RUNS; run += 1) {
        const before = await benchOf(softphone);
        const clickedAt = await page.evaluate((recordId) => {
            const at = performance.timeOrigin + performance.now();
            (window as unknown as ConsoleWindow).sandboxConsole.clickToDial(recordId);
            return at;
        }, IDS.lindaLead);
        const dialAt = await dialStartedAt(softphone, before.dials, run);
        samples.total.push(dialAt - offset - clickedAt);
        samples.plugin.push(
            (await invokedAt(softphone, 'StartOutboundCall', before.invoked)) -
                (await arrivalOf(softphone, 'onClickToDial', before.arrivals))
        );
        await endOutboundCall(softphone);
        // An agent does not click ten times a second: let both pages finish the last run.
        await quietJournal(page, 100);
    }
    return samples;
}

async function measureScreenPop(page: Page, softphone: Frame, offset: number) {
    const samples: PathSamples = { total: [], plugin: [] };
    const origin = await consoleTimeOrigin(page);
    for (let run = 0; run < RUNS; run += 1) {
        const seen = (await journalOf(page)).length;
        const offered = await offerCall(softphone, '+12125550142');
        await acceptTimed(softphone, offered.reservationSid);
        const request = await eventually(
            async () =>
                (await journalOf(page))
                    .slice(seen)
                    .find(
                        (entry) =>
                            entry.kind === 'request' && entry.methodName === 'searchAndScreenPop'
                    ),
            Boolean
        );
        const marks = await softphone.evaluate((sid) => {
            const bench = (window as unknown as PhoneWindow).__bench;
            return {
                accepted: bench.acceptedAt[sid],
                called: bench.calls.findLast((each) => each.method === 'searchAndScreenPop')?.at
            };
        }, offered.reservationSid);
        if (!request || typeof marks.accepted !== 'number' || typeof marks.called !== 'number') {
            throw new Error(`screen pop run ${run}: no searchAndScreenPop request`);
        }
        samples.total.push(origin + request.at - (marks.accepted - offset));
        // The plugin starts on Flex's afterAcceptTask, which no hook outside Flex can time: this
        // share also holds Flex finishing AcceptTask after TaskRouter confirmed (an upper bound).
        samples.plugin.push(marks.called - marks.accepted);
        await eventually(() => linkedRecordOfCall(softphone), Boolean);
        await clearTasks(softphone);
        // An agent does not click ten times a second: let both pages finish the last run.
        await quietJournal(page, 100);
    }
    return samples;
}

async function measureSelection(page: Page, softphone: Frame, offset: number) {
    const candidates = [
        [IDS.adaContact, 'Contact', 'Ada Lovelace'],
        [IDS.adaLead, 'Lead', 'Ada Byron'],
        [IDS.analyticalEngines, 'Account', 'Analytical Engines Inc.']
    ] as const;
    const offered = await offerCall(softphone, '+14155550123');
    await softphone.evaluate(async (sid) => {
        const win = window as unknown as PhoneWindow;
        await win.sandboxPhone.accept(sid);
        await win.sandboxPhone.select(sid);
    }, offered.reservationSid);
    await recordAttributeWrites(softphone, offered.reservationSid, 'sfdcObjectId');
    // Three candidates and no choice yet: wait until the plugin told the picker.
    await eventually(
        () =>
            page.evaluate(
                () => (window as unknown as ConsoleWindow).sandboxConsole.lms.published.length
            ),
        (count) => count > 0
    );
    await quietJournal(page, 300);
    const samples: PathSamples = { total: [], plugin: [] };
    for (let run = 0; run < RUNS; run += 1) {
        const [recordId, objectApiName, recordName] =
            candidates[run % candidates.length] ?? candidates[0];
        const before = await benchOf(softphone);
        const publishedAt = await page.evaluate(
            ({ channel, message }) => {
                const at = performance.timeOrigin + performance.now();
                (window as unknown as ConsoleWindow).sandboxConsole.lms.publish(
                    channel,
                    message,
                    'recordPicker'
                );
                return at;
            },
            {
                channel: CHANNEL,
                message: {
                    action: 'select',
                    recordId,
                    objectApiName,
                    recordName,
                    taskSid: offered.taskSid
                }
            }
        );
        const writtenAt = await attributeWriteAt(
            softphone,
            before.writes,
            recordId,
            `selection run ${run}`
        );
        samples.total.push(writtenAt - offset - publishedAt);
        const arrivedAt = await arrivalOf(softphone, CHANNEL, before.arrivals);
        samples.plugin.push(
            (await invokedAt(softphone, 'SetTaskAttributes', before.invoked)) - arrivedAt
        );
        // Let the write's echo (the picker hears the new link) settle before the next choice.
        await eventually(
            () => linkedRecordOfCall(softphone),
            (value) => value === recordId
        );
        await quietJournal(page, 100);
    }
    await clearTasks(softphone);
    return samples;
}

/** Open CTI requests from the softphone during one interaction, by method. */
async function countCalls(
    page: Page,
    interaction: () => Promise<void>
): Promise<{ total: number; byMethod: Record<string, number> }> {
    const before = (await quietJournal(page)).length;
    await interaction();
    const requests = (await quietJournal(page))
        .slice(before)
        .filter((entry) => entry.kind === 'request');
    const byMethod: Record<string, number> = {};
    requests.forEach((entry) => {
        byMethod[entry.methodName] = (byMethod[entry.methodName] ?? 0) + 1;
    });
    return { total: requests.length, byMethod };
}

/** What one setting's probe measured. */
interface Probe {
    rtt: Summary;
    rows: PathRow[];
    counts: [string, { total: number; byMethod: Record<string, number> }][];
}

/** Round trips from the page to Flex's frame: their summary, and Flex's clock minus the page's. */
async function clockOf(page: Page): Promise<{ rtt: Summary; offset: number }> {
    const roundTrips = await page.evaluate(
        (runs) => (window as unknown as ConsoleWindow).__benchRoundTrips(runs),
        RUNS * 2
    );
    // From the fastest round trips (least queueing).
    const fastest = [...roundTrips].sort((a, b) => a.rtt - b.rtt).slice(0, 20);
    return {
        rtt: summarize(roundTrips.map((each) => each.rtt)),
        offset: summarize(fastest.map((each) => each.offset)).median
    };
}

/** Salesforce: the simulated console, Flex in its Open CTI softphone. */
async function probeConsole(sandbox: Sandbox): Promise<Probe> {
    const { page, softphone } = await openConsole(sandbox);
    await installSoftphoneHooks(softphone, sandbox.server.origins.console);
    await installConsoleHooks(page, sandbox.server.origins.softphone);
    await quietJournal(page);
    const { rtt, offset } = await clockOf(page);

    const dial = await measureClickToDial(page, softphone, offset);
    const pop = await measureScreenPop(page, softphone, offset);
    const selection = await measureSelection(page, softphone, offset);

    const inbound = await countCalls(page, async () => {
        const offered = await offerCall(softphone, '+12125550142');
        await softphone.evaluate(
            (sid) => (window as unknown as PhoneWindow).sandboxPhone.accept(sid),
            offered.reservationSid
        );
        await eventually(() => linkedRecordOfCall(softphone), Boolean);
        await clearTasks(softphone);
    });
    const outbound = await countCalls(page, async () => {
        await page.evaluate(
            (recordId) => (window as unknown as ConsoleWindow).sandboxConsole.clickToDial(recordId),
            IDS.lindaLead
        );
        await endOutboundCall(softphone);
    });
    return {
        rtt,
        rows: [
            {
                slug: 'click-to-dial',
                name: 'Click-to-dial → `StartOutboundCall` invoked',
                hop: 'console → softphone',
                pluginPart:
                    '`onClickToDial` message dispatched → plugin invokes `StartOutboundCall`',
                samples: dial
            },
            {
                slug: 'screen-pop',
                name: 'Accept (TaskRouter confirms) → `searchAndScreenPop` request',
                hop: 'softphone → console',
                pluginPart:
                    'TaskRouter confirms → plugin calls `searchAndScreenPop` (includes Flex finishing `AcceptTask`)',
                samples: pop
            },
            {
                slug: 'selection',
                name: 'LMS selection published → `setAttributes` on the task',
                hop: 'console → softphone',
                pluginPart: 'LMS message dispatched → plugin invokes `SetTaskAttributes`',
                samples: selection
            }
        ],
        counts: [
            ['Inbound call, one match: answered, completed', inbound],
            ['Click-to-dial: placed, completed', outbound]
        ]
    };
}

/** A host app: Flex inside the demo CRM, over the bridge, with both ends' ports tapped. */
async function probeHostApp(sandbox: Sandbox): Promise<Probe> {
    const { page, flex } = await openDemoCrm(sandbox, { initScript: tapBridgePorts });
    await installSoftphoneHooks(flex, sandbox.server.origins.app);
    await installConsoleHooks(page, sandbox.server.origins.softphone, '#flex-panel iframe');
    const { rtt, offset } = await clockOf(page);
    return { rtt, ...(await measureBridgePaths(page, flex, offset, RUNS)) };
}

async function main(): Promise<void> {
    const started = Date.now();
    const sandbox = await openSandbox();
    try {
        const overBridge = HOST === 'app';
        const { rtt, rows, counts } = overBridge
            ? await probeHostApp(sandbox)
            : await probeConsole(sandbox);
        const report = renderReport({
            setting: overBridge ? BRIDGE_SETTING : OPEN_CTI_SETTING,
            runs: RUNS,
            rtt,
            rows,
            counts,
            chromium: sandbox.browser.version(),
            durationS: Math.round((Date.now() - started) / 1000)
        });
        console.log(report);
        if (!dryRun) {
            await writePerformanceSection(overBridge ? 'bridge-perf-probe' : 'perf-probe', report);
            await writeCharts(rows, 5 * rtt.p95);
        }
    } finally {
        await sandbox.close();
    }
}

await main();
