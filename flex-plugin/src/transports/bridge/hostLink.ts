/*
 * Flex's side of the bridge handshake. Flex waits for a host's `hello` from its parent window;
 * only a parent at one of the admin's exact origins gets an answer: a `welcome` posted to that
 * origin with a private MessagePort, over which everything else goes. A parent at any other
 * origin gets nothing (no data leaves Flex). A host that greets again with a new attempt (it
 * reconnected, or the page connected a second time) gets a new port: the newest connection wins,
 * and the old port is told (`closing`) before it closes. A hello of another protocol version is
 * refused, naming its attempt, and Flex goes on listening: a supported hello may still follow.
 * Flex never stops listening for an allowed host: a page that greets late (its own start-up, the
 * agent's login there) still connects; after `handshakeTimeoutMs` Flex only says it is waiting.
 */
import {
    CLOSING_EVENT,
    PROTOCOL,
    PROTOCOL_VERSION,
    checkHandshake,
    type Closing,
    type HostMethodName,
    type Ready,
    type Refuse,
    type Welcome
} from '../../../../packages/flex-host-sdk/src/protocol.ts';
import {
    FlexBridgeError,
    PortEndpoint,
    type PortLike
} from '../../../../packages/flex-host-sdk/src/portEndpoint.ts';
import type { Logger } from '../../integration/context';

export interface HostLinkOptions {
    window: Window;
    /** Who frames Flex, as the browser says (null: unknown); told Flex listens if it is allowed. */
    framedBy: string | null;
    allowedOrigins: readonly string[];
    /** After this long without a supported hello, `onSlow` is told once; Flex goes on listening. */
    handshakeTimeoutMs: number;
    /** No supported hello yet: none at all, or only of another protocol version. */
    onSlow: (why: SlowHandshake) => void;
    requestTimeoutMs: number;
    log: Logger;
    welcome: Pick<Welcome, 'allowedActions' | 'forwardedEvents'>;
    /** A new MessageChannel (the page's own; tests may give another). */
    createChannel?: () => { port1: unknown; port2: unknown };
}

export type HandshakeOutcome =
    { kind: 'connected'; link: HostLink } | { kind: 'not-allowed'; origin: string };

export type SlowHandshake =
    { kind: 'no-answer' } | { kind: 'version-mismatch'; origin: string; version: number };

type RequestHandler = (method: string, params: unknown) => unknown;

/** More attempts than a page makes in a day of reconnections; the oldest are forgotten first. */
const MAX_REMEMBERED_ATTEMPTS = 100;

/** The current connection to the host, across its reconnections. */
export class HostLink {
    origin: string;
    handles: ReadonlySet<HostMethodName> = new Set();
    private endpoint: PortEndpoint | null = null;
    private handler: RequestHandler = () => {
        throw new FlexBridgeError('NOT_SUPPORTED', 'Flex is still starting');
    };
    private readonly requestTimeoutMs: number;
    private readonly log: Logger;
    private readonly stops: (() => void)[] = [];

    constructor(origin: string, requestTimeoutMs: number, log: Logger) {
        this.origin = origin;
        this.requestTimeoutMs = requestTimeoutMs;
        this.log = log;
    }

    get connected(): boolean {
        return this.endpoint?.isOpen === true;
    }

    /** Asks the host; fails with DISCONNECTED when no host is connected. */
    request(method: HostMethodName, params: unknown, timeoutMs?: number): Promise<unknown> {
        if (!this.endpoint) {
            return Promise.reject(new FlexBridgeError('DISCONNECTED', 'no host app is connected'));
        }
        return this.endpoint.request(method, params, timeoutMs);
    }

    emit(name: string, data: unknown): void {
        this.endpoint?.emit(name, data);
    }

    /** What answers the host's requests (the adapter's dispatcher). */
    onRequest(handler: RequestHandler): void {
        this.handler = handler;
    }

    attach(port: PortLike, origin: string, handles: readonly HostMethodName[]): void {
        if (this.endpoint?.isOpen) {
            const closing: Closing = { reason: 'replaced' };
            this.endpoint.emit(CLOSING_EVENT, closing);
        }
        this.endpoint?.close();
        this.origin = origin;
        this.handles = new Set(handles);
        this.endpoint = new PortEndpoint(port, {
            timeoutMs: this.requestTimeoutMs,
            handle: (method, params) => this.handler(method, params),
            onEvent: (name) =>
                this.log.warn(
                    `ignored an event from the host app (${name.slice(0, 40)}): hosts send requests`
                ),
            onInvalid: (problem) => this.log.warn(`refused a message from the host app: ${problem}`)
        });
    }

    addStop(stop: () => void): void {
        this.stops.push(stop);
    }

    stop(): void {
        this.endpoint?.close();
        this.endpoint = null;
        this.stops.splice(0).forEach((stop) => stop());
    }
}

/**
 * Waits for the first supported greeting from an allowed host, however late (or for a page that is
 * not allowed), then keeps answering re-greetings.
 */
export function waitForHost(options: HostLinkOptions): Promise<HandshakeOutcome> {
    const { window: win, allowedOrigins, log } = options;
    const createChannel =
        options.createChannel ??
        (() => new (win as unknown as { MessageChannel: typeof MessageChannel }).MessageChannel());
    let link: HostLink | null = null;
    /** Attempts answered already: their repeated hellos get no second port, ever. */
    const answered = new Set<string>();
    /** The first unsupported version asked for, reported if no supported hello comes in time. */
    let mismatch: { origin: string; version: number } | null = null;
    let settle: ((outcome: HandshakeOutcome) => void) | null = null;
    const reported = new Set<string>();

    const onMessage = (event: MessageEvent) => {
        // Only the window that frames Flex may greet it; a hello is one small object.
        if (event.source === null || event.source !== win.parent) return;
        const checked = checkHandshake(event.data);
        if (!checked.ok || checked.value.type !== 'hello') return;
        const hello = checked.value;
        if (!allowedOrigins.includes(event.origin)) {
            if (!reported.has(event.origin)) {
                reported.add(event.origin);
                log.warn(
                    `refused a host app at ${event.origin}: it is not in host_app_integration.allowed_host_origins`
                );
                settle?.({ kind: 'not-allowed', origin: event.origin });
            }
            return;
        }
        const parent = event.source as Window;
        if (hello.version !== PROTOCOL_VERSION) {
            const refuse: Refuse = {
                protocol: PROTOCOL,
                type: 'refuse',
                attempt: hello.attempt,
                code: 'VERSION_MISMATCH',
                message: `this Flex speaks bridge protocol version ${PROTOCOL_VERSION}, not ${hello.version}`,
                versions: [PROTOCOL_VERSION]
            };
            parent.postMessage(refuse, event.origin);
            if (!reported.has(`v${hello.version}`)) {
                reported.add(`v${hello.version}`);
                log.warn(
                    `refused a hello for bridge protocol version ${hello.version} from ${event.origin}; still listening`
                );
            }
            mismatch ??= { origin: event.origin, version: hello.version };
            return;
        }
        if (answered.has(hello.attempt)) return;
        answered.add(hello.attempt);
        for (const oldest of answered) {
            if (answered.size <= MAX_REMEMBERED_ATTEMPTS) break;
            answered.delete(oldest);
        }
        const channel = createChannel();
        const current = link ?? new HostLink(event.origin, options.requestTimeoutMs, log);
        current.attach(channel.port1 as PortLike, event.origin, hello.handles);
        const welcome: Welcome = {
            protocol: PROTOCOL,
            type: 'welcome',
            version: PROTOCOL_VERSION,
            attempt: hello.attempt,
            allowedActions: [...options.welcome.allowedActions],
            forwardedEvents: [...options.welcome.forwardedEvents]
        };
        parent.postMessage(welcome, event.origin, [channel.port2 as Transferable]);
        if (!link) {
            link = current;
            link.addStop(() => win.removeEventListener('message', onMessage));
            settle?.({ kind: 'connected', link });
        } else {
            log.info(`the host app at ${event.origin} reconnected`);
        }
    };

    return new Promise((resolve) => {
        const timer = setTimeout(
            () =>
                options.onSlow(
                    mismatch ? { kind: 'version-mismatch', ...mismatch } : { kind: 'no-answer' }
                ),
            options.handshakeTimeoutMs
        );
        settle = (outcome) => {
            settle = null;
            clearTimeout(timer);
            if (outcome.kind !== 'connected') {
                win.removeEventListener('message', onMessage);
            }
            resolve(outcome);
        };
        win.addEventListener('message', onMessage);
        // An allowed host learns at once that Flex listens, and greets without waiting.
        if (options.framedBy !== null && allowedOrigins.includes(options.framedBy)) {
            const ready: Ready = { protocol: PROTOCOL, type: 'ready', version: PROTOCOL_VERSION };
            win.parent.postMessage(ready, options.framedBy);
        }
    });
}
