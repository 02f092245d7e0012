// The perf probe's command line: `--runs N` (100 or more, default 120) and `--dry-run` (print the
// report, write nothing). Pure, so a bad argument fails before a browser starts.
import { parseArgs } from 'node:util';

export interface PerfOptions {
    runs: number;
    dryRun: boolean;
}

export function readPerfOptions(args: string[]): PerfOptions {
    const { values } = parseArgs({
        args,
        options: {
            runs: { type: 'string', default: '120' },
            'dry-run': { type: 'boolean', default: false }
        }
    });
    const runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 100) {
        throw new Error('--runs must be a whole number, 100 or more');
    }
    return { runs, dryRun: values['dry-run'] === true };
}
