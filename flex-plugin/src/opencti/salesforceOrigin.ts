/*
 * Which Salesforce page hosts this softphone, decided from data only (tested without a DOM).
 *
 * Salesforce appends `?mode=Lightning&sfdcIframeOrigin=<origin>` to the adapter URL. That works in
 * every browser, unlike `location.ancestorOrigins` (Chromium only), which is used as a cross-check
 * where present. The origin is accepted only when its parsed host ends with one of the domain
 * families Salesforce's own Open CTI script accepts, or when it is listed exactly in
 * `allowed_origins`. Never a substring test: `evil.force.com.example.net` contains `.force.com`.
 */

/** Host suffixes of Salesforce's own pattern (opencti.js, API 57): force.com, visualforce.com, ... */
export const SALESFORCE_HOST_SUFFIXES = [
    '.force.com',
    '.visualforce.com',
    '.my-visualforce.com',
    '.my-lightning.com',
    '.salesforce.com',
    '.my-salesforce.com',
    '.salesforce.mil',
    '.salesforce.ms',
    '.crmforce.mil',
    '.crmforce.ms'
] as const;

/** What a host label may contain (Salesforce's pattern: `[\w-.]+`). */
const HOST_LABELS = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;

export interface HostingPage {
    /** `location.search` of the softphone page. */
    search: string;
    /** `location.protocol` of the softphone page, e.g. `https:`. */
    protocol: string;
    /** `location.ancestorOrigins` as an array, or null where the browser lacks it (Firefox). */
    ancestorOrigins: readonly string[] | null;
}

export type OriginDecision =
    | { kind: 'accepted'; origin: string }
    | { kind: 'not-embedded'; reason: string }
    | { kind: 'refused'; reason: string };

export function isSalesforceHost(hostname: string): boolean {
    const host = hostname.toLowerCase();
    return SALESFORCE_HOST_SUFFIXES.some(
        (suffix) =>
            host.endsWith(suffix) &&
            host.length > suffix.length &&
            HOST_LABELS.test(host.slice(0, -suffix.length))
    );
}

/**
 * True when `candidate` is a Salesforce origin this integration may talk to.
 * Parsed, never compared by substring; the protocol must be the page's own.
 */
export function isAcceptedOrigin(
    candidate: string,
    pageProtocol: string,
    allowedOrigins: readonly string[]
): boolean {
    let url: URL;
    try {
        url = new URL(candidate);
    } catch {
        return false;
    }
    if (url.origin !== candidate || url.username || url.password) {
        return false;
    }
    if (allowedOrigins.includes(candidate)) {
        return true;
    }
    return (
        url.protocol === 'https:' && url.protocol === pageProtocol && isSalesforceHost(url.hostname)
    );
}

export function resolveSalesforceOrigin(
    page: HostingPage,
    allowedOrigins: readonly string[]
): OriginDecision {
    const params = new URLSearchParams(page.search);
    const claimed = params.get('sfdcIframeOrigin');
    const mode = params.get('mode');
    if (!claimed || !mode) {
        return {
            kind: 'not-embedded',
            reason: 'Flex is not running inside a Salesforce softphone (no sfdcIframeOrigin and mode in the address)'
        };
    }
    if (mode !== 'Lightning') {
        return {
            kind: 'refused',
            reason: `Salesforce ${mode} mode is not supported; use Lightning Experience`
        };
    }
    if (!isAcceptedOrigin(claimed, page.protocol, allowedOrigins)) {
        return {
            kind: 'refused',
            reason: `${claimed} is not a Salesforce origin; add it to allowed_origins if it is your org's own domain`
        };
    }
    const parent = page.ancestorOrigins?.[0];
    if (parent !== undefined && parent !== claimed) {
        return {
            kind: 'refused',
            reason: `the page embedding Flex (${parent}) is not the one named in sfdcIframeOrigin (${claimed})`
        };
    }
    return { kind: 'accepted', origin: claimed };
}
