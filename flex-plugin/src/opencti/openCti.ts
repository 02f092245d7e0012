/*
 * The Open CTI boundary: the only module that touches `window.sforce` (`sforce.opencti`, and
 * `sforce.console` from the Console Integration Toolkit for pop-out).
 *
 * Salesforce's client script (opencti_min.js) is callback-based and never times out; a Salesforce
 * page that is slow, reloading or broken would leave the plugin waiting forever. Every call here
 * returns a Promise that settles within the configured timeout, and every failure is an
 * OpenCtiError {code, description, details}. Method shapes follow docs/reference/open-cti.md.
 */

export interface OpenCtiErrorShape {
    code?: string;
    description?: string;
    details?: unknown;
}

/** What every Open CTI callback receives. */
export interface OpenCtiResponse<T> {
    success: boolean;
    returnValue: T | null;
    errors: OpenCtiErrorShape[] | null;
}

/** `subscribe` is the exception: its callback gets `subscription`, not `returnValue`. */
export interface SubscribeResponse {
    success: boolean;
    subscription: unknown;
    errors: OpenCtiErrorShape[] | null;
}

/** The `onClickToDial` listener payload. `number` is the field value as displayed, not E.164. */
export interface ClickToDialPayload {
    number?: unknown;
    recordId?: unknown;
    recordName?: unknown;
    objectType?: unknown;
    accountId?: unknown;
    contactId?: unknown;
    personAccount?: unknown;
}

/** `searchAndScreenPop`'s map recordId → record, as Salesforce returns it (untrusted shape). */
export type SearchResultMap = Record<string, unknown>;

type Callback<T> = (response: OpenCtiResponse<T>) => void;

/** `window.sforce.opencti` as Salesforce's script defines it (Lightning, API 47+). */
export interface SforceOpenCti {
    enableClickToDial(args: { callback: Callback<null> }): void;
    onClickToDial(args: { listener: (payload: ClickToDialPayload) => void }): void;
    screenPop(args: { type: string; params: object; callback: Callback<null> }): void;
    searchAndScreenPop(args: {
        searchParams: string;
        callType: string;
        deferred: boolean;
        queryParams?: string;
        defaultFieldValues?: Record<string, string>;
        callback: Callback<SearchResultMap>;
    }): void;
    setSoftphonePanelVisibility(args: { visible: boolean; callback: Callback<null> }): void;
    isSoftphonePanelVisible(args: { callback: Callback<{ visible: boolean }> }): void;
    subscribe(args: {
        channelName: string;
        listener: (message: unknown) => void;
        callback: (response: SubscribeResponse) => void;
    }): void;
    unsubscribe(args: { subscription: unknown; callback: Callback<null> }): void;
    publish(args: { channelName: string; message: object; callback: Callback<null> }): void;
    saveLog(args: { value: Record<string, unknown>; callback: Callback<string> }): void;
    setSoftphoneItemIcon(args: { key: string; callback: Callback<null> }): void;
    setSoftphoneItemLabel(args: { label: string; callback: Callback<null> }): void;
    refreshView(args: { callback: Callback<null> }): void;
}

export type OpenCtiErrorCode =
    | 'TIMEOUT'
    | 'CLIENT_ERROR'
    | 'LOAD_FAILED'
    | 'INVALID_PARAM'
    | 'GENERIC_ERROR'
    | 'SERVER_ERROR'
    | 'SOFTPHONE_CONTAINER_ERROR'
    | (string & Record<never, never>);

export class OpenCtiError extends Error {
    readonly code: OpenCtiErrorCode;
    readonly description: string;
    readonly details: unknown;

    constructor(code: OpenCtiErrorCode, description: string, details: unknown = null) {
        super(`${code}: ${description}`);
        this.name = 'OpenCtiError';
        this.code = code;
        this.description = description;
        this.details = details;
    }
}

/** Open CTI's enums: lowercase strings on the wire. */
export const SCREENPOP_TYPE = { SOBJECT: 'sobject', URL: 'url', SEARCH: 'search' } as const;
export const CALL_TYPE = {
    INBOUND: 'inbound',
    OUTBOUND: 'outbound',
    INTERNAL: 'internal'
} as const;

function errorFrom(errors: OpenCtiErrorShape[] | null | undefined, method: string): OpenCtiError {
    const first = Array.isArray(errors) ? errors[0] : undefined;
    return new OpenCtiError(
        typeof first?.code === 'string' ? first.code : 'GENERIC_ERROR',
        typeof first?.description === 'string' ? first.description : `Salesforce refused ${method}`,
        first?.details ?? null
    );
}

/**
 * Calls one callback-style Salesforce method and settles within `timeoutMs`: with `unwrap` of the
 * callback's answer, TIMEOUT when none comes, CLIENT_ERROR when the call throws at once (Salesforce's
 * scripts validate arguments eagerly).
 */
function callWithin<R, T>(
    timeoutMs: number,
    method: string,
    invoke: (callback: (response: R) => void) => void,
    unwrap: (response: R) => T
): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
            reject(
                new OpenCtiError(
                    'TIMEOUT',
                    `Salesforce did not answer ${method} within ${timeoutMs} ms`
                )
            );
        }, timeoutMs);
        try {
            invoke((response) => {
                clearTimeout(timer);
                try {
                    resolve(unwrap(response));
                } catch (error) {
                    reject(error);
                }
            });
        } catch (error) {
            clearTimeout(timer);
            reject(
                new OpenCtiError(
                    'CLIENT_ERROR',
                    error instanceof Error ? error.message : String(error)
                )
            );
        }
    });
}

export type SubscriptionHandle = { readonly channelName: string; readonly token: unknown };

/** Typed Promise API over `sforce.opencti`; one instance per page. */
export class OpenCtiClient {
    constructor(
        private readonly api: SforceOpenCti,
        private readonly timeoutMs: number
    ) {}

    /** `callWithin` with this client's timeout. */
    private call<R, T>(
        method: string,
        invoke: (callback: (response: R) => void) => void,
        unwrap: (response: R) => T
    ): Promise<T> {
        return callWithin(this.timeoutMs, method, invoke, unwrap);
    }

    private callWithValue<T>(
        method: string,
        invoke: (callback: Callback<T>) => void
    ): Promise<T | null> {
        return this.call<OpenCtiResponse<T>, T | null>(method, invoke, (response) => {
            if (!response || response.success !== true) {
                throw errorFrom(response?.errors, method);
            }
            return response.returnValue ?? null;
        });
    }

    async enableClickToDial(): Promise<void> {
        await this.callWithValue('enableClickToDial', (callback) =>
            this.api.enableClickToDial({ callback })
        );
    }

    onClickToDial(listener: (payload: ClickToDialPayload) => void): void {
        this.api.onClickToDial({ listener });
    }

    async screenPopRecord(recordId: string): Promise<void> {
        await this.callWithValue('screenPop', (callback) =>
            this.api.screenPop({ type: SCREENPOP_TYPE.SOBJECT, params: { recordId }, callback })
        );
    }

    /** Searches per the softphone layout and navigates (deferred false). Returns the raw match map. */
    async searchAndScreenPop(args: {
        searchParams: string;
        callType: (typeof CALL_TYPE)[keyof typeof CALL_TYPE];
        defaultFieldValues?: Record<string, string>;
    }): Promise<SearchResultMap> {
        const result = await this.callWithValue<SearchResultMap>('searchAndScreenPop', (callback) =>
            this.api.searchAndScreenPop({ ...args, deferred: false, callback })
        );
        return result ?? {};
    }

    async setSoftphonePanelVisibility(visible: boolean): Promise<void> {
        await this.callWithValue('setSoftphonePanelVisibility', (callback) =>
            this.api.setSoftphonePanelVisibility({ visible, callback })
        );
    }

    async isSoftphonePanelVisible(): Promise<boolean> {
        const result = await this.callWithValue<{ visible: boolean }>(
            'isSoftphonePanelVisible',
            (callback) => this.api.isSoftphonePanelVisible({ callback })
        );
        return result?.visible === true;
    }

    subscribe(
        channelName: string,
        listener: (message: unknown) => void
    ): Promise<SubscriptionHandle> {
        return this.call<SubscribeResponse, SubscriptionHandle>(
            'subscribe',
            (callback) => this.api.subscribe({ channelName, listener, callback }),
            (response) => {
                if (!response || response.success !== true) {
                    throw errorFrom(response?.errors, 'subscribe');
                }
                return { channelName, token: response.subscription };
            }
        );
    }

    async unsubscribe(subscription: SubscriptionHandle): Promise<void> {
        await this.callWithValue('unsubscribe', (callback) =>
            this.api.unsubscribe({ subscription: subscription.token, callback })
        );
    }

    async publish(channelName: string, message: object): Promise<void> {
        await this.callWithValue('publish', (callback) =>
            this.api.publish({ channelName, message, callback })
        );
    }

    /**
     * Creates (entityApiName) or updates (Id) a record and resolves with its Id. A reply without
     * an Id is not a confirmation: it rejects, so the caller keeps the log.
     */
    async saveLog(value: Record<string, unknown>): Promise<string> {
        const result = await this.callWithValue<unknown>('saveLog', (callback) =>
            this.api.saveLog({ value, callback })
        );
        const recordId = savedRecordId(result);
        if (!recordId) {
            throw new OpenCtiError(
                'GENERIC_ERROR',
                'Salesforce did not return the saved record Id'
            );
        }
        return recordId;
    }

    async setSoftphoneItemIcon(key: string): Promise<void> {
        await this.callWithValue('setSoftphoneItemIcon', (callback) =>
            this.api.setSoftphoneItemIcon({ key, callback })
        );
    }

    async setSoftphoneItemLabel(label: string): Promise<void> {
        await this.callWithValue('setSoftphoneItemLabel', (callback) =>
            this.api.setSoftphoneItemLabel({ label, callback })
        );
    }

    async refreshView(): Promise<void> {
        await this.callWithValue('refreshView', (callback) => this.api.refreshView({ callback }));
    }
}

/**
 * saveLog's Id in the reply. Salesforce documents returnValue as the saved record's Id; some
 * versions wrap it as {recordId}. Anything else is not a confirmation.
 */
function savedRecordId(returnValue: unknown): string | null {
    if (typeof returnValue === 'string' && returnValue) {
        return returnValue;
    }
    if (typeof returnValue === 'object' && returnValue !== null) {
        const { recordId } = returnValue as { recordId?: unknown };
        if (typeof recordId === 'string' && recordId) {
            return recordId;
        }
    }
    return null;
}

/** `window.sforce.console` (Console Integration Toolkit), as far as the plugin uses it. */
export interface SforceConsole {
    setCustomConsoleComponentPopoutable(
        popoutable: boolean,
        callback?: (result: { success?: boolean }) => void
    ): void;
}

interface SforceWindow {
    sforce?: { opencti?: SforceOpenCti; console?: SforceConsole };
}

/** Typed Promise API over `sforce.console`, with the same timeout as Open CTI calls. */
export class ConsoleToolkitClient {
    constructor(
        private readonly api: SforceConsole,
        private readonly timeoutMs: number
    ) {}

    setPopoutable(popoutable: boolean): Promise<void> {
        const method = 'setCustomConsoleComponentPopoutable';
        return callWithin(
            this.timeoutMs,
            method,
            (callback: (result: { success?: boolean }) => void) =>
                this.api.setCustomConsoleComponentPopoutable(popoutable, callback),
            (result) => {
                if (result?.success !== true) {
                    throw new OpenCtiError('GENERIC_ERROR', `Salesforce refused ${method}`);
                }
            }
        );
    }
}

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
