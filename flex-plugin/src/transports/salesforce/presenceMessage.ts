/*
 * Flex_Presence__c as the port's presence requests: a message from the Flex Presence Sync utility,
 * checked against the contract. Flex's own flexActivity messages (LMS delivers them to every
 * subscriber) are not requests. Pure.
 */
import type { PresenceRequest } from '../../crm/crmPort';
import { validatePresenceMessage } from './lmsContract';

/** The request a message carries, or null for one that is not a request to Flex. */
export function presenceRequestOf(message: unknown): PresenceRequest | null {
    const validation = validatePresenceMessage(message);
    if (!validation.ok) {
        return { kind: 'invalid', problem: validation.error };
    }
    const { type, activity, basedOn } = validation.value;
    if (type === 'queryFlexActivity') {
        return { kind: 'query' };
    }
    return type === 'setFlexActivity' && activity !== null
        ? { kind: 'set', activity, basedOn }
        : null;
}
