/*
 * What to pop for an accepted inbound task, from its attributes alone:
 * a linked record (as the CRM's link attributes say) → open it; else the first present search attribute, in the
 * configured order (default sfdcSearchString, name, from, identity, customerAddress — the first is
 * Twilio's out-of-box integration's attribute) → search; else nothing.
 */
import type { RecordRef } from '../crm/crmPort';

export type PopTarget =
    | { kind: 'record'; recordId: string }
    | { kind: 'search'; searchString: string; attribute: string; phone: string | null }
    | { kind: 'none' };

const MAX_SEARCH_LENGTH = 255;
const PHONE_LIKE = /^\+?[0-9 ().-]{7,}$/;

/** `linked`: the record the task's attributes link, as the CRM reads them (null: none). */
export function choosePopTarget(
    attributes: Record<string, unknown>,
    searchAttributes: readonly string[],
    linked: RecordRef | null
): PopTarget {
    if (linked) {
        return { kind: 'record', recordId: linked.recordId };
    }
    for (const attribute of searchAttributes) {
        const value = attributes[attribute];
        if (typeof value === 'string' && value.trim()) {
            const searchString = value.trim().slice(0, MAX_SEARCH_LENGTH);
            const from = attributes['from'];
            return {
                kind: 'search',
                searchString,
                attribute,
                // Prefills the new-record form when Salesforce finds nobody: the caller's number.
                phone: typeof from === 'string' && PHONE_LIKE.test(from.trim()) ? from.trim() : null
            };
        }
    }
    return { kind: 'none' };
}
