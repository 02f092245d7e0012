/*
 * What the agent UI enhancements show, as pure functions of Flex's state: the utility bar item's
 * icon and label, and whether the softphone may be popped out (no call ringing or live).
 */
import { formatAgentString, type AgentStringKey } from '../agent-messages/agentMessages';
import { isVoice, type FlexSnapshot, type TaskLike } from '../tasks/taskView';

export interface UtilityStatus {
    /** SLDS utility icon name. */
    icon: string;
    label: string;
}

const ACTIVE_STATUSES = new Set(['pending', 'accepted', 'wrapping']);

function incomingKey(task: TaskLike): AgentStringKey {
    if (isVoice(task)) return 'SfStatusIncomingCall';
    const channel = task.taskChannelUniqueName ?? task.channelType ?? '';
    return channel === 'chat' ? 'SfStatusIncomingChat' : 'SfStatusIncomingTask';
}

/**
 * No active task: the worker's activity (`call` when available, `away` otherwise). A task
 * ringing: `alert` and "Incoming call"/"Incoming chat". Otherwise the number of active tasks.
 */
export function utilityStatus(
    snapshot: FlexSnapshot,
    strings: Record<string, string>
): UtilityStatus {
    const active = snapshot.tasks.filter((task) => ACTIVE_STATUSES.has(task.status));
    const incoming = active.find((task) => task.status === 'pending');
    if (incoming) {
        return { icon: 'alert', label: formatAgentString(strings, incomingKey(incoming)) };
    }
    if (active.length > 0) {
        return {
            icon: 'call',
            label:
                active.length === 1
                    ? formatAgentString(strings, 'SfStatusOneTask')
                    : formatAgentString(strings, 'SfStatusTasks', { count: String(active.length) })
        };
    }
    const activity = snapshot.activity;
    if (!activity) {
        return { icon: 'call', label: formatAgentString(strings, 'SfStatusPhone') };
    }
    return { icon: activity.available ? 'call' : 'away', label: activity.name };
}

/** Voice tasks ringing or connected: while there is one, popping the softphone out would drop it. */
export function callsInProgress(snapshot: FlexSnapshot): number {
    return snapshot.tasks.filter(
        (task) => isVoice(task) && (task.status === 'pending' || task.status === 'accepted')
    ).length;
}
