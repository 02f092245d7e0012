/*
 * Loads Salesforce's client scripts from the (already accepted) Salesforce origin: the only module
 * that reads `window.sforce`. Each script is injected once per URL; a failure rejects with
 * LOAD_FAILED or TIMEOUT, and a later call tries again.
 */
import type { SforceConsole, SforceOpenCti, SforceWindow } from './openCtiApi';
import { OpenCtiError } from './openCtiClient';

export function consoleToolkitScriptUrl(origin: string, apiVersion: string): string {
    return `${origin}/support/console/${apiVersion}/integration.js`;
}

export function openCtiScriptUrl(origin: string, apiVersion: string): string {
    return `${origin}/support/api/${apiVersion}/lightning/opencti_min.js`;
}

const loading = new Map<string, Promise<unknown>>();

interface LoadOptions {
    window: Window;
    origin: string;
    apiVersion: string;
    timeoutMs: number;
}

/**
 * Injects Salesforce's Open CTI script from the (already accepted) Salesforce origin, once per URL,
 * and resolves with `window.sforce.opencti`. Rejects with LOAD_FAILED or TIMEOUT; a later call
 * tries again.
 */
export function loadOpenCti(options: LoadOptions): Promise<SforceOpenCti> {
    return loadSforceScript(
        options,
        openCtiScriptUrl(options.origin, options.apiVersion),
        'Open CTI',
        (sforce) => sforce?.opencti
    );
}

/** The Console Integration Toolkit (`sforce.console`), loaded the same way; only when needed. */
export function loadConsoleToolkit(options: LoadOptions): Promise<SforceConsole> {
    return loadSforceScript(
        options,
        consoleToolkitScriptUrl(options.origin, options.apiVersion),
        'Console Integration Toolkit',
        (sforce) => sforce?.console
    );
}

function loadSforceScript<T>(
    options: LoadOptions,
    src: string,
    what: string,
    pick: (sforce: SforceWindow['sforce']) => T | undefined
): Promise<T> {
    const { window: win, timeoutMs } = options;
    const existing = pick((win as unknown as SforceWindow).sforce);
    if (existing) {
        return Promise.resolve(existing);
    }
    const pending = loading.get(src) as Promise<T> | undefined;
    if (pending) {
        return pending;
    }
    const promise = new Promise<T>((resolve, reject) => {
        const script = win.document.createElement('script');
        const timer = setTimeout(() => {
            reject(
                new OpenCtiError(
                    'TIMEOUT',
                    `Salesforce's ${what} script did not load within ${timeoutMs} ms`
                )
            );
        }, timeoutMs);
        script.addEventListener('load', () => {
            clearTimeout(timer);
            const api = pick((win as unknown as SforceWindow).sforce);
            if (api) {
                resolve(api);
            } else {
                reject(new OpenCtiError('LOAD_FAILED', `${src} loaded but did not define ${what}`));
            }
        });
        script.addEventListener('error', () => {
            clearTimeout(timer);
            reject(new OpenCtiError('LOAD_FAILED', `could not load ${src}`));
        });
        script.src = src;
        script.async = true;
        win.document.head.appendChild(script);
    });
    loading.set(src, promise);
    promise.catch(() => loading.delete(src));
    return promise;
}
