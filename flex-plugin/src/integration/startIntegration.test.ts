import type { Logger } from './context';
import { INTEGRATION_ON_MARK, startIntegration, type Integration } from './startIntegration';
import {
    createHarness,
    dismissAllNotifications,
    embedIn,
    ENABLED_FOR_ORG,
    installOpenCti,
    SALESFORCE_ORIGIN,
    settle,
    shownNotifications
} from '../../test/flexHarness';

const quietLog = (): Logger & { lines: string[] } => {
    const lines: string[] = [];
    return {
        lines,
        info: (m) => lines.push(`info ${m}`),
        warn: (m) => lines.push(`warn ${m}`),
        error: (m) => lines.push(`error ${m}`)
    };
};

let running: Integration | null = null;
afterEach(() => {
    running?.stop();
    running = null;
    dismissAllNotifications();
    installOpenCti(null);
    document.head.replaceChildren();
});

const enabled = { salesforce_integration: ENABLED_FOR_ORG };

/** jsdom has no User Timing: record the names `performance.mark` is called with. */
function watchMarks(): string[] {
    const names: string[] = [];
    Object.defineProperty(window.performance, 'mark', {
        configurable: true,
        value: (name: string) => {
            names.push(name);
        }
    });
    return names;
}

test('without the configuration section it stays off, silently for the agent', async () => {
    const h = createHarness({});
    embedIn(SALESFORCE_ORIGIN);
    installOpenCti(h.openCti, h.consoleToolkit);
    const log = quietLog();
    expect(await startIntegration({ manager: h.manager, window, log })).toBeNull();
    expect(shownNotifications()).toEqual([]);
    expect(h.openCti.calls).toEqual([]);
    expect(log.lines).toEqual([expect.stringMatching(/^info not configured/)]);
});

test('an invalid configuration names the key to the agent and stays off', async () => {
    const h = createHarness({ salesforce_integration: { enabled: true, screenpop: true } });
    embedIn(SALESFORCE_ORIGIN);
    installOpenCti(h.openCti, h.consoleToolkit);
    const log = quietLog();
    expect(await startIntegration({ manager: h.manager, window, log })).toBeNull();
    expect(shownNotifications()).toEqual([
        {
            id: 'CrmConfigInvalid',
            context: {
                key: 'salesforce_integration.screenpop',
                problem: expect.stringMatching(/spelling/)
            }
        }
    ]);
    expect(log.lines).toEqual([
        expect.stringMatching(/^error invalid configuration: salesforce_integration\.screenpop/)
    ]);
    expect(h.openCti.calls).toEqual([]);
});

test('enabled:false keeps it off', async () => {
    const h = createHarness({ salesforce_integration: { enabled: false } });
    embedIn(SALESFORCE_ORIGIN);
    installOpenCti(h.openCti, h.consoleToolkit);
    expect(await startIntegration({ manager: h.manager, window, log: quietLog() })).toBeNull();
    expect(h.openCti.calls).toEqual([]);
});

test('outside Salesforce it is off with one info line and no notification', async () => {
    const marks = watchMarks();
    const h = createHarness(enabled);
    embedIn(null);
    const log = quietLog();
    expect(await startIntegration({ manager: h.manager, window, log })).toBeNull();
    expect(log.lines).toEqual([
        expect.stringMatching(/^info off: Flex is not running inside a Salesforce softphone/)
    ]);
    expect(shownNotifications()).toEqual([]);
    expect(document.head.querySelectorAll('script')).toHaveLength(0);
    expect(marks).toEqual([]);
});

test.each([
    'https://evil.force.com.example.net',
    'https://force.com.attacker.io',
    'http://x.lightning.force.com',
    'https://other-org.lightning.force.com'
])('an origin the admin did not list (%s) gets no script loaded from it', async (origin) => {
    const h = createHarness(enabled);
    embedIn(origin);
    expect(await startIntegration({ manager: h.manager, window, log: quietLog() })).toBeNull();
    expect(document.head.querySelectorAll('script')).toHaveLength(0);
    expect(shownNotifications()).toEqual([
        {
            id: 'SfOriginNotAllowed',
            context: { origin, setting: 'salesforce_integration.allowed_origins' }
        }
    ]);
});

test('with no origin configured it stays off and names the setting and the origin it saw', async () => {
    const h = createHarness({ salesforce_integration: { enabled: true } });
    embedIn(SALESFORCE_ORIGIN);
    installOpenCti(h.openCti, h.consoleToolkit);
    const log = quietLog();
    expect(await startIntegration({ manager: h.manager, window, log })).toBeNull();
    expect(h.openCti.calls).toEqual([]);
    expect(shownNotifications()).toEqual([
        {
            id: 'SfOriginNotAllowed',
            context: {
                origin: SALESFORCE_ORIGIN,
                setting: 'salesforce_integration.allowed_origins'
            }
        }
    ]);
    expect(log.lines).toEqual([
        `warn off: no Salesforce origin is configured: add "${SALESFORCE_ORIGIN}" to salesforce_integration.allowed_origins if it is your org`
    ]);
});

test('opened on its own with a softphone address, it stays off without loading anything', async () => {
    const h = createHarness(enabled);
    embedIn(SALESFORCE_ORIGIN, 'Lightning', { framed: false });
    installOpenCti(h.openCti, h.consoleToolkit);
    const log = quietLog();
    expect(await startIntegration({ manager: h.manager, window, log })).toBeNull();
    expect(h.openCti.calls).toEqual([]);
    expect(document.head.querySelectorAll('script')).toHaveLength(0);
    expect(shownNotifications()).toEqual([]);
    expect(log.lines).toEqual([expect.stringMatching(/^info off: Flex was opened on its own/)]);
});

test('trust_any_salesforce_org accepts another org with a warning, but never a Visualforce page', async () => {
    const anyOrg = { salesforce_integration: { enabled: true, trust_any_salesforce_org: true } };
    const h = createHarness(anyOrg);
    embedIn('https://acme--vf.vf.force.com');
    installOpenCti(h.openCti, h.consoleToolkit);
    expect(await startIntegration({ manager: h.manager, window, log: quietLog() })).toBeNull();
    expect(shownNotifications().map((n) => n.id)).toEqual(['SfOriginNotAllowed']);
    dismissAllNotifications();

    const again = createHarness(anyOrg);
    embedIn(SALESFORCE_ORIGIN);
    installOpenCti(again.openCti, again.consoleToolkit);
    const log = quietLog();
    running = await startIntegration({ manager: again.manager, window, log });
    expect(running).not.toBeNull();
    expect(log.lines).toContain(
        `warn ${SALESFORCE_ORIGIN} is accepted only because salesforce_integration.trust_any_salesforce_org is true: any Salesforce org can host this Flex. List your org's origins in salesforce_integration.allowed_origins and turn it off`
    );
});

test('Open CTI failing to load turns the integration off and tells the agent why', async () => {
    const h = createHarness(enabled);
    embedIn(SALESFORCE_ORIGIN);
    const started = startIntegration({ manager: h.manager, window, log: quietLog() });
    const script = document.head.querySelector('script');
    expect(script?.src).toBe(`${SALESFORCE_ORIGIN}/support/api/67.0/lightning/opencti_min.js`);
    script?.dispatchEvent(new Event('error'));
    expect(await started).toBeNull();
    expect(shownNotifications()).toEqual([
        { id: 'SfUnavailable', context: { reason: expect.stringContaining('could not load') } }
    ]);
});

test('when everything is there it subscribes, enables click-to-dial and publishes the state', async () => {
    const h = createHarness(enabled);
    embedIn(SALESFORCE_ORIGIN);
    installOpenCti(h.openCti, h.consoleToolkit);
    const marks = watchMarks();
    running = await startIntegration({ manager: h.manager, window, log: quietLog() });
    await settle();
    expect(running).not.toBeNull();
    // One User Timing mark when it is on (the start-up benchmark reads it).
    expect(marks).toEqual([INTEGRATION_ON_MARK]);
    expect(h.openCti.subscriberCount('Flex_Record_Selection__c')).toBe(1);
    expect(h.openCti.clickToDialEnabled).toBe(true);
    const methods = h.openCti.calls.map((c) => c.method);
    expect(methods.indexOf('enableClickToDial')).toBeLessThan(methods.indexOf('onClickToDial'));
    expect(h.openCti.published).toEqual([
        {
            channelName: 'Flex_Interaction__c',
            message: {
                taskSid: null,
                status: null,
                direction: null,
                channel: null,
                customer: null,
                candidates: [],
                selected: null,
                error: null
            }
        }
    ]);
    running?.stop();
    running = null;
    await settle();
    expect(h.openCti.subscriberCount('Flex_Record_Selection__c')).toBe(0);
});

test('a Salesforce that refuses LMS leaves the other features working', async () => {
    const h = createHarness(enabled);
    embedIn(SALESFORCE_ORIGIN);
    installOpenCti(h.openCti, h.consoleToolkit);
    h.openCti.failNext('subscribe', 1, { code: 'INVALID_PARAM', description: 'Unknown channel' });
    running = await startIntegration({ manager: h.manager, window, log: quietLog() });
    expect(running).not.toBeNull();
    expect(h.openCti.clickToDialEnabled).toBe(true);
    expect(shownNotifications()).toEqual([
        {
            id: 'CrmFeatureUnavailable',
            context: { crm: 'Salesforce', feature: 'record selection', reason: 'Unknown channel' }
        }
    ]);
});

test('flags turn capabilities off', async () => {
    const h = createHarness({
        salesforce_integration: { ...ENABLED_FOR_ORG, click_to_dial: false, screen_pop: false }
    });
    embedIn(SALESFORCE_ORIGIN);
    installOpenCti(h.openCti, h.consoleToolkit);
    running = await startIntegration({ manager: h.manager, window, log: quietLog() });
    expect(running).not.toBeNull();
    expect(h.openCti.callsOf('enableClickToDial')).toEqual([]);
    expect(h.openCti.callsOf('onClickToDial')).toEqual([]);
});

test('agent strings are registered without overwriting a translation', async () => {
    const h = createHarness(enabled);
    (h.manager.strings as unknown as Record<string, string>).CrmChooserNone = 'Aucun de ceux-ci';
    embedIn(null);
    await startIntegration({ manager: h.manager, window, log: quietLog() });
    const strings = h.manager.strings as unknown as Record<string, string>;
    expect(strings.CrmChooserNone).toBe('Aucun de ceux-ci');
    // Not connected to any CRM yet: the CRM's name is filled in once a transport connects.
    expect(strings.CrmChooserTitle).toBe('Which record in {{crm}} is this?');
});

test('once Salesforce is connected, every text names it, translations included', async () => {
    const h = createHarness(enabled);
    (h.manager.strings as unknown as Record<string, string>).CrmChooserTitle =
        'Quel enregistrement de {{crm}} ?';
    embedIn(SALESFORCE_ORIGIN);
    installOpenCti(h.openCti, h.consoleToolkit);
    running = await startIntegration({ manager: h.manager, window, log: quietLog() });
    const strings = h.manager.strings as unknown as Record<string, string>;
    expect(strings.CrmChooserTitle).toBe('Quel enregistrement de Salesforce ?');
    expect(strings.CrmLogsWaiting).toBe('Activity logs waiting for Salesforce: {{count}}');
    expect(Object.values(strings).filter((text) => String(text).includes('{{crm}}'))).toEqual([]);
});
