// The interaction state for the task the agent is looking at: pure, data in, data out.
import type { ChoiceError, InteractionState, RecordRef } from '../crm/crmPort';
import { channelOf, customerOf, directionOf, statusOf, type TaskLike } from '../tasks/taskView';

export interface TaskLinkState {
    candidates: RecordRef[];
    selected: RecordRef | null;
    error: ChoiceError | null;
}

export function interactionState(
    task: TaskLike | null,
    state: TaskLinkState | null
): InteractionState {
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
        customer: customerOf(task, state?.selected ?? null),
        candidates: state?.candidates ?? [],
        selected: state?.selected ?? null,
        error: state?.error ?? null
    };
}
