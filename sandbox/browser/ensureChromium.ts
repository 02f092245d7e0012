// `npm run browser`, run before the end-to-end tests and the benchmarks: find a Chromium, install
// one if there is none (installChromium.ts), or stop with one line saying what to install.
// `--no-install` only looks.
import { findChromium, missingChromiumMessage, type ChromiumLookup } from './findChromium.ts';
import { installPlan, platformFacts, playwrightCliPath, runPlan } from './installChromium.ts';

const STEP_TIMEOUT_MS = 10 * 60 * 1000;

function found(lookup: ChromiumLookup): lookup is Extract<ChromiumLookup, { kind: 'found' }> {
    if (lookup.kind === 'found') {
        console.log(`Chromium for the end-to-end tests: ${lookup.path} (from ${lookup.source})`);
        return true;
    }
    return false;
}

function ensure(install: boolean): boolean {
    const first = findChromium();
    if (found(first)) {
        return true;
    }
    if (first.kind === 'missing-env' || !install) {
        console.error(missingChromiumMessage(first));
        return false;
    }
    for (const steps of installPlan(platformFacts(), playwrightCliPath())) {
        if (runPlan(steps, STEP_TIMEOUT_MS, (line) => console.log(line)) && found(findChromium())) {
            return true;
        }
    }
    console.error(missingChromiumMessage(first));
    return false;
}

try {
    process.exitCode = ensure(!process.argv.includes('--no-install')) ? 0 : 1;
} catch (error) {
    // Whatever went wrong, the person gets the one line that says what to do, and the reason.
    console.error(missingChromiumMessage({ kind: 'none', tried: [] }));
    console.error(`(${error instanceof Error ? error.message : String(error)})`);
    process.exitCode = 1;
}
