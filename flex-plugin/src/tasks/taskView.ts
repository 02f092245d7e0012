/*
 * What the integration reads from a Flex task, as pure functions over plain data.
 * `TaskLike` is the part of Flex's ITask this code uses, so tests build tasks without a backend.
 */
import {
    INTERACTION_STATUSES,
    MAX_NAME_LENGTH,
    type Direction,
    type InteractionStatus,
    type RecordRef
} from '../crm/crmPort';

export interface TaskLike {
    /** Reservation SID (WR…): what Flex task actions take. */
    sid: string;
    /** TaskRouter task SID (WT…): what the CRM sees. */
    taskSid: string;
    status: string;
    attributes: Record<string, unknown>;
    taskChannelUniqueName?: string;
    channelType?: string;
    dateCreated?: Date;
}

export interface FlexSnapshot {
    tasks: TaskLike[];
    /** Reservation SID of the task selected in the agent desktop. */
    selectedReservationSid: string | null;
    activity: { name: string; available: boolean } | null;
    /** The Voice SDK reports a call in progress. */
    hasActiveCall: boolean;
}

const LIVE_STATUSES = new Set(['pending', 'accepted', 'wrapping']);

export const isLive = (task: TaskLike): boolean => LIVE_STATUSES.has(task.status);

export const isVoice = (task: TaskLike): boolean =>
    task.taskChannelUniqueName === 'voice' || task.channelType === 'voice';

export function directionOf(task: TaskLike): Direction | null {
    const direction = task.attributes['direction'];
    if (direction === 'outbound' || direction === 'inbound') {
        return direction;
    }
    return null;
}

export function channelOf(task: TaskLike): string | null {
    const channel = task.taskChannelUniqueName ?? task.channelType;
    return channel ? channel.slice(0, 80) : null;
}

export function statusOf(task: TaskLike): InteractionStatus | null {
    return (INTERACTION_STATUSES as readonly string[]).includes(task.status)
        ? (task.status as InteractionStatus)
        : null;
}

function firstText(values: unknown[]): string | null {
    for (const value of values) {
        if (typeof value === 'string' && value.trim()) {
            return value.trim().slice(0, MAX_NAME_LENGTH);
        }
    }
    return null;
}

/**
 * Who the agent is talking to, for display: a name, else a number or address. An outbound call is
 * named by the record it was dialled from.
 */
export function customerOf(task: TaskLike, linked: RecordRef | null = null): string | null {
    const a = task.attributes;
    return directionOf(task) === 'outbound'
        ? firstText([linked?.name, a['outbound_to'], a['to'], a['name']])
        : firstText([a['name'], a['from'], a['customerAddress'], a['identity']]);
}

/** The record the task's attributes link to, if they hold a valid one. */
/** The task the agent is looking at: the selected live task, else the only live one. */
export function shownTask(snapshot: FlexSnapshot): TaskLike | null {
    const live = snapshot.tasks.filter(isLive);
    const selected = live.find((task) => task.sid === snapshot.selectedReservationSid);
    if (selected) {
        return selected;
    }
    return live.length === 1 ? (live[0] ?? null) : null;
}

export function findLiveTask(snapshot: FlexSnapshot, taskSid: string): TaskLike | null {
    return snapshot.tasks.find((task) => task.taskSid === taskSid && isLive(task)) ?? null;
}

/** What Flex passes to a task action's listeners: the task, or only its reservation SID. */
export interface TaskActionPayload {
    task?: TaskLike;
    sid?: string;
}

/** The task an action is about: the payload's own task, else the one Flex holds under its SID. */
export function taskOfPayload(
    snapshot: FlexSnapshot,
    payload: TaskActionPayload | undefined
): TaskLike | null {
    if (payload?.task?.taskSid) {
        return payload.task;
    }
    const sid = payload?.sid;
    return snapshot.tasks.find((task) => task.sid === sid) ?? null;
}
