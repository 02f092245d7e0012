/*
 * A save's rejection as the outbox keeps it (in storage, and in the agent's view): the adapter's
 * SaveFailure, cleaned so the entry always writes and always reads back; and which of the fields
 * the CRM named the agent may drop to save the rest.
 */
import { failureParts, type ActivityValue, type SaveFailure } from '../crm/crmPort';
import { MAX_FAILURE_CODE, MAX_FAILURE_TEXT } from './storedEntry';

/** The CRM's field errors for one log are a few hundred characters. */
const MAX_DETAILS_CHARS = 10_000;

/**
 * A save's rejection as it is kept: the adapter's SaveFailure, or for anything else (a bug, an
 * error of another kind) a failure worth retrying. Texts clipped, details JSON and small, so the
 * entry always writes and always reads back.
 */
export function failureOf(error: unknown): SaveFailure {
    const { code, description, details } = failureParts(error);
    const permanent = (error as { permanent?: unknown } | null)?.permanent;
    return {
        code: code.slice(0, MAX_FAILURE_CODE),
        description: description.slice(0, MAX_FAILURE_TEXT),
        details: storableDetails(details),
        permanent: permanent === true
    };
}

/** The CRM's error details as stored: JSON, small; too large or not JSON, just the field names. */
function storableDetails(details: unknown): unknown {
    if (details === undefined || details === null) {
        return null;
    }
    let json: string | undefined;
    try {
        json = JSON.stringify(details);
    } catch {
        json = undefined;
    }
    if (json !== undefined && json.length <= MAX_DETAILS_CHARS) {
        return JSON.parse(json) as unknown;
    }
    if (!Array.isArray(details)) {
        return null;
    }
    return details
        .map((detail: unknown) =>
            typeof detail === 'object' && detail !== null
                ? (detail as { fieldName?: unknown }).fieldName
                : undefined
        )
        .filter((name): name is string => typeof name === 'string' && name.length <= 80)
        .slice(0, 50)
        .map((fieldName) => ({ fieldName }));
}

/** The fields the CRM named in its refusal that the log could be saved without. */
export function droppableFields(
    failure: SaveFailure | null,
    value: ActivityValue,
    requiredFields: readonly string[]
): string[] {
    if (!failure?.permanent || !Array.isArray(failure.details)) {
        return [];
    }
    const named = failure.details
        .map((detail: unknown) =>
            typeof detail === 'object' && detail !== null
                ? (detail as { fieldName?: unknown }).fieldName
                : undefined
        )
        .filter((name): name is string => typeof name === 'string');
    return [...new Set(named)].filter(
        (name) =>
            Object.prototype.hasOwnProperty.call(value, name) && !requiredFields.includes(name)
    );
}
