/*
 * A Flex_Record_Selection__c message, checked against the LMS contract and turned into the port's
 * record choice. Anything on the channel may be forged: any component in the org can publish on
 * an exposed channel. Pure.
 */
import type { RecordChoice } from '../../crm/crmPort';
import { TASK_SID, validateSelectionMessage } from './lmsContract';

/** A valid message is a few hundred bytes; anything far larger is refused before parsing. */
export const MAX_MESSAGE_BYTES = 4096;

function sizeOf(message: unknown): number {
    try {
        return JSON.stringify(message)?.length ?? 0;
    } catch {
        return Number.POSITIVE_INFINITY;
    }
}

export function choiceOf(message: unknown): RecordChoice {
    if (sizeOf(message) > MAX_MESSAGE_BYTES) {
        return {
            kind: 'invalid',
            code: 'INVALID_MESSAGE',
            problem: 'message too large',
            taskSid: null
        };
    }
    const validation = validateSelectionMessage(message);
    if (!validation.ok) {
        const claimedTask = (message as { taskSid?: unknown } | null)?.taskSid;
        return {
            kind: 'invalid',
            code: validation.code,
            problem: validation.error,
            taskSid:
                typeof claimedTask === 'string' && TASK_SID.test(claimedTask) ? claimedTask : null
        };
    }
    const selection = validation.value;
    switch (selection.action) {
        case 'sync':
            return { kind: 'sync' };
        case 'clear':
            return { kind: 'clear', taskSid: selection.taskSid };
        default:
            return {
                kind: 'select',
                taskSid: selection.taskSid,
                record: {
                    recordId: selection.recordId as string,
                    objectApiName: selection.objectApiName as string,
                    name: selection.recordName
                }
            };
    }
}
