/*
 * What Flex does with a CRM's request to set the agent's activity. Pure: takes the request, the
 * activity now, the activities the workspace has and the recent changes (who made each); returns
 * the decision.
 */

import type { ActivityCause } from '../crm/crmPort';

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

/** One change of the Flex activity, as presence sync told the CRM of it (oldest first). */
export interface ActivityChange {
    activity: string;
    cause: ActivityCause;
}

/**
 * True when the agent changed the Flex activity after it was last `basedOn`: that change is newer
 * than what the CRM asks on. Changes this sync made do not count, so two quick requests based on
 * the same activity both apply, the latest last. A basis Flex never reported counts as stale.
 */
export function agentChangedSince(basedOn: string, changes: readonly ActivityChange[]): boolean {
    for (let index = changes.length - 1; index >= 0; index -= 1) {
        const change = changes[index] as ActivityChange;
        if (change.activity === basedOn) return false;
        if (change.cause === 'agent') return true;
    }
    return true;
}

export function decideActivityRequest(
    request: { activity: string; basedOn: string | null },
    current: string | null,
    activities: readonly ActivityOption[],
    changes: readonly ActivityChange[] = current === null
        ? []
        : [{ activity: current, cause: 'current' }]
): ActivityDecision {
    if (
        request.basedOn !== null &&
        current !== null &&
        request.basedOn !== current &&
        agentChangedSince(request.basedOn, changes)
    ) {
        return { kind: 'stale' };
    }
    if (request.activity === current) {
        return { kind: 'already' };
    }
    const activity = activities.find((each) => each.name === request.activity);
    return activity ? { kind: 'set', activity } : { kind: 'unknown', activity: request.activity };
}
