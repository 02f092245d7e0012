/*
 * Screen pop on an accepted inbound task, the record chooser when the search finds several
 * records, and context switching (selecting another task re-pops its record).
 */
import * as React from 'react';
import { Actions, TaskCanvas } from '@twilio/flex-ui';
import { describeError, guarded, type IntegrationContext } from '../integration/context';
import type { RecordSelection } from '../record-selection/registerRecordSelection';
import {
    directionOf,
    isLive,
    taskOfPayload,
    type TaskActionPayload,
    type TaskLike
} from '../tasks/taskView';
import { choosePopTarget } from './popTarget';
import { RecordChooser } from './RecordChooser';

export async function popForTask(
    context: IntegrationContext,
    selection: RecordSelection,
    task: TaskLike
): Promise<void> {
    const { crm, config, links } = context;
    const target = choosePopTarget(
        task.attributes,
        config.search_attributes,
        crm.linkedRecord(task.attributes)
    );
    try {
        if (target.kind === 'record') {
            await crm.openRecord(target.recordId);
            return;
        }
        if (target.kind === 'none') {
            return;
        }
        const candidates = await crm.searchRecords({
            query: target.searchString,
            phone: target.phone,
            task
        });
        if (candidates.length === 1 && candidates[0]) {
            await selection.applySelection(task, candidates[0]);
        } else if (candidates.length > 1) {
            links.setCandidates(task.taskSid, candidates);
            await selection.publishShown();
        }
    } catch (error) {
        context.log.warn(`screen pop for task ${task.taskSid} failed`, error);
        context.notify('CrmScreenPopFailed', { reason: describeError(error) });
    }
}

const CHOOSER_KEY = 'salesforce-record-chooser';

export function registerScreenPop(context: IntegrationContext, selection: RecordSelection): void {
    const { config, log } = context;

    // In every task canvas; it renders only while a task has several candidates.
    TaskCanvas.Content.add(
        React.createElement(RecordChooser, {
            key: CHOOSER_KEY,
            links: context.links,
            strings: context.manager.strings as unknown as Record<string, string>,
            choose: selection.applySelection,
            sameRecord: (a: string, b: string) => context.crm.sameRecord(a, b)
        }),
        { sortOrder: -1 }
    );
    context.onStop(() => TaskCanvas.Content.remove(CHOOSER_KEY));

    const onAccepted = guarded(log, 'screen pop', async (payload: TaskActionPayload) => {
        const task = taskOfPayload(context.snapshot(), payload);
        if (task && directionOf(task) !== 'outbound') {
            await popForTask(context, selection, task);
        }
    });
    Actions.addListener('afterAcceptTask', onAccepted);
    context.onStop(() => Actions.removeListener('afterAcceptTask', onAccepted));

    if (config.context_switching) {
        let lastSelected: string | null = null;
        const onSelected = guarded(log, 'context switching', async (payload: TaskActionPayload) => {
            const task = taskOfPayload(context.snapshot(), payload);
            if (!task || !isLive(task) || task.taskSid === lastSelected) {
                return;
            }
            lastSelected = task.taskSid;
            const linked = context.links.selected(task);
            if (linked) {
                await context.crm.openRecord(linked.recordId).catch((error: unknown) => {
                    log.warn(`re-pop of ${linked.recordId} failed`, error);
                });
            }
        });
        Actions.addListener('afterSelectTask', onSelected);
        context.onStop(() => Actions.removeListener('afterSelectTask', onSelected));
    }
}
