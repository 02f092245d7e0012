/*
 * The CRM port over Salesforce Open CTI: everything Salesforce-specific behind the capabilities.
 * Record IDs (15/18 characters, checksum, key prefixes), the `sfdcObject*` task attributes, the
 * Task fields of an activity log, the LMS channels of the record picker, Open CTI's error codes and
 * the Console Integration Toolkit (loaded only when pop-out protection first needs it).
 */
import {
    CrmCapabilityUnavailable,
    type AgentState,
    type CrmPort,
    type RecordRef,
    type SaveFailure
} from '../../crm/crmPort';
import type { IntegrationConfig } from '../../config/integrationConfig';
import { describeError, type Logger } from '../../integration/context';
import { dialRequestOf } from './clickToDial';
import type { ConsoleToolkitClient } from './consoleToolkit';
import {
    flexActivityMessage,
    sameRecordId,
    validateInteractionMessage,
    validatePresenceMessage
} from './lmsContract';
import type { OpenCtiClient } from './openCtiClient';
import { linkAttributes, linkedRecordOf } from './recordLink';
import { saveFailureOf } from './saveFailure';
import { toCandidates } from './searchResults';
import { presenceRequestOf } from './presenceMessage';
import { choiceOf } from './selectionMessage';
import { isTaskId, storedTaskLogProblem } from './storedTaskLog';
import { buildLogValue, notesFields, type LogValue } from './taskLog';

export interface SalesforceAdapterOptions {
    openCti: OpenCtiClient;
    config: IntegrationConfig;
    log: Logger;
    /** Loads the Console Integration Toolkit; called once, when pop-out protection needs it. */
    loadConsoleToolkit: () => Promise<ConsoleToolkitClient>;
}

/** SLDS utility icons for the agent's state in the utility bar. */
const STATE_ICONS: Record<AgentState, string> = {
    available: 'call',
    away: 'away',
    ringing: 'alert',
    busy: 'call'
};

export function salesforceAdapter(options: SalesforceAdapterOptions): CrmPort {
    const { openCti, config, log } = options;
    const fields = config.activity_log_fields;

    const refreshAfterSave = () => {
        openCti.refreshView().catch((error: unknown) => {
            log.warn('Salesforce did not refresh its view after an activity log', error);
        });
    };

    /** saveLog; its refusal as a SaveFailure, its success followed by a refresh of the view. */
    const save = async (value: LogValue): Promise<string> => {
        let id: string;
        try {
            id = await openCti.saveLog(value);
        } catch (error) {
            throw saveFailureOf(error);
        }
        refreshAfterSave();
        return id;
    };

    /**
     * Subscribes to an LMS channel; resolves with the unsubscribe. Open CTI unsubscribes
     * asynchronously, so nothing reaches the listener once the capability asked to stop.
     */
    const listen = async (channel: string, onMessage: (message: unknown) => void) => {
        let listening = true;
        const subscription = await openCti.subscribe(channel, (message) => {
            if (listening) onMessage(message);
        });
        return () => {
            listening = false;
            openCti.unsubscribe(subscription).catch(() => undefined);
        };
    };

    // What the utility bar shows now: only a changed icon or label is sent.
    const shown = { icon: '', label: '' };

    let toolkit: Promise<ConsoleToolkitClient> | null = null;
    const consoleToolkit = () =>
        (toolkit ??= options.loadConsoleToolkit().catch((error: unknown) => {
            throw new CrmCapabilityUnavailable(
                `the Console Integration Toolkit did not load (${describeError(error)})`
            );
        }));

    return {
        name: 'Salesforce',
        timeoutMs: config.opencti_timeout_ms,

        async onDialRequest(listener) {
            await openCti.enableClickToDial();
            // Open CTI's click-to-dial expects no answer: the agent reads a refusal in Flex.
            openCti.onClickToDial((payload) => void listener(dialRequestOf(payload)));
        },

        openRecord: (recordId) => openCti.screenPopRecord(recordId),

        async searchRecords({ query, phone }): Promise<RecordRef[]> {
            const results = await openCti.searchAndScreenPop({
                searchParams: query,
                callType: 'inbound',
                ...(phone ? { defaultFieldValues: { Phone: phone } } : {})
            });
            return toCandidates(results);
        },

        async publishInteraction(state) {
            const validation = validateInteractionMessage(state);
            if (!validation.ok) {
                throw new Error(
                    `not publishing an interaction message that breaks the contract: ${validation.error}`
                );
            }
            await openCti.publish(config.interaction_channel, state);
        },

        onRecordChoice: (listener) =>
            listen(config.record_selection_channel, (message) => listener(choiceOf(message))),

        linkedRecord: linkedRecordOf,
        linkAttributes,
        sameRecord: sameRecordId,

        activities: {
            // As logs already waiting in agents' browsers are stored.
            storagePrefix: 'flexSalesforce.activityLog.v1',
            build: (input) => buildLogValue({ ...input, fields }),
            notesValue: (notes) => notesFields(notes, fields),
            storedValueProblem: (value, kind, key) =>
                storedTaskLogProblem(value, kind, key, fields),
            isActivityId: isTaskId,
            requiredFields: ['entityApiName'],
            create: save,
            async update(id, value) {
                // saveLog updates whatever record the Id names: late notes go to a Task only.
                if (!isTaskId(id)) {
                    const failure: SaveFailure = {
                        code: 'INVALID_PARAM',
                        description: `${String(id).slice(0, 40)} is not the Id of a saved Task`,
                        details: [],
                        permanent: true
                    };
                    throw failure;
                }
                await save({ ...value, Id: id });
            }
        },

        panel: {
            isVisible: () => openCti.isSoftphonePanelVisible(),
            show: () => openCti.setSoftphonePanelVisibility(true)
        },

        status: {
            async show(state, label) {
                const icon = STATE_ICONS[state];
                const calls: Promise<void>[] = [];
                // A failed call forgets what was shown, so the next change sends it again.
                if (icon !== shown.icon) {
                    shown.icon = icon;
                    calls.push(
                        openCti.setSoftphoneItemIcon(icon).catch((error: unknown) => {
                            shown.icon = '';
                            throw error;
                        })
                    );
                }
                if (label !== shown.label) {
                    shown.label = label;
                    calls.push(
                        openCti.setSoftphoneItemLabel(label).catch((error: unknown) => {
                            shown.label = '';
                            throw error;
                        })
                    );
                }
                await Promise.all(calls);
            }
        },

        popout: {
            async allow(allowed) {
                const client = await consoleToolkit();
                await client.setPopoutable(allowed);
            }
        },

        presence: {
            async activityIs(activity, cause) {
                const message = flexActivityMessage(activity, cause);
                const validation = validatePresenceMessage(message);
                if (!validation.ok) {
                    throw new Error(`not publishing a presence message: ${validation.error}`);
                }
                await openCti.publish(config.presence_channel, message);
            },
            onRequest: (listener) =>
                listen(config.presence_channel, (message) => {
                    const request = presenceRequestOf(message);
                    if (request) listener(request);
                })
        }
    };
}
