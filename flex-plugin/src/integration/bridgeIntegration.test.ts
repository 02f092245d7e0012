// The whole integration over the bridge: the plugin started with host_app_integration, in a Flex
// frame inside a host page that uses the real host SDK; real Flex Actions and events.
import * as Flex from '@twilio/flex-ui';
import {
    connectFlex,
    type FlexConnection,
    type HostHandlers
} from '../../../packages/flex-host-sdk/src/hostConnection.ts';
import type { Activity, BridgeRecord } from '../../../packages/flex-host-sdk/src/protocol.ts';
import {
    createFakeFrames,
    type FakeFrames
} from '../../../packages/flex-host-sdk/test/fakeFrames.ts';
import {
    ACTIVITIES,
    createHarness,
    dismissAllNotifications,
    makeTask,
    settle,
    shownNotifications,
    type Harness
} from '../../test/flexHarness';
import { startIntegration, type Integration } from './startIntegration';

const HOST = 'https://crm.example.com';
const ADA: BridgeRecord = { recordId: 'CUS-1', objectApiName: 'Customer', name: 'Ada Lovelace' };
const ADA2: BridgeRecord = { recordId: 'CUS-2', objectApiName: 'Customer', name: 'Ada King' };
const SETTINGS = {
    enabled: true,
    allowed_host_origins: [HOST],
    host_name: 'Acme CRM',
    exposed_attributes: ['from', 'name'],
    dial_attributes: ['campaign'],
    allowed_actions: ['ToggleMute', 'SetActivity', 'HoldCall'],
    forwarded_events: ['taskUpdated']
};
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface Running {
    h: Harness;
    frames: FakeFrames;
    integration: Integration | null;
    connection: FlexConnection;
    app: {
        searches: Activity[] | unknown[];
        opened: string[];
        saved: Activity[];
        events: unknown[];
    };
}

let running: Running | null = null;
afterEach(() => {
    running?.integration?.stop();
    running?.connection.destroy();
    running = null;
    dismissAllNotifications();
});

async function start(
    settings: Record<string, unknown> = SETTINGS,
    handlers: (app: Running['app']) => HostHandlers = () => ({}),
    hostOrigin = HOST
): Promise<Running> {
    const h = createHarness({ host_app_integration: settings });
    const frames = createFakeFrames({ hostOrigin });
    Object.assign(frames.flex, {
        localStorage: window.localStorage,
        performance: window.performance
    });
    const app: Running['app'] = { searches: [], opened: [], saved: [], events: [] };
    const starting = startIntegration({
        manager: h.manager,
        window: frames.flex as unknown as Window,
        log: quiet
    });
    // The SDK waits for Flex as long as the frame exists: a page Flex refuses gives up here.
    const abort = new AbortController();
    const giveUp = setTimeout(() => abort.abort(), 1500);
    const connection = await connectFlex({
        iframe: frames.iframe as unknown as HTMLIFrameElement,
        flexOrigin: 'https://flex.twilio.com',
        window: frames.host as unknown as Window,
        signal: abort.signal,
        handlers: handlers(app)
    }).catch(() => null);
    clearTimeout(giveUp);
    const integration = await starting;
    if (!connection) {
        running = {
            h,
            frames,
            integration,
            connection: { destroy: () => undefined } as FlexConnection,
            app
        };
        return running;
    }
    for (const event of [
        'interaction',
        'availability',
        'presence',
        'flexEvent',
        'chooser'
    ] as const) {
        connection.on(event, (data) => app.events.push({ event, data }));
    }
    running = { h, frames, integration, connection, app };
    await settle();
    return running;
}

async function accept(h: Harness, attributes: Record<string, unknown>) {
    const task = h.addTask(makeTask({ status: 'pending', attributes }), { select: true });
    h.events.emit('taskReceived', task);
    await Flex.Actions.invokeAction('AcceptTask', { task });
    h.events.emit('taskAccepted', task);
    await settle(10);
    return task;
}

test('a framed host app on the list connects: the bridge is chosen and texts name the host', async () => {
    const { integration, connection, h } = await start();
    expect(integration?.context.crm.name).toBe('Acme CRM');
    expect(connection.status).toBe('connected');
    expect(connection.allowedActions).toEqual(['ToggleMute', 'SetActivity', 'HoldCall']);
    const strings = h.manager.strings as unknown as Record<string, string>;
    expect(strings.CrmChooserTitle).toBe('Which record in Acme CRM is this?');
    // Salesforce's chrome is not there: no utility bar status, no pop-out lock.
    expect(integration?.context.crm.status).toBeUndefined();
    expect(integration?.context.crm.popout).toBeUndefined();
});

test('click-to-dial from the host: E.164, the record linked, allowed attributes only', async () => {
    const { connection, h } = await start();
    await connection.dial('(415) 555-0100', { record: ADA, attributes: { campaign: 'spring' } });
    await settle();
    expect(h.backend.outboundCalls).toEqual([
        {
            destination: '+14155550100',
            taskAttributes: {
                campaign: 'spring',
                hostRecordId: 'CUS-1',
                hostRecordType: 'Customer',
                hostRecordName: 'Ada Lovelace'
            }
        }
    ]);
    await expect(
        connection.dial('+14155550100', { attributes: { priority: 9 } })
    ).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await settle();
    expect(h.backend.outboundCalls).toHaveLength(1);
});

test('a dial Flex does not place: the host gets a typed error with the reason, as the agent does', async () => {
    const { connection, h } = await start();
    const refusal = (number: string) =>
        connection.dial(number).then(
            () => null,
            (error: { code: string; message: string; fields: readonly string[] }) => ({
                code: error.code,
                message: error.message,
                fields: [...error.fields]
            })
        );
    expect(await refusal('call me maybe')).toEqual({
        code: 'REFUSED',
        message: 'Flex did not call call me maybe: it is not a phone number',
        fields: ['number']
    });
    h.backend.failOutbound = 1;
    expect(await refusal('+14155550100')).toEqual({
        code: 'FAILED',
        message: 'Flex could not start the call to +14155550100',
        fields: []
    });
    h.state.activity = { name: 'Offline', available: false };
    expect(await refusal('+14155550100')).toEqual({
        code: 'REFUSED',
        message: 'Flex did not call +14155550100: the agent is offline in Flex',
        fields: []
    });
    expect(shownNotifications().map((shown) => shown.id)).toEqual([
        'CrmDialInvalidNumber',
        'CrmDialFailed',
        'CrmDialOffline'
    ]);
});

test('screen pop: one match is linked and opened in the host; the host saw who it is', async () => {
    const searched: unknown[] = [];
    const { h, app } = await start(SETTINGS, (app) => ({
        search: (query, interaction) => {
            searched.push({ query, interaction });
            return query === '+14155550100' ? [ADA] : [];
        },
        openRecord: (record) => void app.opened.push(record.recordId)
    }));
    const task = await accept(h, {
        direction: 'inbound',
        from: '+14155550100',
        secret: 'not exposed'
    });
    expect(searched).toEqual([
        {
            query: '+14155550100',
            interaction: expect.objectContaining({
                taskSid: task.taskSid,
                channel: 'voice',
                direction: 'inbound',
                customer: { number: '+14155550100', name: null, address: '+14155550100' },
                attributes: { from: '+14155550100' }
            })
        }
    ]);
    expect(app.opened).toEqual(['CUS-1']);
    expect(h.backend.setAttributes).toEqual([
        {
            sid: task.sid,
            attributes: {
                hostRecordId: 'CUS-1',
                hostRecordType: 'Customer',
                hostRecordName: 'Ada Lovelace'
            },
            mergeExisting: true
        }
    ]);
    expect(app.events).toContainEqual({
        event: 'interaction',
        data: {
            event: 'accepted',
            interaction: expect.objectContaining({ taskSid: task.taskSid, status: 'accepted' })
        }
    });
});

test('a host that never answers a search: Flex gives up after request_timeout_ms, tells the agent, and goes on', async () => {
    const { h } = await start({ ...SETTINGS, request_timeout_ms: 1000 }, () => ({
        search: () => new Promise<BridgeRecord[]>(() => undefined)
    }));
    const task = await accept(h, { direction: 'inbound', from: '+14155550100' });
    expect(task.status).toBe('accepted');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await settle();
    expect(shownNotifications()).toContainEqual({
        id: 'CrmScreenPopFailed',
        context: {
            crm: 'Acme CRM',
            reason: expect.stringMatching(/search had no answer within 1000 ms/)
        }
    });
    expect(h.backend.setAttributes).toEqual([]);
});

test('several matches: the host gets the chooser, and its choice links the record', async () => {
    const { h, app, connection } = await start(SETTINGS, () => ({ search: () => [ADA, ADA2] }));
    const task = await accept(h, { direction: 'inbound', from: '+14155550100' });
    const choosers = app.events.filter((e) => (e as { event: string }).event === 'chooser') as {
        data: { candidates: unknown[]; taskSid: string };
    }[];
    expect(choosers.slice(-1)[0]?.data).toMatchObject({
        taskSid: task.taskSid,
        candidates: [ADA, ADA2],
        selected: null
    });
    expect(h.backend.setAttributes).toEqual([]);
    await connection.linkRecord(ADA2, task.taskSid);
    await settle(10);
    expect(h.backend.setAttributes).toEqual([
        {
            sid: task.sid,
            attributes: {
                hostRecordId: 'CUS-2',
                hostRecordType: 'Customer',
                hostRecordName: 'Ada King'
            },
            mergeExisting: true
        }
    ]);
    await connection.linkRecord(null, task.taskSid);
    await settle(10);
    expect(h.backend.setAttributes.slice(-1)[0]?.attributes).toEqual({
        hostRecordId: null,
        hostRecordType: null,
        hostRecordName: null
    });
});

test('completing: one activity reaches the host, with the record, and the host id confirms it', async () => {
    const { h, app, integration } = await start(SETTINGS, (app) => ({
        search: () => [ADA],
        saveActivity: (activity) => {
            app.saved.push(activity);
            return `ACT-${app.saved.length}`;
        }
    }));
    const task = await accept(h, { direction: 'inbound', from: '+14155550100' });
    await Flex.Actions.invokeAction('CompleteTask', { task });
    h.events.emit('taskCompleted', task);
    await settle(20);
    expect(app.saved).toEqual([
        expect.objectContaining({
            activityKey: task.taskSid,
            taskSid: task.taskSid,
            subject: 'Inbound call from +14155550100',
            channel: 'voice',
            direction: 'inbound',
            recordId: 'CUS-1',
            recordType: 'Customer'
        })
    ]);
    expect(integration?.activityLog.view()).toEqual([]);
    expect(
        app.events.map((e) => (e as { data: { event?: string } }).data.event).filter(Boolean)
    ).toEqual(['offered', 'accepted', 'completed']);
});

test('a host refusing the activity: kept, and the agent reads the reason', async () => {
    const { refuse } = await import('../../../packages/flex-host-sdk/src/index.ts');
    const { h, integration } = await start(SETTINGS, () => ({
        saveActivity: () => {
            throw refuse('that customer is archived');
        }
    }));
    const task = await accept(h, { direction: 'inbound', from: '+14155550100' });
    await Flex.Actions.invokeAction('CompleteTask', { task });
    h.events.emit('taskCompleted', task);
    await settle(20);
    expect(integration?.activityLog.view()).toHaveLength(1);
    expect(shownNotifications()).toContainEqual({
        id: 'CrmLogRefused',
        context: expect.objectContaining({
            reason: expect.stringContaining('that customer is archived')
        })
    });
});

test("Salesforce's waiting logs in the same browser are neither sent to the host nor removed", async () => {
    const key =
        'flexSalesforce.activityLog.v1.WK00000000000000000000000000000001.log.WT0123456789abcdef0123456789abcdef';
    window.localStorage.setItem(key, '{"a Salesforce log": true}');
    try {
        const { h, app } = await start(SETTINGS, (app) => ({
            saveActivity: (activity) => {
                app.saved.push(activity);
                return 'ACT-1';
            }
        }));
        const task = await accept(h, { direction: 'inbound', from: '+14155550100' });
        await Flex.Actions.invokeAction('CompleteTask', { task });
        h.events.emit('taskCompleted', task);
        await settle(20);
        expect(app.saved.map((activity) => activity.taskSid)).toEqual([task.taskSid]);
        expect(window.localStorage.getItem(key)).toBe('{"a Salesforce log": true}');
        expect(shownNotifications().map((shown) => shown.id)).not.toContain('CrmLogsDiscarded');
    } finally {
        window.localStorage.removeItem(key);
    }
});

test('actions: allowed ones run through Flex with checked payloads; others are refused', async () => {
    const ran: unknown[] = [];
    Flex.Actions.replaceAction(
        'ToggleMute',
        async (payload: unknown) => void ran.push(['ToggleMute', payload])
    );
    Flex.Actions.replaceAction(
        'HoldCall',
        async (payload: unknown) => void ran.push(['HoldCall', payload])
    );
    const { h, connection } = await start();
    const task = await accept(h, { direction: 'inbound', from: '+14155550100' });
    await connection.invokeAction('ToggleMute');
    // A valid SetActivity needs Flex's store (FlexModule) to run: the end-to-end test covers it.
    await connection.invokeAction('HoldCall', { taskSid: task.taskSid });
    await expect(
        connection.invokeAction('SetActivity', { activityName: 'Break', extra: 1 })
    ).rejects.toMatchObject({ code: 'INVALID_MESSAGE' });
    await expect(
        connection.invokeAction('HoldCall', { taskSid: 'WT' + 'f'.repeat(32) })
    ).rejects.toMatchObject({
        code: 'INVALID_MESSAGE',
        message: expect.stringMatching(/no interaction/)
    });
    await expect(
        connection.invokeAction('HangupCall', { taskSid: task.taskSid })
    ).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect(ran).toEqual([
        ['ToggleMute', {}],
        ['HoldCall', expect.objectContaining({ task, sid: task.sid })]
    ]);
});

test('availability and forwarded events reach the host; getState answers the live interactions', async () => {
    const { h, app, connection } = await start();
    h.state.activity = { name: 'Break', available: false };
    h.storeChanged();
    const task = await accept(h, { direction: 'inbound', from: '+14155550100' });
    h.events.emit('taskUpdated', task);
    await settle();
    expect(app.events).toContainEqual({
        event: 'availability',
        data: { activity: 'Break', available: false }
    });
    expect(app.events).toContainEqual({
        event: 'flexEvent',
        data: {
            name: 'taskUpdated',
            data: { taskSid: task.taskSid, status: 'accepted', channel: 'voice' }
        }
    });
    const state = await connection.getState();
    expect(state.availability).toEqual({ activity: 'Break', available: false });
    expect(state.interactions.map((i) => i.taskSid)).toEqual([task.taskSid]);
});

test('a page that is not on the list frames Flex: nothing is sent to it, and the agent is told which', async () => {
    const { integration, frames } = await start(
        SETTINGS,
        () => ({}),
        'https://crm.example.com.evil.net'
    );
    expect(integration).toBeNull();
    expect(shownNotifications()).toContainEqual({
        id: 'HostOriginNotAllowed',
        context: {
            origin: 'https://crm.example.com.evil.net',
            setting: 'host_app_integration.allowed_host_origins'
        }
    });
    const heard: unknown[] = [];
    frames.host.addEventListener('message', (event) => heard.push(event.data));
    await settle();
    expect(heard).toEqual([]);
});

test('a host that greets after handshake_timeout_ms: the agent is told Flex waits, then everything turns on', async () => {
    const h = createHarness({ host_app_integration: { ...SETTINGS, handshake_timeout_ms: 1000 } });
    const frames = createFakeFrames({ hostOrigin: HOST });
    Object.assign(frames.flex, {
        localStorage: window.localStorage,
        performance: window.performance
    });
    let integration: Integration | null | undefined;
    void startIntegration({
        manager: h.manager,
        window: frames.flex as unknown as Window,
        log: quiet
    }).then((started) => (integration = started));
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(shownNotifications()).toEqual([{ id: 'HostNoAnswer', context: { host: 'Acme CRM' } }]);
    expect(integration).toBeUndefined();
    // The host app finished its own start-up (or its login) only now.
    const connection = await connectFlex({
        iframe: frames.iframe as unknown as HTMLIFrameElement,
        flexOrigin: 'https://flex.twilio.com',
        window: frames.host as unknown as Window,
        handlers: { search: () => [ADA] }
    });
    for (let waited = 0; integration === undefined && waited < 2000; waited += 20) await settle();
    running = {
        h,
        frames,
        integration: integration ?? null,
        connection,
        app: { searches: [], opened: [], saved: [], events: [] }
    };
    expect(integration?.context.crm.name).toBe('Acme CRM');
    expect(shownNotifications()).toHaveLength(1);
});

test('an invalid host_app_integration names the key and stays off', async () => {
    const { integration } = await start({ ...SETTINGS, allowed_actions: ['StartOutboundCall'] });
    expect(integration).toBeNull();
    expect(shownNotifications()).toContainEqual({
        id: 'CrmConfigInvalid',
        context: {
            key: 'host_app_integration.allowed_actions.0',
            problem: expect.stringMatching(/not "StartOutboundCall"/)
        }
    });
});

test('presence sync over the bridge: the host sets the activity through SetActivity and hears why it changed', async () => {
    const { connection, h, app } = await start({ ...SETTINGS, presence_sync: true });
    const presence = () =>
        app.events
            .filter((entry) => (entry as { event: string }).event === 'presence')
            .map((entry) => (entry as { data: unknown }).data);
    await connection.setActivity('Break', 'Available');
    await settle();
    // The agent picks Available in Flex; then the host asks for Offline based on the old Break.
    const available = [...ACTIVITIES.values()].find((activity) => activity.name === 'Available');
    await Flex.Actions.invokeAction('SetActivity', { activitySid: available?.sid });
    await settle();
    await connection.setActivity('Offline', 'Break');
    await settle();
    expect(h.backend.activityChanges).toEqual(['Break', 'Available']);
    expect(presence()).toEqual([
        { activity: 'Available', cause: 'current' },
        { activity: 'Break', cause: 'sync' },
        { activity: 'Available', cause: 'agent' },
        { activity: 'Available', cause: 'current' }
    ]);
});

test('presence sync is off over the bridge unless its admin turns it on', async () => {
    const { connection, h } = await start();
    await expect(connection.setActivity('Break')).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    expect(h.backend.activityChanges).toEqual([]);
});
