// Starts Chromium the way the sandbox needs it: headless, with a throw-away profile whose cookie
// setting decides whether the cross-site softphone frame may use storage. In production Flex is a
// third-party frame inside Salesforce; Twilio asks agents' browsers to allow third-party cookies,
// and a profile is the only place Chromium reads that setting from (an incognito-like context
// blocks them). Pages opened with `browser.newPage()` still get fresh, isolated contexts.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { findChromium, missingChromiumMessage } from './findChromium.ts';

export const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run'
];

/** allowed: an agent's browser set up as Twilio asks. blocked: Chromium's incognito default. */
export type ThirdPartyStorage = 'allowed' | 'blocked';

export function profilePreferences(storage: ThirdPartyStorage): object {
    // cookie_controls_mode 0 = allow third-party cookies, 1 = block them.
    return storage === 'allowed'
        ? { profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }
        : { profile: { cookie_controls_mode: 1, block_third_party_cookies: true } };
}

export interface LaunchedChromium {
    browser: Browser;
    executablePath: string;
    close(): Promise<void>;
}

export interface LaunchOptions {
    storage?: ThirdPartyStorage;
    /** Defaults to the lookup in findChromium.ts. */
    executablePath?: string;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedChromium> {
    let executablePath = options.executablePath;
    if (!executablePath) {
        const lookup = findChromium();
        if (lookup.kind !== 'found') {
            throw new Error(`${missingChromiumMessage(lookup)} (npm run browser installs one)`);
        }
        executablePath = lookup.path;
    }
    const profile = await mkdtemp(path.join(os.tmpdir(), 'flex-sandbox-chromium-'));
    await mkdir(path.join(profile, 'Default'));
    await writeFile(
        path.join(profile, 'Default', 'Preferences'),
        JSON.stringify(profilePreferences(options.storage ?? 'allowed'))
    );
    let context: BrowserContext;
    try {
        context = await chromium.launchPersistentContext(profile, {
            executablePath,
            args: CHROMIUM_ARGS,
            timeout: 60_000
        });
    } catch (error) {
        await rm(profile, { recursive: true, force: true });
        const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        throw new Error(`Chromium at ${executablePath} did not start: ${first}`, { cause: error });
    }
    const browser = context.browser();
    if (!browser) {
        await context.close();
        await rm(profile, { recursive: true, force: true });
        throw new Error('playwright-core gave no browser for the persistent context');
    }
    return {
        browser,
        executablePath,
        close: async () => {
            await context.close();
            await rm(profile, { recursive: true, force: true });
        }
    };
}
