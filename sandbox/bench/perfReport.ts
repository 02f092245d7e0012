// The perf probe's report: the docs/performance.md section and one CDF chart per path.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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

/** One CDF chart per path, end to end and the plugin's share, with both targets marked. */
export async function writeCharts(rows: PathRow[], endToEndTarget: number): Promise<void> {
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

export function renderReport({
    rtt,
    rows,
    counts,
    chromium,
    durationS,
    runs
}: {
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
        '## Added latency (perf probe)',
        '',
        `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.cpus().length} cores, ` +
            `${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}), ` +
            `Chromium ${chromium}, Node ${process.version}, softphone cross-site to the console; ${durationS} s.`,
        `Command: \`npm run bench:perf\` (\`sandbox/bench/perfProbe.ts\`, ${runs} runs each).`,
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
