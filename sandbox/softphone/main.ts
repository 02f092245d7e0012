// The softphone page: the real Flex UI, logged in as a sandbox agent, with the real plugin bundle
// loaded through Flex's own plugin manager. Stand-ins only for what needs Twilio's servers.
import type * as FlexSdk from '@twilio/flex-ui';
import type * as ReduxSdk from 'redux';
import type * as ReactSdk from 'react';
import type * as ReactDomSdk from 'react-dom';
import type * as ReactReduxSdk from 'react-redux';
import { createSandboxManager } from './flexManager.ts';
import { flexInternals } from './standins/flexInternals.ts';
import { createCbmClient } from './standins/conversationsClient.ts';
import { SandboxWorker } from './standins/taskRouter.ts';
import { createSwitchboard } from './switchboard.ts';
import { mountControls } from './controls.ts';
import { sandboxFlexConfiguration } from './configuration.ts';

interface SoftphoneGlobals {
    Twilio?: { Flex?: typeof FlexSdk };
    Redux: typeof ReduxSdk;
    React: typeof ReactSdk;
    ReactDOM: typeof ReactDomSdk;
    ReactRedux: typeof ReactReduxSdk;
}

const PLUGIN_UUID = 'sandbox-plugin-salesforce-integration';
// Read by the start-up benchmark and the e2e tests (by name: this file runs only in the page).
const FLEX_READY_MARK = 'sandbox:flex-ready';

/**
 * `sandboxLoginMs=N`: the agent takes N ms to log in. As with Flex's real login (its own page,
 * SSO), no plugin runs meanwhile, and the frame then loads the agent desktop as a new document.
 */
function loggingIn(): boolean {
    const loginMs = Number(new URLSearchParams(location.search).get('sandboxLoginMs'));
    if (!(loginMs > 0)) return false;
    const root = document.getElementById('flex-root');
    const notice = document.createElement('p');
    notice.className = 'sandbox-login';
    notice.setAttribute('role', 'status');
    notice.textContent = `Logging in to Flex… (the sandbox agent takes ${Math.round(loginMs / 1000)} s)`;
    root?.replaceChildren(notice);
    setTimeout(() => {
        const desktop = new URL(location.href);
        desktop.searchParams.delete('sandboxLoginMs');
        location.replace(desktop.href);
    }, loginMs);
    return true;
}

async function start(): Promise<void> {
    if (loggingIn()) return;
    const globals = window as unknown as SoftphoneGlobals & { sandboxLoadErrors?: string[] };
    const flex = globals.Twilio?.Flex;
    if (!flex) {
        // What an agent meets in Salesforce when the browser blocks Flex's storage (preflight.ts).
        const why = globals.sandboxLoadErrors?.join(' ') || 'no error was reported';
        throw new Error(`The Flex UI did not load: ${why}`);
    }
    const worker = new SandboxWorker();
    const offline = worker.activityNamed('Offline');
    const configuration = sandboxFlexConfiguration(new URLSearchParams(location.search));
    const manager = createSandboxManager({
        flex,
        redux: globals.Redux,
        configuration,
        offlineActivitySid: offline?.sid ?? ''
    });

    // What Flex's FlexClientManager does once TaskRouter says the worker is ready.
    const { flexModule, workerState } = flexInternals();
    flexModule.cbmClient = createCbmClient();
    flexModule.workerClient = worker;
    workerState.init(worker);

    const switchboard = createSwitchboard({ flex, worker });
    // As in Manager.create(): plugins initialise first, then Flex compiles its strings (the
    // plugin's own included) and the agent desktop renders.
    const switches = new URLSearchParams(location.search);
    // `sandboxPlugin=off` starts Flex without the plugin (the start-up benchmark's baseline).
    if (switches.get('sandboxPlugin') !== 'off') {
        await loadPlugin(flex, manager);
    }
    // `sandboxLayout=softphone`: the layout the integration gives Flex in a softphone (no CRM
    // panel, no logo) without the integration, so a run with it off renders the same Flex.
    if (switches.get('sandboxLayout') === 'softphone') {
        manager.updateConfig({ componentProps: { AgentDesktopView: { showPanel2: false } } });
        flex.MainHeader.Content.remove('logo');
    }
    await manager.loadInitialData();

    const root = document.getElementById('flex-root');
    if (!root) {
        throw new Error('The softphone page has no #flex-root.');
    }
    const { React, ReactDOM, ReactRedux } = globals;
    ReactDOM.render(
        React.createElement(
            ReactRedux.Provider,
            { store: manager.store as never },
            React.createElement(
                flex.ContextProvider,
                { manager },
                React.createElement(flex.RootContainer)
            )
        ),
        root
    );

    mountControls(document.getElementById('sandbox-controls'), switchboard);
    (window as unknown as Record<string, unknown>).sandboxPhone = switchboard;

    // The agent desktop is rendered: what the start-up benchmark calls "Flex ready".
    performance.mark(FLEX_READY_MARK);
    switchboard.markReady();
}

/** Loads the built plugin the way Flex loads a deployed one: its plugin manager and a script tag. */
function loadPlugin(flex: typeof FlexSdk, manager: FlexSdk.Manager): Promise<void> {
    const plugins = (flex as unknown as { Plugins: PluginManager }).Plugins;
    plugins.setup(flex, manager);
    plugins.storePluginDefinition([
        {
            name: 'plugin-salesforce-integration',
            version: 'sandbox',
            src: '/softphone/plugin-salesforce-integration.js',
            phase: 3,
            uuid: PLUGIN_UUID,
            state: 'NotStarted'
        }
    ]);
    return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.setAttribute('uuid', PLUGIN_UUID);
        script.src = '/softphone/plugin-salesforce-integration.js';
        script.onerror = () => reject(new Error('The plugin bundle did not load.'));
        document.head.appendChild(script);
        manager.events.addListener('pluginsInitialized', () => resolve());
    });
}

interface PluginManager {
    setup(flex: unknown, manager: unknown): void;
    storePluginDefinition(plugins: unknown[]): void;
}

start().catch((error: unknown) => {
    const banner = document.getElementById('sandbox-fatal');
    if (banner) {
        banner.hidden = false;
        banner.textContent = `The sandbox softphone did not start: ${error instanceof Error ? error.message : String(error)}`;
    }
    console.error(error);
});
