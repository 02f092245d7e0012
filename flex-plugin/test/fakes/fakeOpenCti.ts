/*
 * A test double of `window.sforce.opencti` that behaves as docs/reference/open-cti.md documents:
 * callbacks are asynchronous and get {success, returnValue, errors} (subscribe: {success,
 * subscription, errors}); argument mistakes throw synchronously with Salesforce's wording; LMS
 * messages are JSON round-tripped. Faults (fail, hang) are injected per method. Its own test
 * (fakeOpenCti.test.ts) checks it against that contract. Test code only: never bundled.
 */
import type {
    ClickToDialPayload,
    OpenCtiErrorShape,
    OpenCtiResponse,
    SearchResultMap,
    SforceOpenCti,
    SubscribeResponse
} from '../../src/transports/salesforce/openCtiApi';
import {
    CALL_TYPE,
    missingArgumentError,
    ONE_OBJECT_ERROR,
    SCREENPOP_TYPE
} from '../../src/transports/salesforce/openCtiProtocol';

type Method = keyof SforceOpenCti;
type Fault = { kind: 'fail'; error: OpenCtiErrorShape } | { kind: 'hang' };

export interface RecordedCall {
    method: Method;
    args: Record<string, unknown>;
}

function requireArgs(args: unknown, required: string[]): Record<string, unknown> {
    if (typeof args !== 'object' || args === null || Array.isArray(args)) {
        throw new Error(ONE_OBJECT_ERROR);
    }
    const record = args as Record<string, unknown>;
    for (const name of required) {
        if (record[name] === undefined) {
            throw new Error(missingArgumentError(name));
        }
    }
    return record;
}

export class FakeOpenCti implements SforceOpenCti {
    readonly SCREENPOP_TYPE = SCREENPOP_TYPE;
    readonly CALL_TYPE = CALL_TYPE;

    readonly calls: RecordedCall[] = [];
    readonly published: { channelName: string; message: unknown }[] = [];
    clickToDialEnabled = false;
    panelVisible = false;
    /** Tasks saveLog created or updated, by Id, as Salesforce would hold them. */
    readonly savedLogs = new Map<string, Record<string, unknown>>();
    refreshes = 0;
    /** The utility bar item as Salesforce shows it. */
    item = { icon: 'call', label: 'Phone' };
    private nextLog = 1;
    /** What searchAndScreenPop answers for a search string. */
    search: (searchParams: string) => SearchResultMap = () => ({});

    private readonly faults = new Map<Method, Fault[]>();
    private clickToDialListeners: ((payload: ClickToDialPayload) => void)[] = [];
    private readonly channelListeners = new Map<string, Map<number, (message: unknown) => void>>();
    private nextSubscription = 1;

    /** The next `count` calls of `method` answer {success:false, errors:[error]}. */
    failNext(
        method: Method,
        count = 1,
        error: OpenCtiErrorShape = { code: 'GENERIC_ERROR', description: 'Injected failure' }
    ): void {
        this.queueFault(method, count, { kind: 'fail', error });
    }

    /** The next `count` calls of `method` never answer (to exercise timeouts). */
    hangNext(method: Method, count = 1): void {
        this.queueFault(method, count, { kind: 'hang' });
    }

    callsOf(method: Method): Record<string, unknown>[] {
        return this.calls.filter((call) => call.method === method).map((call) => call.args);
    }

    /** Salesforce's side of a click on a phone field (only after enableClickToDial). */
    clickToDial(payload: ClickToDialPayload): void {
        if (!this.clickToDialEnabled) {
            throw new Error(
                'click-to-dial is not enabled: Salesforce shows phone numbers as plain text'
            );
        }
        for (const listener of this.clickToDialListeners) {
            listener(payload);
        }
    }

    /** Another LMS publisher (e.g. the record picker) publishes on a channel. */
    deliver(channelName: string, message: unknown): void {
        const copy: unknown = JSON.parse(JSON.stringify(message));
        for (const listener of this.channelListeners.get(channelName)?.values() ?? []) {
            listener(copy);
        }
    }

    subscriberCount(channelName: string): number {
        return this.channelListeners.get(channelName)?.size ?? 0;
    }

    enableClickToDial(args: { callback: (r: OpenCtiResponse<null>) => void }): void {
        const a = this.record('enableClickToDial', args, ['callback']);
        this.answer('enableClickToDial', a.callback as (r: OpenCtiResponse<null>) => void, () => {
            this.clickToDialEnabled = true;
            return null;
        });
    }

    onClickToDial(args: { listener: (payload: ClickToDialPayload) => void }): void {
        const a = this.record('onClickToDial', args, ['listener']);
        this.clickToDialListeners.push(a.listener as (payload: ClickToDialPayload) => void);
    }

    screenPop(args: {
        type: string;
        params: object;
        callback: (r: OpenCtiResponse<null>) => void;
    }): void {
        const a = this.record('screenPop', args, ['type', 'params', 'callback']);
        this.answer('screenPop', a.callback as (r: OpenCtiResponse<null>) => void, () => {
            if (!Object.values(this.SCREENPOP_TYPE).includes(a.type as never)) {
                throw {
                    code: 'INVALID_PARAM',
                    description: `Invalid screen pop type ${String(a.type)}`
                };
            }
            return null;
        });
    }

    searchAndScreenPop(args: {
        searchParams: string;
        callType: string;
        deferred: boolean;
        callback: (r: OpenCtiResponse<SearchResultMap>) => void;
    }): void {
        const a = this.record('searchAndScreenPop', args, ['callType', 'callback']);
        this.answer(
            'searchAndScreenPop',
            a.callback as (r: OpenCtiResponse<SearchResultMap>) => void,
            () => {
                if (!Object.values(this.CALL_TYPE).includes(a.callType as never)) {
                    throw {
                        code: 'INVALID_PARAM',
                        description: 'callType must be inbound, outbound or internal'
                    };
                }
                return this.search(String(a.searchParams ?? ''));
            }
        );
    }

    setSoftphonePanelVisibility(args: {
        visible: boolean;
        callback: (r: OpenCtiResponse<null>) => void;
    }): void {
        const a = this.record('setSoftphonePanelVisibility', args, ['visible', 'callback']);
        this.answer(
            'setSoftphonePanelVisibility',
            a.callback as (r: OpenCtiResponse<null>) => void,
            () => {
                this.panelVisible = a.visible === true;
                return null;
            }
        );
    }

    isSoftphonePanelVisible(args: {
        callback: (r: OpenCtiResponse<{ visible: boolean }>) => void;
    }): void {
        const a = this.record('isSoftphonePanelVisible', args, ['callback']);
        this.answer(
            'isSoftphonePanelVisible',
            a.callback as (r: OpenCtiResponse<{ visible: boolean }>) => void,
            () => ({
                visible: this.panelVisible
            })
        );
    }

    subscribe(args: {
        channelName: string;
        listener: (message: unknown) => void;
        callback: (r: SubscribeResponse) => void;
    }): void {
        const a = this.record('subscribe', args, ['channelName', 'listener', 'callback']);
        const callback = a.callback as (r: SubscribeResponse) => void;
        const fault = this.takeFault('subscribe');
        if (fault?.kind === 'hang') return;
        setTimeout(() => {
            if (fault?.kind === 'fail') {
                callback({ success: false, subscription: null, errors: [fault.error] });
                return;
            }
            const id = this.nextSubscription++;
            const channel = String(a.channelName);
            const listeners =
                this.channelListeners.get(channel) ?? new Map<number, (message: unknown) => void>();
            listeners.set(id, a.listener as (message: unknown) => void);
            this.channelListeners.set(channel, listeners);
            callback({ success: true, subscription: { id, channelName: channel }, errors: null });
        }, 0);
    }

    unsubscribe(args: {
        subscription: unknown;
        callback: (r: OpenCtiResponse<null>) => void;
    }): void {
        const a = this.record('unsubscribe', args, ['subscription', 'callback']);
        this.answer('unsubscribe', a.callback as (r: OpenCtiResponse<null>) => void, () => {
            const subscription = a.subscription as { id: number; channelName: string };
            this.channelListeners.get(subscription.channelName)?.delete(subscription.id);
            return null;
        });
    }

    publish(args: {
        channelName: string;
        message: object;
        callback: (r: OpenCtiResponse<null>) => void;
    }): void {
        const a = this.record('publish', args, ['channelName', 'message', 'callback']);
        // Salesforce's script JSON round-trips the message: functions and symbols do not survive.
        const message: unknown = JSON.parse(JSON.stringify(a.message));
        this.answer('publish', a.callback as (r: OpenCtiResponse<null>) => void, () => {
            this.published.push({ channelName: String(a.channelName), message });
            return null;
        });
    }

    /** Creates with `entityApiName`, updates with `Id`; answers the record Id, as open-cti.md says. */
    saveLog(args: {
        value: Record<string, unknown>;
        callback: (r: OpenCtiResponse<string>) => void;
    }): void {
        const a = this.record('saveLog', args, ['value', 'callback']);
        const value = JSON.parse(JSON.stringify(a.value)) as Record<string, unknown>;
        this.answer('saveLog', a.callback as (r: OpenCtiResponse<string>) => void, () => {
            const { Id: id, entityApiName, ...fields } = value;
            if (typeof id === 'string') {
                const existing = this.savedLogs.get(id);
                if (!existing) {
                    throw {
                        code: 'GENERIC_ERROR',
                        description: `invalid cross reference id: ${id}`,
                        details: [{ fieldName: 'Id', statusCode: 'INVALID_ID_FIELD' }]
                    };
                }
                Object.assign(existing, fields);
                return id;
            }
            if (entityApiName !== 'Task') {
                throw { code: 'INVALID_PARAM', description: 'entityApiName is required to create' };
            }
            const created = `00T${String(this.nextLog++).padStart(12, '0')}`;
            this.savedLogs.set(created, fields);
            return created;
        });
    }

    setSoftphoneItemIcon(args: {
        key: string;
        callback: (r: OpenCtiResponse<null>) => void;
    }): void {
        const a = this.record('setSoftphoneItemIcon', args, ['key']);
        this.answer(
            'setSoftphoneItemIcon',
            a.callback as (r: OpenCtiResponse<null>) => void,
            () => {
                this.item.icon = String(a.key);
                return null;
            }
        );
    }

    setSoftphoneItemLabel(args: {
        label: string;
        callback: (r: OpenCtiResponse<null>) => void;
    }): void {
        const a = this.record('setSoftphoneItemLabel', args, ['label']);
        this.answer(
            'setSoftphoneItemLabel',
            a.callback as (r: OpenCtiResponse<null>) => void,
            () => {
                this.item.label = String(a.label);
                return null;
            }
        );
    }

    refreshView(args: { callback: (r: OpenCtiResponse<null>) => void }): void {
        const a = this.record('refreshView', args, ['callback']);
        this.answer('refreshView', a.callback as (r: OpenCtiResponse<null>) => void, () => {
            this.refreshes += 1;
            return null;
        });
    }

    private queueFault(method: Method, count: number, fault: Fault): void {
        const queue = this.faults.get(method) ?? [];
        for (let i = 0; i < count; i++) queue.push(fault);
        this.faults.set(method, queue);
    }

    private takeFault(method: Method): Fault | undefined {
        return this.faults.get(method)?.shift();
    }

    private record(method: Method, args: unknown, required: string[]): Record<string, unknown> {
        const checked = requireArgs(args, required);
        this.calls.push({ method, args: checked });
        return checked;
    }

    /** Answers asynchronously, once, as Salesforce's container does. */
    private answer<T>(
        method: Method,
        callback: (r: OpenCtiResponse<T>) => void,
        produce: () => T
    ): void {
        const fault = this.takeFault(method);
        if (fault?.kind === 'hang') return;
        setTimeout(() => {
            if (fault?.kind === 'fail') {
                callback({ success: false, returnValue: null, errors: [fault.error] });
                return;
            }
            let response: OpenCtiResponse<T>;
            try {
                response = { success: true, returnValue: produce(), errors: null };
            } catch (error) {
                response = {
                    success: false,
                    returnValue: null,
                    errors: [error as OpenCtiErrorShape]
                };
            }
            callback(response);
        }, 0);
    }
}

/**
 * A test double of `window.sforce.console` (Console Integration Toolkit): records each
 * popoutable value in order; answers asynchronously with {success}.
 */
export class FakeConsoleToolkit {
    readonly popoutable: boolean[] = [];
    failNext = 0;

    setCustomConsoleComponentPopoutable(
        popoutable: boolean,
        callback?: (result: { success: boolean }) => void
    ): void {
        if (typeof popoutable !== 'boolean') {
            throw new Error('popoutable must be a boolean');
        }
        const fail = this.failNext > 0;
        if (fail) {
            this.failNext -= 1;
        } else {
            this.popoutable.push(popoutable);
        }
        setTimeout(() => callback?.({ success: !fail }), 0);
    }
}
