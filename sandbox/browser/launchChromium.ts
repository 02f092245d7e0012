// Starts Chromium the way the sandbox needs it: headless, with a throw-away profile that holds the
// agent's browser settings. In production Flex is a third-party frame inside Salesforce; Twilio
// asks agents' browsers to allow third-party cookies, and a profile is the only place Chromium
// reads cookie settings from. The frame's storage is partitioned by the top-level site, as
// browsers do. Pages opened with `browser.newPage()` still get fresh, isolated contexts.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { findChromium, missingChromiumMessage } from './findChromium.ts';

/**
 * playwright-core 1.65 passes a --disable-features list that turns third-party storage
 * partitioning off (microsoft/playwright#32230). Browsers partition it in production, so this is
 * the same list without ThirdPartyStoragePartitioning: Chromium keeps the last --disable-features
 * it is given. The end-to-end tests check that the softphone's storage is partitioned, so a
 * Playwright upgrade that changes this fails loudly.
 */
const DISABLED_FEATURES = [
    'AvoidUnnecessaryBeforeUnloadCheckSync',
    'DestroyProfileOnBrowserClose',
    'HttpsUpgrades',
    'HttpsFirstBalancedModeAutoEnable',
    'LensOverlay',
    'MediaRouter',
    'PaintHolding',
    'AvoidCorsURLLoaderRestartOnRedirect',
    'TcpPortRandomizationWin',
    'OptimizationHints',
    'NetworkTimeServiceQuerying',
    'AimEnabled',
    'PreconnectToSearch'
];

export const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--disable-features=${DISABLED_FEATURES.join(',')}`
];

export interface BrowserSettings {
    /** allowed: as Twilio asks of agents' browsers (the default); blocked: Chrome's incognito default. */
    thirdPartyCookies?: 'allowed' | 'blocked';
    /**
     * A host whose site data (cookies and storage) the browser refuses, as "block all cookies" or
     * a policy for one site (say flex.twilio.com) does.
     */
    blockSiteDataFor?: string;
}

export function profilePreferences(settings: BrowserSettings): object {
    const blocked = settings.thirdPartyCookies === 'blocked';
    return {
        profile: {
            // cookie_controls_mode 0 = allow third-party cookies, 1 = block them.
            cookie_controls_mode: blocked ? 1 : 0,
            block_third_party_cookies: blocked,
            ...(settings.blockSiteDataFor
                ? {
                      content_settings: {
                          // 2 = block: no cookies and no storage for that host, on any port.
                          exceptions: {
                              cookies: { [`${settings.blockSiteDataFor},*`]: { setting: 2 } }
                          }
                      }
                  }
                : {})
        }
    };
}

export interface LaunchedChromium {
    browser: Browser;
    executablePath: string;
    close(): Promise<void>;
}

export interface LaunchOptions extends BrowserSettings {
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
        JSON.stringify(profilePreferences(options))
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
