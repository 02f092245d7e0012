import type { Integration } from '../integration/startIntegration';
import { startIntegration } from '../integration/startIntegration';
import {
    createHarness,
    dismissAllNotifications,
    embedIn,
    ENABLED_FOR_ORG,
    installOpenCti,
    makeTask,
    SALESFORCE_ORIGIN,
    settle,
    shownNotifications,
    type Harness
} from '../../test/flexHarness';

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
let running: Integration | null = null;
let h: Harness;

async function start(settings: Record<string, unknown> = {}) {
    h = createHarness({ salesforce_integration: { ...ENABLED_FOR_ORG, ...settings } });
    embedIn(SALESFORCE_ORIGIN);
    installOpenCti(h.openCti, h.consoleToolkit);
    running = await startIntegration({ manager: h.manager, window, log });
    await settle();
}

afterEach(() => {
    running?.stop();
    running = null;
    dismissAllNotifications();
    installOpenCti(null);
});

const contactClick = {
    number: '(415) 555-0100',
    recordId: '003000000000001AAA',
    recordName: 'Ada Lovelace',
    objectType: 'Contact'
};

test('a click on a phone field starts an outbound call to the E.164 number with the record', async () => {
    await start();
    h.openCti.clickToDial(contactClick);
    await settle();
    expect(h.backend.outboundCalls).toEqual([
        {
            destination: '+14155550100',
            taskAttributes: {
                sfdcObjectId: '003000000000001AAA',
                sfdcObjectType: 'Contact',
                sfdcObjectName: 'Ada Lovelace'
            }
        }
    ]);
    expect(shownNotifications()).toEqual([]);
});

test('a person account is called as its person contact', async () => {
    await start();
    h.openCti.clickToDial({
        number: '+44 20 7946 0958',
        recordId: '001000000000001AAA',
        recordName: 'Grace Hopper',
        objectType: 'Account',
        personAccount: true,
        contactId: '003000000000002AAA'
    });
    await settle();
    expect(h.backend.outboundCalls[0]).toEqual({
        destination: '+442079460958',
        taskAttributes: {
            sfdcObjectId: '003000000000002AAA',
            sfdcObjectType: 'Contact',
            sfdcObjectName: 'Grace Hopper'
        }
    });
});

test('"call me" places no call and tells the agent why', async () => {
    await start();
    h.openCti.clickToDial({ ...contactClick, number: 'call me' });
    await settle();
    expect(h.backend.outboundCalls).toEqual([]);
    expect(shownNotifications()).toEqual([
        { id: 'CrmDialInvalidNumber', context: { number: 'call me' } }
    ]);
});

test('already on a call: no second call, a notification', async () => {
    await start();
    h.addTask(makeTask({ status: 'accepted' }));
    h.openCti.clickToDial(contactClick);
    await settle();
    expect(h.backend.outboundCalls).toEqual([]);
    expect(shownNotifications().map((n) => n.id)).toEqual(['CrmDialOnCall']);
});

test('a second click while the first call is connecting is refused', async () => {
    await start();
    h.backend.holdOutbound = true;
    h.openCti.clickToDial(contactClick);
    await settle();
    h.openCti.clickToDial(contactClick);
    await settle();
    expect(h.backend.outboundCalls).toHaveLength(1);
    expect(shownNotifications().map((n) => n.id)).toEqual(['CrmDialPending']);
    h.backend.releaseOutbound();
});

test('offline: no call, a notification', async () => {
    await start();
    h.state.activity = { name: 'Offline', available: false };
    h.openCti.clickToDial(contactClick);
    await settle();
    expect(h.backend.outboundCalls).toEqual([]);
    expect(shownNotifications().map((n) => n.id)).toEqual(['CrmDialOffline']);
});

test('a failing StartOutboundCall is reported, and the next click works', async () => {
    await start();
    h.backend.failOutbound = 1;
    h.openCti.clickToDial(contactClick);
    await settle();
    expect(shownNotifications()).toEqual([
        { id: 'CrmDialFailed', context: { number: '+14155550100' } }
    ]);
    h.openCti.clickToDial(contactClick);
    await settle();
    expect(h.backend.outboundCalls).toHaveLength(2);
});

test('opens the softphone panel when hidden, and leaves it alone when visible', async () => {
    await start();
    h.openCti.clickToDial(contactClick);
    await settle();
    expect(h.openCti.callsOf('setSoftphonePanelVisibility')).toEqual([
        { visible: true, callback: expect.any(Function) }
    ]);
    h.openCti.clickToDial(contactClick);
    await settle();
    expect(h.openCti.callsOf('isSoftphonePanelVisible')).toHaveLength(2);
    expect(h.openCti.callsOf('setSoftphonePanelVisibility')).toHaveLength(1);
});

test('with show_panel_automatically off the panel is not touched', async () => {
    await start({ show_panel_automatically: false });
    h.openCti.clickToDial(contactClick);
    await settle();
    expect(h.backend.outboundCalls).toHaveLength(1);
    expect(h.openCti.callsOf('isSoftphonePanelVisible')).toEqual([]);
    expect(h.openCti.callsOf('setSoftphonePanelVisibility')).toEqual([]);
});

test('Salesforce refusing enableClickToDial: no listener, the agent is told', async () => {
    h = createHarness({ salesforce_integration: ENABLED_FOR_ORG });
    embedIn(SALESFORCE_ORIGIN);
    installOpenCti(h.openCti, h.consoleToolkit);
    h.openCti.failNext('enableClickToDial', 1, {
        code: 'GENERIC_ERROR',
        description: 'Not allowed'
    });
    running = await startIntegration({ manager: h.manager, window, log });
    expect(h.openCti.callsOf('onClickToDial')).toEqual([]);
    expect(shownNotifications()).toEqual([
        {
            id: 'CrmFeatureUnavailable',
            context: { crm: 'Salesforce', feature: 'click-to-dial', reason: 'Not allowed' }
        }
    ]);
});

test('a malformed payload from Salesforce is refused without throwing', async () => {
    await start();
    h.openCti.clickToDial(undefined as never);
    h.openCti.clickToDial({ number: 42 });
    await settle();
    expect(h.backend.outboundCalls).toEqual([]);
});
