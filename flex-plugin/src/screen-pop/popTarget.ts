/*
 * What to pop for an accepted inbound task, from its attributes alone:
 * a linked record (sfdcObjectId, matching sfdcObjectType when given) → open it; else the first present search attribute, in the
 * configured order (default sfdcSearchString, name, from, identity, customerAddress — the first is
 * Twilio's out-of-box integration's attribute) → search; else nothing.
 */
import { linkedRecordOf } from '../tasks/taskView';

export type PopTarget =
    | { kind: 'record'; recordId: string }
    | { kind: 'search'; searchString: string; attribute: string; phone: string | null }
    | { kind: 'none' };

const MAX_SEARCH_LENGTH = 255;
const PHONE_LIKE = /^\+?[0-9 ().-]{7,}$/;

export function choosePopTarget(
    attributes: Record<string, unknown>,
    searchAttributes: readonly string[]
): PopTarget {
    // A linked ID whose type contradicts it (001… as a Contact) is not a link: search instead.
    const linked = linkedRecordOf(attributes);
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
