/*
 * Salesforce's refusal of a saveLog, as the port's SaveFailure: field errors and request errors
 * (INVALID_PARAM, CLIENT_ERROR) cannot succeed by sending the same value again, so they are kept
 * for the agent rather than retried on their own; anything else (a timeout, a busy server) is.
 */
import { failureParts, type SaveFailure } from '../../crm/crmPort';

/** Codes that mean the request itself is wrong: sending it again gives the same answer. */
const PERMANENT_CODES = new Set(['INVALID_PARAM', 'CLIENT_ERROR']);

export function saveFailureOf(error: unknown): SaveFailure {
    const { code, description, details } = failureParts(error);
    const fieldErrors = Array.isArray(details) && details.length > 0;
    return { code, description, details, permanent: fieldErrors || PERMANENT_CODES.has(code) };
}
