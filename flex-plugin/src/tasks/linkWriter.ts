/*
 * Writes the record link onto a task: only the CRM's link keys, through Flex's SetTaskAttributes with
 * mergeExisting, so they are merged onto the freshest attributes Flex holds for the task.
 *
 * The race that remains (documented in docs/configuration.md#task-attributes): TaskRouter replaces the
 * whole attribute object on update and the Flex SDK has no conditional write, so a key another writer
 * (a Studio flow, a supervisor, another plugin) changed after Flex's last update and before ours can
 * be overwritten. The window is one round trip; closing it needs a server-side If-Match write.
 */
import { Actions, type ITask } from '@twilio/flex-ui';
import type { RecordRef } from '../crm/crmPort';
import type { TaskLinks } from './taskLinks';
import type { TaskLike } from './taskView';

/**
 * Writes `attributes` (the CRM's link attributes for `ref`, from the port) onto the task, merged,
 * and remembers the link at once.
 */
export async function writeLink(
    task: TaskLike,
    ref: RecordRef | null,
    attributes: Record<string, string | null>,
    links: TaskLinks
): Promise<void> {
    // The task object itself (in production the ITask from Flex's store), so Flex needs no lookup.
    await Actions.invokeAction('SetTaskAttributes', {
        task: task as unknown as ITask,
        attributes,
        mergeExisting: true
    });
    links.setWritten(task.taskSid, ref);
}
