/*
 * Flex actions a CRM may invoke (a host app over the bridge), limited to the admin's allow-list and
 * the payloads hostActionTable accepts. A task action names the interaction by task SID; it runs on
 * that task, as Flex's store holds it, and only while the task is live in this Flex.
 */
import { Actions } from '@twilio/flex-ui';
import { ActionRefused, type ActionRequests } from '../crm/crmPort';
import type { IntegrationContext } from '../integration/context';
import { findLiveTask } from '../tasks/taskView';
import { checkHostAction } from './hostActionTable';

export function registerHostActions(context: IntegrationContext, actions: ActionRequests): void {
    const { log, crm } = context;
    actions.onRequest(async (name, payload) => {
        const checked = checkHostAction(actions.allowed, name, payload);
        if (!checked.ok) {
            log.warn(`refused an action from ${crm.name}: ${checked.problem}`);
            throw new ActionRefused(checked.problem);
        }
        if (checked.payload.kind === 'plain') {
            await Actions.invokeAction(checked.name, checked.payload.payload);
            return;
        }
        const task = findLiveTask(context.snapshot(), checked.payload.taskSid);
        if (!task) {
            throw new ActionRefused(
                `${checked.name}: no interaction ${checked.payload.taskSid} is open in Flex`
            );
        }
        // The task as Flex's store holds it: task actions take `{task}` as well as `{sid}`.
        await Actions.invokeAction(checked.name, { task });
    });
}
