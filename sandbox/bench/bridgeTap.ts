// Page code for the perf probe over the bridge, installed with Playwright's addInitScript so it runs
// in every frame before the page's own scripts: it records each message sent or received on a
// MessagePort (the bridge's private port, in Flex's frame and in the host's page) with when, so
// the probe can time a request's arrival and count the messages of an interaction.
import type { Frame, Page } from 'playwright-core';

export interface TapEntry {
    /** performance.timeOrigin-based: comparable across frames after offset correction. */
    at: number;
    direction: 'in' | 'out';
    kind: string;
    /** The request's method or the event's name; `response` for a response. */
    name: string;
}
type TappedWindow = Window & { __bridgeTap: TapEntry[] };

/** Serialized by Playwright: must not use anything from this module's scope. */
export function tapBridgePorts(): void {
    const entries: TapEntry[] = [];
    (window as unknown as TappedWindow).__bridgeTap = entries;
    // Other ports in the page (React's scheduler posts on a MessageChannel) are not the bridge's.
    const describe = (data: unknown) => {
        const message = data as { kind?: unknown; method?: unknown; name?: unknown } | null;
        const kind = message?.kind;
        if (kind !== 'request' && kind !== 'response' && kind !== 'event') return null;
        return { kind, name: String(message?.method ?? message?.name ?? kind) };
    };
    const port = MessagePort.prototype;
    const send = port.postMessage;
    port.postMessage = function (
        this: MessagePort,
        ...args: Parameters<MessagePort['postMessage']>
    ) {
        const described = describe(args[0]);
        if (described) {
            entries.push({
                at: performance.timeOrigin + performance.now(),
                direction: 'out',
                ...described
            });
        }
        return send.apply(this, args);
    } as MessagePort['postMessage'];
    // A port can have several listeners; each message is recorded once, at its dispatch.
    const recorded = new WeakSet<Event>();
    // So that removing a listener still removes it.
    const wrapped = new WeakMap<object, EventListener>();
    const listen = port.addEventListener;
    const unlisten = port.removeEventListener;
    port.addEventListener = function (
        this: MessagePort,
        type: string,
        listener: EventListenerOrEventListenerObject,
        options?: boolean | AddEventListenerOptions
    ) {
        if (type === 'message' && typeof listener === 'function') {
            const original = listener;
            listener = function (this: MessagePort, event: Event) {
                const described = describe((event as MessageEvent).data);
                if (described && !recorded.has(event)) {
                    recorded.add(event);
                    entries.push({
                        at: performance.timeOrigin + event.timeStamp,
                        direction: 'in',
                        ...described
                    });
                }
                return original.call(this, event);
            };
            wrapped.set(original, listener);
        }
        return listen.call(this, type, listener, options);
    } as MessagePort['addEventListener'];
    port.removeEventListener = function (
        this: MessagePort,
        type: string,
        listener: EventListenerOrEventListenerObject,
        options?: boolean | EventListenerOptions
    ) {
        return unlisten.call(this, type, wrapped.get(listener) ?? listener, options);
    } as MessagePort['removeEventListener'];
}

export const tapOf = (frame: Frame | Page) =>
    frame.evaluate(() => (window as unknown as TappedWindow).__bridgeTap);

/** When the first entry of `direction` named `name` at or after index `since` happened. */
export async function tapAt(
    frame: Frame | Page,
    direction: TapEntry['direction'],
    name: string,
    since: number
): Promise<number> {
    const at = (await tapOf(frame))
        .slice(since)
        .find((entry) => entry.direction === direction && entry.name === name)?.at;
    if (typeof at !== 'number') {
        throw new Error(`no ${direction === 'in' ? 'incoming' : 'outgoing'} ${name} on the port`);
    }
    return at;
}
