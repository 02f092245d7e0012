// Click-to-dial: the CRM's phone fields become links; a click starts a Flex outbound call.
import { Actions } from '@twilio/flex-ui';
import type { AgentStringKey } from '../agent-messages/agentMessages';
import type { DialOutcome, DialRequest } from '../crm/crmPort';
import type { IntegrationContext } from '../integration/context';
import { DIAL_REFUSAL_REASONS, decideDial, type DialRefusal } from './dialDecision';

const REFUSAL_TEXT: Record<DialRefusal, AgentStringKey> = {
    'invalid-number': 'CrmDialInvalidNumber',
    'on-a-call': 'CrmDialOnCall',
    'call-pending': 'CrmDialPending',
    offline: 'CrmDialOffline'
};

/** Opens the softphone panel unless it is already open (a CRM without one: nothing to do). */
export async function openSoftphonePanel(context: IntegrationContext): Promise<void> {
    const panel = context.crm.panel;
    if (!panel) {
        return;
    }
    try {
        if (!(await panel.isVisible())) {
            await panel.show();
        }
    } catch (error) {
        context.log.warn('could not open the softphone panel', error);
    }
}

export async function registerClickToDial(context: IntegrationContext): Promise<void> {
    const { crm, config, log, notify } = context;
    let dialInProgress = false;

    /** Never throws: the outcome goes back to the CRM, the agent reads any refusal in Flex. */
    const onClick = async (request: DialRequest): Promise<DialOutcome> => {
        try {
            return await dial(request);
        } catch (error) {
            log.error('click-to-dial failed', error);
            return { kind: 'failed', message: 'Flex could not start the call' };
        }
    };
    const dial = async (request: DialRequest): Promise<DialOutcome> => {
        const decision = decideDial(request, {
            snapshot: context.snapshot(),
            dialInProgress,
            defaultCountry: config.default_country
        });
        if (decision.kind === 'refuse') {
            notify(REFUSAL_TEXT[decision.reason], { number: decision.number });
            return {
                kind: 'refused',
                reason: decision.reason,
                message: `Flex did not call ${decision.number}: ${DIAL_REFUSAL_REASONS[decision.reason]}`
            };
        }
        if (config.show_panel_automatically) {
            void openSoftphonePanel(context);
        }
        dialInProgress = true;
        try {
            await Actions.invokeAction('StartOutboundCall', {
                destination: decision.destination,
                // The record's link wins over an extra attribute of the same name.
                taskAttributes: {
                    ...decision.attributes,
                    ...(decision.record ? crm.linkAttributes(decision.record) : {})
                }
            });
            return { kind: 'placed', destination: decision.destination };
        } catch (error) {
            log.error(`StartOutboundCall to ${decision.destination} failed`, error);
            notify('CrmDialFailed', { number: decision.destination });
            return {
                kind: 'failed',
                message: `Flex could not start the call to ${decision.destination}`
            };
        } finally {
            dialInProgress = false;
        }
    };

    // A refusal here turns click-to-dial off (startIntegration tells the agent).
    await crm.onDialRequest(onClick);
}
