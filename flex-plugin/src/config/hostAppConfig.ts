/*
 * The settings of Flex inside a host web app: Flex `custom_data.host_app_integration`. The same
 * capability settings as Salesforce's block, and the bridge's own: which host pages may embed and
 * drive Flex (exact origins), what they may see and do. Unknown keys are errors, as in the
 * Salesforce block. Documented in docs/configuration.md.
 */
import * as v from 'valibot';
import type { CountryCode } from 'libphonenumber-js/min';
// With extensions: `npm run flex:config` (Node, type stripping) loads this module too.
import { FORWARDABLE_EVENTS, HOST_ACTION_NAMES } from '../host-actions/hostActionTable.ts';
import {
    attributeKey,
    capabilityEntries,
    flag,
    exactOrigin,
    parseSection,
    salesforceDefaults,
    type IntegrationConfig
} from './integrationConfig.ts';

export const HOST_APP_KEY = 'host_app_integration';

export const DEFAULT_HOST_SEARCH_ATTRIBUTES = [
    'hostSearchString',
    'name',
    'from',
    'identity',
    'customerAddress'
] as const;

const milliseconds = (min: number, max: number, byDefault: number) =>
    v.optional(
        v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min), v.maxValue(max)),
        byDefault
    );

const names = <T extends string>(options: readonly T[], what: string) =>
    v.optional(
        v.pipe(
            v.array(v.picklist(options, `must be one of ${options.join(', ')} (${what})`)),
            v.maxLength(options.length)
        ),
        []
    );

const HostAppSchema = v.strictObject({
    ...capabilityEntries(DEFAULT_HOST_SEARCH_ATTRIBUTES),
    /** The agent's Flex activity follows the host's presence (setActivity, presence events). */
    presence_sync: flag(false),
    /** The host pages that may embed and drive Flex, exactly as the browser reports their origin. */
    allowed_host_origins: v.optional(v.pipe(v.array(exactOrigin), v.maxLength(20)), []),
    /** The name agents know the host app by, in what Flex tells them. */
    host_name: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(40)), 'the host app'),
    /** Task attributes the host sees with each interaction. */
    exposed_attributes: v.optional(v.pipe(v.array(attributeKey), v.maxLength(20)), []),
    /** Task attributes the host may set when it asks Flex to call. */
    dial_attributes: v.optional(v.pipe(v.array(attributeKey), v.maxLength(20)), []),
    allowed_actions: names(HOST_ACTION_NAMES, 'Flex actions a host may invoke'),
    forwarded_events: names(FORWARDABLE_EVENTS, 'Flex events a host may receive'),
    request_timeout_ms: milliseconds(1000, 60000, 8000),
    handshake_timeout_ms: milliseconds(1000, 120000, 20000)
});

type HostAppOutput = v.InferOutput<typeof HostAppSchema>;

/** What only the bridge reads. */
export interface HostAppSettings {
    allowedHostOrigins: readonly string[];
    hostName: string;
    exposedAttributes: readonly string[];
    dialAttributes: readonly string[];
    allowedActions: readonly string[];
    forwardedEvents: readonly string[];
    requestTimeoutMs: number;
    handshakeTimeoutMs: number;
}

export type HostAppConfigResult =
    | { kind: 'absent' }
    | { kind: 'invalid'; key: string; problem: string }
    | { kind: 'valid'; config: IntegrationConfig; host: HostAppSettings };

export function parseHostAppConfig(customData: unknown): HostAppConfigResult {
    const parsed = parseSection(customData, HOST_APP_KEY, HostAppSchema);
    if (parsed.kind !== 'valid') {
        return parsed;
    }
    const settings: HostAppOutput = parsed.config;
    const {
        allowed_host_origins,
        host_name,
        exposed_attributes,
        dial_attributes,
        allowed_actions,
        forwarded_events,
        request_timeout_ms,
        handshake_timeout_ms,
        ...capabilities
    } = settings;
    return {
        kind: 'valid',
        // Salesforce's chrome (utility bar, pop-out) does not exist in a host app: the host gets events.
        config: {
            ...salesforceDefaults(),
            ...capabilities,
            default_country: capabilities.default_country as CountryCode,
            utility_bar_status: false,
            prevent_popout_during_call: false
        },
        host: {
            allowedHostOrigins: allowed_host_origins,
            hostName: host_name,
            exposedAttributes: exposed_attributes,
            dialAttributes: dial_attributes,
            allowedActions: allowed_actions,
            forwardedEvents: forwarded_events,
            requestTimeoutMs: request_timeout_ms,
            handshakeTimeoutMs: handshake_timeout_ms
        }
    };
}
