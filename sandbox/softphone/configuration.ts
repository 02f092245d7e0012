// The Flex configuration the sandbox agent logs in with: what an admin puts in the Flex
// Configuration API's ui_attributes, with the plugin's settings under custom_data.

/** What the sandbox server wrote into the softphone page's `<meta name=…>`, '' when absent. */
function pageMeta(doc: Document, name: string): string {
    return doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';
}

/** The console's origin, written into the softphone page by the sandbox server. */
export function consoleOrigin(doc: Document = document): string {
    return pageMeta(doc, 'sandbox-console-origin');
}

/** The demo CRM's origin: the one host app the sandbox's Flex admin allows. */
export function appOrigin(doc: Document = document): string {
    return pageMeta(doc, 'sandbox-app-origin');
}

/** Developers' own pages the sandbox allows too (SANDBOX_HOST_ORIGIN), written by the server. */
export function extraHostOrigins(doc: Document = document): string[] {
    return pageMeta(doc, 'sandbox-host-origins').split(' ').filter(Boolean);
}

/** What the Flex admin of the demo CRM set in custom_data.host_app_integration. */
export function hostAppSettings(allowedOrigins: readonly string[]): Record<string, unknown> {
    return {
        enabled: true,
        allowed_host_origins: [...allowedOrigins],
        host_name: 'Demo CRM',
        exposed_attributes: ['from', 'name', 'channelType'],
        dial_attributes: ['campaign'],
        allowed_actions: ['SetActivity', 'ToggleMute'],
        forwarded_events: ['taskUpdated'],
        // The demo CRM keeps its own agent status in step with Flex (sandbox/demo-crm/presence.ts).
        presence_sync: true,
        request_timeout_ms: 5000,
        handshake_timeout_ms: 15000,
        default_country: 'US'
    };
}

/** What a Flex admin sets for Salesforce without Open CTI: the org's Lightning origin allowed. */
export function salesforceLwcSettings(lightningOrigin: string): Record<string, unknown> {
    return {
        enabled: true,
        allowed_host_origins: [lightningOrigin],
        host_name: 'Salesforce',
        exposed_attributes: ['from', 'name', 'channelType'],
        // The console's Omni-Channel utility runs the package's Flex Presence Sync here too.
        presence_sync: true,
        request_timeout_ms: 5000,
        handshake_timeout_ms: 15000,
        default_country: 'US'
    };
}

/**
 * `?flexSettings=` (JSON) lets a test turn plugin settings on or off; the admin-facing keys and
 * their validation stay the plugin's own. `?host=app` is Flex as the demo CRM's Flex account has
 * it: the host app block, and no Salesforce block; `?host=lwc` is Flex for Salesforce without Open
 * CTI, the host app block allowing the console.
 */
export function sandboxFlexConfiguration(
    query: URLSearchParams,
    origin: string = consoleOrigin(),
    app: string = appOrigin(),
    extraHosts: readonly string[] = extraHostOrigins()
): Record<string, unknown> {
    let overrides: Record<string, unknown> = {};
    const raw = query.get('flexSettings');
    if (raw) {
        const parsed: unknown = JSON.parse(raw);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
            overrides = parsed as Record<string, unknown>;
        }
    }
    if (query.get('host') === 'app') {
        return {
            logLevel: 'error',
            language: 'en-US',
            custom_data: {
                host_app_integration: { ...hostAppSettings([app, ...extraHosts]), ...overrides }
            }
        };
    }
    if (query.get('host') === 'lwc') {
        // Salesforce without Open CTI: the console's softphone LWC is the host app.
        return {
            logLevel: 'error',
            language: 'en-US',
            custom_data: {
                host_app_integration: { ...salesforceLwcSettings(origin), ...overrides }
            }
        };
    }
    return {
        logLevel: 'error',
        language: 'en-US',
        custom_data: {
            salesforce_integration: {
                enabled: true,
                screen_pop: true,
                click_to_dial: true,
                context_switching: true,
                show_panel_automatically: true,
                opencti_timeout_ms: 5000,
                // The sandbox console is served from localhost, not a Salesforce domain.
                allowed_origins: [origin],
                default_country: 'US',
                // The console's Omni-Channel utility runs the package's Flex Presence Sync.
                presence_sync: true,
                ...overrides
            }
        }
    };
}
