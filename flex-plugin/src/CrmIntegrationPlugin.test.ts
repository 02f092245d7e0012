// The plugin's init against the real Flex module: Flex waits for init before it shows the agent
// desktop, so init must not wait for Salesforce.
import * as Flex from '@twilio/flex-ui';
import CrmIntegrationPlugin from './CrmIntegrationPlugin';
import {
    createHarness,
    dismissAllNotifications,
    embedIn,
    ENABLED_FOR_ORG,
    installOpenCti,
    SALESFORCE_ORIGIN,
    settle,
    shownNotifications
} from '../test/flexHarness';

afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
    dismissAllNotifications();
    installOpenCti(null);
    document.head.replaceChildren();
});

const enabled = { salesforce_integration: { ...ENABLED_FOR_ORG, opencti_timeout_ms: 5000 } };

test('init resolves while Salesforce’s script is still loading; the layout is already applied', async () => {
    jest.useFakeTimers();
    const h = createHarness(enabled);
    embedIn(SALESFORCE_ORIGIN);
    const removed = jest.spyOn(Flex.MainHeader.Content, 'remove');
    const plugin = new CrmIntegrationPlugin();

    let initDone = false;
    const init = plugin.init(Flex, h.manager).then(() => {
        initDone = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    // Open CTI's script tag is there but has not loaded (jsdom never loads it): Flex is not held.
    expect(document.head.querySelector('script[src*="opencti"]')).not.toBeNull();
    expect(initDone).toBe(true);
    await init;
    // The softphone layout did not wait for Salesforce either.
    expect(removed).toHaveBeenCalledWith('logo');
    expect(h.configUpdates).toEqual([
        { componentProps: { AgentDesktopView: { showPanel2: false } } }
    ]);

    // Salesforce never answers: after the timeout the integration is off and the agent is told.
    jest.advanceTimersByTime(5000);
    jest.useRealTimers();
    await expect(plugin.started).resolves.toBeNull();
    await settle();
    expect(shownNotifications().map((n) => n.id)).toEqual(['SfUnavailable']);
});

test('an error inside the integration never reaches Flex', async () => {
    const h = createHarness(enabled);
    embedIn(SALESFORCE_ORIGIN);
    // Flex's strings refuse the plugin's (a frozen object): startIntegration throws at once.
    Object.defineProperty(h.manager, 'strings', { value: Object.freeze({}) });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const plugin = new CrmIntegrationPlugin();
    await expect(plugin.init(Flex, h.manager)).resolves.toBeUndefined();
    await expect(plugin.started).resolves.toBeNull();
    expect(errors).toHaveBeenCalledWith(
        '[crm-integration] could not start; the CRM features are off',
        expect.any(TypeError)
    );
});
