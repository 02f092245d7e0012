// Two windows for Node tests of the Open CTI host and client: a console page and the softphone
// iframe inside it, with browser postMessage semantics: a message whose targetOrigin is not the
// receiver's origin is dropped, data is structured-cloned, delivery is a later task, and
// event.source is the sender's window as the receiver sees it.
import type { ClientWindow } from '../opencti/openCtiClient.ts';
import type { HostWindow, SoftphoneFrame } from '../console/openCtiHost.ts';

type MessageListener = (event: { origin: string; source: unknown; data: unknown }) => void;

interface WindowProxyStub {
    postMessage(message: unknown, targetOrigin: string): void;
}

export interface FramePair {
    consoleWindow: HostWindow;
    softphoneWindow: ClientWindow;
    softphoneFrame: SoftphoneFrame;
    /** Messages a sender addressed to the wrong origin: the browser drops them. */
    dropped: { from: string; targetOrigin: string; data: unknown }[];
    /** A frame at another origin (or the right origin but another window) posting to the console. */
    foreignFrame(origin: string): WindowProxyStub;
    /** Lets every queued message arrive, and the answers they cause. */
    settle(): Promise<void>;
    /** The softphone iframe navigated away: the console no longer sees its window. */
    detachSoftphone(): void;
}

export function createFramePair({
    consoleOrigin = 'http://localhost:4400',
    softphoneOrigin = 'http://localhost:4401',
    search = `?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(consoleOrigin)}`
}: { consoleOrigin?: string; softphoneOrigin?: string; search?: string } = {}): FramePair {
    const consoleListeners: MessageListener[] = [];
    const softphoneListeners: MessageListener[] = [];
    const dropped: FramePair['dropped'] = [];
    let attached = true;
    let inFlight = 0;

    const deliver = (
        listeners: MessageListener[],
        receiverOrigin: string,
        from: string,
        source: unknown,
        message: unknown,
        targetOrigin: string
    ) => {
        if (targetOrigin !== receiverOrigin) {
            dropped.push({ from, targetOrigin, data: message });
            return;
        }
        const data = structuredClone(message);
        inFlight += 1;
        setTimeout(() => {
            inFlight -= 1;
            listeners.forEach((listener) => listener({ origin: from, source, data }));
        });
    };

    // Each side holds the other as a WindowProxy: posting to it sends to that window, and the
    // receiver's event.source is the sender as the receiver holds it.
    const consoleAsParent: WindowProxyStub = {
        postMessage: (message, targetOrigin) =>
            deliver(
                consoleListeners,
                consoleOrigin,
                softphoneOrigin,
                softphoneAsFrame,
                message,
                targetOrigin
            )
    };
    const softphoneAsFrame: WindowProxyStub = {
        postMessage: (message, targetOrigin) =>
            deliver(
                softphoneListeners,
                softphoneOrigin,
                consoleOrigin,
                consoleAsParent,
                message,
                targetOrigin
            )
    };
    const softphoneWindow: ClientWindow = {
        location: { search, protocol: new URL(softphoneOrigin).protocol },
        parent: consoleAsParent,
        addEventListener: (_type, listener) => softphoneListeners.push(listener)
    };

    return {
        consoleWindow: { addEventListener: (_type, listener) => consoleListeners.push(listener) },
        softphoneWindow,
        softphoneFrame: {
            origin: softphoneOrigin,
            window: () => (attached ? softphoneAsFrame : null)
        },
        dropped,
        foreignFrame(origin) {
            const stub: WindowProxyStub = {
                postMessage: (message, targetOrigin) =>
                    deliver(consoleListeners, consoleOrigin, origin, stub, message, targetOrigin)
            };
            return stub;
        },
        async settle() {
            // A reply is posted while a request is handled, so wait until nothing is in flight.
            do {
                await new Promise((resolve) => setTimeout(resolve));
            } while (inFlight > 0);
        },
        detachSoftphone() {
            attached = false;
        }
    };
}
