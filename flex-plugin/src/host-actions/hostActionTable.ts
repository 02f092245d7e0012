/*
 * The Flex actions a host app may be allowed to invoke, each with the only payload it accepts.
 * An admin picks from this table (`allowed_actions`); nothing outside it is reachable, whatever the
 * admin writes. Task actions name the interaction by its task SID (what a host sees) and are sent
 * to Flex with the reservation SID Flex expects. Pure: data in, payload or problem out.
 */
import * as v from 'valibot';

const TASK_SID = /^WT[0-9a-f]{32}$/;
const ACTIVITY_SID = /^WA[0-9a-f]{32}$/;

const taskPayload = v.strictObject({
    taskSid: v.pipe(v.string(), v.regex(TASK_SID, 'must be a task SID (WT…)'))
});

/** A payload checked: what Flex's action gets, with the task it names resolved by the caller. */
export type ActionPayload =
    { kind: 'plain'; payload: Record<string, unknown> } | { kind: 'task'; taskSid: string };

interface HostAction {
    schema: v.GenericSchema;
    toPayload(input: Record<string, unknown>): ActionPayload;
}

const taskAction: HostAction = {
    schema: taskPayload,
    toPayload: (input) => ({ kind: 'task', taskSid: input.taskSid as string })
};

export const HOST_ACTIONS = {
    SetActivity: {
        schema: v.union([
            v.strictObject({
                activityName: v.pipe(v.string(), v.minLength(1), v.maxLength(64))
            }),
            v.strictObject({
                activitySid: v.pipe(
                    v.string(),
                    v.regex(ACTIVITY_SID, 'must be an activity SID (WA…)')
                )
            })
        ]),
        toPayload: (input) => ({ kind: 'plain', payload: { ...input } })
    },
    ToggleMute: {
        schema: v.strictObject({}),
        toPayload: () => ({ kind: 'plain', payload: {} })
    },
    SelectTask: taskAction,
    AcceptTask: taskAction,
    HoldCall: taskAction,
    UnholdCall: taskAction,
    HangupCall: taskAction,
    WrapupTask: taskAction,
    CompleteTask: taskAction
} satisfies Record<string, HostAction>;

export type HostActionName = keyof typeof HOST_ACTIONS;
export const HOST_ACTION_NAMES = Object.keys(HOST_ACTIONS) as HostActionName[];

/** The Flex events a host may be forwarded (`forwarded_events`), each as task SID, status, channel. */
export const FORWARDABLE_EVENTS = [
    'taskReceived',
    'taskAccepted',
    'taskUpdated',
    'taskWrapup',
    'taskCompleted',
    'taskCanceled',
    'taskRescinded',
    'taskTimeout'
] as const;

/** What the host's request becomes, or why it is refused. */
export function checkHostAction(
    allowed: readonly string[],
    name: string,
    payload: unknown
): { ok: true; name: HostActionName; payload: ActionPayload } | { ok: false; problem: string } {
    if (!allowed.includes(name) || !Object.prototype.hasOwnProperty.call(HOST_ACTIONS, name)) {
        return { ok: false, problem: `${name.slice(0, 64)} is not an action this host may invoke` };
    }
    const action: HostAction = HOST_ACTIONS[name as HostActionName];
    const result = v.safeParse(action.schema, payload ?? {});
    if (!result.success) {
        const [issue] = result.issues;
        const path = v.getDotPath(issue);
        return { ok: false, problem: `${name} payload${path ? `.${path}` : ''}: ${issue.message}` };
    }
    return {
        ok: true,
        name: name as HostActionName,
        payload: action.toPayload(result.output as Record<string, unknown>)
    };
}
