/*
 * Interaction events for a CRM that follows them (a host app over the bridge): offered, accepted,
 * wrapping, completed and canceled, each with the linked record; the agent's availability when it
 * changes; the further Flex events its admin forwards; and the current state on request.
 */
import type { InteractionEventName, InteractionFeed } from '../crm/crmPort';
import { guarded, type IntegrationContext } from '../integration/context';
import { channelOf, type TaskLike } from '../tasks/taskView';

/** Flex's task events, as the interaction events a CRM receives. */
export const FEED_EVENTS: Readonly<Record<string, InteractionEventName>> = {
    taskReceived: 'offered',
    taskAccepted: 'accepted',
    taskWrapup: 'wrapping',
    taskCompleted: 'completed',
    taskCanceled: 'canceled'
};

type TaskListener = (task: TaskLike) => void;

export function registerInteractionFeed(context: IntegrationContext, feed: InteractionFeed): void {
    const { manager, links, log } = context;
    const events = manager.events as unknown as {
        addListener(event: string, listener: TaskListener): unknown;
        removeListener(event: string, listener: TaskListener): unknown;
    };
    const listen = (event: string, listener: TaskListener) => {
        const safe = guarded(log, `${event} for ${context.crm.name}`, listener);
        events.addListener(event, safe);
        context.onStop(() => events.removeListener(event, safe));
    };

    for (const [event, name] of Object.entries(FEED_EVENTS)) {
        listen(event, (task) => feed.interaction(name, task, links.selected(task)));
    }
    for (const event of feed.forwardedEvents) {
        listen(event, (task) =>
            feed.flexEvent(event, {
                taskSid: typeof task?.taskSid === 'string' ? task.taskSid : null,
                status: typeof task?.status === 'string' ? task.status : null,
                channel: task ? channelOf(task) : null
            })
        );
    }

    let shown: string | null = null;
    const onChange = guarded(log, 'availability', () => {
        const activity = context.snapshot().activity;
        const key = activity ? `${activity.name}:${activity.available}` : null;
        if (!activity || key === shown) {
            return;
        }
        shown = key;
        feed.availability(activity.name, activity.available);
    });
    onChange();
    context.onStop(manager.store.subscribe(onChange));

    feed.provideState(() => {
        const { tasks, activity } = context.snapshot();
        return { tasks, activity };
    });
}
