// npm run sandbox:build — everything the sandbox serves, into sandbox/dist/.
import { buildFlexRuntime } from './flexBundle.ts';
import { buildLwc } from './lwc.ts';
import { buildPages } from './pages.ts';

export async function buildSandbox({ force = false } = {}): Promise<void> {
    await Promise.all([buildFlexRuntime({ force }), buildPages(), buildLwc()]);
}

if (import.meta.main) {
    const started = Date.now();
    await buildSandbox({ force: process.argv.includes('--force') });
    console.log(`Sandbox built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
