// The Flex_Interaction__c message for the task the agent is looking at: pure, data in, data out.
import type { ContractError, InteractionMessage, RecordRef } from '../contract/lmsContract';
import { channelOf, customerOf, directionOf, statusOf, type TaskLike } from '../tasks/taskView';

export interface TaskLinkState {
    candidates: RecordRef[];
    selected: RecordRef | null;
    error: ContractError | null;
}

export function interactionMessage(
    task: TaskLike | null,
    state: TaskLinkState | null
): InteractionMessage {
    if (!task) {
        return {
            taskSid: null,
            status: null,
            direction: null,
            channel: null,
            customer: null,
            candidates: [],
            selected: null,
            error: state?.error ?? null
        };
    }
    return {
        taskSid: task.taskSid,
        status: statusOf(task),
        direction: directionOf(task),
        channel: channelOf(task),
        customer: customerOf(task),
        candidates: state?.candidates ?? [],
        selected: state?.selected ?? null,
        error: state?.error ?? null
    };
}
