/*
 * One end of the private MessagePort that the handshake hands over: requests with ids and
 * timeouts, their responses, and events. Both the host SDK and the Flex plugin use it, each with
 * its own checks of what arrives. Nothing that arrives is trusted: a message that fails its check
 * is answered with INVALID_MESSAGE (when it has an id to answer) and changes nothing.
 */
import { checkPortMessage, type ErrorCode, type PortMessage, type WireError } from './protocol.ts';

/** What a bridge call fails with, on either side: a code to branch on and words to show. */
export class FlexBridgeError extends Error {
    readonly code: ErrorCode | 'ORIGIN_MISMATCH' | 'VERSION_MISMATCH' | 'DESTROYED';
    /** With REFUSED: the fields the host named. */
    readonly fields: readonly string[];

    constructor(code: FlexBridgeError['code'], message: string, fields: readonly string[] = []) {
        super(message);
        this.name = 'FlexBridgeError';
        this.code = code;
        this.fields = fields;
    }
}

/** The port as the endpoint uses it (a real MessagePort, or a test's). */
export interface PortLike {
    postMessage(message: unknown): void;
    addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
    removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
    start(): void;
    close(): void;
}

export interface EndpointOptions {
    /** Answers a request; its checks throw FlexBridgeError, anything else thrown becomes FAILED. */
    handle(method: string, params: unknown): unknown;
    /** An event arrived (unchecked beyond its envelope: the receiver checks its data). */
    onEvent(name: string, data: unknown): void;
    /** Something arrived that is not a message of this protocol: for the log, never thrown. */
    onInvalid(problem: string): void;
    /** How long a request waits for its response unless the call says otherwise. */
    timeoutMs: number;
}

interface Pending {
    method: string;
    resolve(result: unknown): void;
    reject(error: FlexBridgeError): void;
    timer: ReturnType<typeof setTimeout>;
}

let counter = 0;

export class PortEndpoint {
    private readonly pending = new Map<string, Pending>();
    private readonly prefix = Math.random().toString(36).slice(2, 10);
    private closed = false;
    private readonly listener = (event: { data: unknown }) => this.receive(event.data);

    private readonly port: PortLike;
    private readonly options: EndpointOptions;

    constructor(port: PortLike, options: EndpointOptions) {
        this.port = port;
        this.options = options;
        port.addEventListener('message', this.listener);
        port.start();
    }

    get isOpen(): boolean {
        return !this.closed;
    }

    request(method: string, params: unknown, timeoutMs = this.options.timeoutMs): Promise<unknown> {
        if (this.closed) {
            return Promise.reject(new FlexBridgeError('DISCONNECTED', 'the bridge is closed'));
        }
        counter += 1;
        const id = `${this.prefix}-${counter}`;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(
                    new FlexBridgeError('TIMEOUT', `${method} had no answer within ${timeoutMs} ms`)
                );
            }, timeoutMs);
            this.pending.set(id, { method, resolve, reject, timer });
            this.send({ kind: 'request', id, method, params }, () => {
                clearTimeout(timer);
                this.pending.delete(id);
                reject(
                    new FlexBridgeError(
                        'INVALID_MESSAGE',
                        `${method}: its parameters cannot be sent (not plain data)`
                    )
                );
            });
        });
    }

    emit(name: string, data: unknown): void {
        if (!this.closed)
            this.send({ kind: 'event', name, data }, () =>
                this.options.onInvalid(`event ${name} is not plain data`)
            );
    }

    /** Closes the port; every request still waiting fails with DISCONNECTED. */
    close(): void {
        if (this.closed) return;
        this.closed = true;
        this.port.removeEventListener('message', this.listener);
        this.port.close();
        for (const [id, pending] of this.pending) {
            clearTimeout(pending.timer);
            pending.reject(
                new FlexBridgeError('DISCONNECTED', 'the bridge closed before the answer came')
            );
            this.pending.delete(id);
        }
    }

    private send(message: PortMessage, failed: () => void): void {
        try {
            this.port.postMessage(message);
        } catch {
            // A value that cannot be structured-cloned (a function, a DOM node).
            failed();
        }
    }

    private receive(data: unknown): void {
        if (this.closed) return;
        const checked = checkPortMessage(data);
        if (!checked.ok) {
            const id = idOf(data);
            const kind = (data as { kind?: unknown }).kind;
            if (id !== null && kind === 'request') {
                this.reply(id, { code: 'INVALID_MESSAGE', message: checked.problem });
            }
            const pending = id !== null && kind === 'response' ? this.pending.get(id) : undefined;
            if (pending && id !== null) {
                // A refused answer fails its request now, rather than at its timeout.
                this.pending.delete(id);
                clearTimeout(pending.timer);
                pending.reject(
                    new FlexBridgeError(
                        'INVALID_MESSAGE',
                        `the answer to ${pending.method} was refused: ${checked.problem}`
                    )
                );
            }
            this.options.onInvalid(checked.problem);
            return;
        }
        const message = checked.value;
        if (message.kind === 'response') {
            const pending = this.pending.get(message.id);
            if (!pending) {
                this.options.onInvalid(`a response to no request (${message.id})`);
                return;
            }
            this.pending.delete(message.id);
            clearTimeout(pending.timer);
            if (message.ok) pending.resolve(message.result);
            else
                pending.reject(
                    new FlexBridgeError(
                        message.error.code,
                        message.error.message,
                        message.error.fields
                    )
                );
            return;
        }
        if (message.kind === 'event') {
            this.options.onEvent(message.name, message.data);
            return;
        }
        this.answer(message.id, message.method, message.params);
    }

    private answer(id: string, method: string, params: unknown): void {
        let outcome: unknown;
        try {
            outcome = this.options.handle(method, params);
        } catch (error) {
            this.reply(id, wireError(error));
            return;
        }
        Promise.resolve(outcome).then(
            (result) => this.reply(id, null, result ?? {}),
            (error: unknown) => this.reply(id, wireError(error))
        );
    }

    private reply(id: string, error: WireError | null, result?: unknown): void {
        if (this.closed) return;
        const message: PortMessage = error
            ? { kind: 'response', id, ok: false, error }
            : { kind: 'response', id, ok: true, result };
        this.send(message, () =>
            this.send(
                {
                    kind: 'response',
                    id,
                    ok: false,
                    error: { code: 'FAILED', message: 'the answer is not plain data' }
                },
                () => undefined
            )
        );
    }
}

function idOf(data: unknown): string | null {
    const id =
        typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined;
    return typeof id === 'string' && /^[A-Za-z0-9_.:-]{1,64}$/.test(id) ? id : null;
}

/** What goes back over the wire for a thrown error: its code when it is the bridge's, else FAILED. */
export function wireError(error: unknown): WireError {
    if (
        error instanceof FlexBridgeError &&
        error.code !== 'ORIGIN_MISMATCH' &&
        error.code !== 'VERSION_MISMATCH' &&
        error.code !== 'DESTROYED'
    ) {
        return {
            code: error.code,
            message: error.message.slice(0, 1000),
            ...(error.fields.length ? { fields: error.fields.slice(0, 20) } : {})
        };
    }
    const message =
        error instanceof Error
            ? error.message
            : typeof error === 'string'
              ? error
              : 'the request failed';
    return { code: 'FAILED', message: (message || 'the request failed').slice(0, 1000) };
}
