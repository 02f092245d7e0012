/*
 * Presence sync, Flex's side: tells the CRM the agent's activity whenever it changes (and whether
 * the agent or the sync changed it), and sets the activity the CRM asks for through Flex's own
 * SetActivity action. The mapping to the CRM's statuses is the CRM's (Salesforce: the admin's
 * Omni-Channel mapping); Flex only deals in its activity names.
 * - A change this sync made is reported as `sync`, so the CRM does not send it back.
 * - A request based on an activity the agent has since changed is dropped: the agent's change is
 *   newer. Changes this sync made do not count: the CRM's latest request wins over its earlier one.
 * - Requests run one at a time; only the latest waits.
 * - An activity Flex does not have, or one TaskRouter refuses, is told to the agent once.
 */
import * as Flex from '@twilio/flex-ui';
import type { ActivityCause, PresencePort, PresenceRequest } from '../crm/crmPort';
import { describeError, guarded, type IntegrationContext } from '../integration/context';
import { readActivities } from '../tasks/flexState';
import { decideActivityRequest, type ActivityChange } from './presenceDecision';

/** Changes remembered for deciding staleness: far more than requests in flight at once. */
const MAX_CHANGES = 20;

type SetRequest = Extract<PresenceRequest, { kind: 'set' }>;

export async function registerPresenceSync(
    context: IntegrationContext,
    presence: PresencePort
): Promise<void> {
    const { log, notify, manager } = context;
    const current = () => context.snapshot().activity?.name ?? null;
    /** The activity the CRM last heard of from here. */
    let reported: string | null = null;
    /** The activity this sync is setting, until Flex's store shows it. */
    let settingTo: string | null = null;
    /** The latest changes of the Flex activity, oldest first, with who made each. */
    const changes: ActivityChange[] = [];
    const record = (activity: string, cause: ActivityCause) => {
        changes.push({ activity, cause });
        if (changes.length > MAX_CHANGES) changes.shift();
    };
    /** Activities the agent was already told about. */
    const told = new Set<string>();
    let waiting: SetRequest | null = null;
    let running = false;

    const tell = (activity: string, cause: ActivityCause) => {
        presence.activityIs(activity, cause).catch((error: unknown) => {
            log.warn(`could not tell ${context.crm.name} the Flex activity ${activity}`, error);
        });
    };
    const tellCurrent = () => {
        const now = current();
        if (now !== null) tell(now, 'current');
    };
    const tellAgentOnce = (activity: string, show: () => void) => {
        if (!told.has(activity)) {
            told.add(activity);
            show();
        }
    };

    const apply = async (request: SetRequest) => {
        const decision = decideActivityRequest(
            request,
            current(),
            readActivities(manager),
            changes
        );
        if (decision.kind === 'unknown') {
            log.warn(
                `${context.crm.name} asked for the Flex activity ${decision.activity}, which this workspace does not have`
            );
            tellAgentOnce(decision.activity, () =>
                notify('PresenceUnknownActivity', { activity: decision.activity })
            );
        }
        if (decision.kind !== 'set') {
            tellCurrent();
            return;
        }
        const { activity } = decision;
        settingTo = activity.name;
        try {
            await Flex.Actions.invokeAction('SetActivity', {
                activitySid: activity.sid,
                activityName: activity.name,
                activityAvailable: activity.available
            });
        } catch (error) {
            settingTo = null;
            log.warn(`Flex did not set the activity ${activity.name}`, error);
            tellAgentOnce(activity.name, () =>
                notify('PresenceSetActivityFailed', {
                    activity: activity.name,
                    reason: describeError(error)
                })
            );
            tellCurrent();
        }
    };

    const drain = async () => {
        if (running) return;
        running = true;
        try {
            while (waiting) {
                const next: SetRequest = waiting;
                waiting = null;
                await apply(next);
            }
        } finally {
            running = false;
        }
    };

    const onFlexChange = guarded(log, 'presence sync', () => {
        const now = current();
        if (now === null || now === reported) return;
        const cause: ActivityCause = now === settingTo ? 'sync' : 'agent';
        settingTo = null;
        reported = now;
        record(now, cause);
        tell(now, cause);
    });

    const unsubscribeRequests = await presence.onRequest(
        guarded(log, 'presence request', (request: PresenceRequest) => {
            if (request.kind === 'invalid') {
                log.warn(`ignored a presence request from ${context.crm.name}: ${request.problem}`);
            } else if (request.kind === 'query') {
                tellCurrent();
            } else {
                waiting = request;
                return drain();
            }
            return undefined;
        })
    );
    context.onStop(unsubscribeRequests);
    reported = current();
    if (reported !== null) record(reported, 'current');
    tellCurrent();
    context.onStop(manager.store.subscribe(onFlexChange));
}
