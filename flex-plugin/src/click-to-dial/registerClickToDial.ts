// Click-to-dial: Salesforce phone fields become links; a click starts a Flex outbound call.
import { Actions } from '@twilio/flex-ui';
import type { AgentStringKey } from '../agent-messages/agentMessages';
import { describeError, guarded, type IntegrationContext } from '../integration/context';
import type { ClickToDialPayload } from '../opencti/openCti';
import { decideDial, type DialRefusal } from './dialDecision';

const REFUSAL_TEXT: Record<DialRefusal, AgentStringKey> = {
    'invalid-number': 'SfDialInvalidNumber',
    'on-a-call': 'SfDialOnCall',
    'call-pending': 'SfDialPending',
    offline: 'SfDialOffline'
};

/** Opens the softphone panel unless it is already open. */
export async function openSoftphonePanel(context: IntegrationContext): Promise<void> {
    try {
        if (!(await context.openCti.isSoftphonePanelVisible())) {
            await context.openCti.setSoftphonePanelVisibility(true);
        }
    } catch (error) {
        context.log.warn('could not open the softphone panel', error);
    }
}

export async function registerClickToDial(context: IntegrationContext): Promise<void> {
    const { openCti, config, log, notify } = context;
    let dialInProgress = false;

    const onClick = guarded(log, 'click-to-dial', async (payload: ClickToDialPayload) => {
        const decision = decideDial(payload ?? {}, {
            snapshot: context.snapshot(),
            dialInProgress,
            defaultCountry: config.default_country
        });
        if (decision.kind === 'refuse') {
            notify(REFUSAL_TEXT[decision.reason], { number: decision.number });
            return;
        }
        if (config.show_panel_automatically) {
            void openSoftphonePanel(context);
        }
        dialInProgress = true;
        try {
            await Actions.invokeAction('StartOutboundCall', {
                destination: decision.destination,
                taskAttributes: decision.taskAttributes
            });
        } catch (error) {
            log.error(`StartOutboundCall to ${decision.destination} failed`, error);
            notify('SfDialFailed', { number: decision.destination });
        } finally {
            dialInProgress = false;
        }
    });

    try {
        await openCti.enableClickToDial();
    } catch (error) {
        log.warn('Salesforce refused enableClickToDial', error);
        notify('SfFeatureUnavailable', { feature: 'click-to-dial', reason: describeError(error) });
        return;
    }
    openCti.onClickToDial(onClick);
}
