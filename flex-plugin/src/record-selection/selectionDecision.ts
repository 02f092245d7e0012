/*
 * What to do with a Flex_Record_Selection__c message: pure, from the raw message and the agent's
 * tasks to an action or a refusal (with the contract's error code). Anything on the channel may be
 * forged: any component in the org can publish on an exposed channel.
 */
import {
    TASK_SID,
    validateSelectionMessage,
    type RecordRef,
    type SelectionErrorCode
} from '../contract/lmsContract';
import { findLiveTask, shownTask, type FlexSnapshot, type TaskLike } from '../tasks/taskView';

/** A valid message is a few hundred bytes; anything far larger is refused before parsing. */
export const MAX_MESSAGE_BYTES = 4096;

export type SelectionDecision =
    | { kind: 'sync' }
    | { kind: 'select'; task: TaskLike; ref: RecordRef }
    | { kind: 'clear'; task: TaskLike }
    | { kind: 'refuse'; code: SelectionErrorCode; problem: string; taskSid: string | null };

function sizeOf(message: unknown): number {
    try {
        return JSON.stringify(message)?.length ?? 0;
    } catch {
        return Number.POSITIVE_INFINITY;
    }
}

export function decideSelection(message: unknown, snapshot: FlexSnapshot): SelectionDecision {
    if (sizeOf(message) > MAX_MESSAGE_BYTES) {
        return {
            kind: 'refuse',
            code: 'INVALID_MESSAGE',
            problem: 'message too large',
            taskSid: null
        };
    }
    const validation = validateSelectionMessage(message);
    if (!validation.ok) {
        const claimedTask = (message as { taskSid?: unknown } | null)?.taskSid;
        return {
            kind: 'refuse',
            code: validation.code,
            problem: validation.error,
            taskSid:
                typeof claimedTask === 'string' && TASK_SID.test(claimedTask) ? claimedTask : null
        };
    }
    const selection = validation.value;
    if (selection.action === 'sync') {
        return { kind: 'sync' };
    }
    const task = selection.taskSid
        ? findLiveTask(snapshot, selection.taskSid)
        : shownTask(snapshot);
    if (!task) {
        return {
            kind: 'refuse',
            code: 'UNKNOWN_TASK',
            problem: selection.taskSid
                ? `task ${selection.taskSid} is not one of this agent's open tasks`
                : 'no task is selected',
            taskSid: selection.taskSid
        };
    }
    if (selection.action === 'clear') {
        return { kind: 'clear', task };
    }
    return {
        kind: 'select',
        task,
        ref: {
            recordId: selection.recordId as string,
            objectApiName: selection.objectApiName as string,
            name: selection.recordName
        }
    };
}
