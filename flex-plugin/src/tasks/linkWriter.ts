/*
 * Writes the record link onto a task: only this plugin's keys, through Flex's SetTaskAttributes with
 * mergeExisting, so they are merged onto the freshest attributes Flex holds for the task.
 *
 * The race that remains (documented in docs/configuration.md#task-attributes): TaskRouter replaces the
 * whole attribute object on update and the Flex SDK has no conditional write, so a key another writer
 * (a Studio flow, a supervisor, another plugin) changed after Flex's last update and before ours can
 * be overwritten. The window is one round trip; closing it needs a server-side If-Match write.
 */
import { Actions, type ITask } from '@twilio/flex-ui';
import type { RecordRef } from '../contract/lmsContract';
import type { TaskLinks } from './taskLinks';
import type { TaskLike } from './taskView';

export const PLUGIN_ATTRIBUTE_KEYS = ['sfdcObjectId', 'sfdcObjectType', 'sfdcObjectName'] as const;

export type LinkAttributes = Record<(typeof PLUGIN_ATTRIBUTE_KEYS)[number], string | null>;

/** The attributes that say "this task is about that record" (all null to unlink). */
export function linkAttributes(ref: RecordRef | null): LinkAttributes {
    return {
        sfdcObjectId: ref?.recordId ?? null,
        sfdcObjectType: ref?.objectApiName ?? null,
        sfdcObjectName: ref?.name ?? null
    };
}

export async function writeLink(
    task: TaskLike,
    ref: RecordRef | null,
    links: TaskLinks
): Promise<void> {
    // The task object itself (in production the ITask from Flex's store), so Flex needs no lookup.
    await Actions.invokeAction('SetTaskAttributes', {
        task: task as unknown as ITask,
        attributes: linkAttributes(ref),
        mergeExisting: true
    });
    links.setWritten(task.taskSid, ref);
}
