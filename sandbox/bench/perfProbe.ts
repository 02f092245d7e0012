// Performance probe (a benchmark, not a test): in Chromium, against the sandbox, measures what the
// plugin adds between a Salesforce event and its effect in Flex (and back), beside the raw
// postMessage round trip between the two frames, and counts Open CTI calls per interaction.
// Writes its table to docs/performance.md. Run: npm run bench:perf [-- --runs 200] [-- --dry-run]
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Frame, Page } from 'playwright-core';
import type { SandboxConsoleApi } from '../console/main.ts';
import { IDS } from '../console/fixtures.ts';
import type { JournalEntry } from '../console/journal.ts';
import {
    eventually,
    journalOf,
    offerCall,
    openConsole,
    openSandbox,
    tasksOf
} from '../e2e/harness.ts';
import { FINISHED_STATUSES } from '../softphone/standins/taskRouter.ts';
import type { Switchboard } from '../softphone/switchboard.ts';
import { renderCdfSvg } from './cdfChart.ts';
import { PERFORMANCE_DOC, writePerformanceSection } from './performanceDoc.ts';
import { ms, summarize, type Summary } from './stats.ts';

const { values: options } = parseArgs({
    options: {
        runs: { type: 'string', default: '120' },
        'dry-run': { type: 'boolean', default: false }
    }
});
const RUNS = Number(options.runs);
if (!Number.isInteger(RUNS) || RUNS < 100) {
    throw new Error('--runs must be a whole number, 100 or more');
}
const CHANNEL = 'Flex_Record_Selection__c';

// Page-side shapes, for evaluate() callbacks.
interface BenchSoftphone {
    /** performance.timeOrigin + performance.now(): comparable across frames after offset correction. */
    now(): number;
    dialAt: number[];
    /** Every Flex action invoked in the softphone (the plugin's included), when it was invoked. */
    invoked: { at: number; name: string }[];
    acceptedAt: Record<string, number>;
    /** When the plugin called each `sforce.opencti` method (the message is posted within). */
    calls: { at: number; method: string }[];
    /** When each Open CTI message from the console was dispatched in the softphone. */
    arrivals: { at: number; name: string }[];
    writes: { at: number; recordId: unknown }[];
}
type PhoneWindow = {
    sandboxPhone: Switchboard;
    __bench: BenchSoftphone;
    Twilio: {
        Flex: {
            Actions: {
                addListener(name: string, listener: (payload?: unknown) => void): void;
                invokeAction(name: string, payload?: unknown): Promise<unknown>;
            };
            Manager: {
                getInstance(): {
                    workerClient: {
                        reservations: Map<
                            string,
                            {
                                on(event: string, listener: () => void): void;
                                task: {
                                    setAttributes(attributes: Record<string, unknown>): unknown;
                                };
                            }
                        >;
                    };
                };
            };
        };
    };
};
type ConsoleWindow = Window & {
    sandboxConsole: SandboxConsoleApi;
    __benchRoundTrips(runs: number): Promise<{ rtt: number; offset: number }[]>;
};

/** Echo and timing hooks in the softphone; only messages from the console frame are answered. */
async function installSoftphoneHooks(softphone: Frame, consoleOrigin: string): Promise<void> {
    await softphone.evaluate((origin) => {
        const win = window as unknown as PhoneWindow;
        const now = () => performance.timeOrigin + performance.now();
        win.__bench = {
            now,
            dialAt: [],
            invoked: [],
            acceptedAt: {},
            calls: [],
            arrivals: [],
            writes: []
        };
        // event.timeStamp is when the message was dispatched to this page, before any handler
        // (the Open CTI client's included) ran.
        window.addEventListener('message', (event) => {
            const data = event.data as {
                apiType?: string;
                methodName?: string;
                eventName?: string;
            } | null;
            if (event.origin === origin && data?.apiType === 'opencti') {
                win.__bench.arrivals.push({
                    at: performance.timeOrigin + event.timeStamp,
                    name: String(data.eventName ?? data.methodName)
                });
            }
        });
        window.addEventListener('message', (event) => {
            const data = event.data as { benchPing?: number } | null;
            if (event.origin !== origin || event.source !== window.parent) {
                return;
            }
            if (typeof data?.benchPing === 'number') {
                window.parent.postMessage({ benchPong: data.benchPing, at: now() }, origin);
            }
        });
        win.Twilio.Flex.Actions.addListener('beforeStartOutboundCall', () => {
            win.__bench.dialAt.push(now());
        });
        // The plugin's own share ends where it hands over to Flex: when it invokes an action.
        const actions = win.Twilio.Flex.Actions;
        const invokeAction = actions.invokeAction.bind(actions);
        actions.invokeAction = (name: string, payload?: unknown) => {
            win.__bench.invoked.push({ at: now(), name });
            return invokeAction(name, payload);
        };
        const opencti = (window as unknown as { sforce: { opencti: Record<string, unknown> } })
            .sforce.opencti;
        const searchAndScreenPop = opencti.searchAndScreenPop as (options: unknown) => void;
        opencti.searchAndScreenPop = (options: unknown) => {
            win.__bench.calls.push({ at: now(), method: 'searchAndScreenPop' });
            searchAndScreenPop(options);
        };
    }, consoleOrigin);
}

/** Round trips console → softphone → console, and the clock offset estimate of each. */
async function installConsoleHooks(page: Page, softphoneOrigin: string): Promise<void> {
    await page.evaluate((origin) => {
        const win = window as unknown as ConsoleWindow;
        const now = () => performance.timeOrigin + performance.now();
        win.__benchRoundTrips = async (runs) => {
            const frame = (document.getElementById('softphone') as HTMLIFrameElement).contentWindow;
            if (!frame) {
                throw new Error('no softphone frame');
            }
            const results: { rtt: number; offset: number }[] = [];
            for (let n = 0; n < runs; n += 1) {
                results.push(
                    await new Promise((resolve) => {
                        const sent = now();
                        const listener = (event: MessageEvent) => {
                            const data = event.data as { benchPong?: number; at?: number } | null;
                            if (
                                event.origin !== origin ||
                                event.source !== frame ||
                                data?.benchPong !== n ||
                                typeof data.at !== 'number'
                            ) {
                                return;
                            }
                            const received = now();
                            window.removeEventListener('message', listener);
                            resolve({
                                rtt: received - sent,
                                offset: data.at - (sent + received) / 2
                            });
                        };
                        window.addEventListener('message', listener);
                        frame.postMessage({ benchPing: n }, origin);
                    })
                );
            }
            return results;
        };
    }, softphoneOrigin);
}

const consoleTimeOrigin = (page: Page) => page.evaluate(() => performance.timeOrigin);
const linkedRecordOfCall = async (softphone: Frame) =>
    (await tasksOf(softphone)).find((task) => task.status === 'accepted')?.attributes.sfdcObjectId;

/** Hangs up and completes every open task, and waits until Flex has none left. */
async function clearTasks(softphone: Frame): Promise<void> {
    await softphone.evaluate(async () => {
        const board = (window as unknown as PhoneWindow).sandboxPhone;
        for (const task of board.tasks()) {
            if (task.status === 'accepted') {
                await board.hangUp(task.reservationSid);
            }
            if (task.status === 'accepted' || task.status === 'wrapping') {
                await board.complete(task.reservationSid);
            }
        }
    });
    await eventually(
        () => tasksOf(softphone),
        (tasks) => tasks.every((task) => FINISHED_STATUSES.includes(task.status))
    );
}

/** Waits until the journal has been quiet for a while, then returns it. */
async function quietJournal(page: Page, quietMs = 400): Promise<JournalEntry[]> {
    let entries = await journalOf(page);
    for (;;) {
        await new Promise((resolve) => setTimeout(resolve, quietMs));
        const next = await journalOf(page);
        if (next.length === entries.length) {
            return next;
        }
        entries = next;
    }
}

/** Times of one path: end to end, and the plugin's own share of it. */
interface PathSamples {
    total: number[];
    plugin: number[];
}

const benchOf = (softphone: Frame) =>
    softphone.evaluate(() => {
        const bench = (window as unknown as PhoneWindow).__bench;
        return {
            invoked: bench.invoked.length,
            dials: bench.dialAt.length,
            arrivals: bench.arrivals.length,
            writes: bench.writes.length
        };
    });

/**
 * When the first entry named `name` at or after index `since` of one of the softphone's bench
 * lists happened: an Open CTI message's arrival, or a Flex action's invocation.
 */
async function firstAt(
    softphone: Frame,
    list: 'arrivals' | 'invoked',
    name: string,
    since: number
): Promise<number> {
    const at = await softphone.evaluate(
        ({ which, wanted, index }) =>
            (window as unknown as PhoneWindow).__bench[which]
                .slice(index)
                .find((each) => each.name === wanted)?.at,
        { which: list, wanted: name, index: since }
    );
    if (typeof at !== 'number') {
        throw new Error(`no ${name} in the softphone's ${list}`);
    }
    return at;
}

const arrivalOf = (softphone: Frame, name: string, since: number) =>
    firstAt(softphone, 'arrivals', name, since);
const invokedAt = (softphone: Frame, name: string, since: number) =>
    firstAt(softphone, 'invoked', name, since);

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
        const dialAt = await eventually(
            () =>
                softphone.evaluate(
                    (index) => (window as unknown as PhoneWindow).__bench.dialAt[index],
                    before.dials
                ),
            (value) => typeof value === 'number'
        );
        if (typeof dialAt !== 'number') {
            throw new Error(`click-to-dial run ${run}: StartOutboundCall never came`);
        }
        samples.total.push(dialAt - offset - clickedAt);
        samples.plugin.push(
            (await invokedAt(softphone, 'StartOutboundCall', before.invoked)) -
                (await arrivalOf(softphone, 'onClickToDial', before.arrivals))
        );
        await eventually(
            () => tasksOf(softphone),
            (tasks) => tasks.some((task) => task.status === 'accepted')
        );
        await clearTasks(softphone);
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
        await softphone.evaluate(async (sid) => {
            const win = window as unknown as PhoneWindow;
            const reservation =
                win.Twilio.Flex.Manager.getInstance().workerClient.reservations.get(sid);
            // TaskRouter confirmed the accept: from here on, the time is Flex's and the plugin's.
            reservation?.on('accepted', () => {
                win.__bench.acceptedAt[sid] = win.__bench.now();
            });
            await win.sandboxPhone.accept(sid);
        }, offered.reservationSid);
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
        const task = win.Twilio.Flex.Manager.getInstance().workerClient.reservations.get(sid)?.task;
        if (!task) {
            throw new Error('no task');
        }
        const write = task.setAttributes.bind(task);
        task.setAttributes = (attributes) => {
            win.__bench.writes.push({ at: win.__bench.now(), recordId: attributes.sfdcObjectId });
            return write(attributes);
        };
    }, offered.reservationSid);
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
        const write = await eventually(
            () =>
                softphone.evaluate(
                    ({ index, id }) =>
                        (window as unknown as PhoneWindow).__bench.writes
                            .slice(index)
                            .find((each) => each.recordId === id),
                    { index: before.writes, id: recordId }
                ),
            Boolean
        );
        if (!write) {
            throw new Error(`selection run ${run}: no attribute write for ${recordId}`);
        }
        samples.total.push(write.at - offset - publishedAt);
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

async function main(): Promise<void> {
    const started = Date.now();
    const sandbox = await openSandbox();
    try {
        const { page, softphone } = await openConsole(sandbox);
        await installSoftphoneHooks(softphone, sandbox.server.origins.console);
        await installConsoleHooks(page, sandbox.server.origins.softphone);
        await quietJournal(page);

        const roundTrips = await page.evaluate(
            (runs) => (window as unknown as ConsoleWindow).__benchRoundTrips(runs),
            RUNS * 2
        );
        const rtt = summarize(roundTrips.map((each) => each.rtt));
        // Softphone clock minus console clock, from the fastest round trips (least queueing).
        const fastest = [...roundTrips].sort((a, b) => a.rtt - b.rtt).slice(0, 20);
        const offset = summarize(fastest.map((each) => each.offset)).median;

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
                (recordId) =>
                    (window as unknown as ConsoleWindow).sandboxConsole.clickToDial(recordId),
                IDS.lindaLead
            );
            await eventually(
                () => tasksOf(softphone),
                (tasks) => tasks.some((task) => task.status === 'accepted')
            );
            await clearTasks(softphone);
        });

        const chromium = sandbox.browser.version();
        const rows: PathRow[] = [
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
        ];
        const report = renderReport({
            rtt,
            rows,
            counts: [
                ['Inbound call, one match: answered, completed', inbound],
                ['Click-to-dial: placed, completed', outbound]
            ],
            chromium,
            durationS: Math.round((Date.now() - started) / 1000)
        });
        console.log(report);
        if (!options['dry-run']) {
            await writePerformanceSection('perf-probe', report);
            await writeCharts(rows, 5 * rtt.p95);
        }
    } finally {
        await sandbox.close();
    }
}

/** The plugin's own share of any path, at p95: the issue's bar, independent of the machine. */
const PLUGIN_TARGET_MS = 1;

interface PathRow {
    slug: string;
    name: string;
    hop: string;
    pluginPart: string;
    samples: PathSamples;
}

const chartFile = (slug: string) => `images/perf-${slug}.svg`;

/** One CDF chart per path, end to end and the plugin's share, with both targets marked. */
async function writeCharts(rows: PathRow[], endToEndTarget: number): Promise<void> {
    for (const row of rows) {
        await writeFile(
            path.join(path.dirname(PERFORMANCE_DOC), chartFile(row.slug)),
            renderCdfSvg({
                title: row.name.replaceAll('`', ''),
                series: [
                    { label: 'end to end', samples: row.samples.total },
                    { label: "the plugin's own share", samples: row.samples.plugin }
                ],
                marks: [
                    { label: `end-to-end target ${ms(endToEndTarget)}`, atMs: endToEndTarget },
                    { label: `plugin target ${ms(PLUGIN_TARGET_MS)}`, atMs: PLUGIN_TARGET_MS }
                ]
            })
        );
    }
}

function renderReport({
    rtt,
    rows,
    counts,
    chromium,
    durationS
}: {
    rtt: Summary;
    rows: PathRow[];
    counts: [string, { total: number; byMethod: Record<string, number> }][];
    chromium: string;
    durationS: number;
}): string {
    const target = 5 * rtt.p95;
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
    const lines = [
        '## Added latency (perf probe)',
        '',
        `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.cpus().length} cores, ` +
            `${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}), ` +
            `Chromium ${chromium}, Node ${process.version}, softphone cross-site to the console; ${durationS} s.`,
        `Command: \`npm run bench:perf\` (\`sandbox/bench/perfProbe.ts\`, ${RUNS} runs each).`,
        '',
        'Each path is timed twice. **End to end** runs from the Salesforce-side event to its effect',
        'in Flex (or back), so it includes the one cross-process postMessage hop the path needs; times',
        'across the two frames are put on one clock with the offset estimated from the fastest round',
        'trips. **The plugin’s own share** runs from the message reaching the softphone (or Flex’s',
        'event) to the plugin handing over to Flex (invoking a Flex action) or to Salesforce (an',
        'Open CTI call), without Flex’s own dispatch and rendering. Targets: end to end p95 at most',
        `5× the round trip p95 (${ms(target)} here); the plugin’s share p95 at most ${ms(PLUGIN_TARGET_MS)}.`,
        '',
        '| path | hops | end to end: median, p95, max | end-to-end target met | the plugin’s own share | share: median, p95, max | share target met |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        `| raw postMessage round trip, console ⇄ softphone (${rtt.runs} runs) | 2 | ${ms(rtt.median)}, ${ms(rtt.p95)}, ${ms(rtt.max)} | – | – | – | – |`,
        ...rows.map(({ name, hop, pluginPart, samples }) => {
            const total = summarize(samples.total);
            const plugin = summarize(samples.plugin);
            return `| ${name} | 1 (${hop}) | ${ms(total.median)}, ${ms(total.p95)}, ${ms(total.max)} | ${yes(total.p95 <= target)} | ${pluginPart} | ${ms(plugin.median)}, ${ms(plugin.p95)}, ${ms(plugin.max)} | ${yes(plugin.p95 <= PLUGIN_TARGET_MS)} |`;
        }),
        '',
        ...rows.map(
            ({ slug, name }) => `![${name.replaceAll('`', '')}: distribution](${chartFile(slug)})`
        ),
        '',
        '### Open CTI calls per interaction',
        '',
        '| interaction | requests | by method |',
        '| --- | --- | --- |',
        ...counts.map(
            ([name, count]) =>
                `| ${name} | ${count.total} | ${Object.entries(count.byMethod)
                    .sort(([a], [b]) => a.localeCompare(b))
                    .map(([method, n]) => `${method} ×${n}`)
                    .join(', ')} |`
        )
    ];
    return lines.join('\n');
}

await main();
