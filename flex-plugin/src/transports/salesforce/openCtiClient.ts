/*
 * The typed Promise API over `sforce.opencti`. Salesforce's client script is callback-based and never
 * times out; a Salesforce page that is slow, reloading or broken would leave the plugin waiting
 * forever. Every call here settles within the configured timeout, and every failure is an
 * OpenCtiError {code, description, details}.
 */
import {
    SCREENPOP_TYPE,
    type CALL_TYPE,
    type Callback,
    type ClickToDialPayload,
    type OpenCtiErrorShape,
    type OpenCtiResponse,
    type SearchResultMap,
    type SforceOpenCti,
    type SubscribeResponse
} from './openCtiApi';

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
export function callWithin<R, T>(
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
