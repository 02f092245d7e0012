/*
 * What to do with a record choice from the CRM's UI: pure, from the (already checked) choice and
 * the agent's tasks to an action or a refusal with the contract's error code.
 */
import type { ChoiceErrorCode, RecordChoice, RecordRef } from '../crm/crmPort';
import { findLiveTask, shownTask, type FlexSnapshot, type TaskLike } from '../tasks/taskView';

export type SelectionDecision =
    | { kind: 'sync' }
    | { kind: 'select'; task: TaskLike; ref: RecordRef }
    | { kind: 'clear'; task: TaskLike }
    | { kind: 'refuse'; code: ChoiceErrorCode; problem: string; taskSid: string | null };

export function decideSelection(choice: RecordChoice, snapshot: FlexSnapshot): SelectionDecision {
    if (choice.kind === 'invalid') {
        return {
            kind: 'refuse',
            code: choice.code,
            problem: choice.problem,
            taskSid: choice.taskSid
        };
    }
    if (choice.kind === 'sync') {
        return { kind: 'sync' };
    }
    const task = choice.taskSid ? findLiveTask(snapshot, choice.taskSid) : shownTask(snapshot);
    if (!task) {
        return {
            kind: 'refuse',
            code: 'UNKNOWN_TASK',
            problem: choice.taskSid
                ? `task ${choice.taskSid} is not one of this agent's open tasks`
                : 'no task is selected',
            taskSid: choice.taskSid
        };
    }
    return choice.kind === 'clear'
        ? { kind: 'clear', task }
        : { kind: 'select', task, ref: choice.record };
}
