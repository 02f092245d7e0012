/*
 * The Salesforce way in: decides whether this page is an allowed Salesforce softphone, loads Open
 * CTI from that origin and returns the port over it. Every way this can fail ends with null, one
 * clear line in the console and, where the agent can act on it, one notification.
 */
import type { Notify } from '../../agent-messages/agentMessages';
import type { IntegrationConfig } from '../../config/integrationConfig';
import type { CrmPort } from '../../crm/crmPort';
import { describeError, type Logger } from '../../integration/context';
import { ConsoleToolkitClient } from './consoleToolkit';
import { OpenCtiClient } from './openCtiClient';
import { salesforceAdapter } from './salesforceAdapter';
import {
    ALLOWED_ORIGINS_SETTING,
    resolveSalesforceOrigin,
    type HostingPage
} from './salesforceOrigin';
import { loadConsoleToolkit, loadOpenCti } from './scriptLoader';

export interface ConnectOptions {
    window: Window;
    config: IntegrationConfig;
    log: Logger;
    notify: Notify;
    /** Runs once the page is known to be an allowed softphone, before anything is awaited. */
    embedded: () => void;
}

/** What the origin decision needs from the page; reading `parent` never throws, even cross-origin. */
function hostingPage(win: Window): HostingPage {
    return {
        search: win.location.search,
        protocol: win.location.protocol,
        framed: win.parent !== win,
        ancestorOrigins: win.location.ancestorOrigins
            ? Array.from(win.location.ancestorOrigins)
            : null
    };
}

export async function connectSalesforce(options: ConnectOptions): Promise<CrmPort | null> {
    const { window: win, config, log, notify } = options;
    const origin = resolveSalesforceOrigin(hostingPage(win), {
        allowedOrigins: config.allowed_origins,
        trustAnySalesforceOrg: config.trust_any_salesforce_org
    });
    if (origin.kind === 'not-embedded') {
        log.info(`off: ${origin.reason}`);
        return null;
    }
    if (origin.kind === 'not-allowed') {
        log.warn(`off: ${origin.reason}`);
        notify('SfOriginNotAllowed', { origin: origin.origin, setting: ALLOWED_ORIGINS_SETTING });
        return null;
    }
    if (origin.kind === 'refused') {
        log.warn(`off: ${origin.reason}`);
        notify('SfUnavailable', { reason: origin.reason });
        return null;
    }
    if (origin.warning) {
        log.warn(origin.warning);
    }
    // Before the first await, so before Flex renders (the plugin's init does not wait for what
    // follows: Salesforce may be slow).
    options.embedded();

    const scripts = {
        window: win,
        origin: origin.origin,
        apiVersion: config.opencti_api_version,
        timeoutMs: config.opencti_timeout_ms
    };
    let openCti: OpenCtiClient;
    try {
        openCti = new OpenCtiClient(await loadOpenCti(scripts), config.opencti_timeout_ms);
    } catch (error) {
        log.warn('off: Open CTI did not load', error);
        notify('SfUnavailable', { reason: describeError(error) });
        return null;
    }
    log.info(`connected to ${origin.origin}`);
    return salesforceAdapter({
        openCti,
        config,
        log,
        loadConsoleToolkit: async () =>
            new ConsoleToolkitClient(await loadConsoleToolkit(scripts), config.opencti_timeout_ms)
    });
}
