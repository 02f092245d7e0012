/*
 * The host-app way in: Flex framed by a web app that greets it through the host SDK. Decides
 * whether this page's parent may drive Flex (exact origins from the admin), waits for its
 * handshake and returns the port over the bridge. Every way this fails ends with null, one line in
 * the console and, where the agent can act on it, one notification.
 */
import type { Notify } from '../../agent-messages/agentMessages';
import { HOST_APP_KEY, type HostAppSettings } from '../../config/hostAppConfig';
import type { CrmPort } from '../../crm/crmPort';
import type { Logger } from '../../integration/context';
import { bridgeAdapter } from './bridgeAdapter';
import { waitForHost } from './hostLink';

export interface ConnectBridgeOptions {
    window: Window;
    /** Who frames Flex (framingOrigin), as start-up already read it. */
    framedBy: string | null;
    host: HostAppSettings;
    log: Logger;
    notify: Notify;
    /** Runs once the page is known to be framed by an allowed host, before anything is awaited. */
    embedded: () => void;
}

/** The origin of the page that frames this one, as the browser tells it; null when not framed. */
export function framingOrigin(win: Window): string | null {
    if (win.parent === win) return null;
    const ancestors = win.location.ancestorOrigins;
    if (ancestors && ancestors.length > 0) return ancestors[0] ?? null;
    try {
        return win.document.referrer ? new URL(win.document.referrer).origin : null;
    } catch {
        return null;
    }
}

export async function connectBridge(options: ConnectBridgeOptions): Promise<CrmPort | null> {
    const { window: win, host, log, notify } = options;
    if (win.parent === win) {
        log.info('off: Flex is not inside a host app (not framed)');
        return null;
    }
    options.embedded();
    const outcome = await waitForHost({
        window: win,
        framedBy: options.framedBy,
        allowedOrigins: host.allowedHostOrigins,
        handshakeTimeoutMs: host.handshakeTimeoutMs,
        requestTimeoutMs: host.requestTimeoutMs,
        log,
        welcome: {
            allowedActions: [...host.allowedActions],
            forwardedEvents: [...host.forwardedEvents]
        }
    });
    switch (outcome.kind) {
        case 'connected':
            log.info(`connected to the host app at ${outcome.link.origin}`);
            return bridgeAdapter({ link: outcome.link, host });
        case 'not-allowed':
            notify('HostOriginNotAllowed', {
                origin: outcome.origin,
                setting: `${HOST_APP_KEY}.allowed_host_origins`
            });
            return null;
        case 'version-mismatch':
            log.warn(
                `off: the host app at ${outcome.origin} speaks bridge protocol version ${outcome.version}`
            );
            notify('HostVersionMismatch', { host: host.hostName });
            return null;
        default:
            log.warn(`off: no host app greeted Flex within ${host.handshakeTimeoutMs} ms`);
            notify('HostNoAnswer', { host: host.hostName });
            return null;
    }
}
