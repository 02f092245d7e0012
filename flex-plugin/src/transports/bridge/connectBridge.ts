/*
 * The host-app way in: Flex framed by a web app that greets it through the host SDK. Decides
 * whether this page's parent may drive Flex (exact origins from the admin), waits for its
 * handshake (however late it comes) and returns the port over the bridge. A page that is not
 * allowed ends with null, one line in the console and one notification; a page that is slow to greet
 * gets one line and one notification, and connects when it greets.
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
        onSlow: (why) => {
            if (why.kind === 'version-mismatch') {
                log.warn(
                    `the host app at ${why.origin} speaks bridge protocol version ${why.version}; still listening for a supported one`
                );
                notify('HostVersionMismatch', { host: host.hostName });
            } else {
                log.warn(
                    `no host app greeted Flex within ${host.handshakeTimeoutMs} ms; still listening`
                );
                notify('HostNoAnswer', { host: host.hostName });
            }
        },
        requestTimeoutMs: host.requestTimeoutMs,
        log,
        welcome: {
            allowedActions: [...host.allowedActions],
            forwardedEvents: [...host.forwardedEvents]
        }
    });
    if (outcome.kind === 'connected') {
        log.info(`connected to the host app at ${outcome.link.origin}`);
        return bridgeAdapter({ link: outcome.link, host });
    }
    notify('HostOriginNotAllowed', {
        origin: outcome.origin,
        setting: `${HOST_APP_KEY}.allowed_host_origins`
    });
    return null;
}
