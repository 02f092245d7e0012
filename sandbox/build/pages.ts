// Bundles the sandbox's own browser code: the console host, the softphone page and the Open CTI
// client script that the console serves at /support/api/<version>/lightning/opencti_min.js.
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { distDir, sandboxDir } from './paths.ts';

export const PAGE_ENTRIES = {
    'console/console.js': 'console/main.ts',
    'softphone/softphone.js': 'softphone/main.ts',
    'softphone/preflight.js': 'softphone/preflight.ts',
    'opencti/opencti_min.js': 'opencti/client.ts',
    'opencti/integration.js': 'opencti/consoleToolkit.ts'
} as const;

export async function buildPages(): Promise<void> {
    await Promise.all(
        Object.entries(PAGE_ENTRIES)
            .filter(([, entry]) => existsSync(path.join(sandboxDir, entry)))
            .map(([out, entry]) =>
                esbuild.build({
                    entryPoints: [path.join(sandboxDir, entry)],
                    outfile: path.join(distDir, out),
                    bundle: true,
                    format: 'iife',
                    platform: 'browser',
                    target: 'es2022',
                    sourcemap: 'linked',
                    logLevel: 'error'
                })
            )
    );
}
