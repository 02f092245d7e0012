/*
 * What Flex does with a CRM's request to set the agent's activity. Pure: takes the request, the
 * activity now and the activities the workspace has; returns the decision.
 */

/** A Flex (TaskRouter) activity, as far as presence sync needs it. */
export interface ActivityOption {
    sid: string;
    name: string;
    available: boolean;
}

export type ActivityDecision =
    /** The agent changed Flex since the CRM last heard: that newer change wins, this one is dropped. */
    | { kind: 'stale' }
    | { kind: 'already' }
    /** No activity of that name: tell the agent once, never retry. */
    | { kind: 'unknown'; activity: string }
    | { kind: 'set'; activity: ActivityOption };

export function decideActivityRequest(
    request: { activity: string; basedOn: string | null },
    current: string | null,
    activities: readonly ActivityOption[]
): ActivityDecision {
    if (request.basedOn !== null && current !== null && request.basedOn !== current) {
        return { kind: 'stale' };
    }
    if (request.activity === current) {
        return { kind: 'already' };
    }
    const activity = activities.find((each) => each.name === request.activity);
    return activity ? { kind: 'set', activity } : { kind: 'unknown', activity: request.activity };
}
