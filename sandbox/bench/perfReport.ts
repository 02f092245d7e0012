// The perf probe's report: the docs/performance.md section and one CDF chart per path.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { renderCdfSvg } from './cdfChart.ts';
import { PERFORMANCE_DOC } from './performanceDoc.ts';
import type { PathSamples } from './perfPageHooks.ts';
import { ms, summarize, type Summary } from './stats.ts';

/** The plugin's own share of any path, at p95: the issue's bar, independent of the machine. */
export const PLUGIN_TARGET_MS = 1;

export interface PathRow {
    slug: string;
    name: string;
    hop: string;
    pluginPart: string;
    samples: PathSamples;
}

const chartFile = (slug: string) => `images/perf-${slug}.svg`;

/** What differs between the probe's two settings: Salesforce (Open CTI) and a host app (the bridge). */
export interface ProbeSetting {
    heading: string;
    /** Where Flex runs, for the "Measured" line. */
    where: string;
    command: string;
    /** Where a path starts on the CRM's side, and where the plugin hands over to the CRM. */
    crmEvent: string;
    crmHandover: string;
    roundTrip: string;
    countsHeading: string;
    countsColumn: string;
}

export const OPEN_CTI_SETTING: ProbeSetting = {
    heading: 'Added latency (perf probe)',
    where: 'softphone cross-site to the console',
    command: 'npm run bench:perf',
    crmEvent: 'the Salesforce-side event',
    crmHandover: 'to Salesforce (an Open CTI call)',
    roundTrip: 'console ⇄ softphone',
    countsHeading: 'Open CTI calls per interaction',
    countsColumn: 'requests'
};

export const BRIDGE_SETTING: ProbeSetting = {
    heading: 'Added latency over the bridge (perf probe, host app)',
    where: 'Flex cross-site inside the demo CRM, over the bridge',
    command: 'npm run bench:perf -- --host app',
    crmEvent: "the host app's call",
    crmHandover: "to the host (a message on the bridge's port)",
    roundTrip: 'demo CRM ⇄ Flex frame',
    countsHeading: 'Bridge messages per interaction',
    countsColumn: 'messages'
};

/**
 * One CDF chart per path, end to end and the plugin's share, with both targets marked; formatted
 * as `npm test`'s Prettier check expects.
 */
export async function writeCharts(rows: PathRow[], endToEndTarget: number): Promise<void> {
    for (const row of rows) {
        const file = path.join(path.dirname(PERFORMANCE_DOC), chartFile(row.slug));
        const options = (await prettier.resolveConfig(file)) ?? {};
        const svg = renderCdfSvg({
            title: row.name.replaceAll('`', ''),
            series: [
                { label: 'end to end', samples: row.samples.total },
                { label: "the plugin's own share", samples: row.samples.plugin }
            ],
            marks: [
                { label: `end-to-end target ${ms(endToEndTarget)}`, atMs: endToEndTarget },
                { label: `plugin target ${ms(PLUGIN_TARGET_MS)}`, atMs: PLUGIN_TARGET_MS }
            ]
        });
        await writeFile(file, await prettier.format(svg, { ...options, filepath: file }));
    }
}

export function renderReport({
    setting,
    rtt,
    rows,
    counts,
    chromium,
    durationS,
    runs
}: {
    setting: ProbeSetting;
    runs: number;
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
        `## ${setting.heading}`,
        '',
        `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.cpus().length} cores, ` +
            `${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}), ` +
            `Chromium ${chromium}, Node ${process.version}, ${setting.where}; ${durationS} s.`,
        `Command: \`${setting.command}\` (\`sandbox/bench/perfProbe.ts\`, ${runs} runs each).`,
        '',
        `Each path is timed twice. **End to end** runs from ${setting.crmEvent} to its effect`,
        'in Flex (or back), so it includes the one cross-process postMessage hop the path needs; times',
        'across the two frames are put on one clock with the offset estimated from the fastest round',
        'trips. **The plugin’s own share** runs from the message reaching Flex’s frame (or Flex’s',
        `event) to the plugin handing over to Flex (invoking a Flex action) or ${setting.crmHandover}, without Flex’s own dispatch and rendering. Targets: end to end p95 at most`,
        `5× the round trip p95 (${ms(target)} here); the plugin’s share p95 at most ${ms(PLUGIN_TARGET_MS)}.`,
        '',
        '| path | hops | end to end: median, p95, max | end-to-end target met | the plugin’s own share | share: median, p95, max | share target met |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        `| raw postMessage round trip, ${setting.roundTrip} (${rtt.runs} runs) | 2 | ${ms(rtt.median)}, ${ms(rtt.p95)}, ${ms(rtt.max)} | – | – | – | – |`,
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
        `### ${setting.countsHeading}`,
        '',
        `| interaction | ${setting.countsColumn} | by method |`,
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
