// Summaries for the benchmark scripts: nearest-rank percentiles over raw samples.

export interface Summary {
    runs: number;
    median: number;
    p95: number;
    min: number;
    max: number;
}

/** The nearest-rank percentile (p in 0–100) of the samples. */
export function percentile(samples: readonly number[], p: number): number {
    if (!samples.length) {
        throw new Error('no samples');
    }
    if (!(p >= 0 && p <= 100)) {
        throw new Error(`percentile ${p} is not between 0 and 100`);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[rank - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
    return {
        runs: samples.length,
        median: percentile(samples, 50),
        p95: percentile(samples, 95),
        min: Math.min(...samples),
        max: Math.max(...samples)
    };
}

/** Milliseconds: two decimals below 1 ms, one below 10 ms, whole above. */
export function ms(value: number): string {
    if (value < 1) {
        return `${value.toFixed(2)} ms`;
    }
    return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

/**
 * Replaces the part of a Markdown document between `<!-- name:start -->` and `<!-- name:end -->`
 * (appending the block when the markers are missing), so several benchmarks share one file.
 */
export function replaceSection(document: string, name: string, body: string): string {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const block = `${start}\n${body.trim()}\n${end}`;
    const from = document.indexOf(start);
    const to = document.indexOf(end);
    if (from === -1 || to < from) {
        return `${document.trimEnd()}\n\n${block}\n`;
    }
    return document.slice(0, from) + block + document.slice(to + end.length);
}
