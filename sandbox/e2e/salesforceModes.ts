// The two ways Flex runs in the sandbox's Salesforce console, behind one driver, so the shared
// scenarios (salesforceScenarios.test.ts) run unchanged in each: Open CTI (the call center's
// softphone) and without Open CTI (the package's softphone LWC hosting Flex over the bridge).
// What differs (how the agent dials from a record, which call fails, where the link is kept)
// lives here and nowhere else.
import type { Frame, Page } from 'playwright-core';
import {
    eventually,
    journalOf,
    softphoneFrame,
    type ConsoleWindow,
    type Sandbox
} from './harness.ts';

export interface SalesforceSession {
    page: Page;
    flex: Frame;
    pageErrors: string[];
}

export interface SalesforceMode {
    name: string;
    /** The task attributes the link is kept in. */
    linkKeys: { id: string; type: string };
    /** Opens the console (at `hash`, e.g. `#/<recordId>`) with Flex up and connected. */
    open(sandbox: Sandbox, hash?: string): Promise<SalesforceSession>;
    /** The agent dials the open record's first phone number the way this mode offers. */
    clickToDial(page: Page): Promise<void>;
    /** Salesforce fails (or never answers) the next `count` activity saves. */
    failSaves(page: Page, mode: 'fail' | 'drop', count: number): Promise<void>;
    /** Salesforce fails the next record search. */
    failSearch(page: Page): Promise<void>;
    /** Activity saves Salesforce was asked for so far. */
    saveAttempts(page: Page): Promise<number>;
    /** Flex's frame reloads (the agent refreshed it); returns the new frame, Flex up again. */
    reloadFlex(page: Page): Promise<Frame>;
}

const inject = (page: Page, methodName: string, mode: 'fail' | 'drop', count: number) =>
    page.evaluate((fault) => (window as unknown as ConsoleWindow).sandboxConsole.inject(fault), {
        methodName,
        mode,
        count
    });

const flexReady = async (frame: Frame) => {
    await frame.waitForFunction(() => 'sandboxPhone' in window, null, { timeout: 30000 });
    await frame.evaluate(
        () => (window as unknown as { sandboxPhone: { ready: Promise<void> } }).sandboxPhone.ready
    );
    return frame;
};

async function newConsole(sandbox: Sandbox, search: string, hash: string) {
    const page = await sandbox.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${sandbox.server.origins.console}/${search}${hash}`);
    return { page, pageErrors };
}

export const OPEN_CTI: SalesforceMode = {
    name: 'Open CTI',
    linkKeys: { id: 'sfdcObjectId', type: 'sfdcObjectType' },
    async open(sandbox, hash = '') {
        const { page, pageErrors } = await newConsole(sandbox, '', hash);
        return { page, flex: await softphoneFrame(page), pageErrors };
    },
    async clickToDial(page) {
        await page.locator('[data-click-to-dial]').first().click();
    },
    failSaves: (page, mode, count) => inject(page, 'saveLog', mode, count),
    failSearch: (page) => inject(page, 'searchAndScreenPop', 'fail', 1),
    async saveAttempts(page) {
        return (await journalOf(page)).filter(
            (entry) => entry.kind === 'request' && entry.methodName === 'saveLog'
        ).length;
    },
    async reloadFlex(page) {
        await page.evaluate(() =>
            (window as unknown as ConsoleWindow).sandboxConsole.reloadSoftphone()
        );
        return softphoneFrame(page);
    }
};

/** Flex's frame inside the softphone LWC (its URL is the softphone page's). */
async function lwcFlexFrame(page: Page): Promise<Frame> {
    const frame = await eventually(
        async () => page.frames().find((each) => each.url().includes('/softphone/')),
        Boolean,
        30000
    );
    if (!frame) throw new Error('the softphone LWC framed no Flex');
    return flexReady(frame);
}

async function bridgeConnected(page: Page): Promise<void> {
    const label = await eventually(
        () =>
            page.evaluate(
                () =>
                    (window as unknown as ConsoleWindow).sandboxConsole.lwcPlatform.utility.state()
                        .label
            ),
        (value) => value === 'Flex',
        30000
    );
    if (label !== 'Flex') throw new Error(`the softphone LWC did not connect (utility: ${label})`);
}

export const WITHOUT_OPEN_CTI: SalesforceMode = {
    name: 'without Open CTI (softphone LWC over the bridge)',
    linkKeys: { id: 'hostRecordId', type: 'hostRecordType' },
    async open(sandbox, hash = '') {
        const { page, pageErrors } = await newConsole(sandbox, '?salesforce=lwc', hash);
        const flex = await lwcFlexFrame(page);
        await bridgeConnected(page);
        return { page, flex, pageErrors };
    },
    async clickToDial(page) {
        await page.locator('c-flex-call-button lightning-button button').first().click();
    },
    failSaves: (page, mode, count) => inject(page, 'createRecord', mode, count),
    failSearch: (page) => inject(page, 'apex:FlexRecordSearch.search', 'fail', 1),
    async saveAttempts(page) {
        return page.evaluate(
            () =>
                (window as unknown as ConsoleWindow).sandboxConsole.lwcPlatform.calls.filter(
                    (call) => call.method === 'createRecord'
                ).length
        );
    },
    async reloadFlex(page) {
        const flex = await lwcFlexFrame(page);
        await flex.evaluate(() => {
            (window as unknown as { beforeReload: boolean }).beforeReload = true;
        });
        await page.evaluate(() => {
            const iframe = document
                .querySelector('c-flex-softphone')
                ?.shadowRoot?.querySelector('iframe');
            if (!iframe) throw new Error('no Flex iframe in the softphone LWC');
            iframe.src = iframe.src;
        });
        // The same frame, a new page in it: wait until that page is Flex again.
        const reloaded = await eventually(
            () =>
                flex
                    .evaluate(() => !('beforeReload' in window) && 'sandboxPhone' in window)
                    .catch(() => false),
            Boolean,
            30000
        );
        if (!reloaded) throw new Error('Flex did not come back after the reload');
        await bridgeConnected(page);
        return flexReady(flex);
    }
};
