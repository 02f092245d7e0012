/*
 * The CRM port over the host bridge: a host web app, through the host SDK, is the CRM. Everything
 * host-specific sits here: the protocol's messages and checks, the hostRecord* task attributes,
 * the activity's fields, what the admin lets the host see and do. The host's answers are checked
 * like any input from outside; a slow host times out and Flex goes on.
 */
import {
    FLEX_METHODS,
    checkFlexRequest,
    checkRecord,
    checkHostResult,
    isTaskSid,
    type AttributeValue,
    type ChooserState,
    type HostMethodName
} from '../../../../packages/flex-host-sdk/src/protocol.ts';
import { FlexBridgeError } from '../../../../packages/flex-host-sdk/src/portEndpoint.ts';
import type { HostAppSettings } from '../../config/hostAppConfig';
import {
    ActionRefused,
    type CrmPort,
    type DialOutcome,
    type DialRequest,
    type FlatValue,
    type PresenceRequest,
    type RecordChoice,
    type RecordRef,
    type SaveFailure
} from '../../crm/crmPort';
import { isLive, type TaskLike } from '../../tasks/taskView';
import {
    REQUIRED_ACTIVITY_FIELDS,
    activityOf,
    buildHostActivity,
    changesOf,
    hostNotesValue,
    hostActivityIdCheck,
    storedHostActivityProblem
} from './hostActivity';
import type { HostLink } from './hostLink';
import { hostLinkAttributes, hostLinkedRecord } from './hostRecordLink';
import { interactionOf } from './interactionOf';

export interface BridgeAdapterOptions {
    link: HostLink;
    host: HostAppSettings;
}

type StateProvider = () => {
    tasks: TaskLike[];
    activity: { name: string; available: boolean } | null;
};

/** A host's failure as the outbox keeps it: refused (with its fields) stays; anything else is retried. */
export function saveFailureOf(error: unknown, host: string): SaveFailure {
    if (
        error instanceof FlexBridgeError &&
        (error.code === 'REFUSED' || error.code === 'NOT_SUPPORTED')
    ) {
        return {
            code: error.code,
            description: `${host}: ${error.message}`.slice(0, 1000),
            details: error.fields.map((fieldName) => ({ fieldName })),
            permanent: true
        };
    }
    const code = error instanceof FlexBridgeError ? error.code : 'FAILED';
    const message = error instanceof Error ? error.message : String(error);
    return {
        code,
        description: `${host} did not answer: ${message}`.slice(0, 1000),
        details: [],
        permanent: false
    };
}

const MAX_KNOWN_RECORDS = 200;

/** A linkRecord whose record is there but not a valid record (rather than a broken message). */
function hasBadRecord(params: unknown): boolean {
    const record = (params as { record?: unknown } | null)?.record;
    return record !== undefined && record !== null && !checkRecord(record).ok;
}

export function bridgeAdapter({ link, host }: BridgeAdapterOptions): CrmPort {
    const name = host.hostName;
    let dialListener: ((request: DialRequest) => Promise<DialOutcome>) | null = null;
    let choiceListener: ((choice: RecordChoice) => void) | null = null;
    let presenceListener: ((request: PresenceRequest) => void) | null = null;
    let actionListener:
        ((action: string, payload: Record<string, unknown>) => Promise<void>) | null = null;
    let state: StateProvider | null = null;
    /** Types of the records this host named lately, so an open request can say what it opens. */
    const knownTypes = new Map<string, string>();
    const remember = (records: RecordRef[]) =>
        records.forEach((record) => {
            knownTypes.delete(record.recordId);
            knownTypes.set(record.recordId, record.objectApiName);
            // Bounded over a shift: the oldest go first.
            for (const oldest of knownTypes.keys()) {
                if (knownTypes.size <= MAX_KNOWN_RECORDS) break;
                knownTypes.delete(oldest);
            }
        });

    const off = (what: string) =>
        new FlexBridgeError('NOT_SUPPORTED', `${what} is off in this Flex`);

    link.onRequest(async (method, params) => {
        const checked = checkFlexRequest(method, params);
        if (!checked.ok && method === 'linkRecord' && choiceListener) {
            // The agent hears that the host's choice was refused, as with a bad picker message.
            choiceListener({
                kind: 'invalid',
                code: hasBadRecord(params) ? 'INVALID_RECORD_ID' : 'INVALID_MESSAGE',
                problem: checked.problem,
                taskSid: null
            });
        }
        if (!checked.ok) {
            const known = (FLEX_METHODS as readonly string[]).includes(method);
            throw new FlexBridgeError(
                known ? 'INVALID_MESSAGE' : 'UNKNOWN_METHOD',
                checked.problem
            );
        }
        const request = checked.value;
        switch (request.method) {
            case 'dial': {
                if (!dialListener) throw off('click-to-dial');
                const attributes: Record<string, FlatValue> = {};
                for (const [key, value] of Object.entries(request.params.attributes ?? {})) {
                    if (!host.dialAttributes.includes(key)) {
                        throw new FlexBridgeError(
                            'NOT_ALLOWED',
                            `the task attribute ${key} is not one this host may set`
                        );
                    }
                    attributes[key] = value;
                }
                const record = request.params.record ?? null;
                if (record) remember([record]);
                // The host hears whether the call was placed, as it hears every other refusal.
                const outcome = await dialListener({
                    number: request.params.number,
                    record,
                    ...(Object.keys(attributes).length ? { attributes } : {})
                });
                if (outcome.kind === 'refused') {
                    throw new FlexBridgeError(
                        'REFUSED',
                        outcome.message,
                        outcome.reason === 'invalid-number' ? ['number'] : []
                    );
                }
                if (outcome.kind === 'failed') throw new FlexBridgeError('FAILED', outcome.message);
                return { accepted: true };
            }
            case 'linkRecord': {
                if (!choiceListener) throw off('record selection');
                const taskSid = request.params.taskSid ?? null;
                const record = request.params.record;
                if (record) remember([record]);
                choiceListener(
                    record ? { kind: 'select', taskSid, record } : { kind: 'clear', taskSid }
                );
                return { accepted: true };
            }
            case 'invokeAction': {
                if (!actionListener) throw off('invoking Flex actions');
                if (!host.allowedActions.includes(request.params.name)) {
                    throw new FlexBridgeError(
                        'NOT_ALLOWED',
                        `${request.params.name} is not an action this host may invoke`
                    );
                }
                try {
                    await actionListener(request.params.name, request.params.payload ?? {});
                } catch (error) {
                    throw error instanceof ActionRefused
                        ? new FlexBridgeError('INVALID_MESSAGE', error.message)
                        : new FlexBridgeError(
                              'FAILED',
                              `${request.params.name} failed in Flex: ${error instanceof Error ? error.message : String(error)}`
                          );
                }
                return { done: true };
            }
            case 'setActivity': {
                if (!presenceListener) throw off('presence sync');
                presenceListener({
                    kind: 'set',
                    activity: request.params.activity,
                    basedOn: request.params.basedOn ?? null
                });
                return { accepted: true };
            }
            default: {
                // getState: also re-sends the chooser, as a record picker's sync does.
                choiceListener?.({ kind: 'sync' });
                const now = state?.() ?? { tasks: [], activity: null };
                return {
                    interactions: now.tasks
                        .filter(isLive)
                        .map((task) =>
                            interactionOf(
                                task,
                                hostLinkedRecord(task.attributes),
                                host.exposedAttributes
                            )
                        ),
                    availability: now.activity
                        ? { activity: now.activity.name, available: now.activity.available }
                        : null
                };
            }
        }
    });

    const ask = async <M extends HostMethodName>(method: M, params: unknown) => {
        const answer = await link.request(method, params);
        const checked = checkHostResult(method, answer);
        if (!checked.ok) {
            throw new FlexBridgeError(
                'INVALID_MESSAGE',
                `${name} answered ${method} with something Flex cannot use: ${checked.problem}`
            );
        }
        return checked.value;
    };

    const openRecord = async (recordId: string) => {
        if (!link.handles.has('openRecord')) return;
        await ask('openRecord', {
            record: { recordId, objectApiName: knownTypes.get(recordId) ?? null }
        });
    };

    const emit = (event: string, data: unknown) => link.emit(event, data);

    return {
        name,
        timeoutMs: host.requestTimeoutMs,

        async onDialRequest(listener) {
            dialListener = listener;
        },

        openRecord,

        async searchRecords({ query, task }) {
            if (!link.handles.has('search')) return [];
            const { records } = await ask('search', {
                query,
                interaction: task ? interactionOf(task, null, host.exposedAttributes) : null
            });
            remember(records);
            // As Salesforce's search does: a single match is shown at once.
            if (records.length === 1 && records[0]) await openRecord(records[0].recordId);
            return records;
        },

        async publishInteraction(interaction) {
            if (interaction.taskSid !== null && !isTaskSid(interaction.taskSid)) {
                throw new Error(
                    `not publishing an interaction with task SID ${String(interaction.taskSid).slice(0, 40)}`
                );
            }
            const chooser: ChooserState = {
                taskSid: interaction.taskSid,
                status: interaction.status,
                direction: interaction.direction,
                channel: interaction.channel,
                customer: interaction.customer,
                candidates: interaction.candidates,
                selected: interaction.selected,
                error: interaction.error
            };
            await ask('chooser', chooser);
        },

        async onRecordChoice(listener) {
            choiceListener = listener;
            return () => {
                if (choiceListener === listener) choiceListener = null;
            };
        },

        linkedRecord: hostLinkedRecord,
        linkAttributes: hostLinkAttributes,
        sameRecord: (a, b) => a === b,

        activities: {
            storagePrefix: 'flexHostApp.activityLog.v1',
            build: buildHostActivity,
            notesValue: hostNotesValue,
            storedValueProblem: storedHostActivityProblem,
            isActivityId: hostActivityIdCheck(link.origin),
            requiredFields: REQUIRED_ACTIVITY_FIELDS,
            async create(value) {
                try {
                    return (await ask('saveActivity', { activity: activityOf(value) })).activityId;
                } catch (error) {
                    throw saveFailureOf(error, name);
                }
            },
            async update(id, value, key) {
                try {
                    await ask('updateActivity', {
                        activityId: id,
                        taskSid: key,
                        changes: changesOf(value)
                    });
                } catch (error) {
                    throw saveFailureOf(error, name);
                }
            }
        },

        ...(link.handles.has('showFlex')
            ? {
                  panel: {
                      isVisible: async () => (await ask('isFlexVisible', {})).visible,
                      show: async () => {
                          await ask('showFlex', {});
                      }
                  }
              }
            : {}),

        feed: {
            interaction(event, task, record) {
                emit('interaction', {
                    event,
                    interaction: interactionOf(task, record, host.exposedAttributes)
                });
            },
            availability(activity, available) {
                emit('availability', { activity, available });
            },
            forwardedEvents: host.forwardedEvents,
            flexEvent(event, data: Record<string, AttributeValue>) {
                emit('flexEvent', { name: event, data });
            },
            provideState(provider) {
                state = provider;
            }
        },

        actions: {
            allowed: host.allowedActions,
            onRequest(listener) {
                actionListener = listener;
            }
        },

        presence: {
            async activityIs(activity, cause) {
                emit('presence', { activity, cause });
            },
            async onRequest(listener) {
                presenceListener = listener;
                return () => {
                    if (presenceListener === listener) presenceListener = null;
                };
            }
        }
    };
}
