// The softphone side of Open CTI: `window.sforce.opencti`, written from the documented protocol.
// The console serves it at /support/api/<version>/lightning/opencti_min.js, where the plugin
// loads Salesforce's own script in production.
import {
    API_TYPE,
    CALL_TYPE,
    SCREENPOP_TYPE,
    isOpenCtiReply,
    isRecord,
    type OpenCtiReply,
    type OpenCtiRequest,
    type OpenCtiResponse
} from './protocol.ts';
import {
    missingArgumentError,
    ONE_OBJECT_ERROR
} from '../../flex-plugin/src/transports/salesforce/openCtiProtocol.ts';

type Callback = (response: OpenCtiResponse) => void;
type Listener = (payload: unknown) => void;

export interface ClientWindow {
    location: { search: string; protocol: string };
    parent: { postMessage(message: unknown, targetOrigin: string): void };
    addEventListener(
        type: 'message',
        listener: (event: { origin: string; source: unknown; data: unknown }) => void
    ): void;
}

const INIT_FAILED =
    'Failed to initialize Open CTI. Ensure that it is loaded from the right frame with correct URL parameters';

/** Salesforce's API 57 pattern, plus loopback for the sandbox console (its one difference). */
const CONSOLE_ORIGIN =
    /^https?:\/\/([\w-.]+(\.((my-)?visual)?force\.com|\.my-lightning\.com|\.(my-)?salesforce\.com|\.(salesforce|crmforce)\.(mil|ms))|localhost|127\.0\.0\.1)(:\d+)?$/;

interface MethodSpec {
    /** Wire args from the caller's argument object. */
    args?: (input: Record<string, unknown>) => Record<string, unknown>;
    requires?: string[];
    listener?: boolean;
}

const pick =
    (...keys: string[]) =>
    (input: Record<string, unknown>) =>
        Object.fromEntries(keys.filter((key) => key in input).map((key) => [key, input[key]]));

export const METHODS: Record<string, MethodSpec> = {
    saveLog: { args: (input) => ({ object: input.value }), requires: ['value'] },
    screenPop: { args: pick('type', 'params'), requires: ['type'] },
    searchAndScreenPop: {
        args: pick(
            'searchParams',
            'callType',
            'queryParams',
            'defaultFieldValues',
            'deferred',
            'params'
        ),
        requires: ['callType']
    },
    enableClickToDial: {},
    disableClickToDial: {},
    onClickToDial: { listener: true, requires: ['listener'] },
    onNavigationChange: { listener: true, requires: ['listener'] },
    setSoftphonePanelVisibility: { args: pick('visible'), requires: ['visible'] },
    isSoftphonePanelVisible: { requires: ['callback'] },
    setSoftphoneItemIcon: { args: pick('key'), requires: ['key'] },
    setSoftphonePanelIcon: { args: pick('key'), requires: ['key'] },
    setSoftphoneItemLabel: { args: pick('label'), requires: ['label'] },
    setSoftphonePanelLabel: { args: pick('label'), requires: ['label'] },
    setSoftphonePanelHeight: { args: pick('heightPX'), requires: ['heightPX'] },
    setSoftphonePanelWidth: { args: pick('widthPX'), requires: ['widthPX'] },
    getAppViewInfo: { requires: ['callback'] },
    getCallCenterSettings: { requires: ['callback'] },
    getSoftphoneLayout: { requires: ['callback'] },
    runApex: {
        args: pick('apexClass', 'methodName', 'methodParams'),
        requires: ['apexClass', 'methodName']
    },
    refreshView: {},
    notifyInitializationComplete: {}
};

/**
 * The Console Integration Toolkit method the plugin uses. Salesforce's integration.js has its own
 * wire format, which no reference documents; the sandbox's stand-in carries the call over the
 * Open CTI channel instead (same origin checks, same journal), as `setCustomConsoleComponentPopoutable`.
 */
export const TOOLKIT_METHODS: Record<string, MethodSpec> = {
    setCustomConsoleComponentPopoutable: { args: pick('popoutable'), requires: ['popoutable'] }
};

export interface OpenCtiApi {
    SCREENPOP_TYPE: typeof SCREENPOP_TYPE;
    CALL_TYPE: typeof CALL_TYPE;
    [method: string]: unknown;
}

export function createOpenCtiClient(
    win: ClientWindow,
    apiVersion: string,
    methods: Record<string, MethodSpec> = METHODS
): OpenCtiApi {
    const params = new URLSearchParams(win.location.search);
    const consoleOrigin = params.get('sfdcIframeOrigin') ?? '';
    if (
        !params.get('mode') ||
        !CONSOLE_ORIGIN.test(consoleOrigin) ||
        !consoleOrigin.startsWith(`${win.location.protocol}//`)
    ) {
        throw new Error(INIT_FAILED);
    }
    let callId = 0;
    const callbacks = new Map<string, Callback>();
    const listeners = new Map<string, Listener>();
    const channelListeners = new Map<string, Map<object, Listener>>();

    const post = (
        methodName: string,
        args: Record<string, unknown>,
        hasCallback: boolean,
        hasListener: boolean
    ) => {
        callId += 1;
        const request: OpenCtiRequest = {
            methodName,
            callId,
            apiVersion,
            apiType: API_TYPE,
            isCallbackRegistered: hasCallback,
            isListenerRegistered: hasListener,
            args
        };
        win.parent.postMessage(request, consoleOrigin);
        return callId;
    };

    const argumentObject = (input: unknown[]): Record<string, unknown> => {
        if (input.length !== 1 || !isRecord(input[0])) {
            throw new Error(ONE_OBJECT_ERROR);
        }
        return input[0];
    };

    const api: OpenCtiApi = { SCREENPOP_TYPE, CALL_TYPE };
    Object.entries(methods).forEach(([methodName, spec]) => {
        api[methodName] = (...input: unknown[]) => {
            const options = argumentObject(input);
            (spec.requires ?? []).forEach((name) => {
                if (options[name] === undefined) {
                    throw new Error(missingArgumentError(name));
                }
            });
            const callback =
                typeof options.callback === 'function' ? (options.callback as Callback) : undefined;
            if (spec.listener) {
                if (typeof options.listener !== 'function') {
                    throw new Error(missingArgumentError('listener'));
                }
                listeners.set(methodName, options.listener as Listener);
            }
            const id = post(
                methodName,
                spec.args?.(options) ?? {},
                Boolean(callback),
                Boolean(spec.listener)
            );
            if (callback) {
                callbacks.set(`${methodName}_${id}`, callback);
            }
        };
    });

    api.subscribe = (...input: unknown[]) => {
        const options = argumentObject(input);
        const channelName = options.channelName;
        if (typeof channelName !== 'string' || !channelName) {
            throw new Error(missingArgumentError('channelName'));
        }
        if (typeof options.listener !== 'function') {
            throw new Error(missingArgumentError('listener'));
        }
        const subscription = { channelName, id: callId + 1 };
        const forChannel = channelListeners.get(channelName) ?? new Map<object, Listener>();
        forChannel.set(subscription, options.listener as Listener);
        channelListeners.set(channelName, forChannel);
        const callback =
            typeof options.callback === 'function' ? (options.callback as Callback) : undefined;
        const id = post(
            'subscribe',
            { eventName: channelName, subscription },
            Boolean(callback),
            true
        );
        if (callback) {
            // subscribe's callback gets the caller's own subscription object, not a copy.
            callbacks.set(`subscribe_${id}`, (response) =>
                callback({
                    success: response.success,
                    subscription: response.success ? subscription : null,
                    errors: response.errors
                } as OpenCtiResponse)
            );
        }
    };

    api.unsubscribe = (...input: unknown[]) => {
        const options = argumentObject(input);
        const subscription = options.subscription;
        if (!isRecord(subscription) || typeof subscription.channelName !== 'string') {
            throw new Error(missingArgumentError('subscription'));
        }
        const forChannel = channelListeners.get(subscription.channelName);
        forChannel?.delete(subscription);
        const callback =
            typeof options.callback === 'function' ? (options.callback as Callback) : undefined;
        if (forChannel && forChannel.size === 0) {
            channelListeners.delete(subscription.channelName);
            const id = post(
                'unsubscribe',
                { eventName: subscription.channelName },
                Boolean(callback),
                false
            );
            if (callback) {
                callbacks.set(`unsubscribe_${id}`, callback);
            }
        } else {
            callback?.({ success: true, returnValue: null, errors: null });
        }
    };

    api.publish = (...input: unknown[]) => {
        const options = argumentObject(input);
        if (typeof options.channelName !== 'string' || !options.channelName) {
            throw new Error(missingArgumentError('channelName'));
        }
        const message: unknown = JSON.parse(JSON.stringify(options.message ?? null));
        const callback =
            typeof options.callback === 'function' ? (options.callback as Callback) : undefined;
        const id = post(
            'publish',
            { eventName: options.channelName, message },
            Boolean(callback),
            false
        );
        if (callback) {
            callbacks.set(`publish_${id}`, callback);
        }
    };

    win.addEventListener('message', (event) => {
        if (event.origin !== consoleOrigin || event.source !== win.parent) {
            return;
        }
        if (!isOpenCtiReply(event.data, apiVersion)) {
            return;
        }
        deliver(event.data);
    });

    function deliver(reply: OpenCtiReply): void {
        if (reply.shouldExecuteCallback && reply.callId !== undefined) {
            const key = `${reply.methodName}_${reply.callId}`;
            const callback = callbacks.get(key);
            callbacks.delete(key);
            callback?.(reply.response);
        }
        if (!reply.shouldExecuteListener) {
            return;
        }
        if (reply.methodName === 'subscribe' && reply.eventName) {
            channelListeners
                .get(reply.eventName)
                ?.forEach((listener) => listener(reply.response.returnValue));
            return;
        }
        listeners.get(reply.methodName)?.(reply.response.returnValue);
    }

    return api;
}

/** The API version in the script's own path, as Salesforce's script reads it. */
export function apiVersionOf(scriptSrc: string | undefined): string {
    return /\/support\/(?:api|console)\/(\d{2,3}\.0)\//.exec(scriptSrc ?? '')?.[1] ?? '67.0';
}
