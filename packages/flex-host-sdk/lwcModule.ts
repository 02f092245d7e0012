// The host SDK as a Lightning Web Component module (c/flexHostSdk), so the package's softphone
// component uses the same SDK as any host app rather than a copy of its logic. One ES module
// bundled from src/ by esbuild; a test fails when the committed module is stale.
// Run from the repository root: npm run lwc:sdk.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const here = path.dirname(new URL(import.meta.url).pathname);
export const LWC_MODULE_DIR = path.resolve(here, '../../force-app/main/default/lwc/flexHostSdk');
export const LWC_MODULE_FILE = path.join(LWC_MODULE_DIR, 'flexHostSdk.js');

const HEADER = `// Generated from packages/flex-host-sdk/src by \`npm run lwc:sdk\`: do not edit here.
// The Flex host SDK (protocol 'flex-host-bridge'), as an LWC module for the softphone component.
`;

export async function renderLwcModule(): Promise<string> {
    const result = await build({
        entryPoints: [path.join(here, 'src/index.ts')],
        bundle: true,
        format: 'esm',
        target: 'es2020',
        write: false,
        legalComments: 'none',
        logLevel: 'warning'
    });
    const [output] = result.outputFiles;
    if (!output) throw new Error('esbuild wrote nothing for the LWC module');
    return HEADER + output.text;
}

if (import.meta.url === `file://${process.argv[1]}`) {
    await mkdir(LWC_MODULE_DIR, { recursive: true });
    await writeFile(LWC_MODULE_FILE, await renderLwcModule());
    console.log(`LWC module written: ${path.relative(process.cwd(), LWC_MODULE_FILE)}`);
}
