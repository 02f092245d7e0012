// Shared set-up for the end-to-end tests: the built sandbox served on free ports, a Chromium
// found by sandbox/browser/ and driven by playwright-core, and handles on the console page and
// the softphone frame.
import { after, before } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import { startServer, type RunningSandbox } from '../server.ts';
import { launchChromium } from '../browser/launchChromium.ts';
import type { JournalEntry } from '../console/journal.ts';
import type { SandboxConsoleApi } from '../console/main.ts';
import type { Switchboard, TaskSummary } from '../softphone/switchboard.ts';

export interface Sandbox {
    server: RunningSandbox;
    browser: Browser;
    close(): Promise<void>;
}

export interface SandboxOptions {
    /** Third-party cookies in the agent's browser (default: allowed, as Twilio asks). */
    thirdPartyCookies?: 'allowed' | 'blocked';
    /** The browser refuses the softphone's site any cookies and storage. */
    softphoneSiteDataBlocked?: boolean;
    /** A Chromium to use instead of the one sandbox/browser/ finds. */
    executablePath?: string;
    /** Further pages allowed to embed Flex, as SANDBOX_HOST_ORIGIN gives them. */
    extraHosts?: string[];
}

/**
 * Serves the sandbox and starts Chromium. If Chromium does not start, the server is closed before
 * the error is thrown, so a failed set-up never leaves a process that keeps the run alive.
 */
export async function openSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
    const server = await startServer(0, options.extraHosts);
    let chromium;
    try {
        chromium = await launchChromium({
            executablePath: options.executablePath,
            thirdPartyCookies: options.thirdPartyCookies,
            blockSiteDataFor: options.softphoneSiteDataBlocked
                ? new URL(server.origins.softphone).hostname
                : undefined
        });
    } catch (error) {
        await server.close();
        throw error;
    }
    return {
        server,
        browser: chromium.browser,
        close: async () => {
            try {
                await chromium.close();
            } finally {
                await server.close();
            }
        }
    };
}

/**
 * One sandbox (server and Chromium) for the test file that calls this at its top: opened before
 * the file's tests, closed after them. Returns its getter.
 */
export function sandboxForTests(options: SandboxOptions = {}): () => Sandbox {
    let sandbox: Sandbox | undefined;
    before(async () => {
        sandbox = await openSandbox(options);
    });
    after(async () => {
        await sandbox?.close();
    });
    return () => {
        if (!sandbox) {
            throw new Error(
                'the sandbox is not open: call sandboxForTests() at the top of the file'
            );
        }
        return sandbox;
    };
}

export interface ConsoleSession {
    page: Page;
    softphone: Frame;
    pageErrors: string[];
}

/** Opens the console and waits until Flex and the plugin are up in the softphone frame. */
export async function openConsole(sandbox: Sandbox, search = ''): Promise<ConsoleSession> {
    const page = await sandbox.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${sandbox.server.origins.console}/${search}`);
    const softphone = await softphoneFrame(page);
    return { page, softphone, pageErrors };
}

export interface DemoCrmSession {
    page: Page;
    /** Flex's frame inside the demo CRM. */
    flex: Frame;
    pageErrors: string[];
}

/**
 * Opens the demo CRM (by default at its allowed origin) and waits until Flex and the plugin are up
 * in its frame. `initScript` runs in every frame before the page's own scripts (the benchmarks'
 * taps on the bridge's ports).
 */
export async function openDemoCrm(
    sandbox: Sandbox,
    options: { origin?: string; search?: string; initScript?: () => void } = {}
): Promise<DemoCrmSession> {
    const page = await sandbox.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    if (options.initScript) await page.context().addInitScript(options.initScript);
    await page.goto(`${options.origin ?? sandbox.server.origins.app}/app/${options.search ?? ''}`);
    const handle = await page.waitForSelector('#flex-panel iframe', { state: 'attached' });
    const flex = await handle.contentFrame();
    if (!flex) throw new Error('no Flex frame in the demo CRM');
    await flex.waitForFunction(() => 'sandboxPhone' in window, null, { timeout: 30000 });
    await flex.evaluate(() => (window as unknown as PhoneWindow).sandboxPhone.ready);
    return { page, flex, pageErrors };
}

export async function softphoneFrame(page: Page): Promise<Frame> {
    const handle = await page.waitForSelector('#softphone', { state: 'attached' });
    await page.waitForFunction(() => {
        const frame = document.getElementById('softphone') as HTMLIFrameElement | null;
        return Boolean(frame?.src);
    });
    const frame = await handle.contentFrame();
    if (!frame) {
        throw new Error('no softphone frame');
    }
    await frame.waitForFunction(() => 'sandboxPhone' in window, null, { timeout: 30000 });
    await frame.evaluate(
        () => (window as unknown as { sandboxPhone: { ready: Promise<void> } }).sandboxPhone.ready
    );
    return frame;
}

/** Polls `read` until `accept` says yes; returns the last value (so assertions show it). */
export async function eventually<T>(
    read: () => Promise<T>,
    accept: (value: T) => boolean,
    timeoutMs = 8000
): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let value = await read();
    while (!accept(value) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        value = await read();
    }
    return value;
}

/** The softphone frame's and the console page's windows, as `evaluate` callbacks see them. */
export type PhoneWindow = Window & { sandboxPhone: Switchboard };
export type ConsoleWindow = Window & { sandboxConsole: SandboxConsoleApi };

/** A call from `from` rings in Flex (not yet accepted). */
export function offerCall(softphone: Frame, from: string): Promise<TaskSummary> {
    return softphone.evaluate(
        (caller) => (window as unknown as PhoneWindow).sandboxPhone.offerInbound({ from: caller }),
        from
    );
}

/** A call arrives from `from` and the agent accepts it in Flex. */
export async function answerCall(softphone: Frame, from: string): Promise<TaskSummary> {
    const offered = await offerCall(softphone, from);
    await softphone.evaluate(
        (sid) => (window as unknown as PhoneWindow).sandboxPhone.accept(sid),
        offered.reservationSid
    );
    return offered;
}

export function selectTask(softphone: Frame, reservationSid: string): Promise<void> {
    return softphone.evaluate(
        (sid) => (window as unknown as PhoneWindow).sandboxPhone.select(sid),
        reservationSid
    );
}

/** The task as the TaskRouter stand-in holds it now. */
export function taskOf(softphone: Frame, reservationSid: string): Promise<TaskSummary | undefined> {
    return softphone.evaluate(
        (sid) => (window as unknown as PhoneWindow).sandboxPhone.task(sid),
        reservationSid
    );
}

/** Every task the TaskRouter stand-in has routed to the agent, finished ones included. */
export function tasksOf(softphone: Frame): Promise<TaskSummary[]> {
    return softphone.evaluate(() => (window as unknown as PhoneWindow).sandboxPhone.tasks());
}

/** The console's Open CTI journal so far. */
export function journalOf(page: Page): Promise<JournalEntry[]> {
    return page.evaluate(() => (window as unknown as ConsoleWindow).sandboxConsole.journal());
}

/** The console journal's requests of one Open CTI method. */
export async function requestsOf(page: Page, methodName: string): Promise<JournalEntry[]> {
    return (await journalOf(page)).filter(
        (entry) => entry.kind === 'request' && entry.methodName === methodName
    );
}

/** The caller hangs up and the agent completes the task in Flex (CompleteTask). */
export async function finishCall(softphone: Frame, reservationSid: string): Promise<void> {
    await softphone.evaluate(async (sid) => {
        const phone = (window as unknown as PhoneWindow).sandboxPhone;
        await phone.hangUp(sid);
        await phone.complete(sid);
    }, reservationSid);
}

/** Tasks (activity logs) in a record's activity history, as the console's org holds them. */
export function activitiesOf(page: Page, recordId: string) {
    return page.evaluate(
        (id) => (window as unknown as ConsoleWindow).sandboxConsole.activities(id),
        recordId
    );
}
