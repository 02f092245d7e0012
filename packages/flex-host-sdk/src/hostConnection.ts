/*
 * The host side of the bridge: the handshake with the Flex iframe and the connection after it.
 * The host names Flex's exact origin; only that origin, in that iframe's window, is listened to,
 * and every message the host posts to the window names it as the target. After the handshake,
 * everything goes over the private MessagePort Flex handed over.
 */
import { FlexBridgeError, PortEndpoint, type PortLike } from './portEndpoint.ts';
import {
    PROTOCOL,
    PROTOCOL_VERSION,
    CLOSING_EVENT,
    checkClosing,
    checkFlexResult,
    checkHandshake,
    checkHostEvent,
    checkHostRequest,
    type Activity,
    type ActivityChanges,
    type AttributeValue,
    type Availability,
    type BridgeRecord,
    type ChooserState,
    type FlexMethods,
    type Hello,
    type HostEvents,
    type HostMethodName,
    type Interaction
} from './protocol.ts';

/**
 * What the host app answers when Flex asks. Each is optional: the hello tells Flex which ones the
 * page has (`handles`), and Flex turns off what is missing (no `search`: no screen pop; no
 * `openRecord`: nothing opens; no `showFlex`: Flex never asks to be shown; no `saveActivity`:
 * activities wait in Flex, where the agent sees them).
 */
export interface HostHandlers {
    /**
     * Records matching an interaction (none, one or several), when the agent accepts it; Flex
     * links one or offers a choice. The admin's `request_timeout_ms` (default 8 s) bounds it.
     */
    search?(
        query: string,
        interaction: Interaction | null
    ): BridgeRecord[] | Promise<BridgeRecord[]>;
    /**
     * Records a finished interaction and returns the host's id for it. Upsert by `activityKey`:
     * Flex keeps the activity in its browser storage until you return an id, and tries again
     * after an error, a timeout or a closed page, 2 s after the first failure and then doubling
     * up to every 5 minutes (±20%), so the same activity can arrive more than once. Throw
     * `refuse(reason, fields)` to stop the retries: the agent reads the reason and can try again or
     * save without the fields you name.
     */
    saveActivity?(activity: Activity): string | Promise<string>;
    /**
     * Adds late notes to an activity saved earlier. Accept them only when `activityId` is an id
     * you gave `taskSid`'s activity (null from Flex plugins that predate it): refuse anything else.
     */
    updateActivity?(
        activityId: string,
        changes: ActivityChanges,
        taskSid: string | null
    ): void | Promise<void>;
    /** Shows a record in the host app (screen pop): one match, or the agent's choice. */
    openRecord?(record: { recordId: string; objectApiName: string | null }): void | Promise<void>;
    /**
     * Brings Flex into view (a collapsed panel, a hidden tab). With the admin's
     * `show_panel_automatically` (on by default), Flex asks when an interaction is offered and when
     * it places a call the page asked for, and only when the iframe is hidden (not in the page, or
     * zero width or height): it checks first, so a visible Flex is never asked.
     */
    showFlex?(): void | Promise<void>;
}

/**
 * Where the connection stands. `connecting`: greeting Flex. `waiting`: Flex has not answered for
 * `waitingAfterMs` (the agent is most likely still logging in); the SDK goes on greeting.
 * `connected`. `disconnected`: the reason says why (Flex reloaded and is greeted again, another
 * connection took over, or Flex refused). `destroyed`: destroy(), the signal, or the iframe left
 * the page.
 */
export type ConnectionStatus =
    'connecting' | 'waiting' | 'connected' | 'disconnected' | 'destroyed';

/** A change of status, and why when it is not the plain one. */
export interface StatusChange {
    status: ConnectionStatus;
    reason?: string;
}

export interface ConnectionEvents extends HostEvents {
    /**
     * The record chooser's state (candidates, the linked record) at every change, for a host with
     * its own chooser.
     */
    chooser: ChooserState;
    /** Every change of `status` after the connection resolved (`onStatus` hears them all). */
    status: StatusChange;
    /** Something Flex sent that this SDK refused (for a host's logs). */
    problem: { problem: string };
}

export interface ConnectOptions {
    /** The iframe Flex runs in. */
    iframe: HTMLIFrameElement;
    /** Flex's exact origin, such as https://flex.twilio.com. */
    flexOrigin: string;
    handlers?: HostHandlers;
    /**
     * After this long without Flex's answer (it must load and the agent log in), the status turns
     * `waiting` and the SDK greets less often. It never gives up while the iframe is in the page:
     * a login that takes five minutes still connects. Default 10 s.
     */
    waitingAfterMs?: number;
    /**
     * Hears every status change, from the first `connecting` on: before the promise resolves
     * too, so the page can say "log in to Flex" while it waits.
     */
    onStatus?: (change: StatusChange) => void;
    /** Aborting stops the SDK: the promise rejects with DESTROYED, or the connection is destroyed. */
    signal?: AbortSignal;
    /** How long a request to Flex waits. Default 10 s. */
    requestTimeoutMs?: number;
    /** The host page's window (tests); default the global one. */
    window?: Window;
}

export interface DialOptions {
    record?: BridgeRecord | null;
    /** Extra task attributes; Flex keeps only those its admin allows. */
    attributes?: Record<string, AttributeValue>;
}

export interface FlexConnection {
    readonly iframe: HTMLIFrameElement;
    readonly status: ConnectionStatus;
    /** The Flex actions the admin lets this host invoke. */
    readonly allowedActions: readonly string[];
    /** The further Flex events the admin forwards to this host (as `flexEvent`). */
    readonly forwardedEvents: readonly string[];
    /**
     * Asks Flex to call `number` (normalised to E.164 with the admin's `default_country`).
     * Resolves once Flex started the outbound call; rejects with REFUSED when Flex did not place
     * it (the message says why: offline, on a call, another call connecting, not a number) and
     * FAILED when Flex could not start it. The agent reads the same reason in Flex.
     */
    dial(number: string, options?: DialOptions): Promise<void>;
    /** Links a record to the current interaction, or to `taskSid`'s; null unlinks. */
    linkRecord(record: BridgeRecord | null, taskSid?: string | null): Promise<void>;
    invokeAction(name: string, payload?: Record<string, unknown>): Promise<void>;
    getState(): Promise<FlexMethods['getState']['result']>;
    /**
     * Presence sync: asks Flex to set the agent's activity. `basedOn` is the activity the host last
     * heard of (a `presence` event): Flex drops the request if the agent changed it since.
     */
    setActivity(activity: string, basedOn?: string | null): Promise<void>;
    on<E extends keyof ConnectionEvents>(
        event: E,
        listener: (data: ConnectionEvents[E]) => void
    ): () => void;
    /** Removes every listener, closes the port and stops reconnecting; the iframe stays. */
    destroy(): void;
}

/** How often the SDK greets Flex at first, and at most while it waits (the backoff's bounds). */
const HELLO_EVERY_MS = 250;
const HELLO_AT_MOST_EVERY_MS = 2000;
/** Why a connection that another one replaced is disconnected. */
export const REPLACED_REASON =
    'another connection to this Flex frame took over (connectFlex was called again for it)';
/** How long Flex's port has to answer after its frame loaded a page, before the host greets again. */
const LIVENESS_MS = 2000;
const DEFAULT_WAITING_AFTER_MS = 10_000;
/** Why a connection stops when its iframe leaves the page (its Flex is gone with it). */
export const FRAME_REMOVED_REASON = 'the Flex iframe was removed from the page';
const DEFAULT_REQUEST_MS = 10_000;

/** Checks an origin is exact (scheme, host, port; nothing else), https or a loopback host. */
export function exactOrigin(value: string): string {
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        throw new FlexBridgeError(
            'ORIGIN_MISMATCH',
            `"${value}" is not an origin such as https://flex.twilio.com`
        );
    }
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (
        url.origin !== value ||
        !(url.protocol === 'https:' || (loopback && url.protocol === 'http:'))
    ) {
        throw new FlexBridgeError(
            'ORIGIN_MISMATCH',
            `"${value}" must be an exact https origin such as https://flex.twilio.com (no path, no trailing slash)`
        );
    }
    return value;
}

/**
 * Connects to Flex in `iframe`; resolves once Flex answered the handshake, however long the agent
 * takes to log in. Rejects only when waiting cannot help: ORIGIN_MISMATCH, VERSION_MISMATCH, or
 * DESTROYED (the signal aborted, or the iframe left the page). Connecting again to the same
 * iframe (a remounted app) makes the new connection the one Flex talks to: the older one reports
 * `disconnected` with the reason and stops.
 */
export function connectFlex(options: ConnectOptions): Promise<FlexConnection> {
    const flexOrigin = exactOrigin(options.flexOrigin);
    const host = options.window ?? window;
    const { iframe, signal } = options;
    const handlers = options.handlers ?? {};
    const waitingAfterMs = options.waitingAfterMs ?? DEFAULT_WAITING_AFTER_MS;
    const requestMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_MS;
    const listeners = new Map<string, Set<(data: never) => void>>();
    const handles = (Object.keys(handlers) as (keyof HostHandlers)[]).filter(
        (name) => typeof handlers[name] === 'function'
    ) as HostMethodName[];

    let endpoint: PortEndpoint | null = null;
    let status: ConnectionStatus = 'connecting';
    let allowedActions: string[] = [];
    let forwardedEvents: string[] = [];
    let helloTimer: ReturnType<typeof setTimeout> | null = null;
    let settleFirst: ((error: FlexBridgeError | null) => void) | null = null;
    /** Another connection to this Flex frame took over: this one stays disconnected. */
    let replaced = false;
    /** The iframe was seen in the page: leaving it later ends the connection. */
    let framePlaced = false;

    const fire = <E extends keyof ConnectionEvents>(event: E, data: ConnectionEvents[E]) => {
        for (const listener of [...(listeners.get(event) ?? [])]) {
            try {
                (listener as (value: ConnectionEvents[E]) => void)(data);
            } catch (error) {
                // A host listener's bug must not stop the others, nor the bridge.
                console.error(`[flex-host-sdk] a listener of "${event}" threw`, error);
            }
        }
    };
    const report = (change: StatusChange) => {
        try {
            options.onStatus?.(change);
        } catch (error) {
            console.error('[flex-host-sdk] onStatus threw', error);
        }
        fire('status', change);
    };
    const setStatus = (next: ConnectionStatus, reason?: string) => {
        if (status === next) return;
        status = next;
        report(reason ? { status: next, reason } : { status: next });
    };

    let hello: Hello = {
        protocol: PROTOCOL,
        type: 'hello',
        version: PROTOCOL_VERSION,
        handles,
        attempt: newAttempt()
    };
    const sayHello = () => {
        try {
            iframe.contentWindow?.postMessage(hello, flexOrigin);
        } catch {
            // The frame is between documents; the next tick tries again.
        }
    };
    const stopHandshake = () => {
        if (helloTimer) clearTimeout(helloTimer);
        helloTimer = null;
    };
    /**
     * Greets Flex every 250 ms for `waitingAfterMs`, then less and less often, at most every 2 s,
     * for as long as the iframe is in the page. Flex says `ready` when its plugin starts, and is
     * greeted at once then, so the slower pace costs no time.
     */
    const startHandshake = () => {
        stopHandshake();
        hello = { ...hello, attempt: newAttempt() };
        setStatus('connecting');
        const startedAt = Date.now();
        let every = HELLO_EVERY_MS;
        const tick = () => {
            helloTimer = null;
            if (iframe.isConnected) framePlaced = true;
            else if (framePlaced) {
                end(new FlexBridgeError('DESTROYED', FRAME_REMOVED_REASON));
                return;
            }
            sayHello();
            if (Date.now() - startedAt >= waitingAfterMs) {
                setStatus(
                    'waiting',
                    `Flex has not answered for ${Math.round(waitingAfterMs / 1000)} s: the agent may still be logging in to Flex. ` +
                        `If Flex shows its agent desktop and this stays, check that this page's origin is in Flex's Allowed URLs and in the plugin's allowed_host_origins, that the plugin is released, and that ${flexOrigin} is Flex's origin.`
                );
                every = Math.min(every * 2, HELLO_AT_MOST_EVERY_MS);
            }
            helloTimer = setTimeout(tick, every);
        };
        tick();
    };

    /** Stops for good: the first promise rejects with `error`, a connection is destroyed. */
    const end = (error: FlexBridgeError) => {
        if (settleFirst) settleFirst(error);
        else shutDown(error.message);
    };

    const answer = async (method: string, params: unknown): Promise<unknown> => {
        const checked = checkHostRequest(method, params);
        if (!checked.ok) throw new FlexBridgeError('INVALID_MESSAGE', checked.problem);
        const p = checked.value.params as Record<string, unknown>;
        switch (checked.value.method) {
            case 'search':
                return {
                    records: await need(handlers.search, 'search')(
                        p.query as string,
                        p.interaction as Interaction | null
                    )
                };
            case 'chooser':
                fire('chooser', p as unknown as ChooserState);
                return { done: true };
            case 'saveActivity':
                return {
                    activityId: await need(
                        handlers.saveActivity,
                        'saveActivity'
                    )(p.activity as Activity)
                };
            case 'updateActivity':
                await need(handlers.updateActivity, 'updateActivity')(
                    p.activityId as string,
                    p.changes as ActivityChanges,
                    (p.taskSid as string | undefined) ?? null
                );
                return { done: true };
            case 'isFlexVisible':
                return {
                    visible: iframe.isConnected && iframe.offsetWidth > 0 && iframe.offsetHeight > 0
                };
            case 'openRecord':
                await need(
                    handlers.openRecord,
                    'openRecord'
                )(p.record as { recordId: string; objectApiName: string | null });
                return { done: true };
            default:
                await need(handlers.showFlex, 'showFlex')();
                return { done: true };
        }
    };

    const onWindowMessage = (event: MessageEvent) => {
        if (event.source === null || event.source !== iframe.contentWindow) return;
        const checked = checkHandshake(event.data);
        if (!checked.ok) return;
        const message = checked.value;
        if (event.origin !== flexOrigin) {
            const error = new FlexBridgeError(
                'ORIGIN_MISMATCH',
                `the Flex frame answered from ${event.origin}, not ${flexOrigin}: nothing was sent to it`
            );
            stopHandshake();
            if (settleFirst) settleFirst(error);
            else setStatus('disconnected', error.message);
            return;
        }
        if (message.type === 'hello' || replaced) return;
        if (message.type === 'ready') {
            // Flex (re)started and listens: greet it now rather than at the next tick. While
            // connected, a ready comes only from a new Flex page: the old port is gone.
            if (status === 'connecting' || status === 'waiting') sayHello();
            else if (status === 'connected') reconnect('Flex reloaded');
            return;
        }
        // Every answer names the attempt it answers: another script on this page can make Flex
        // refuse its own hello, and that refusal is not this connection's.
        if ((status !== 'connecting' && status !== 'waiting') || message.attempt !== hello.attempt)
            return;
        if (message.type === 'refuse' || message.version !== PROTOCOL_VERSION) {
            stopHandshake();
            const error = new FlexBridgeError(
                'VERSION_MISMATCH',
                message.type === 'refuse'
                    ? `Flex refused the connection: ${message.message}`
                    : `Flex speaks bridge protocol version ${message.version}; this SDK speaks ${PROTOCOL_VERSION}. Update the SDK or the plugin.`
            );
            if (settleFirst) settleFirst(error);
            else setStatus('disconnected', error.message);
            return;
        }
        const port = event.ports[0];
        // One welcome per attempt: later answers to the same hellos are stale.
        if (!port) return;
        stopHandshake();
        endpoint?.close();
        allowedActions = [...message.allowedActions];
        forwardedEvents = [...message.forwardedEvents];
        endpoint = new PortEndpoint(port as unknown as PortLike, {
            timeoutMs: requestMs,
            handle: answer,
            onEvent: (name, data) => {
                if (name === CLOSING_EVENT) {
                    const closing = checkClosing(data);
                    if (closing.ok) onReplaced();
                    else fire('problem', { problem: closing.problem });
                    return;
                }
                const event = checkHostEvent(name, data);
                if (event.ok) fire(event.value.name, event.value.data as never);
                else fire('problem', { problem: event.problem });
            },
            onInvalid: (problem) => fire('problem', { problem })
        });
        setStatus('connected');
        settleFirst?.(null);
    };

    // The newest connection to a Flex frame wins (a remounted app, a second connectFlex): Flex
    // tells the older one, which reports it and stops, rather than greeting back and forth.
    const onReplaced = () => {
        replaced = true;
        stopHandshake();
        endpoint?.close();
        endpoint = null;
        setStatus('disconnected', REPLACED_REASON);
    };

    const reconnect = (reason: string) => {
        endpoint?.close();
        endpoint = null;
        setStatus('disconnected', reason);
        startHandshake();
    };

    // The frame loaded a page: Flex reloaded (the agent refreshed it, or it logged in) and its port
    // is gone, so greet it again. But Flex's first page often finishes loading after the
    // handshake: if the port still answers, it is the same Flex and the connection stays.
    const onFrameLoad = () => {
        if (status === 'destroyed' || settleFirst || replaced) return;
        const current = endpoint;
        if (status !== 'connected' || !current) {
            reconnect('Flex reloaded');
            return;
        }
        current.request('getState', {}, Math.min(requestMs, LIVENESS_MS)).then(
            () => undefined,
            () => {
                if (endpoint === current) reconnect('Flex reloaded');
            }
        );
    };

    const call = async <M extends keyof FlexMethods>(
        method: M,
        params: unknown
    ): Promise<FlexMethods[M]['result']> => {
        if (!endpoint || status !== 'connected') {
            throw new FlexBridgeError(
                'DISCONNECTED',
                replaced ? REPLACED_REASON : `Flex is not connected (${status})`
            );
        }
        // Flex's answers are checked like anything else it sends: a broken or hostile frame
        // cannot hand the host a shape its types do not promise.
        const checked = checkFlexResult(method, await endpoint.request(method, params));
        if (!checked.ok) {
            const problem = `Flex answered ${method} with something this SDK cannot use: ${checked.problem}`;
            fire('problem', { problem });
            throw new FlexBridgeError('INVALID_MESSAGE', problem);
        }
        return checked.value;
    };

    const connection: FlexConnection = {
        iframe,
        get status() {
            return status;
        },
        get allowedActions() {
            return allowedActions;
        },
        get forwardedEvents() {
            return forwardedEvents;
        },
        async dial(number, dialOptions = {}) {
            await call('dial', { number, ...dialOptions });
        },
        async linkRecord(record, taskSid = null) {
            await call('linkRecord', { record, taskSid });
        },
        async invokeAction(name, payload) {
            await call('invokeAction', payload === undefined ? { name } : { name, payload });
        },
        async getState() {
            return call('getState', {});
        },
        async setActivity(activity, basedOn = null) {
            await call('setActivity', { activity, basedOn });
        },
        on(event, listener) {
            const set = listeners.get(event) ?? new Set();
            set.add(listener as (data: never) => void);
            listeners.set(event, set);
            return () => set.delete(listener as (data: never) => void);
        },
        destroy() {
            shutDown('destroy() was called');
        }
    };

    /** Stops everything; a first promise still waiting rejects with DESTROYED and `reason`. */
    function shutDown(reason: string): void {
        if (status === 'destroyed') return;
        stopHandshake();
        host.removeEventListener('message', onWindowMessage);
        iframe.removeEventListener('load', onFrameLoad);
        signal?.removeEventListener('abort', onAbort);
        endpoint?.close();
        endpoint = null;
        setStatus('destroyed', reason);
        listeners.clear();
        settleFirst?.(new FlexBridgeError('DESTROYED', `${reason} before Flex answered`));
    }
    function onAbort(): void {
        shutDown('the signal aborted');
    }

    return new Promise((resolve, reject) => {
        settleFirst = (error) => {
            settleFirst = null;
            if (error) {
                shutDown(error.message);
                reject(error);
            } else {
                resolve(connection);
            }
        };
        if (signal?.aborted) {
            settleFirst(
                new FlexBridgeError('DESTROYED', 'the signal aborted before Flex answered')
            );
            return;
        }
        host.addEventListener('message', onWindowMessage);
        iframe.addEventListener('load', onFrameLoad);
        signal?.addEventListener('abort', onAbort);
        report({ status });
        startHandshake();
    });
}

/** A connection attempt's id; not a secret (the port is private), only distinct. */
function newAttempt(): string {
    const bytes = new Uint8Array(12);
    const crypto = (globalThis as { crypto?: { getRandomValues?(array: Uint8Array): Uint8Array } })
        .crypto;
    if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
    else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function need<F>(handler: F | undefined, name: string): F {
    if (!handler) throw new FlexBridgeError('NOT_SUPPORTED', `this host does not answer ${name}`);
    return handler;
}

export type { Availability };
