/*
 * What the agent UI enhancements show, as pure functions of Flex's state: the agent's state and
 * label in the CRM's chrome (Salesforce: the utility bar item), and whether the softphone may be
 * popped out (no call ringing or live).
 */
import { formatAgentString, type AgentStringKey } from '../agent-messages/agentMessages';
import type { AgentState } from '../crm/crmPort';
import { isVoice, type FlexSnapshot, type TaskLike } from '../tasks/taskView';

export interface UtilityStatus {
    state: AgentState;
    label: string;
}

const ACTIVE_STATUSES = new Set(['pending', 'accepted', 'wrapping']);

function incomingKey(task: TaskLike): AgentStringKey {
    if (isVoice(task)) return 'SfStatusIncomingCall';
    const channel = task.taskChannelUniqueName ?? task.channelType ?? '';
    return channel === 'chat' ? 'SfStatusIncomingChat' : 'SfStatusIncomingTask';
}

/**
 * No active task: the worker's activity (available or away). A task ringing: ringing and
 * "Incoming call"/"Incoming chat". Otherwise busy, and the number of active tasks.
 */
export function utilityStatus(
    snapshot: FlexSnapshot,
    strings: Record<string, string>
): UtilityStatus {
    const active = snapshot.tasks.filter((task) => ACTIVE_STATUSES.has(task.status));
    const incoming = active.find((task) => task.status === 'pending');
    if (incoming) {
        return { state: 'ringing', label: formatAgentString(strings, incomingKey(incoming)) };
    }
    if (active.length > 0) {
        return {
            state: 'busy',
            label:
                active.length === 1
                    ? formatAgentString(strings, 'SfStatusOneTask')
                    : formatAgentString(strings, 'SfStatusTasks', { count: String(active.length) })
        };
    }
    const activity = snapshot.activity;
    if (!activity) {
        return { state: 'available', label: formatAgentString(strings, 'SfStatusPhone') };
    }
    return { state: activity.available ? 'available' : 'away', label: activity.name };
}

/** Voice tasks ringing or connected: while there is one, popping the softphone out would drop it. */
export function callsInProgress(snapshot: FlexSnapshot): number {
    return snapshot.tasks.filter(
        (task) => isVoice(task) && (task.status === 'pending' || task.status === 'accepted')
    ).length;
}
