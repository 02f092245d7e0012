/*
 * Which way into the CRM this Flex takes, from what its configuration turns on and where it runs.
 * An Open CTI softphone (Salesforce launched it: `sfdcIframeOrigin` in its address) stays on Open
 * CTI even when the same Lightning origin is also a host app, so an org can move app by app from
 * the Open CTI softphone to the softphone component with both blocks on. Pure.
 */
export type TransportChoice = 'salesforce' | 'host-app' | 'none';

export function transportChoice(facts: {
    salesforceOn: boolean;
    hostAppOn: boolean;
    allowedHostOrigins: readonly string[];
    /** The origin of the page that frames Flex, or null when it is not framed. */
    framedBy: string | null;
    /** Salesforce's Open CTI launched this Flex (its adapter URL parameters are there). */
    launchedByOpenCti: boolean;
}): TransportChoice {
    const { salesforceOn, hostAppOn, allowedHostOrigins, framedBy, launchedByOpenCti } = facts;
    if (salesforceOn && launchedByOpenCti) return 'salesforce';
    if (
        hostAppOn &&
        (!salesforceOn || (framedBy !== null && allowedHostOrigins.includes(framedBy)))
    ) {
        return 'host-app';
    }
    return salesforceOn ? 'salesforce' : 'none';
}

/** Salesforce appends `sfdcIframeOrigin` (and `mode`) to a call center's adapter URL. */
export function launchedByOpenCti(search: string): boolean {
    return new URLSearchParams(search).has('sfdcIframeOrigin');
}
