/*
 * Agent UI enhancements inside Salesforce: the utility bar item shows the agent's state, the
 * softphone cannot be popped out while a call rings or is live (popping out reloads the frame and
 * drops the call), the panel opens for an incoming task, and Flex's CRM panel and logo make room.
 * Each follows Flex's state (its Redux store) and sends Salesforce only what changed.
 */
import { MainHeader, type Manager } from '@twilio/flex-ui';
import type { IntegrationConfig } from '../config/integrationConfig';
import { openSoftphonePanel } from '../click-to-dial/registerClickToDial';
import { describeError, guarded, type IntegrationContext } from '../integration/context';
import { ConsoleToolkitClient, loadConsoleToolkit } from '../opencti/openCti';
import type { TaskLike } from '../tasks/taskView';
import { callsInProgress, utilityStatus, type UtilityStatus } from './agentUiState';

/** Runs `change` whenever Flex's state changes (and once now); returns the unsubscribe. */
function onFlexChange(context: IntegrationContext, change: () => void): () => void {
    const run = guarded(context.log, 'agent UI update', change);
    run();
    return context.manager.store.subscribe(run);
}

/** Keeps the utility bar item's icon and label in step with the agent, one call per change. */
export function keepUtilityStatus(context: IntegrationContext): void {
    const { openCti, log, manager } = context;
    const strings = manager.strings as unknown as Record<string, string>;
    let shown: UtilityStatus = { icon: '', label: '' };
    const unsubscribe = onFlexChange(context, () => {
        const next = utilityStatus(context.snapshot(), strings);
        const previous = shown;
        shown = next;
        // A failed call forgets what was shown, so the next change sends it again.
        if (next.icon !== previous.icon) {
            openCti.setSoftphoneItemIcon(next.icon).catch((error: unknown) => {
                shown = { ...shown, icon: '' };
                log.warn('could not set the utility bar icon', error);
            });
        }
        if (next.label !== previous.label) {
            openCti.setSoftphoneItemLabel(next.label).catch((error: unknown) => {
                shown = { ...shown, label: '' };
                log.warn('could not set the utility bar label', error);
            });
        }
    });
    context.onStop(unsubscribe);
}

/**
 * Pop-out is off while any call rings or is live, counted from Flex's tasks: the end of one of
 * two calls leaves it off; it comes back when none is left. The Console Integration Toolkit (a
 * second Salesforce script) is loaded when the first call needs it, not at start-up, so the
 * integration costs Flex's start only Open CTI's script; if it does not load, the agent is told
 * once and pop-out protection stays off.
 */
export function preventPopoutDuringCalls(
    context: IntegrationContext,
    win: Window,
    origin: string
): void {
    const { config, log, notify } = context;
    let toolkit: Promise<ConsoleToolkitClient | null> | null = null;
    const loadToolkit = () =>
        (toolkit ??= loadConsoleToolkit({
            window: win,
            origin,
            apiVersion: config.opencti_api_version,
            timeoutMs: config.opencti_timeout_ms
        }).then(
            (api) => new ConsoleToolkitClient(api, config.opencti_timeout_ms),
            (error: unknown) => {
                log.warn(
                    'pop-out protection is off: the Console Integration Toolkit did not load',
                    error
                );
                notify('SfPopoutUnavailable', { reason: describeError(error) });
                return null;
            }
        ));
    // Salesforce's default: the softphone may be popped out.
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
            .then(async () => {
                const client = await loadToolkit();
                if (!client) {
                    off = true;
                    popoutable = true;
                    return;
                }
                await client.setPopoutable(wanted);
            })
            .catch((error: unknown) => {
                popoutable = !wanted;
                log.warn(`could not set pop-out to ${String(wanted)}`, error);
            });
    });
    context.onStop(unsubscribe);
}

/**
 * The layout changes for Flex inside a Salesforce softphone (no CRM panel, no logo). Applied as
 * soon as the page is known to be an allowed Salesforce softphone, before Flex renders, and without
 * waiting for Open CTI.
 */
export function applySoftphoneLayout(config: IntegrationConfig, manager: Manager): void {
    if (config.hide_crm_container) {
        manager.updateConfig({ componentProps: { AgentDesktopView: { showPanel2: false } } });
    }
    if (config.hide_logo) {
        MainHeader.Content.remove('logo');
    }
}

export function registerAgentUi(context: IntegrationContext, win: Window, origin: string): void {
    const { config, manager, log } = context;
    if (config.utility_bar_status) {
        keepUtilityStatus(context);
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
        preventPopoutDuringCalls(context, win, origin);
    }
}
