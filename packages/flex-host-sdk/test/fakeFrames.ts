// A host page and the Flex iframe inside it, for tests of both ends of the bridge without a
// browser, with the browser's postMessage rules: a message whose targetOrigin is not the
// receiver's origin is dropped, data is copied, delivery is a later task, `event.source` is the
// sender's window as the receiver sees it, and transferred ports arrive as `event.ports`.
// MessagePorts are Node's own (worker_threads), which behave as the browser's.
import { MessageChannel } from 'node:worker_threads';

type Listener = (event: FakeMessageEvent) => void;

export interface FakeMessageEvent {
    data: unknown;
    origin: string;
    source: unknown;
    ports: unknown[];
}

class FakeWindow {
    readonly listeners = new Set<Listener>();
    parent: unknown = this;
    readonly location: { ancestorOrigins?: string[]; search: string; protocol: string };
    readonly document = { referrer: '' };
    readonly origin: string;
    MessageChannel = MessageChannel;
    constructor(origin: string) {
        this.origin = origin;
        this.location = { search: '', protocol: new URL(origin).protocol };
    }
    addEventListener(type: string, listener: Listener): void {
        if (type === 'message') this.listeners.add(listener);
    }
    removeEventListener(type: string, listener: Listener): void {
        if (type === 'message') this.listeners.delete(listener);
    }
}

function copy(data: unknown): unknown {
    return data === undefined
        ? undefined
        : (globalThis.structuredClone ?? ((value: unknown) => JSON.parse(JSON.stringify(value))))(
              data
          );
}

export interface FakeFrames {
    host: FakeWindow;
    flex: FakeWindow;
    iframe: FakeIframe;
    /** What a sender addressed to the wrong origin: the browser drops it. */
    dropped: { targetOrigin: string; data: unknown }[];
    /** Delivers to Flex's window as if `origin`'s window `source` had posted it. */
    postToFlex(
        data: unknown,
        options?: { origin?: string; source?: unknown; ports?: unknown[] }
    ): void;
    /** Delivers to the host's window as if the Flex frame (or another) had posted it. */
    postToHost(
        data: unknown,
        options?: { origin?: string; source?: unknown; ports?: unknown[] }
    ): void;
    /** Flex reloads: its listeners are gone and the iframe fires load. */
    reloadFlex(): FakeWindow;
    settle(): Promise<void>;
}

export interface FakeIframe {
    contentWindow: unknown;
    isConnected: boolean;
    offsetWidth: number;
    offsetHeight: number;
    addEventListener(type: string, listener: () => void): void;
    removeEventListener(type: string, listener: () => void): void;
    loadListeners: Set<() => void>;
}

export function createFakeFrames({
    hostOrigin = 'https://crm.example.com',
    flexOrigin = 'https://flex.twilio.com'
}: { hostOrigin?: string; flexOrigin?: string } = {}): FakeFrames {
    const host = new FakeWindow(hostOrigin);
    const dropped: FakeFrames['dropped'] = [];
    const deliver = (target: FakeWindow, event: FakeMessageEvent) => {
        setTimeout(
            () =>
                target.listeners.forEach((listener) =>
                    listener({ ...event, data: copy(event.data) })
                ),
            0
        );
    };
    let flex = new FakeWindow(flexOrigin);
    // What the host holds: a proxy for whatever document the iframe shows now.
    const flexProxy = {
        postMessage(data: unknown, targetOrigin: string, transfer: unknown[] = []) {
            if (targetOrigin !== flex.origin) {
                dropped.push({ targetOrigin, data });
                return;
            }
            deliver(flex, { data, origin: host.origin, source: flex.parent, ports: transfer });
        }
    };
    const hostProxy = {
        postMessage(data: unknown, targetOrigin: string, transfer: unknown[] = []) {
            if (targetOrigin !== host.origin) {
                dropped.push({ targetOrigin, data });
                return;
            }
            deliver(host, { data, origin: flex.origin, source: flexProxy, ports: transfer });
        }
    };
    const frame = (win: FakeWindow) => {
        win.parent = hostProxy;
        win.location.ancestorOrigins = [host.origin];
        return win;
    };
    frame(flex);
    const iframe: FakeIframe = {
        contentWindow: flexProxy,
        isConnected: true,
        offsetWidth: 400,
        offsetHeight: 600,
        loadListeners: new Set(),
        addEventListener(type, listener) {
            if (type === 'load') this.loadListeners.add(listener);
        },
        removeEventListener(type, listener) {
            if (type === 'load') this.loadListeners.delete(listener);
        }
    };
    return {
        host,
        get flex() {
            return flex;
        },
        iframe,
        dropped,
        postToFlex(data, options = {}) {
            deliver(flex, {
                data,
                origin: options.origin ?? host.origin,
                source: 'source' in options ? options.source : flex.parent,
                ports: options.ports ?? []
            });
        },
        postToHost(data, options = {}) {
            deliver(host, {
                data,
                origin: options.origin ?? flex.origin,
                source: 'source' in options ? options.source : flexProxy,
                ports: options.ports ?? []
            });
        },
        reloadFlex() {
            flex = frame(new FakeWindow(flex.origin));
            setTimeout(() => iframe.loadListeners.forEach((listener) => listener()), 0);
            return flex;
        },
        async settle() {
            for (let i = 0; i < 6; i += 1) {
                await new Promise((resolve) => setTimeout(resolve, 0));
            }
        }
    };
}
