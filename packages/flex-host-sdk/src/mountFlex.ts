/*
 * Mounts Flex into a host page: creates the iframe with what Flex needs (microphone and camera for
 * calls and video, autoplay for the ringtone, clipboard) and connects to it. The iframe stays in
 * the container whatever the handshake's outcome.
 */
import {
    connectFlex,
    exactOrigin,
    type ConnectOptions,
    type FlexConnection
} from './hostConnection.ts';
import { FlexBridgeError } from './portEndpoint.ts';

/** What Flex's iframe must be allowed to use. */
export const FLEX_FRAME_ALLOW = 'microphone; camera; autoplay; clipboard-write';

export interface MountOptions extends Omit<ConnectOptions, 'iframe' | 'flexOrigin'> {
    /** The element Flex fills. */
    container: HTMLElement;
    /** Flex's address, such as https://flex.twilio.com/agent-desktop; its origin is Flex's origin. */
    flexUrl: string;
    /** CSS sizes; default 100% of the container. */
    width?: string;
    height?: string;
    /** The frame's accessible name. */
    title?: string;
}

/**
 * Creates Flex's iframe in `container` and connects to it; resolves once Flex answered the
 * handshake (however long the agent takes to log in: `onStatus` says `waiting` meanwhile), rejects
 * with a FlexBridgeError only when waiting cannot help (ORIGIN_MISMATCH, VERSION_MISMATCH,
 * DESTROYED).
 */
export function mountFlex(options: MountOptions): Promise<FlexConnection> {
    const { container, flexUrl, width, height, title, ...connectOptions } = options;
    let url: URL;
    try {
        url = new URL(flexUrl);
    } catch {
        return Promise.reject(
            new FlexBridgeError('ORIGIN_MISMATCH', `flexUrl "${flexUrl}" is not a URL`)
        );
    }
    let flexOrigin: string;
    try {
        flexOrigin = exactOrigin(url.origin);
    } catch (error) {
        return Promise.reject(error);
    }
    const iframe = container.ownerDocument.createElement('iframe');
    iframe.setAttribute('allow', FLEX_FRAME_ALLOW);
    iframe.title = title ?? 'Twilio Flex';
    iframe.style.border = '0';
    iframe.style.width = width ?? '100%';
    iframe.style.height = height ?? '100%';
    const connecting = connectFlex({ ...connectOptions, iframe, flexOrigin });
    iframe.src = url.href;
    container.appendChild(iframe);
    // On failure the frame stays (the page shows why); removing it from the page stops the SDK.
    return connecting;
}
