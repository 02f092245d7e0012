// Where the end-to-end tests, benchmarks and screenshot script find a Chromium to drive, in order:
// CHROMIUM_PATH, a Chromium or Chrome the system has, then one that playwright-core installed.
// Nothing here installs anything (installChromium.ts does).
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'playwright';

export type ChromiumLookup =
    | { kind: 'found'; path: string; source: ChromiumSource }
    /** CHROMIUM_PATH names a file that is not there: the person asked for it, so no fallback. */
    | { kind: 'missing-env'; path: string }
    | { kind: 'none'; tried: string[] };

export interface LookupHost {
    env: Record<string, string | undefined>;
    platform: NodeJS.Platform;
    isExecutable(file: string): boolean;
    /** Where playwright-core keeps its own Chromium build (it may not be downloaded). */
    playwrightPath(): string | null;
}

const LINUX_NAMES = [
    'chromium',
    'chromium-browser',
    'google-chrome-stable',
    'google-chrome',
    'chrome'
];

/** The system's own browsers, by platform: names looked up on PATH, or fixed install paths. */
export function systemCandidates(env: LookupHost['env'], platform: NodeJS.Platform): string[] {
    if (platform === 'darwin') {
        return [
            '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
            '/Applications/Chromium.app/Contents/MacOS/Chromium'
        ];
    }
    if (platform === 'win32') {
        const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
            (root): root is string => Boolean(root)
        );
        return roots.map((root) =>
            path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')
        );
    }
    const dirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => dir.startsWith('/'));
    return LINUX_NAMES.flatMap((name) => dirs.map((dir) => path.posix.join(dir, name)));
}

export function findChromium(host: LookupHost = processHost()): ChromiumLookup {
    const configured = host.env.CHROMIUM_PATH?.trim();
    if (configured) {
        return host.isExecutable(configured)
            ? { kind: 'found', path: configured, source: 'CHROMIUM_PATH' }
            : { kind: 'missing-env', path: configured };
    }
    const tried: string[] = [];
    for (const candidate of systemCandidates(host.env, host.platform)) {
        tried.push(candidate);
        if (host.isExecutable(candidate)) {
            return { kind: 'found', path: candidate, source: 'system' };
        }
    }
    const playwright = host.playwrightPath();
    if (playwright) {
        tried.push(playwright);
        if (host.isExecutable(playwright)) {
            return { kind: 'found', path: playwright, source: 'playwright' };
        }
    }
    return { kind: 'none', tried };
}

/** The one line a person reads when no browser can be used. */
export function missingChromiumMessage(lookup: Exclude<ChromiumLookup, { kind: 'found' }>): string {
    if (lookup.kind === 'missing-env') {
        return `CHROMIUM_PATH is ${lookup.path}, which is not an executable file: fix or unset it.`;
    }
    return (
        'No Chromium or Chrome found for the end-to-end tests: install Chromium ' +
        '(Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.'
    );
}

export function isExecutable(file: string): boolean {
    try {
        accessSync(file, constants.X_OK);
        return statSync(file).isFile();
    } catch {
        return false;
    }
}

/** playwright-core knows where its own download would be; an empty or failing answer is "none". */
function playwrightExecutable(): string | null {
    try {
        return chromium.executablePath() || null;
    } catch {
        return null;
    }
}

export function processHost(): LookupHost {
    return {
        env: process.env,
        platform: process.platform,
        isExecutable,
        playwrightPath: playwrightExecutable
    };
}
