// The perf probe's command line: `--runs N` (100 or more, default 120), `--host console|app`
// (Salesforce over Open CTI, or the demo CRM over the bridge) and `--dry-run` (print the report,
// write nothing). Pure, so a bad argument fails before a browser starts.
import { parseArgs } from 'node:util';

export interface PerfOptions {
    runs: number;
    host: 'console' | 'app';
    dryRun: boolean;
}

export function readPerfOptions(args: string[]): PerfOptions {
    const { values } = parseArgs({
        args,
        options: {
            runs: { type: 'string', default: '120' },
            host: { type: 'string', default: 'console' },
            'dry-run': { type: 'boolean', default: false }
        }
    });
    const runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 100) {
        throw new Error('--runs must be a whole number, 100 or more');
    }
    const host = values.host;
    if (host !== 'console' && host !== 'app') {
        throw new Error(
            '--host must be console (Salesforce, Open CTI) or app (the demo CRM, the bridge)'
        );
    }
    return { runs, host, dryRun: values['dry-run'] === true };
}
