// Cumulative distribution charts for the benchmarks, as standalone SVG files that
// docs/performance.md embeds: each series is a step line from its fastest to its slowest sample,
// on a logarithmic time axis, so the tail (p95, max) is as visible as the median.

export interface CdfSeries {
    label: string;
    samples: readonly number[];
}

export interface CdfChart {
    title: string;
    series: CdfSeries[];
    /** Vertical marks, e.g. a target: drawn as dashed lines with their label. */
    marks?: { label: string; atMs: number }[];
}

const WIDTH = 640;
const HEIGHT = 300;
const PAD = { left: 56, right: 16, top: 36, bottom: 64 };
const COLOURS = ['#0b5cab', '#c23934', '#2e844a', '#8a5a00'];

/** Escapes text for SVG: the labels are ours, but a title is still text, never markup. */
export function escapeXml(text: string): string {
    return text
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;')
        .replaceAll('"', '&quot;');
}

/** Decades (0.01, 0.1, 1, 10 … ms) that cover every sample and mark. */
export function logTicks(minMs: number, maxMs: number): number[] {
    const low = Math.floor(Math.log10(Math.max(minMs, 0.001)));
    const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(maxMs, 0.001))));
    const ticks: number[] = [];
    for (let exponent = low; exponent <= high; exponent += 1) {
        ticks.push(Number((10 ** exponent).toPrecision(1)));
    }
    return ticks;
}

/** The step points of one series' empirical CDF: (sample, share of samples at or below it). */
export function cdfPoints(samples: readonly number[]): [number, number][] {
    const sorted = [...samples].sort((a, b) => a - b);
    return sorted.map((value, index) => [value, (index + 1) / sorted.length]);
}

const formatMs = (value: number) => `${value} ms`;

export function renderCdfSvg(chart: CdfChart): string {
    const all = chart.series.flatMap((series) => series.samples).filter((value) => value > 0);
    if (all.length === 0) {
        throw new Error(`${chart.title}: no samples above 0 ms to chart`);
    }
    const marks = chart.marks ?? [];
    const ticks = logTicks(
        Math.min(...all, ...marks.map((mark) => mark.atMs)),
        Math.max(...all, ...marks.map((mark) => mark.atMs))
    );
    const low = Math.log10(ticks[0] as number);
    const high = Math.log10(ticks[ticks.length - 1] as number);
    const plotWidth = WIDTH - PAD.left - PAD.right;
    const plotHeight = HEIGHT - PAD.top - PAD.bottom;
    // Samples of 0 ms (below the clock's resolution) sit on the left edge.
    const x = (valueMs: number) =>
        PAD.left + ((Math.log10(Math.max(valueMs, 10 ** low)) - low) / (high - low)) * plotWidth;
    const y = (share: number) => PAD.top + (1 - share) * plotHeight;
    const round = (value: number) => Math.round(value * 10) / 10;

    const parts: string[] = [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`,
        `<title>${escapeXml(chart.title)}</title>`,
        `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
        `<text x="${PAD.left}" y="20" font-size="13" font-weight="bold">${escapeXml(chart.title)}</text>`
    ];
    for (const share of [0, 0.5, 0.95, 1]) {
        parts.push(
            `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${round(y(share))}" y2="${round(y(share))}" stroke="#dddbda"/>`,
            `<text x="${PAD.left - 6}" y="${round(y(share)) + 4}" text-anchor="end">${share === 0.5 ? 'median' : share === 0.95 ? 'p95' : `${share * 100}%`}</text>`
        );
    }
    for (const tick of ticks) {
        parts.push(
            `<line x1="${round(x(tick))}" x2="${round(x(tick))}" y1="${PAD.top}" y2="${PAD.top + plotHeight}" stroke="#f3f2f2"/>`,
            `<text x="${round(x(tick))}" y="${PAD.top + plotHeight + 16}" text-anchor="middle">${escapeXml(formatMs(tick))}</text>`
        );
    }
    marks.forEach((mark, index) => {
        parts.push(
            `<line x1="${round(x(mark.atMs))}" x2="${round(x(mark.atMs))}" y1="${PAD.top}" y2="${PAD.top + plotHeight}" stroke="#706e6b" stroke-dasharray="4 3"/>`,
            `<text x="${round(x(mark.atMs)) + 4}" y="${PAD.top + 12 + index * 13}" fill="#3e3e3c">${escapeXml(mark.label)}</text>`
        );
    });
    chart.series.forEach((series, index) => {
        const colour = COLOURS[index % COLOURS.length];
        const points = cdfPoints(series.samples);
        let path = `M${round(x(points[0]?.[0] ?? 0))},${round(y(0))}`;
        for (const [value, share] of points) {
            path += ` H${round(x(value))} V${round(y(share))}`;
        }
        parts.push(
            `<path d="${path}" fill="none" stroke="${colour}" stroke-width="1.6"/>`,
            `<rect x="${PAD.left + index * 290}" y="${HEIGHT - 22}" width="12" height="3" fill="${colour}"/>`,
            `<text x="${PAD.left + 16 + index * 290}" y="${HEIGHT - 17}">${escapeXml(`${series.label} (${series.samples.length} runs)`)}</text>`
        );
    });
    parts.push(
        `<text x="${PAD.left + plotWidth / 2}" y="${PAD.top + plotHeight + 32}" text-anchor="middle" fill="#3e3e3c">time (log scale); each line: share of runs at or below a time</text>`,
        '</svg>',
        ''
    );
    return parts.join('\n');
}
