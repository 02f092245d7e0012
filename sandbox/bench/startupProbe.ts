// Start-up benchmark (a benchmark, not a test): what the plugin costs when Flex starts. Loads the
// console N times with the plugin and N times without it, alternating, in one Chromium with the
// softphone cross-site, and reads two User Timing marks in the softphone frame: Flex ready (the
// sandbox renders the agent desktop) and integration on (the plugin's own mark). Counts the
// softphone's network requests in each mode. Writes its table and a chart to docs/.
// Run: npm run bench:startup [-- --loads 20] [-- --dry-run]
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Frame, Request } from 'playwright-core';
import { openSandbox, type Sandbox } from '../e2e/harness.ts';
import { renderCdfSvg } from './cdfChart.ts';
import { PERFORMANCE_DOC, writePerformanceSection } from './performanceDoc.ts';
import { addedRequests, mostCommon } from './requestDiff.ts';
import { ms, summarize, type Summary } from './stats.ts';

const { values: options } = parseArgs({
    options: {
        loads: { type: 'string', default: '20' },
        'dry-run': { type: 'boolean', default: false }
    }
});
const LOADS = Number(options.loads);
if (!Number.isInteger(LOADS) || LOADS < 20) {
    throw new Error('--loads must be a whole number, 20 or more');
}
// The marks' names: the sandbox page's (softphone/main.ts) and the plugin's (startIntegration.ts).
const FLEX_READY = 'sandbox:flex-ready';
const INTEGRATION_ON = 'flex-crm-integration:on';
const MARK_TIMEOUT_MS = 60_000;
/** After both marks, a moment for requests already on their way. */
const SETTLE_MS = 500;

interface Load {
    flexReady: number;
    integrationOn: number | null;
    /** Paths the softphone frame requested (its own page and scripts, and what they fetched). */
    requests: string[];
}

async function markAt(softphone: Frame, name: string): Promise<number> {
    const handle = await softphone.waitForFunction(
        (mark) => performance.getEntriesByName(mark, 'mark')[0]?.startTime,
        name,
        { timeout: MARK_TIMEOUT_MS, polling: 50 }
    );
    return (await handle.jsonValue()) as number;
}

/** A request as the report names it: which of the sandbox's two sites, and the path. */
function requestName(url: URL, origins: Sandbox['server']['origins']): string {
    if (url.origin === origins.console) {
        return `console ${url.pathname}`;
    }
    if (url.origin === origins.softphone) {
        return `softphone ${url.pathname}`;
    }
    return url.origin === 'null' ? url.href : `${url.host}${url.pathname}`;
}

/** One load of the console in a fresh browser context. */
async function load(sandbox: Sandbox, withPlugin: boolean): Promise<Load> {
    const page = await sandbox.browser.newPage();
    const requests: string[] = [];
    page.on('request', (request: Request) => {
        if (request.frame().parentFrame() !== null) {
            requests.push(requestName(new URL(request.url()), sandbox.server.origins));
        }
    });
    try {
        await page.goto(
            `${sandbox.server.origins.console}/${withPlugin ? '' : '?sandboxPlugin=off'}`
        );
        const softphone = await (
            await page.waitForSelector('#softphone', { state: 'attached' })
        ).contentFrame();
        if (!softphone) {
            throw new Error('no softphone frame');
        }
        const flexReady = await markAt(softphone, FLEX_READY);
        const integrationOn = withPlugin ? await markAt(softphone, INTEGRATION_ON) : null;
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        return { flexReady, integrationOn, requests: [...requests] };
    } finally {
        await page.close();
    }
}

async function main(): Promise<void> {
    const started = Date.now();
    const sandbox = await openSandbox();
    const withPlugin: Load[] = [];
    const without: Load[] = [];
    // Every load in a fresh context: the sandbox serves everything with `cache-control:
    // no-store`, so a shared context would not warm any cache, only share storage.
    try {
        // One load of each first, unmeasured: the server's file reads warm up for both alike.
        await load(sandbox, true);
        await load(sandbox, false);
        process.stdout.write(
            `warm-up loads done (${((Date.now() - started) / 1000).toFixed(1)} s)\n`
        );
        for (let i = 0; i < LOADS; i += 1) {
            const pairStarted = Date.now();
            withPlugin.push(await load(sandbox, true));
            without.push(await load(sandbox, false));
            const seconds = ((Date.now() - pairStarted) / 1000).toFixed(1);
            process.stdout.write(`${i + 1}/${LOADS} pairs of loads (${seconds} s)\n`);
        }
        const chromium = sandbox.browser.version();
        const report = renderReport({
            withPlugin,
            without,
            chromium,
            durationS: Math.round((Date.now() - started) / 1000)
        });
        console.log(report);
        if (!options['dry-run']) {
            await writePerformanceSection('startup-probe', report);
            await writeFile(
                path.join(path.dirname(PERFORMANCE_DOC), 'images', 'perf-startup.svg'),
                renderCdfSvg({
                    title: 'Softphone start-up: navigation → Flex ready, and → integration on',
                    series: [
                        {
                            label: 'Flex ready, no plugin',
                            samples: without.map((l) => l.flexReady)
                        },
                        {
                            label: 'Flex ready, with plugin',
                            samples: withPlugin.map((l) => l.flexReady)
                        },
                        {
                            label: 'integration on',
                            samples: withPlugin.map((l) => l.integrationOn ?? 0)
                        }
                    ]
                })
            );
        }
    } finally {
        await sandbox.close();
    }
}

function renderReport({
    withPlugin,
    without,
    chromium,
    durationS
}: {
    withPlugin: Load[];
    without: Load[];
    chromium: string;
    durationS: number;
}): string {
    const readyWith = summarize(withPlugin.map((l) => l.flexReady));
    const readyWithout = summarize(without.map((l) => l.flexReady));
    const on = summarize(withPlugin.map((l) => l.integrationOn ?? Number.NaN));
    const ratio = readyWith.median / readyWithout.median;
    // Each load with the plugin against the load without it that followed: the pair's ratio.
    const paired = summarize(
        withPlugin.map((l, i) => l.flexReady / (without[i]?.flexReady ?? NaN))
    );
    // Compare each load with the one after it (same position in the run), and keep the most
    // common difference: a request Flex makes only sometimes does not count against the plugin.
    const added = withPlugin.map((l, i) => addedRequests(l.requests, without[i]?.requests ?? []));
    const typical = mostCommon(added.map((list) => [...list].sort().join('\n')));
    const typicalList = typical ? typical.split('\n') : [];
    const pluginBundle = typicalList.filter((url) =>
        url.endsWith('/plugin-salesforce-integration.js')
    );
    const others = typicalList.filter((url) => !pluginBundle.includes(url));
    const pair = (s: Summary) => `${ms(s.median)}, ${ms(s.p95)}`;
    const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
    return [
        '## Start-up cost',
        '',
        `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:startup\` (\`sandbox/bench/startupProbe.ts\`): ` +
            `${LOADS} loads with the plugin and ${LOADS} without, alternating, one Chromium ${chromium}, softphone cross-site, ` +
            `each load in a fresh browser context (nothing cached); ${durationS} s.`,
        'Times are from the softphone frame’s navigation start (its `performance.timeOrigin`).',
        '',
        '| measure | without the plugin (median, p95) | with the plugin (median, p95) | target | met |',
        '| --- | --- | --- | --- | --- |',
        `| Flex ready (agent desktop rendered) | ${pair(readyWithout)} | ${pair(readyWith)} (×${ratio.toFixed(3)} by median; pairs: median ×${paired.median.toFixed(3)}) | ≤ ×1.05 | ${yes(ratio <= 1.05)} |`,
        `| Integration on (the plugin's mark) | – | ${pair(on)} | – | – |`,
        `| Requests the plugin adds before it is on, besides its own bundle | – | ${others.length}: ${others.map((url) => `\`${url}\``).join(', ') || 'none'} | ≤ 1 (Open CTI's script) | ${yes(others.length <= 1)} |`,
        `| The plugin's own bundle | – | ${pluginBundle.length} request | – | – |`,
        '',
        '![Start-up: Flex ready without and with the plugin, and integration on](images/perf-startup.svg)'
    ].join('\n');
}

await main();
