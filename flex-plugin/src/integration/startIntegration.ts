/*
 * Starts the integration at plugin init: configuration, then the transport (the CRM that hosts
 * Flex: Salesforce through Open CTI, or a host web app over the bridge), then each capability the
 * configuration turns on and the transport supports, in one list. Every way this can fail ends with the integration (or one capability) off, one clear
 * line for the agent or admin, and Flex untouched.
 */
import * as Flex from '@twilio/flex-ui';
import type { LogOutbox } from '../activity-log/logOutbox';
import { browserStorage, registerActivityLog } from '../activity-log/registerActivityLog';
import {
    AGENT_STRINGS,
    flexNotifier,
    nameCrmInStrings,
    registerAgentStrings,
    type Notify
} from '../agent-messages/agentMessages';
import { applySoftphoneLayout, registerAgentUi } from '../agent-ui/registerAgentUi';
import { registerClickToDial } from '../click-to-dial/registerClickToDial';
import { parseHostAppConfig, type HostAppSettings } from '../config/hostAppConfig';
import { parseIntegrationConfig, type IntegrationConfig } from '../config/integrationConfig';
import type { CrmPort } from '../crm/crmPort';
import { registerHostActions } from '../host-actions/registerHostActions';
import { registerInteractionFeed } from '../interaction-feed/registerInteractionFeed';
import {
    createRecordSelection,
    registerRecordSelection,
    type RecordSelection
} from '../record-selection/registerRecordSelection';
import { registerPresenceSync } from '../presence-sync/registerPresenceSync';
import { registerScreenPop } from '../screen-pop/registerScreenPop';
import { readFlexSnapshot } from '../tasks/flexState';
import { TaskLinks } from '../tasks/taskLinks';
import { connectBridge, framingOrigin } from '../transports/bridge/connectBridge';
import { launchedByOpenCti, transportChoice } from './transportChoice';
import { connectSalesforce } from '../transports/salesforce/connectSalesforce';
import { consoleLogger, describeError, type IntegrationContext, type Logger } from './context';

export interface Integration {
    readonly context: IntegrationContext;
    /** Links records to tasks; the task-canvas chooser calls its applySelection. */
    readonly selection: RecordSelection;
    /** Activity logs waiting for the CRM's confirmation. */
    readonly activityLog: LogOutbox;
    stop(): void;
}

export interface StartOptions {
    manager: Flex.Manager;
    window: Window;
    log?: Logger;
}

/** What a capability's registration gets besides the context. */
interface FeatureParts {
    window: Window;
    selection: RecordSelection;
    keepActivityLog(outbox: LogOutbox): void;
}

/**
 * A capability: the setting that turns it on, what it needs from the CRM (a transport without it
 * leaves it out), and how it registers itself with Flex and the CRM.
 */
interface Feature {
    name: string;
    enabled(config: IntegrationConfig, crm: CrmPort): boolean;
    register(context: IntegrationContext, parts: FeatureParts): void | Promise<void>;
}

/**
 * Every capability, in one list. None depends on another being registered first: the task links
 * release a task's state themselves, after every listener of its end has read it.
 */
const FEATURES: readonly Feature[] = [
    {
        name: 'activity log',
        // Always: logs already waiting are delivered even with activity_logging off.
        enabled: () => true,
        register: (context, parts) =>
            parts.keepActivityLog(
                registerActivityLog(context, { storage: browserStorage(parts.window) })
            )
    },
    {
        name: 'record selection',
        enabled: () => true,
        register: (context, parts) => registerRecordSelection(context, parts.selection)
    },
    {
        name: 'screen pop',
        enabled: (config) => config.screen_pop,
        register: (context, parts) => registerScreenPop(context, parts.selection)
    },
    {
        name: 'click-to-dial',
        enabled: (config) => config.click_to_dial,
        register: (context) => registerClickToDial(context)
    },
    {
        name: 'agent UI',
        enabled: () => true,
        register: (context) => registerAgentUi(context)
    },
    {
        name: 'interaction events',
        enabled: (_config, crm) => crm.feed !== undefined,
        register: (context) =>
            context.crm.feed && registerInteractionFeed(context, context.crm.feed)
    },
    {
        name: 'presence sync',
        enabled: (config, crm) => config.presence_sync && crm.presence !== undefined,
        register: (context) =>
            context.crm.presence && registerPresenceSync(context, context.crm.presence)
    },
    {
        name: 'Flex actions',
        enabled: (_config, crm) => crm.actions !== undefined && crm.actions.allowed.length > 0,
        register: (context) =>
            context.crm.actions && registerHostActions(context, context.crm.actions)
    }
];

/** The way in this page offers, from both configuration blocks and who frames Flex. */
type Way =
    | { kind: 'salesforce'; config: IntegrationConfig }
    | {
          kind: 'host-app';
          config: IntegrationConfig;
          host: HostAppSettings;
          framedBy: string | null;
      }
    | { kind: 'off'; reason: string | null };

/**
 * An Open CTI softphone: Salesforce. A host app listed in host_app_integration frames Flex: the
 * bridge. Otherwise Salesforce when its block is on; otherwise the bridge when only its block is on
 * (it reports a page not allowed). See transportChoice.ts.
 */
function chooseWay(customData: unknown, win: Window, log: Logger, notify: Notify): Way {
    const salesforce = parseIntegrationConfig(customData);
    const hostApp = parseHostAppConfig(customData);
    for (const parsed of [salesforce, hostApp]) {
        if (parsed.kind === 'invalid') {
            log.error(`invalid configuration: ${parsed.key} ${parsed.problem}. It is off.`);
            notify('CrmConfigInvalid', { key: parsed.key, problem: parsed.problem });
        }
    }
    const sfOn =
        salesforce.kind === 'valid' && salesforce.config.enabled ? salesforce.config : null;
    const host = hostApp.kind === 'valid' && hostApp.config.enabled ? hostApp : null;
    const framedBy = framingOrigin(win);
    const choice = transportChoice({
        salesforceOn: sfOn !== null,
        hostAppOn: host !== null,
        allowedHostOrigins: host?.host.allowedHostOrigins ?? [],
        framedBy,
        launchedByOpenCti: launchedByOpenCti(win.location?.search ?? '')
    });
    if (choice === 'host-app' && host) {
        return { kind: 'host-app', config: host.config, host: host.host, framedBy };
    }
    if (choice === 'salesforce' && sfOn) {
        return { kind: 'salesforce', config: sfOn };
    }
    if (salesforce.kind === 'absent' && hostApp.kind === 'absent') {
        return {
            kind: 'off',
            reason: 'not configured (custom_data.salesforce_integration and custom_data.host_app_integration are missing)'
        };
    }
    const invalid = salesforce.kind === 'invalid' || hostApp.kind === 'invalid';
    // An invalid block was reported above; an off one says so here.
    return { kind: 'off', reason: invalid ? null : 'disabled by configuration (enabled is false)' };
}

/** The transport for this page. */
function connect(
    way: Exclude<Way, { kind: 'off' }>,
    win: Window,
    manager: Flex.Manager,
    log: Logger,
    notify: Notify
): Promise<CrmPort | null> {
    const embedded = () => applySoftphoneLayout(way.config, manager);
    return way.kind === 'host-app'
        ? connectBridge({
              window: win,
              framedBy: way.framedBy,
              host: way.host,
              log,
              notify,
              embedded
          })
        : connectSalesforce({ window: win, config: way.config, log, notify, embedded });
}

export async function startIntegration({
    manager,
    window: win,
    log = consoleLogger
}: StartOptions): Promise<Integration | null> {
    const strings = manager.strings as unknown as Record<string, string>;
    registerAgentStrings(strings);
    // Flex compiles its strings once the plugins have initialised, which may be before the CRM is
    // known: {{crm}} is therefore also given with every notification, once there is a name.
    const named = { crm: '' };
    const showNotification: Notify = flexNotifier(Flex);
    const notify: Notify = (key, context = {}) =>
        showNotification(
            key,
            named.crm && AGENT_STRINGS[key].includes('{{crm}}')
                ? { crm: named.crm, ...context }
                : context
        );

    // Flex merges ui_attributes (and appConfig.js locally) into manager.configuration; its type omits custom_data.
    const { custom_data: customData } = manager.configuration as { custom_data?: unknown };
    const way = chooseWay(customData, win, log, notify);
    if (way.kind === 'off') {
        if (way.reason) log.info(way.reason);
        return null;
    }
    const config = way.config;

    const crm = await connect(way, win, manager, log, notify);
    if (!crm) {
        return null;
    }
    named.crm = crm.name;
    nameCrmInStrings(strings, crm.name);

    const stops: (() => void)[] = [];
    const links = new TaskLinks((attributes) => crm.linkedRecord(attributes));
    stops.push(links.releaseEnded(manager.events as never));
    const context: IntegrationContext = {
        manager,
        config,
        crm,
        links,
        notify,
        log,
        snapshot: () => readFlexSnapshot(manager),
        onStop: (undo) => stops.push(undo)
    };
    const selection = createRecordSelection(context);
    let activityLog: LogOutbox | null = null;
    const parts: FeatureParts = {
        window: win,
        selection,
        keepActivityLog: (outbox) => (activityLog = outbox)
    };
    for (const feature of FEATURES) {
        if (!feature.enabled(config, crm)) {
            continue;
        }
        try {
            await feature.register(context, parts);
        } catch (error) {
            log.warn(`${feature.name} is off`, error);
            notify('CrmFeatureUnavailable', {
                feature: feature.name,
                reason: describeError(error)
            });
        }
    }
    markIntegrationOn(win);
    log.info(`on, through ${crm.name}`);
    return {
        context,
        selection,
        activityLog: activityLog as unknown as LogOutbox,
        stop: () =>
            stops
                .splice(0)
                .reverse()
                .forEach((undo) => undo())
    };
}

/** A User Timing mark, so an admin's profiler (and the start-up benchmark) sees when it is on. */
export const INTEGRATION_ON_MARK = 'flex-crm-integration:on';

function markIntegrationOn(win: Window): void {
    try {
        win.performance?.mark?.(INTEGRATION_ON_MARK);
    } catch {
        // A browser without User Timing loses a profiling mark, nothing else.
    }
}
