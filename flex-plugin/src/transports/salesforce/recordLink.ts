/*
 * How a Flex task names its Salesforce record: `sfdcObjectId`, `sfdcObjectType`, `sfdcObjectName`,
 * the attributes Twilio's own Salesforce integration and Studio flows use, so existing tasks and
 * flows keep working (docs/configuration.md#task-attributes). Pure.
 */
import type { RecordRef } from '../../crm/crmPort';
import {
    isSalesforceId,
    MAX_NAME_LENGTH,
    OBJECT_API_NAME,
    prefixProblem,
    STANDARD_KEY_PREFIXES
} from './lmsContract';

export const LINK_ATTRIBUTE_KEYS = ['sfdcObjectId', 'sfdcObjectType', 'sfdcObjectName'] as const;

export type LinkAttributes = Record<(typeof LINK_ATTRIBUTE_KEYS)[number], string | null>;

/** The attributes that say "this task is about that record" (all null to unlink). */
export function linkAttributes(ref: RecordRef | null): LinkAttributes {
    return {
        sfdcObjectId: ref?.recordId ?? null,
        sfdcObjectType: ref?.objectApiName ?? null,
        sfdcObjectName: ref?.name ?? null
    };
}

/** The record the attributes link, or null; a type that contradicts the ID links nothing. */
export function linkedRecordOf(attributes: Record<string, unknown>): RecordRef | null {
    const recordId = attributes['sfdcObjectId'];
    if (!isSalesforceId(recordId)) {
        return null;
    }
    const type = attributes['sfdcObjectType'];
    const name = attributes['sfdcObjectName'];
    const objectApiName =
        typeof type === 'string' && OBJECT_API_NAME.test(type) ? type : objectFromPrefix(recordId);
    // A type that contradicts the ID (001… as a Contact) is wrong data: link nothing.
    if (prefixProblem(recordId, objectApiName) !== null) {
        return null;
    }
    return {
        recordId,
        objectApiName,
        name: typeof name === 'string' && name ? name.slice(0, MAX_NAME_LENGTH) : null
    };
}

/** Best effort for attributes written by others (e.g. Studio) without a type: the standard prefixes. */
function objectFromPrefix(recordId: string): string {
    const prefix = recordId.slice(0, 3);
    const owner = Object.entries(STANDARD_KEY_PREFIXES).find(([, each]) => each === prefix);
    return owner ? owner[0] : 'Unknown';
}
