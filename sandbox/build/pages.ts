// Bundles the sandbox's own browser code: the console host, the softphone page and the Open CTI
// client script that the console serves at /support/api/<version>/lightning/opencti_min.js.
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { distDir, repoRoot, sandboxDir } from './paths.ts';

export const PAGE_ENTRIES = {
    'console/console.js': 'console/main.ts',
    'softphone/softphone.js': 'softphone/main.ts',
    'softphone/preflight.js': 'softphone/preflight.ts',
    'opencti/opencti_min.js': 'opencti/client.ts',
    'opencti/integration.js': 'opencti/consoleToolkit.ts',
    'app/demo-crm.js': 'demo-crm/main.ts'
} as const;

/** The demo CRM imports the host SDK by its package name, as a customer's app would. */
const SDK_ALIAS = {
    '@flex-crm/host-sdk': path.join(repoRoot, 'packages', 'flex-host-sdk', 'src', 'index.ts')
};

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
                    alias: SDK_ALIAS,
                    logLevel: 'error'
                })
            )
    );
}
