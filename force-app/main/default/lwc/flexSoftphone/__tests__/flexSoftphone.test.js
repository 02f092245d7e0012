import { createElement } from 'lwc';
import FlexSoftphone, { objectList } from 'c/flexSoftphone';
import { connectFlex, FlexBridgeError } from 'c/flexHostSdk';
import { queryFlexActivityMessage, setFlexActivityMessage, toId18 } from 'c/flexContract';
import { publish, resetSubscribers, subscriberCount } from 'lightning/messageService';
import {
    EnclosingUtilityId,
    enablePopout,
    resetUtilities,
    updateUtility,
    utilities
} from 'lightning/platformUtilityBarApi';
import { getNavigateCalledWith, resetNavigation } from 'lightning/navigation';
import searchRecords from '@salesforce/apex/FlexRecordSearch.search';

// The real SDK, but for the connection: Flex cannot run in Jest (the sandbox runs it for real).
jest.mock('c/flexHostSdk', () => ({
    ...jest.requireActual('c/flexHostSdk'),
    connectFlex: jest.fn()
}));
jest.mock('@salesforce/apex/FlexRecordSearch.search', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/FlexRecordSearch.findLoggedTask', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.FlexSoftphone_NotConnected',
    () => ({ default: 'Flex is not connected ({0}).' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.FlexSoftphone_BadUrl',
    () => ({ default: 'The Flex URL "{0}" is not https.' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.FlexSoftphone_DialFailed',
    () => ({ default: 'Flex did not call {0}. {1}' }),
    { virtual: true }
);
jest.mock('@salesforce/label/c.FlexSoftphone_UtilityBusy', () => ({ default: 'Flex: busy' }), {
    virtual: true
});

const INTERACTION = 'Flex_Interaction__c';
const SELECTION = 'Flex_Record_Selection__c';
const DIAL = 'Flex_Dial_Request__c';
const UTILITY = 'utility-1';
const TASK_SID = 'WT0123456789abcdef0123456789abcdef';
const CONTACT = { recordId: toId18('003000000000001'), objectApiName: 'Contact', name: 'Ada' };
const LEAD = { recordId: toId18('00Q000000000001'), objectApiName: 'Lead', name: 'Ada King' };

/** What connectFlex resolves with: the SDK's FlexConnection, with a way to fire its events. */
function fakeConnection() {
    const listeners = new Map();
    return {
        status: 'connected',
        on: jest.fn((event, listener) => {
            listeners.set(event, [...(listeners.get(event) ?? []), listener]);
            return () => {};
        }),
        emit(event, data) {
            (listeners.get(event) ?? []).forEach((listener) => listener(data));
        },
        linkRecord: jest.fn().mockResolvedValue(undefined),
        dial: jest.fn().mockResolvedValue(undefined),
        setActivity: jest.fn().mockResolvedValue(undefined),
        getState: jest.fn().mockResolvedValue({
            interactions: [],
            availability: { activity: 'Break', available: false }
        }),
        destroy: jest.fn()
    };
}

const chooser = (overrides = {}) => ({
    taskSid: TASK_SID,
    status: 'accepted',
    direction: 'inbound',
    channel: 'voice',
    customer: '+14155550123',
    candidates: [CONTACT, LEAD],
    selected: null,
    error: null,
    ...overrides
});

/** Lets pending promises (the connection, the utility bar calls) settle. */
const flush = () =>
    [1, 2, 3, 4, 5].reduce((chain) => chain.then(() => Promise.resolve()), Promise.resolve());

async function mount(props = {}) {
    const element = createElement('c-flex-softphone', { is: FlexSoftphone });
    Object.assign(element, props);
    document.body.appendChild(element);
    EnclosingUtilityId.emit(UTILITY);
    await flush();
    return element;
}

/** Every message the softphone published on a channel. */
const published = (channel) =>
    publish.mock.calls.filter(([, to]) => to === channel).map(([, , message]) => message);

const PRESENCE = 'Flex_Presence__c';
/** The Flex Presence Sync utility publishes on its channel. */
const utilitySays = (message) => publish({}, PRESENCE, message);
/** What the softphone told the utility of Flex's activity. */
const flexActivities = () => published(PRESENCE).filter((m) => m.type === 'flexActivity');

describe('c-flex-softphone: Flex in the utility bar over the bridge', () => {
    let connection;
    beforeEach(() => {
        connection = fakeConnection();
        connectFlex.mockResolvedValue(connection);
    });
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
        resetSubscribers();
        resetUtilities();
        resetNavigation();
    });

    it('frames Flex with what it needs and connects to its exact origin', async () => {
        const element = await mount();
        const iframe = element.shadowRoot.querySelector('iframe');
        expect(iframe.getAttribute('src')).toBe('https://flex.twilio.com/agent-desktop');
        expect(iframe.getAttribute('allow')).toBe('microphone; camera; autoplay; clipboard-write');
        expect(iframe.getAttribute('title')).toBeTruthy();
        expect(connectFlex).toHaveBeenCalledTimes(1);
        const options = connectFlex.mock.calls[0][0];
        expect(options.iframe).toBe(iframe);
        expect(options.flexOrigin).toBe('https://flex.twilio.com');
        expect(options.waitingAfterMs).toBe(15000);
        expect(Object.keys(options.handlers).sort()).toEqual([
            'openRecord',
            'saveActivity',
            'search',
            'showFlex',
            'updateActivity'
        ]);
        expect(utilities.get(UTILITY)).toMatchObject({ label: 'c.FlexSoftphone_UtilityReady' });
        await expect(element).toBeAccessible();
    });

    it('an address that is not https: tells the admin what to fix, and frames nothing', async () => {
        const element = await mount({ flexUrl: 'http://flex.example.com/agent-desktop' });
        expect(element.shadowRoot.querySelector('iframe')).toBeNull();
        expect(element.shadowRoot.querySelector('[role="alert"]').textContent).toBe(
            'The Flex URL "http://flex.example.com/agent-desktop" is not https.'
        );
        expect(connectFlex).not.toHaveBeenCalled();
    });

    it("accepts http only on loopback, for a Flex running on the developer's computer", async () => {
        await mount({ flexUrl: 'http://127.0.0.1:3000/agent-desktop' });
        expect(connectFlex.mock.calls[0][0].flexOrigin).toBe('http://127.0.0.1:3000');
    });

    it('Flex refusing the page: the agent reads why, and the utility says not connected', async () => {
        connectFlex.mockRejectedValue(
            new FlexBridgeError('VERSION_MISMATCH', 'Flex refused the connection: version 2')
        );
        const element = await mount();
        expect(element.shadowRoot.querySelector('[role="status"]').textContent.trim()).toBe(
            'Flex is not connected (Flex refused the connection: version 2).'
        );
        expect(utilities.get(UTILITY)).toMatchObject({ highlighted: true, icon: 'warning' });
    });

    it('Flex still waiting for the agent to log in: the item asks for it, and it connects when Flex answers', async () => {
        let answer;
        connectFlex.mockImplementation((options) => {
            options.onStatus({ status: 'connecting' });
            options.onStatus({ status: 'waiting', reason: 'Flex has not answered for 15 s' });
            return new Promise((resolve) => {
                answer = () => {
                    options.onStatus({ status: 'connected' });
                    resolve(fakeConnection());
                };
            });
        });
        const element = await mount();
        expect(element.shadowRoot.querySelector('[role="status"]').textContent.trim()).toBe(
            'c.FlexSoftphone_Waiting'
        );
        expect(utilities.get(UTILITY)).toMatchObject({
            label: 'c.FlexSoftphone_UtilityWaiting',
            icon: 'user',
            highlighted: false
        });
        answer();
        await flush();
        expect(element.shadowRoot.querySelector('[role="status"]').textContent.trim()).toBe('');
        expect(utilities.get(UTILITY)).toMatchObject({ label: 'c.FlexSoftphone_UtilityReady' });
    });

    it('leaving the page stops the wait for Flex', async () => {
        let signal;
        connectFlex.mockImplementation((options) => {
            signal = options.signal;
            return new Promise(() => {});
        });
        const element = await mount();
        expect(signal.aborted).toBe(false);
        document.body.removeChild(element);
        expect(signal.aborted).toBe(true);
    });

    it('searches the objects the admin listed through Apex, and pops the record page', async () => {
        await mount({ searchObjects: ' Contact, Lead ,Not an object' });
        searchRecords.mockResolvedValue([CONTACT]);
        const { handlers } = connectFlex.mock.calls[0][0];
        await expect(handlers.search('+14155550123')).resolves.toEqual([CONTACT]);
        expect(searchRecords).toHaveBeenCalledWith({
            term: '+14155550123',
            objectApiNames: ['Contact', 'Lead']
        });
        handlers.openRecord({ recordId: CONTACT.recordId, objectApiName: 'Contact' });
        expect(getNavigateCalledWith()).toEqual({
            type: 'standard__recordPage',
            attributes: { recordId: CONTACT.recordId, objectApiName: 'Contact', actionName: 'view' }
        });
        await handlers.showFlex();
        expect(utilities.get(UTILITY).open).toBe(true);
    });

    it("tells the record picker about Flex's chooser, and nothing that breaks the contract", async () => {
        await mount();
        connection.emit('chooser', chooser());
        connection.emit('chooser', chooser({ candidates: [{ ...CONTACT, recordId: 'CUS-1' }] }));
        expect(published(INTERACTION)).toEqual([chooser()]);
        // The picker asks again (it loaded later): it hears the last state.
        publish(undefined, SELECTION, {
            action: 'sync',
            recordId: null,
            objectApiName: null,
            recordName: null,
            taskSid: null
        });
        expect(published(INTERACTION)).toEqual([chooser(), chooser()]);
    });

    it('links and unlinks the record the agent chose in the picker', async () => {
        await mount();
        publish(undefined, SELECTION, {
            action: 'select',
            recordId: LEAD.recordId,
            objectApiName: 'Lead',
            recordName: 'Ada King',
            taskSid: TASK_SID
        });
        publish(undefined, SELECTION, {
            action: 'clear',
            recordId: null,
            objectApiName: null,
            recordName: null,
            taskSid: TASK_SID
        });
        publish(undefined, SELECTION, { action: 'select', recordId: 'nope' });
        expect(connection.linkRecord.mock.calls).toEqual([
            [LEAD, TASK_SID],
            [null, TASK_SID]
        ]);
    });

    it('Call with Flex: opens the utility and asks Flex to call, with the record', async () => {
        const element = await mount();
        publish(undefined, DIAL, {
            phoneNumber: '+1 (415) 555-0123',
            recordId: LEAD.recordId,
            objectApiName: 'Lead',
            recordName: 'Ada King'
        });
        publish(undefined, DIAL, { phoneNumber: 'not a number', recordId: null });
        expect(connection.dial.mock.calls).toEqual([['+1 (415) 555-0123', { record: LEAD }]]);
        expect(utilities.get(UTILITY).open).toBe(true);
        // Flex refuses (a number it cannot call): the agent reads why.
        connection.dial.mockRejectedValue(new FlexBridgeError('REFUSED', 'not a callable number'));
        publish(undefined, DIAL, {
            phoneNumber: '12345',
            recordId: null,
            objectApiName: null,
            recordName: null
        });
        await flush();
        expect(element.shadowRoot.querySelector('[role="status"]').textContent.trim()).toBe(
            'Flex did not call 12345. not a callable number'
        );
    });

    it('Call with Flex before Flex is connected: the agent reads why nothing happened', async () => {
        connectFlex.mockReturnValue(new Promise(() => {}));
        const element = await mount();
        publish(undefined, DIAL, {
            phoneNumber: '+14155550123',
            recordId: null,
            objectApiName: null,
            recordName: null
        });
        await flush();
        expect(element.shadowRoot.querySelector('[role="status"]').textContent.trim()).toBe(
            'Flex did not call +14155550123. Flex is not connected (connecting).'
        );
    });

    it('keeps pop-out off (it would reload Flex) and shows the interaction in the utility', async () => {
        await mount();
        expect(enablePopout).toHaveBeenCalledTimes(1);
        expect(utilities.get(UTILITY)).toMatchObject({
            popOutEnabled: false,
            disabledText: 'c.FlexSoftphone_PopOutOff'
        });
        connection.emit('interaction', { event: 'accepted', interaction: {} });
        expect(utilities.get(UTILITY)).toMatchObject({ label: 'Flex: busy' });
        // The same state again (another event of the same interaction) is not sent again.
        const sent = updateUtility.mock.calls.length;
        connection.emit('interaction', { event: 'accepted', interaction: {} });
        expect(updateUtility.mock.calls).toHaveLength(sent);
        connection.emit('interaction', { event: 'completed', interaction: {} });
        expect(utilities.get(UTILITY).label).toBe('c.FlexSoftphone_UtilityReady');
        connectFlex.mock.calls[0][0].onStatus({ status: 'disconnected', reason: 'Flex reloaded' });
        expect(utilities.get(UTILITY)).toMatchObject({ icon: 'warning', iconVariant: 'warning' });
        expect(enablePopout).toHaveBeenCalledTimes(1);
    });

    it('a utility id that comes after Flex connected still gets the state shown', async () => {
        const element = createElement('c-flex-softphone', { is: FlexSoftphone });
        document.body.appendChild(element);
        await flush();
        expect(updateUtility).not.toHaveBeenCalled();
        EnclosingUtilityId.emit(UTILITY);
        expect(utilities.get(UTILITY)).toMatchObject({ label: 'c.FlexSoftphone_UtilityReady' });
    });

    it('a utility bar that went away does not break the softphone', async () => {
        updateUtility.mockRejectedValueOnce(new Error('gone'));
        enablePopout.mockRejectedValueOnce(new Error('gone'));
        const element = await mount();
        await flush();
        expect(element.shadowRoot.querySelector('iframe')).not.toBeNull();
    });

    it('removed from the page: closes the connection and stops listening to the picker', async () => {
        const element = await mount();
        expect(subscriberCount(SELECTION)).toBe(1);
        expect(subscriberCount(DIAL)).toBe(1);
        expect(subscriberCount(PRESENCE)).toBe(1);
        document.body.removeChild(element);
        expect(connection.destroy).toHaveBeenCalled();
        expect(subscriberCount(SELECTION)).toBe(0);
        expect(subscriberCount(DIAL)).toBe(0);
        expect(subscriberCount(PRESENCE)).toBe(0);
        expect(connection.linkRecord).not.toHaveBeenCalled();
    });

    it('presence sync: relays the utility’s requests to Flex and Flex’s presence back, as the contract says', async () => {
        await mount();
        utilitySays(setFlexActivityMessage('Available', 'Break'));
        utilitySays({ type: 'setFlexActivity', activity: 'Available', cause: null });
        utilitySays(queryFlexActivityMessage());
        await flush();
        connection.emit('presence', { activity: 'Available', cause: 'sync' });
        connection.emit('presence', { activity: 'x'.repeat(65), cause: 'agent' });
        expect(connection.setActivity.mock.calls).toEqual([['Available', 'Break']]);
        expect(flexActivities()).toEqual([
            { type: 'flexActivity', activity: 'Break', cause: 'current', basedOn: null },
            { type: 'flexActivity', activity: 'Available', cause: 'sync', basedOn: null }
        ]);
    });

    it('presence sync before Flex is connected, or with Flex failing: nothing thrown, nothing sent', async () => {
        connectFlex.mockReturnValue(new Promise(() => {}));
        await mount();
        utilitySays(setFlexActivityMessage('Break', null));
        await flush();
        expect(connection.setActivity).not.toHaveBeenCalled();
        document.body.removeChild(document.body.firstChild);
        connection = fakeConnection();
        connection.setActivity.mockRejectedValue(new Error('NOT_SUPPORTED'));
        connection.getState.mockRejectedValue(new Error('DISCONNECTED'));
        connectFlex.mockResolvedValue(connection);
        await mount();
        utilitySays(setFlexActivityMessage('Break', null));
        utilitySays(queryFlexActivityMessage());
        await flush();
        expect(connection.setActivity).toHaveBeenCalledTimes(1);
        expect(flexActivities()).toEqual([]);
    });

    it.each([
        ['a name with a line break', { activity: 'Break\nnow', available: false }],
        ['a 65-character name', { activity: 'x'.repeat(65), available: false }],
        ['a name that is not text', { activity: { html: '<b>' }, available: false }],
        ['an empty name', { activity: '', available: false }],
        ['no availability at all', null],
        ['a state that is not one', 'Break']
    ])(
        'presence sync: Flex reporting %s is not relayed onto Flex_Presence__c',
        async (_what, availability) => {
            connection.getState.mockResolvedValue(
                availability === 'Break' ? 'Break' : { interactions: [], availability }
            );
            await mount();
            utilitySays(queryFlexActivityMessage());
            await flush();
            expect(connection.getState).toHaveBeenCalled();
            expect(flexActivities()).toEqual([]);
        }
    );

    it('reads the object list as App Builder holds it', () => {
        expect(objectList('Contact,Lead, My_Object__c ,bad name,')).toEqual([
            'Contact',
            'Lead',
            'My_Object__c'
        ]);
        expect(objectList(undefined)).toEqual([]);
    });
});
