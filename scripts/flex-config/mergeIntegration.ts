// The change the configuration command makes, as pure functions. The Flex Configuration API
// replaces every top-level property a POST names, so the integration's block is set inside the
// whole ui_attributes read just before: every other key of ui_attributes and of custom_data is
// sent back exactly as it was.
import { HOST_APP_KEY, parseHostAppConfig } from '../../flex-plugin/src/config/hostAppConfig.ts';
import {
    CONFIG_KEY,
    parseIntegrationConfig
} from '../../flex-plugin/src/config/integrationConfig.ts';

/** The two blocks of custom_data the plugin reads: Salesforce's, and a host web app's. */
export type BlockKey = typeof CONFIG_KEY | typeof HOST_APP_KEY;
export const BLOCK_KEYS: readonly BlockKey[] = [CONFIG_KEY, HOST_APP_KEY];

/** The block checked with the plugin's own parser for it. */
function parseBlock(block: unknown, key: BlockKey) {
    return key === HOST_APP_KEY
        ? parseHostAppConfig({ [key]: block })
        : parseIntegrationConfig({ [key]: block });
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface Change {
    path: string;
    kind: 'added' | 'removed' | 'changed';
    before?: Json;
    after?: Json;
}

export type MergeResult =
    { ok: true; uiAttributes: JsonObject; changes: Change[] } | { ok: false; problem: string };

const isObject = (value: unknown): value is JsonObject =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the plugin would refuse in the block, or null when it would take it. */
export function blockProblem(block: unknown, key: BlockKey = CONFIG_KEY): string | null {
    const checked = parseBlock(block, key);
    if (checked.kind === 'absent') {
        return `the file holds no ${key} settings`;
    }
    return checked.kind === 'invalid' ? `the setting ${checked.key} ${checked.problem}` : null;
}

/**
 * What a valid block still gets wrong for an install: no org allowed to host Flex (the integration
 * stays off everywhere), or the opt-in that lets any org host it.
 */
export function blockWarnings(block: unknown, key: BlockKey = CONFIG_KEY): string[] {
    if (key === HOST_APP_KEY) {
        const host = parseHostAppConfig({ [key]: block });
        return host.kind === 'valid' &&
            host.config.enabled &&
            host.host.allowedHostOrigins.length === 0
            ? [
                  'allowed_host_origins is empty: no web app can connect to Flex. Add your app\'s origin, e.g. "https://crm.acme.com".'
              ]
            : [];
    }
    const checked = parseIntegrationConfig({ [CONFIG_KEY]: block });
    if (checked.kind !== 'valid' || !checked.config.enabled) {
        return [];
    }
    const { allowed_origins: origins, trust_any_salesforce_org: anyOrg } = checked.config;
    if (anyOrg) {
        return [
            'trust_any_salesforce_org is true: any Salesforce org could host this Flex. List your org origins in allowed_origins and remove it.'
        ];
    }
    return origins.length === 0
        ? [
              'allowed_origins is empty: the integration stays off in every org. Add your Lightning origins, e.g. "https://acme.lightning.force.com".'
          ]
        : [];
}

/**
 * Why Flex, with the block it has, would not talk to a CRM at `origin` (null when it would): the
 * block missing, invalid or off, or the origin not in its list. What a release's smoke test
 * checks for the test Flex account.
 */
export function originProblem(block: unknown, key: BlockKey, origin: string): string | null {
    if (block === undefined || block === null) return `Flex has no custom_data.${key}`;
    const problem = blockProblem(block, key);
    if (problem) return `custom_data.${key} is refused by the plugin: ${problem}`;
    if (key === HOST_APP_KEY) {
        const host = parseHostAppConfig({ [key]: block });
        if (host.kind !== 'valid' || !host.config.enabled) return `${key}.enabled is not true`;
        return host.host.allowedHostOrigins.includes(origin)
            ? null
            : `${origin} is not in ${key}.allowed_host_origins`;
    }
    const checked = parseIntegrationConfig({ [CONFIG_KEY]: block });
    if (checked.kind !== 'valid' || !checked.config.enabled) return `${key}.enabled is not true`;
    return checked.config.allowed_origins.includes(origin) ||
        checked.config.trust_any_salesforce_org
        ? null
        : `${origin} is not in ${key}.allowed_origins`;
}

/**
 * ui_attributes with `custom_data.<key>` replaced by block (the whole block: a key left out of it
 * goes back to its default), after checking the block as the plugin will.
 */
export function mergeIntegration(
    uiAttributes: unknown,
    block: unknown,
    key: BlockKey = CONFIG_KEY
): MergeResult {
    if (uiAttributes !== undefined && uiAttributes !== null && !isObject(uiAttributes)) {
        return { ok: false, problem: 'the current ui_attributes is not a JSON object' };
    }
    const current: JsonObject = structuredClone(uiAttributes ?? {}) as JsonObject;
    const customData = current.custom_data ?? {};
    if (!isObject(customData)) {
        return { ok: false, problem: 'the current ui_attributes.custom_data is not a JSON object' };
    }
    const problem = blockProblem(block, key);
    if (problem) {
        return { ok: false, problem };
    }
    const merged: JsonObject = {
        ...current,
        custom_data: { ...customData, [key]: structuredClone(block) as Json }
    };
    return { ok: true, uiAttributes: merged, changes: diff(uiAttributes ?? {}, merged) };
}

/** Every leaf that differs between two JSON values, by dotted path. */
export function diff(before: unknown, after: unknown, path = ''): Change[] {
    if (isObject(before) && isObject(after)) {
        const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
        return keys.flatMap((key) => {
            const at = path ? `${path}.${key}` : key;
            if (!(key in after)) {
                return [{ path: at, kind: 'removed', before: before[key] } satisfies Change];
            }
            if (!(key in before)) {
                return [{ path: at, kind: 'added', after: after[key] } satisfies Change];
            }
            return diff(before[key], after[key], at);
        });
    }
    return JSON.stringify(before) === JSON.stringify(after)
        ? []
        : [{ path, kind: 'changed', before: before as Json, after: after as Json }];
}

/** The changes as a reviewer reads them: one line each, `+` added, `-` removed, `~` changed. */
export function formatChanges(changes: Change[]): string {
    if (changes.length === 0) {
        return 'No change: the Flex configuration already holds these settings.';
    }
    const show = (value: Json | undefined) => JSON.stringify(value);
    return changes
        .map((change) => {
            switch (change.kind) {
                case 'added':
                    return `+ ${change.path}: ${show(change.after)}`;
                case 'removed':
                    return `- ${change.path}: ${show(change.before)}`;
                default:
                    return `~ ${change.path}: ${show(change.before)} → ${show(change.after)}`;
            }
        })
        .join('\n');
}

/**
 * What differs between the ui_attributes sent and those stored after the write: changes inside the
 * integration's block (must be none) and the paths of other settings that changed.
 */
export function changesAfterWrite(
    sent: unknown,
    stored: unknown,
    key: BlockKey = CONFIG_KEY
): { block: Change[]; others: string[] } {
    const prefix = `custom_data.${key}`;
    const inBlock = (change: Change) =>
        change.path === prefix || change.path.startsWith(`${prefix}.`);
    const changes = diff(sent ?? {}, stored ?? {});
    return {
        block: changes.filter(inBlock),
        others: changes.filter((change) => !inBlock(change)).map((change) => change.path)
    };
}
