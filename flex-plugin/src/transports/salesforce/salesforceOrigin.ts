/*
 * Which Salesforce page hosts this softphone, decided from data only (tested without a DOM).
 *
 * Salesforce appends `?mode=Lightning&sfdcIframeOrigin=<origin>` to the adapter URL. That works in
 * every browser, unlike `location.ancestorOrigins` (Chromium and Safari), which is used as a
 * cross-check where present. The page that may drive Flex (start calls, receive caller numbers
 * and activity logs) is the admin's own org: by default only an origin listed exactly in
 * `allowed_origins` is accepted. `trust_any_salesforce_org` accepts any org's Lightning Experience
 * host instead, never Salesforce-hosted user content (Visualforce, Sites, Experience Cloud), whose
 * pages anyone with a Salesforce org can publish. Never a substring test:
 * `evil.force.com.example.net` contains `.force.com`.
 */

/**
 * Lightning Experience hosts: every org kind's My Domain (production, sandbox, Developer Edition,
 * scratch, Trailhead, patch, demo) ends with one of these; Government Cloud Plus uses the second.
 * Both are inside the families Salesforce's own Open CTI script accepts (docs/reference/open-cti.md).
 */
export const LIGHTNING_HOST_SUFFIXES = ['.lightning.force.com', '.lightning.crmforce.mil'] as const;

/** What a My Domain label may contain: letters, digits, hyphen (`acme--uat`, `acme-dev-ed`). */
const HOST_LABELS = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

export interface OriginPolicy {
    /** Origins written exactly, as the admin lists them in `allowed_origins`. */
    allowedOrigins: readonly string[];
    /** `trust_any_salesforce_org`: any org's Lightning host, with a warning. */
    trustAnySalesforceOrg: boolean;
}

export interface HostingPage {
    /** `location.search` of the softphone page. */
    search: string;
    /** `location.protocol` of the softphone page, e.g. `https:`. */
    protocol: string;
    /** False when the page has no parent (opened on its own, or in a pop-up). */
    framed: boolean;
    /** `location.ancestorOrigins` as an array, or null where the browser lacks it (Firefox). */
    ancestorOrigins: readonly string[] | null;
}

export type OriginDecision =
    /** `warning` is set when the origin was accepted by the opt-in, not by the exact list. */
    | { kind: 'accepted'; origin: string; warning: string | null }
    | { kind: 'not-embedded'; reason: string }
    /** A well-formed origin the configuration does not allow: the admin can add it. */
    | { kind: 'not-allowed'; origin: string; reason: string }
    | { kind: 'refused'; reason: string };

export const ALLOWED_ORIGINS_SETTING = 'salesforce_integration.allowed_origins';
export const TRUST_ANY_SETTING = 'salesforce_integration.trust_any_salesforce_org';

/** True when `hostname` is some org's Lightning Experience host (lower case, as URL gives it). */
export function isLightningHost(hostname: string): boolean {
    return LIGHTNING_HOST_SUFFIXES.some(
        (suffix) =>
            hostname.endsWith(suffix) &&
            hostname.length > suffix.length &&
            HOST_LABELS.test(hostname.slice(0, -suffix.length))
    );
}

/**
 * The origin itself when `candidate` is exactly what a browser reports as an origin (scheme, host,
 * default or explicit port; no path, user info, upper case or trailing slash), else null.
 */
export function exactOriginOf(candidate: string): string | null {
    let url: URL;
    try {
        url = new URL(candidate);
    } catch {
        return null;
    }
    if (url.origin !== candidate || url.origin === 'null' || url.username || url.password) {
        return null;
    }
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
}

/** The verdict on a well-formed origin: allowed exactly, by the opt-in, or not at all. */
function judge(origin: string, pageProtocol: string, policy: OriginPolicy): OriginDecision {
    if (policy.allowedOrigins.includes(origin)) {
        return { kind: 'accepted', origin, warning: null };
    }
    const url = new URL(origin);
    const lightning =
        url.protocol === 'https:' &&
        pageProtocol === 'https:' &&
        url.port === '' &&
        isLightningHost(url.hostname);
    if (policy.trustAnySalesforceOrg && lightning) {
        return {
            kind: 'accepted',
            origin,
            warning: `${origin} is accepted only because ${TRUST_ANY_SETTING} is true: any Salesforce org can host this Flex. List your org's origins in ${ALLOWED_ORIGINS_SETTING} and turn it off`
        };
    }
    if (policy.allowedOrigins.length === 0 && !policy.trustAnySalesforceOrg) {
        return {
            kind: 'not-allowed',
            origin,
            reason: `no Salesforce origin is configured: add "${origin}" to ${ALLOWED_ORIGINS_SETTING} if it is your org`
        };
    }
    const listed = policy.allowedOrigins.length
        ? `${ALLOWED_ORIGINS_SETTING} (${policy.allowedOrigins.join(', ')})`
        : ALLOWED_ORIGINS_SETTING;
    const opted = policy.trustAnySalesforceOrg
        ? ', and it is not a Lightning Experience host that ' + TRUST_ANY_SETTING + ' accepts'
        : '';
    return {
        kind: 'not-allowed',
        origin,
        reason: `${origin} is not in ${listed}${opted}: add it there if it is your org`
    };
}

export function resolveSalesforceOrigin(page: HostingPage, policy: OriginPolicy): OriginDecision {
    const params = new URLSearchParams(page.search);
    const claimed = params.get('sfdcIframeOrigin');
    const mode = params.get('mode');
    if (!claimed || !mode) {
        return {
            kind: 'not-embedded',
            reason: 'Flex is not running inside a Salesforce softphone (no sfdcIframeOrigin and mode in the address)'
        };
    }
    // The address can be typed or linked; only a parent frame makes it a softphone.
    if (!page.framed || page.ancestorOrigins?.length === 0) {
        return {
            kind: 'not-embedded',
            reason: 'Flex was opened on its own (not inside a frame), so no Salesforce page hosts it'
        };
    }
    if (mode !== 'Lightning') {
        return {
            kind: 'refused',
            reason: `Salesforce ${mode.slice(0, 40)} mode is not supported; use Lightning Experience`
        };
    }
    const origin = exactOriginOf(claimed);
    if (origin === null) {
        return {
            kind: 'refused',
            reason: `the address names ${JSON.stringify(claimed.slice(0, 200))} as the Salesforce page, which is not an origin`
        };
    }
    const parent = page.ancestorOrigins?.[0];
    if (parent !== undefined && parent !== origin) {
        return {
            kind: 'refused',
            reason: `the page embedding Flex (${parent.slice(0, 200)}) is not the one named in sfdcIframeOrigin (${origin})`
        };
    }
    return judge(origin, page.protocol, policy);
}
