// How a browser gets installed when none is found: the distribution's package where the platform
// allows it (Debian or Ubuntu, as root), otherwise playwright-core's own download, the usual way in
// the Playwright ecosystem. Every step has a time limit, so a stuck mirror cannot hang a test run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface InstallStep {
    /** What the person reads before the step runs. */
    label: string;
    command: string;
    args: string[];
    env?: Record<string, string>;
}

export interface PlatformFacts {
    platform: NodeJS.Platform;
    /** /etc/os-release's ID and ID_LIKE words, lowercased; empty where there is none. */
    osIds: string[];
    isRoot: boolean;
    hasAptGet: boolean;
}

const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };

/** The install attempts to make, in order; the first that leaves a browser behind wins. */
export function installPlan(facts: PlatformFacts, playwrightCli: string): InstallStep[][] {
    const plans: InstallStep[][] = [];
    const debianLike = facts.osIds.some((id) => id === 'debian' || id === 'ubuntu');
    if (facts.platform === 'linux' && debianLike && facts.isRoot && facts.hasAptGet) {
        // Debian ships Chromium as "chromium"; Ubuntu's "chromium-browser" is a snap wrapper,
        // which may not work in a container, so playwright's download stays the fallback there.
        const pkg = facts.osIds.includes('ubuntu') ? 'chromium-browser' : 'chromium';
        plans.push([
            { label: 'apt-get update', command: 'apt-get', args: ['update', '-qq'], env: APT_ENV },
            {
                label: `apt-get install ${pkg}`,
                command: 'apt-get',
                args: ['install', '-y', '-qq', '--no-install-recommends', pkg],
                env: APT_ENV
            }
        ]);
    }
    plans.push([
        {
            label: 'playwright-core install chromium',
            command: process.execPath,
            args: [playwrightCli, 'install', 'chromium']
        }
    ]);
    return plans;
}

export function parseOsRelease(text: string): string[] {
    const ids: string[] = [];
    for (const line of text.split('\n')) {
        const match = /^(ID|ID_LIKE)=(.*)$/.exec(line.trim());
        if (match?.[2]) {
            ids.push(...match[2].replace(/["']/g, '').toLowerCase().split(/\s+/).filter(Boolean));
        }
    }
    return ids;
}

export function platformFacts(): PlatformFacts {
    let osIds: string[] = [];
    try {
        osIds = parseOsRelease(readFileSync('/etc/os-release', 'utf8'));
    } catch {
        // Not Linux, or no os-release: no distribution package to use.
    }
    const hasAptGet =
        spawnSync('apt-get', ['--version'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
    return {
        platform: process.platform,
        osIds,
        isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
        hasAptGet
    };
}

/** playwright-core's command line (its package exports no `cli.js` subpath: found beside package.json). */
export function playwrightCliPath(): string {
    const manifest = createRequire(import.meta.url).resolve('playwright-core/package.json');
    return path.join(path.dirname(manifest), 'cli.js');
}

/** Runs one plan's steps; false at the first step that fails or runs out of time. */
export function runPlan(
    steps: InstallStep[],
    timeoutMs: number,
    say: (line: string) => void
): boolean {
    for (const step of steps) {
        say(`Installing Chromium: ${step.label}`);
        const result = spawnSync(step.command, step.args, {
            stdio: ['ignore', 'inherit', 'inherit'],
            env: { ...process.env, ...step.env },
            timeout: timeoutMs
        });
        if (result.error || result.status !== 0) {
            const why = result.error?.message ?? `exit code ${result.status}`;
            say(`Installing Chromium: ${step.label} failed (${why})`);
            return false;
        }
    }
    return true;
}
