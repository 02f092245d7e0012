/*
 * searchAndScreenPop answers a map recordId → {Id, Name, RecordType, …} (open-cti.md). It comes from
 * outside, so every entry is checked; bad entries are dropped, never trusted. A person account
 * becomes its person contact, the record activities are logged against.
 */
import {
    isSalesforceId,
    MAX_CANDIDATES,
    MAX_NAME_LENGTH,
    OBJECT_API_NAME,
    prefixProblem,
    sameRecordId,
    type RecordRef
} from './lmsContract';

function text(value: unknown): string | null {
    return typeof value === 'string' && value.trim()
        ? value.trim().slice(0, MAX_NAME_LENGTH)
        : null;
}

function toCandidate(key: string, value: unknown): RecordRef | null {
    if (typeof value !== 'object' || value === null) {
        return null;
    }
    const record = value as Record<string, unknown>;
    const id = isSalesforceId(record['Id']) ? (record['Id'] as string) : key;
    const type = record['RecordType'];
    if (
        !isSalesforceId(id) ||
        typeof type !== 'string' ||
        !OBJECT_API_NAME.test(type) ||
        prefixProblem(id, type) !== null
    ) {
        return null;
    }
    const name = text(record['Name']) ?? text(record['CaseNumber']) ?? text(record['Subject']);
    const personContact = record['PersonContactId'];
    if (
        record['IsPersonAccount'] === true &&
        isSalesforceId(personContact) &&
        prefixProblem(personContact, 'Contact') === null
    ) {
        return { recordId: personContact, objectApiName: 'Contact', name };
    }
    return { recordId: id, objectApiName: type, name };
}

export function toCandidates(results: unknown): RecordRef[] {
    if (typeof results !== 'object' || results === null || Array.isArray(results)) {
        return [];
    }
    const candidates: RecordRef[] = [];
    for (const [key, value] of Object.entries(results)) {
        const candidate = toCandidate(key, value);
        if (candidate && !candidates.some((c) => sameRecordId(c.recordId, candidate.recordId))) {
            candidates.push(candidate);
        }
        if (candidates.length === MAX_CANDIDATES) {
            break;
        }
    }
    return candidates;
}
