/*
 * Agent UI enhancements inside the CRM: its chrome shows the agent's state (Salesforce: the utility
 * bar item), the softphone cannot be popped out while a call rings or is live (popping out reloads
 * the frame and drops the call), the panel opens for an incoming task, and Flex's CRM panel and logo
 * make room. Each follows Flex's state (its Redux store) and sends the CRM only what changed.
 */
import { MainHeader, type Manager } from '@twilio/flex-ui';
import type { IntegrationConfig } from '../config/integrationConfig';
import { openSoftphonePanel } from '../click-to-dial/registerClickToDial';
import { CrmCapabilityUnavailable, type CrmPort } from '../crm/crmPort';
import { guarded, type IntegrationContext } from '../integration/context';
import type { TaskLike } from '../tasks/taskView';
import { callsInProgress, utilityStatus, type UtilityStatus } from './agentUiState';

/** Runs `change` whenever Flex's state changes (and once now); returns the unsubscribe. */
function onFlexChange(context: IntegrationContext, change: () => void): () => void {
    const run = guarded(context.log, 'agent UI update', change);
    run();
    return context.manager.store.subscribe(run);
}

/** Keeps the agent's state in the CRM's chrome in step with Flex, one call per change. */
export function keepUtilityStatus(
    context: IntegrationContext,
    status: NonNullable<CrmPort['status']>
): void {
    const { log, manager } = context;
    const strings = manager.strings as unknown as Record<string, string>;
    let shown: UtilityStatus | null = null;
    const unsubscribe = onFlexChange(context, () => {
        const next = utilityStatus(context.snapshot(), strings);
        if (shown && next.state === shown.state && next.label === shown.label) {
            return;
        }
        shown = next;
        // A failed call forgets what was shown, so the next change sends it again.
        status.show(next.state, next.label).catch((error: unknown) => {
            shown = null;
            log.warn('could not show the agent state in the CRM', error);
        });
    });
    context.onStop(unsubscribe);
}

/**
 * Pop-out is off while any call rings or is live, counted from Flex's tasks: the end of one of
 * two calls leaves it off; it comes back when none is left. If the CRM cannot lock it after all
 * (Salesforce: the Console Integration Toolkit did not load), the agent is told once and pop-out
 * protection stays off.
 */
export function preventPopoutDuringCalls(
    context: IntegrationContext,
    popout: NonNullable<CrmPort['popout']>
): void {
    const { log, notify } = context;
    // The CRM's default: the softphone may be popped out.
    let popoutable = true;
    let off = false;
    let queue = Promise.resolve();
    const unsubscribe = onFlexChange(context, () => {
        const wanted = callsInProgress(context.snapshot()) === 0;
        if (off || wanted === popoutable) {
            return;
        }
        popoutable = wanted;
        // In order: "off" for a new call must never land after a later "on".
        queue = queue
            .then(() => popout.allow(wanted))
            .catch((error: unknown) => {
                if (error instanceof CrmCapabilityUnavailable) {
                    off = true;
                    popoutable = true;
                    log.warn(`pop-out protection is off: ${error.description}`);
                    notify('SfPopoutUnavailable', { reason: error.description });
                    return;
                }
                popoutable = !wanted;
                log.warn(`could not set pop-out to ${String(wanted)}`, error);
            });
    });
    context.onStop(unsubscribe);
}

/**
 * The layout changes for Flex embedded in a CRM (no CRM panel, no logo). Applied as soon as the
 * transport knows the page is an allowed host, before Flex renders, and without waiting for the
 * CRM to answer.
 */
export function applySoftphoneLayout(config: IntegrationConfig, manager: Manager): void {
    if (config.hide_crm_container) {
        manager.updateConfig({ componentProps: { AgentDesktopView: { showPanel2: false } } });
    }
    if (config.hide_logo) {
        MainHeader.Content.remove('logo');
    }
}

export function registerAgentUi(context: IntegrationContext): void {
    const { config, manager, log, crm } = context;
    if (config.utility_bar_status) {
        if (crm.status) {
            keepUtilityStatus(context, crm.status);
        } else {
            log.info(`utility_bar_status is on, but ${crm.name} has no place to show it`);
        }
    }
    if (config.show_panel_automatically) {
        const onReceived = guarded(log, 'open the softphone panel', async (task: TaskLike) => {
            if (task?.status === 'pending') {
                await openSoftphonePanel(context);
            }
        });
        manager.events.addListener('taskReceived', onReceived);
        context.onStop(() => manager.events.removeListener('taskReceived', onReceived));
    }
    if (config.prevent_popout_during_call) {
        if (crm.popout) {
            preventPopoutDuringCalls(context, crm.popout);
        } else {
            log.info(`prevent_popout_during_call is on, but ${crm.name} cannot pop Flex out`);
        }
    }
}
