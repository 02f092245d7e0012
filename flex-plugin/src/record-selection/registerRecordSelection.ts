/*
 * Record selection over Lightning Message Service (through Open CTI):
 * the record picker publishes Flex_Record_Selection__c; this plugin checks each message, links the
 * record to the task and answers on Flex_Interaction__c with the state both sides show.
 */
import { Actions } from '@twilio/flex-ui';
import { formatAgentString, type AgentStringKey } from '../agent-messages/agentMessages';
import {
    validateInteractionMessage,
    type ContractError,
    type RecordRef,
    type SelectionErrorCode
} from '../contract/lmsContract';
import { guarded, type IntegrationContext } from '../integration/context';
import { writeLink } from '../tasks/linkWriter';
import { shownTask, type TaskLike } from '../tasks/taskView';
import { interactionMessage } from './interactionMessage';
import { decideSelection } from './selectionDecision';

const REFUSAL_TEXT: Record<SelectionErrorCode, AgentStringKey> = {
    INVALID_MESSAGE: 'SfSelectionInvalid',
    INVALID_RECORD_ID: 'SfSelectionBadId',
    UNKNOWN_TASK: 'SfSelectionUnknownTask',
    ATTRIBUTE_WRITE_FAILED: 'SfLinkFailed'
};

const TASK_EVENTS = ['taskReceived', 'taskAccepted', 'taskUpdated', 'taskWrapup'] as const;
const TASK_END_EVENTS = [
    'taskCompleted',
    'taskCanceled',
    'taskRescinded',
    'taskTimeout',
    'taskRejected'
] as const;

export interface RecordSelection {
    /** Publishes the shown task's state; `force` even when unchanged (answers `sync`). */
    publishShown(options?: { force?: boolean; error?: ContractError }): Promise<void>;
    /** Links (or with null unlinks) a record, from the picker or the task-canvas chooser. */
    applySelection(task: TaskLike, ref: RecordRef | null): Promise<boolean>;
    /** The refusal the picker shows, in the agent's language. */
    errorFor(code: SelectionErrorCode, noTask?: boolean): ContractError;
}

export function createRecordSelection(context: IntegrationContext): RecordSelection {
    const { openCti, links, log, manager, config } = context;
    let lastPublished = '';

    const errorFor = (code: SelectionErrorCode, noTask = false): ContractError => ({
        code,
        message: formatAgentString(
            manager.strings as unknown as Record<string, string>,
            noTask ? 'SfSelectionNoTask' : REFUSAL_TEXT[code]
        )
    });

    async function publishShown(
        options: { force?: boolean; error?: ContractError } = {}
    ): Promise<void> {
        const task = shownTask(context.snapshot());
        const message = interactionMessage(task, {
            candidates: task ? links.candidates(task.taskSid) : [],
            selected: task ? links.selected(task) : null,
            error: options.error ?? null
        });
        const validation = validateInteractionMessage(message);
        if (!validation.ok) {
            log.error(
                `not publishing an interaction message that breaks the contract: ${validation.error}`
            );
            return;
        }
        const serialised = JSON.stringify(message);
        if (!options.force && !options.error && serialised === lastPublished) {
            return;
        }
        lastPublished = options.error ? '' : serialised;
        try {
            await openCti.publish(config.interaction_channel, message);
        } catch (error) {
            lastPublished = '';
            log.warn(`could not publish on ${config.interaction_channel}`, error);
        }
    }

    async function applySelection(task: TaskLike, ref: RecordRef | null): Promise<boolean> {
        links.choose(task.taskSid, ref);
        try {
            await writeLink(task, ref, links);
        } catch (error) {
            log.error(`could not write the record link on task ${task.taskSid}`, error);
            context.notify('SfLinkFailed');
            await publishShown({ error: errorFor('ATTRIBUTE_WRITE_FAILED') });
            return false;
        }
        await publishShown();
        return true;
    }

    return { publishShown, applySelection, errorFor };
}

/** Subscribes to the selection channel and keeps the interaction channel up to date. */
export async function registerRecordSelection(
    context: IntegrationContext,
    selection: RecordSelection
): Promise<void> {
    const { openCti, links, log, manager, config } = context;

    const onSelection = guarded(log, 'record selection', async (message: unknown) => {
        const decision = decideSelection(message, context.snapshot());
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
    const onTaskEnd = guarded(log, 'interaction end', async (task: TaskLike | undefined) => {
        await selection.publishShown();
        if (task?.taskSid) {
            links.release(task.taskSid);
        }
    });

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

    const subscription = await openCti.subscribe(config.record_selection_channel, onSelection);
    context.onStop(() => {
        openCti.unsubscribe(subscription).catch(() => undefined);
    });
    await selection.publishShown({ force: true });
}
