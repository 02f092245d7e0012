/*
 * Record selection: the CRM's own UI (in Salesforce, the record picker over Lightning Message
 * Service) sends record choices; this plugin checks each against the agent's tasks, links the
 * record to the task and answers with the interaction state both sides show.
 */
import { Actions } from '@twilio/flex-ui';
import { formatAgentString, type AgentStringKey } from '../agent-messages/agentMessages';
import type { ChoiceError, ChoiceErrorCode, RecordChoice, RecordRef } from '../crm/crmPort';
import { guarded, type IntegrationContext } from '../integration/context';
import { writeLink } from '../tasks/linkWriter';
import { TASK_END_EVENTS } from '../tasks/taskLinks';
import { shownTask, type TaskLike } from '../tasks/taskView';
import { interactionState } from './interactionMessage';
import { decideSelection } from './selectionDecision';

const REFUSAL_TEXT: Record<ChoiceErrorCode, AgentStringKey> = {
    INVALID_MESSAGE: 'CrmSelectionInvalid',
    INVALID_RECORD_ID: 'CrmSelectionBadId',
    UNKNOWN_TASK: 'CrmSelectionUnknownTask',
    ATTRIBUTE_WRITE_FAILED: 'CrmLinkFailed'
};

const TASK_EVENTS = ['taskReceived', 'taskAccepted', 'taskUpdated', 'taskWrapup'] as const;

export interface RecordSelection {
    /** Publishes the shown task's state; `force` even when unchanged (answers `sync`). */
    publishShown(options?: { force?: boolean; error?: ChoiceError }): Promise<void>;
    /** Links (or with null unlinks) a record, from the picker or the task-canvas chooser. */
    applySelection(task: TaskLike, ref: RecordRef | null): Promise<boolean>;
    /** The refusal the picker shows, in the agent's language. */
    errorFor(code: ChoiceErrorCode, noTask?: boolean): ChoiceError;
}

export function createRecordSelection(context: IntegrationContext): RecordSelection {
    const { crm, links, log, manager } = context;
    let lastPublished = '';

    const errorFor = (code: ChoiceErrorCode, noTask = false): ChoiceError => ({
        code,
        message: formatAgentString(
            manager.strings as unknown as Record<string, string>,
            noTask ? 'CrmSelectionNoTask' : REFUSAL_TEXT[code]
        )
    });

    async function publishShown(
        options: { force?: boolean; error?: ChoiceError } = {}
    ): Promise<void> {
        const task = shownTask(context.snapshot());
        const message = interactionState(task, {
            candidates: task ? links.candidates(task.taskSid) : [],
            selected: task ? links.selected(task) : null,
            error: options.error ?? null
        });
        const serialised = JSON.stringify(message);
        if (!options.force && !options.error && serialised === lastPublished) {
            return;
        }
        lastPublished = options.error ? '' : serialised;
        try {
            await crm.publishInteraction(message);
        } catch (error) {
            lastPublished = '';
            log.warn(`could not tell ${crm.name} about the interaction`, error);
        }
    }

    async function applySelection(task: TaskLike, ref: RecordRef | null): Promise<boolean> {
        links.choose(task.taskSid, ref);
        try {
            await writeLink(task, ref, crm.linkAttributes(ref), links);
        } catch (error) {
            log.error(`could not write the record link on task ${task.taskSid}`, error);
            context.notify('CrmLinkFailed');
            await publishShown({ error: errorFor('ATTRIBUTE_WRITE_FAILED') });
            return false;
        }
        await publishShown();
        return true;
    }

    return { publishShown, applySelection, errorFor };
}

/** Listens for the CRM's record choices and keeps its view of the interaction up to date. */
export async function registerRecordSelection(
    context: IntegrationContext,
    selection: RecordSelection
): Promise<void> {
    const { crm, log, manager } = context;

    const onSelection = guarded(log, 'record selection', async (choice: RecordChoice) => {
        const decision = decideSelection(choice, context.snapshot());
        switch (decision.kind) {
            case 'sync':
                return selection.publishShown({ force: true });
            case 'select':
                return selection.applySelection(decision.task, decision.ref);
            case 'clear':
                return selection.applySelection(decision.task, null);
            case 'refuse': {
                log.warn(`refused a record selection (${decision.code}): ${decision.problem}`);
                const noTask = decision.code === 'UNKNOWN_TASK' && decision.taskSid === null;
                return selection.publishShown({ error: selection.errorFor(decision.code, noTask) });
            }
        }
    });

    const onTaskChange = guarded(log, 'interaction update', () => selection.publishShown());
    // The links release the task's state themselves, after this has read it.
    const onTaskEnd = guarded(log, 'interaction end', () => selection.publishShown());

    for (const event of TASK_EVENTS) {
        manager.events.addListener(event, onTaskChange);
        context.onStop(() => manager.events.removeListener(event, onTaskChange));
    }
    for (const event of TASK_END_EVENTS) {
        manager.events.addListener(event, onTaskEnd);
        context.onStop(() => manager.events.removeListener(event, onTaskEnd));
    }
    Actions.addListener('afterSelectTask', onTaskChange);
    context.onStop(() => Actions.removeListener('afterSelectTask', onTaskChange));

    const unsubscribe = await crm.onRecordChoice(onSelection);
    context.onStop(unsubscribe);
    await selection.publishShown({ force: true });
}
