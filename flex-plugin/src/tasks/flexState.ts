// Reads the part of Flex's Redux state the integration decides on, as plain data.
import type * as Flex from '@twilio/flex-ui';
import type { FlexSnapshot, TaskLike } from './taskView';

export function readFlexSnapshot(manager: Flex.Manager): FlexSnapshot {
    const flex = manager.store.getState().flex;
    const tasks: TaskLike[] = [...(flex.worker.tasks?.values() ?? [])];
    const activity = flex.worker.activity as { name?: unknown; available?: unknown } | undefined;
    return {
        tasks,
        selectedReservationSid: flex.view.selectedTaskSid ?? null,
        activity:
            activity && typeof activity.name === 'string'
                ? { name: activity.name, available: activity.available === true }
                : null,
        hasActiveCall: Boolean(flex.phone?.activeCall)
    };
}

/** The workspace's activities as Flex's store holds them (TaskRouter Activity objects). */
export function readActivities(
    manager: Flex.Manager
): { sid: string; name: string; available: boolean }[] {
    const activities = manager.store.getState().flex.worker.activities as
        Map<string, { sid?: unknown; name?: unknown; available?: unknown }> | undefined;
    return [...(activities?.values() ?? [])].flatMap((activity) =>
        typeof activity.sid === 'string' && typeof activity.name === 'string'
            ? [{ sid: activity.sid, name: activity.name, available: activity.available === true }]
            : []
    );
}
