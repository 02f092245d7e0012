/*
 * Starts the integration at plugin init: configuration, the Salesforce origin, Open CTI, then each
 * capability the configuration turns on. Every way this can fail ends with the integration (or one
 * capability) off, one clear line for the agent or admin, and Flex untouched.
 */
import * as Flex from '@twilio/flex-ui';
import type { LogOutbox } from '../activity-log/logOutbox';
import { browserStorage, registerActivityLog } from '../activity-log/registerActivityLog';
import { flexNotifier, registerAgentStrings, type Notify } from '../agent-messages/agentMessages';
import { applySoftphoneLayout, registerAgentUi } from '../agent-ui/registerAgentUi';
import { registerClickToDial } from '../click-to-dial/registerClickToDial';
import { parseIntegrationConfig } from '../config/integrationConfig';
import { loadOpenCti, OpenCtiClient } from '../opencti/openCti';
import {
    ALLOWED_ORIGINS_SETTING,
    resolveSalesforceOrigin,
    type HostingPage
} from '../opencti/salesforceOrigin';
import {
    createRecordSelection,
    registerRecordSelection,
    type RecordSelection
} from '../record-selection/registerRecordSelection';
import { registerScreenPop } from '../screen-pop/registerScreenPop';
import { readFlexSnapshot } from '../tasks/flexState';
import { TaskLinks } from '../tasks/taskLinks';
import { consoleLogger, describeError, type IntegrationContext, type Logger } from './context';

export interface Integration {
    readonly context: IntegrationContext;
    /** Links records to tasks; the task-canvas chooser calls its applySelection. */
    readonly selection: RecordSelection;
    /** Activity logs waiting for Salesforce's confirmation. */
    readonly activityLog: LogOutbox;
    stop(): void;
}

export interface StartOptions {
    manager: Flex.Manager;
    window: Window;
    log?: Logger;
}

export async function startIntegration({
    manager,
    window: win,
    log = consoleLogger
}: StartOptions): Promise<Integration | null> {
    const strings = manager.strings as unknown as Record<string, string>;
    registerAgentStrings(strings);
    const notify: Notify = flexNotifier(Flex);

    // Flex merges ui_attributes (and appConfig.js locally) into manager.configuration; its type omits custom_data.
    const { custom_data: customData } = manager.configuration as { custom_data?: unknown };
    const parsed = parseIntegrationConfig(customData);
    if (parsed.kind === 'absent') {
        log.info('not configured (custom_data.salesforce_integration is missing): off');
        return null;
    }
    if (parsed.kind === 'invalid') {
        log.error(
            `invalid configuration: ${parsed.key} ${parsed.problem}. The integration is off.`
        );
        notify('SfConfigInvalid', { key: parsed.key, problem: parsed.problem });
        return null;
    }
    const config = parsed.config;
    if (!config.enabled) {
        log.info('disabled by configuration (salesforce_integration.enabled is false)');
        return null;
    }

    const origin = resolveSalesforceOrigin(hostingPage(win), {
        allowedOrigins: config.allowed_origins,
        trustAnySalesforceOrg: config.trust_any_salesforce_org
    });
    if (origin.kind === 'not-embedded') {
        log.info(`off: ${origin.reason}`);
        return null;
    }
    if (origin.kind === 'not-allowed') {
        log.warn(`off: ${origin.reason}`);
        notify('SfOriginNotAllowed', { origin: origin.origin, setting: ALLOWED_ORIGINS_SETTING });
        return null;
    }
    if (origin.kind === 'refused') {
        log.warn(`off: ${origin.reason}`);
        notify('SfUnavailable', { reason: origin.reason });
        return null;
    }
    if (origin.warning) {
        log.warn(origin.warning);
    }
    // Everything above runs before the first await, so before Flex renders (the plugin's init
    // does not wait for what follows: Salesforce may be slow).
    applySoftphoneLayout(config, manager);

    let openCti: OpenCtiClient;
    try {
        const api = await loadOpenCti({
            window: win,
            origin: origin.origin,
            apiVersion: config.opencti_api_version,
            timeoutMs: config.opencti_timeout_ms
        });
        openCti = new OpenCtiClient(api, config.opencti_timeout_ms);
    } catch (error) {
        log.warn('off: Open CTI did not load', error);
        notify('SfUnavailable', { reason: describeError(error) });
        return null;
    }

    const stops: (() => void)[] = [];
    const context: IntegrationContext = {
        manager,
        config,
        openCti,
        links: new TaskLinks(),
        notify,
        log,
        snapshot: () => readFlexSnapshot(manager),
        onStop: (undo) => stops.push(undo)
    };
    const selection = createRecordSelection(context);
    // Before record selection: on taskCanceled the log must read the link before it is released.
    const activityLog = registerActivityLog(context, { storage: browserStorage(win) });

    try {
        await registerRecordSelection(context, selection);
    } catch (error) {
        log.warn('record selection over Lightning Message Service is off', error);
        notify('SfFeatureUnavailable', {
            feature: 'record selection',
            reason: describeError(error)
        });
    }
    if (config.screen_pop) {
        registerScreenPop(context, selection);
    }
    if (config.click_to_dial) {
        await registerClickToDial(context);
    }
    registerAgentUi(context, win, origin.origin);
    markIntegrationOn(win);
    log.info(`on, connected to ${origin.origin}`);
    return {
        context,
        selection,
        activityLog,
        stop: () =>
            stops
                .splice(0)
                .reverse()
                .forEach((undo) => undo())
    };
}

/** What the origin decision needs from the page; reading `parent` never throws, even cross-origin. */
function hostingPage(win: Window): HostingPage {
    return {
        search: win.location.search,
        protocol: win.location.protocol,
        framed: win.parent !== win,
        ancestorOrigins: win.location.ancestorOrigins
            ? Array.from(win.location.ancestorOrigins)
            : null
    };
}

/** A User Timing mark, so an admin's profiler (and the start-up benchmark) sees when it is on. */
export const INTEGRATION_ON_MARK = 'flex-salesforce-integration:on';

function markIntegrationOn(win: Window): void {
    try {
        win.performance?.mark?.(INTEGRATION_ON_MARK);
    } catch {
        // A browser without User Timing loses a profiling mark, nothing else.
    }
}
