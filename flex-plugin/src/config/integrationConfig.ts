/*
 * The integration's settings: Flex `custom_data.salesforce_integration` (the Configuration API's
 * ui_attributes; `public/appConfig.js` locally). Parsed once at plugin init. A typo in a key is an
 * error, not a silently ignored setting: an admin who writes `screenpop` must find out.
 * Documented in docs/configuration.md.
 */
import * as v from 'valibot';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/min';

export const DEFAULT_SEARCH_ATTRIBUTES = [
    'sfdcSearchString',
    'name',
    'from',
    'identity',
    'customerAddress'
] as const;

/** Open CTI's LMS methods need API 47.0 or later. */
const MIN_API_VERSION = 47;
const CHANNEL_NAME = /^[A-Za-z][A-Za-z0-9_]{0,38}__c$/;
const ATTRIBUTE_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** A custom field's API name, with or without a namespace: Flex_Topics__c, acme__Topics__c. */
const CUSTOM_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,79}__c$/;

/** The custom Activity fields the package ships (force-app/main/default/objects/Activity). */
export const DEFAULT_LOG_FIELDS = {
    task_sid: 'Flex_Task_Sid__c',
    sentiment: 'Flex_Sentiment__c',
    topics: 'Flex_Topics__c'
} as const;

/** Where a copilot or trace value goes on the Task; null leaves it out of the log. */
const logField = (byDefault: string) =>
    v.optional(
        v.nullable(
            v.pipe(
                v.string(),
                v.regex(
                    CUSTOM_FIELD,
                    'must be a custom Activity field API name ending in __c, or null'
                )
            )
        ),
        byDefault
    );

export const flag = (byDefault: boolean) => v.optional(v.boolean(), byDefault);

/** An origin written exactly as the browser reports it: scheme, host and port, nothing else. */
export const exactOrigin = v.pipe(
    v.string(),
    v.check((value) => {
        try {
            const url = new URL(value);
            return url.origin === value && (url.protocol === 'https:' || isLoopback(url.hostname));
        } catch {
            return false;
        }
    }, 'must be an exact https origin such as https://acme--uat.sandbox.lightning.force.com (no path, no trailing slash)')
);

function isLoopback(hostname: string): boolean {
    return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** An attribute name of a Flex task. */
export const attributeKey = v.pipe(
    v.string(),
    v.regex(ATTRIBUTE_KEY, 'must be a task attribute name')
);

const countryCode = v.pipe(
    v.string(),
    v.check(
        (value) => isSupportedCountry(value),
        'must be a two-letter country code such as "US" or "GB"'
    )
);

/** The settings of the capabilities, whichever CRM hosts Flex. */
export function capabilityEntries(searchAttributes: readonly string[]) {
    return {
        enabled: flag(false),
        screen_pop: flag(true),
        click_to_dial: flag(true),
        context_switching: flag(true),
        activity_logging: flag(true),
        copilot_notes: flag(false),
        require_record_choice: flag(false),
        hide_crm_container: flag(true),
        hide_logo: flag(true),
        show_panel_automatically: flag(true),
        default_country: v.optional(countryCode, 'US'),
        search_attributes: v.optional(
            v.pipe(
                v.array(attributeKey),
                v.minLength(1, 'must name at least one task attribute'),
                v.maxLength(10)
            ),
            [...searchAttributes]
        )
    };
}

const ConfigSchema = v.strictObject({
    ...capabilityEntries(DEFAULT_SEARCH_ATTRIBUTES),
    activity_log_fields: v.optional(
        v.strictObject({
            task_sid: logField(DEFAULT_LOG_FIELDS.task_sid),
            sentiment: logField(DEFAULT_LOG_FIELDS.sentiment),
            topics: logField(DEFAULT_LOG_FIELDS.topics)
        }),
        {}
    ),
    prevent_popout_during_call: flag(true),
    /** Flex activity and Omni-Channel status follow each other (Flex Presence Sync utility). */
    presence_sync: flag(false),
    utility_bar_status: flag(true),
    opencti_api_version: v.optional(
        v.pipe(
            v.string(),
            v.regex(/^\d{2,3}\.0$/, 'must look like "67.0"'),
            v.check(
                (value) => Number.parseFloat(value) >= MIN_API_VERSION,
                `must be ${MIN_API_VERSION}.0 or later (Lightning Message Service needs it)`
            )
        ),
        '67.0'
    ),
    opencti_timeout_ms: v.optional(
        v.pipe(
            v.number(),
            v.integer('must be a whole number'),
            v.minValue(1000),
            v.maxValue(60000)
        ),
        10000
    ),
    /** The org's own origins: the only pages that may drive Flex unless the opt-in below is on. */
    allowed_origins: v.optional(v.pipe(v.array(exactOrigin), v.maxLength(20)), []),
    /** Any org's Lightning Experience host instead of the exact list: a warning at every start. */
    trust_any_salesforce_org: flag(false),
    record_selection_channel: v.optional(
        v.pipe(
            v.string(),
            v.regex(CHANNEL_NAME, 'must be a message channel API name ending in __c')
        ),
        'Flex_Record_Selection__c'
    ),
    interaction_channel: v.optional(
        v.pipe(
            v.string(),
            v.regex(CHANNEL_NAME, 'must be a message channel API name ending in __c')
        ),
        'Flex_Interaction__c'
    ),
    presence_channel: v.optional(
        v.pipe(
            v.string(),
            v.regex(CHANNEL_NAME, 'must be a message channel API name ending in __c')
        ),
        'Flex_Presence__c'
    )
});

export type IntegrationConfig = Omit<v.InferOutput<typeof ConfigSchema>, 'default_country'> & {
    default_country: CountryCode;
};

export type ConfigResult =
    | { kind: 'absent' }
    | { kind: 'invalid'; key: string; problem: string }
    | { kind: 'valid'; config: IntegrationConfig };

export const CONFIG_KEY = 'salesforce_integration';

/**
 * Reads `custom_data.salesforce_integration`. Pure: takes Flex's custom_data, returns data.
 * `absent` when the key is missing, `invalid` naming the first bad key.
 */
export function parseIntegrationConfig(customData: unknown): ConfigResult {
    const parsed = parseSection(customData, CONFIG_KEY, ConfigSchema);
    return parsed.kind === 'valid'
        ? { kind: 'valid', config: parsed.config as IntegrationConfig }
        : parsed;
}

/** The settings every capability reads, as Salesforce's defaults give them (for other CRMs). */
export function salesforceDefaults(): IntegrationConfig {
    return v.parse(ConfigSchema, {}) as IntegrationConfig;
}

/** One block of custom_data against its schema: absent, the first bad key, or its settings. */
export function parseSection<S extends v.GenericSchema>(
    customData: unknown,
    key: string,
    schema: S
):
    | { kind: 'absent' }
    | { kind: 'invalid'; key: string; problem: string }
    | { kind: 'valid'; config: v.InferOutput<S> } {
    const section =
        typeof customData === 'object' && customData !== null
            ? (customData as Record<string, unknown>)[key]
            : undefined;
    if (section === undefined || section === null) {
        return { kind: 'absent' };
    }
    if (typeof section !== 'object' || Array.isArray(section)) {
        return { kind: 'invalid', key, problem: 'must be an Object of settings' };
    }
    const result = v.safeParse(schema, section);
    if (result.success) {
        return { kind: 'valid', config: result.output };
    }
    const [issue] = result.issues;
    const path = v.getDotPath(issue);
    return { kind: 'invalid', key: path ? `${key}.${path}` : key, problem: describeIssue(issue) };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
    if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.path?.length) {
        return 'is not a setting of this integration (check the spelling)';
    }
    if (issue.kind === 'schema') {
        return `must be ${issue.expected ?? 'a different type'}, not ${issue.received}`;
    }
    return issue.message;
}
