import { createElement } from 'lwc';
import FlexPresenceSync, { FLEX_SILENCE_MS } from 'c/flexPresenceSync';
import { publish, resetSubscribers, subscribe } from 'lightning/messageService';
import getMappings from '@salesforce/apex/FlexPresenceMappings.getMappings';
import { OmniChannel, PRESENCE_STATUSES } from '../../../../../../sandbox/console/omniChannel.ts';
// The sandbox's own Aura stand-in: the bundle's real controller, run as Aura would run it.
import { mountPresenceShell } from '../../../../../../sandbox/lwc/auraShell';

jest.mock('@salesforce/apex/FlexPresenceMappings.getMappings', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.FlexPresence_State',
    () => ({ default: 'Flex: {0}. Omni-Channel: {1}.' }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/label/c.FlexPresence_Refused',
    () => ({ default: 'Omni-Channel did not set {0} ({1}).' }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/label/c.FlexPresence_LoggedOut', () => ({ default: 'logged out' }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.FlexPresence_Off',
    () => ({ default: 'Presence sync is off: {0}' }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/label/c.FlexPresence_BadMessage', () => ({ default: 'Ignored: {0}' }), {
    virtual: true
});

const CHANNEL = 'Flex_Presence__c';

const idOf = (apiName) =>
    PRESENCE_STATUSES.find((status) => status.statusApiName === apiName).statusId;
/** Omni-Channel's changes so far, as [status (null: logged out), reason]. */
const changesOf = (omni) => omni.changes.map(({ status, reason }) => [status, reason]);

const ROWS = [
    {
        name: 'Available',
        flexActivity: 'Available',
        omniStatus: 'Available',
        omniLoggedOut: false,
        direction: 'Both',
        omniStatusId: idOf('Available')
    },
    {
        name: 'Break',
        flexActivity: 'Break',
        omniStatus: 'Break',
        omniLoggedOut: false,
        direction: 'Both',
        omniStatusId: idOf('Break')
    },
    {
        name: 'Offline',
        flexActivity: 'Offline',
        omniStatus: null,
        omniLoggedOut: true,
        direction: 'Both',
        omniStatusId: null
    }
];

/** Lets the component, the shell and the toolkit's promises run. */
const flush = () =>
    Array.from({ length: 6 }).reduce(
        (chain) => chain.then(() => Promise.resolve()),
        Promise.resolve()
    );

/** Flex's side of the channel: what it heard, and how it answers. */
function flexSide(activity = 'Available') {
    const heard = [];
    subscribe({}, CHANNEL, (message) => {
        if (message.type === 'flexActivity') return;
        heard.push(message);
        if (message.type === 'queryFlexActivity') {
            publish({}, CHANNEL, {
                type: 'flexActivity',
                activity,
                cause: 'current',
                basedOn: null
            });
        }
    });
    return {
        heard,
        says: (message) => publish({}, CHANNEL, message)
    };
}

async function mount({
    toolkit = new OmniChannel('Available'),
    rows = ROWS,
    flex = flexSide()
} = {}) {
    getMappings.mockResolvedValue(rows);
    const element = createElement('c-flex-presence-sync', { is: FlexPresenceSync });
    mountPresenceShell(element, toolkit);
    document.body.appendChild(element);
    await flush();
    return { element, toolkit, flex };
}

const text = (element, id) =>
    element.shadowRoot.querySelector(`[data-id="${id}"]`)?.textContent ?? null;

describe('c-flex-presence-sync inside its Aura shell', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
        resetSubscribers();
    });

    it('learns both states at start-up and changes neither', async () => {
        const flex = flexSide('Break');
        const { element, toolkit } = await mount({ flex });
        expect(flex.heard).toEqual([
            { type: 'queryFlexActivity', activity: null, cause: null, basedOn: null }
        ]);
        expect(changesOf(toolkit)).toEqual([]);
        expect(text(element, 'state')).toBe('Flex: Break. Omni-Channel: Available.');
        await expect(element).toBeAccessible();
    });

    it('sets the Omni-Channel status when the agent changes Flex, without echoing it back', async () => {
        const { element, toolkit, flex } = await mount();
        flex.says({ type: 'flexActivity', activity: 'Break', cause: 'agent', basedOn: null });
        await flush();
        expect(changesOf(toolkit)).toEqual([['Break', 'OmniToolkitStatusChange']]);
        expect(flex.heard.filter((m) => m.type === 'setFlexActivity')).toEqual([]);
        expect(text(element, 'state')).toBe('Flex: Break. Omni-Channel: Break.');
    });

    it('logs out of Omni-Channel for Offline, and asks Flex for Offline when Omni-Channel logs out', async () => {
        const { toolkit, flex } = await mount();
        flex.says({ type: 'flexActivity', activity: 'Offline', cause: 'agent', basedOn: null });
        await flush();
        // The agent logged out of nothing themselves: this logout is the sync's toolkit call.
        expect(changesOf(toolkit)).toEqual([[null, 'logout']]);
        toolkit.agentSets('Available');
        await flush();
        flex.says({ type: 'flexActivity', activity: 'Available', cause: 'sync', basedOn: null });
        toolkit.agentSets(null);
        await flush();
        expect(flex.heard.filter((m) => m.type === 'setFlexActivity')).toEqual([
            { type: 'setFlexActivity', activity: 'Available', cause: null, basedOn: 'Offline' },
            { type: 'setFlexActivity', activity: 'Offline', cause: null, basedOn: 'Available' }
        ]);
        expect(toolkit.changes).toHaveLength(3);
    });

    it('asks Flex for the mapped activity when the agent changes Omni-Channel, and leaves an unmapped one alone', async () => {
        const { toolkit, flex } = await mount();
        toolkit.agentSets('Break');
        await flush();
        flex.says({ type: 'flexActivity', activity: 'Break', cause: 'sync', basedOn: null });
        toolkit.agentSets('Training');
        await flush();
        expect(flex.heard.filter((m) => m.type === 'setFlexActivity')).toEqual([
            { type: 'setFlexActivity', activity: 'Break', cause: null, basedOn: 'Available' }
        ]);
        expect(toolkit.changes).toHaveLength(2);
    });

    it('reports a status the agent was not granted once, with a toast, and does not retry it', async () => {
        const toasts = [];
        const toolkit = new OmniChannel(
            'Available',
            PRESENCE_STATUSES.map((status) => ({
                ...status,
                granted: status.statusApiName === 'Available'
            }))
        );
        const { element, flex } = await mount({ toolkit });
        element.addEventListener('lightning__showtoast', (event) => toasts.push(event.detail));
        flex.says({ type: 'flexActivity', activity: 'Break', cause: 'agent', basedOn: null });
        await flush();
        flex.says({ type: 'flexActivity', activity: 'Available', cause: 'agent', basedOn: null });
        flex.says({ type: 'flexActivity', activity: 'Break', cause: 'agent', basedOn: null });
        await flush();
        expect(changesOf(toolkit)).toEqual([]);
        const refusal = `Omni-Channel did not set Break (The presence status ${idOf('Break')} isn't available to this user).`;
        expect(text(element, 'problems')).toBe(refusal);
        expect(toasts.map((toast) => toast.message)).toContain(refusal);
        expect(new Set(toasts.map((toast) => toast.message)).size).toBe(1);
    });

    it('ignores a message that breaks the contract, saying why, and changes nothing', async () => {
        const { element, toolkit, flex } = await mount();
        flex.says({ type: 'flexActivity', activity: 'Break', cause: 'agent' });
        flex.says({ type: 'flexActivity', activity: 'Break\u0000', cause: 'agent', basedOn: null });
        await flush();
        expect(changesOf(toolkit)).toEqual([]);
        expect(text(element, 'problems')).toBe(
            'Ignored: missing field basedOnIgnored: activity is not a Flex activity name (1 to 64 characters, no control characters)'
        );
    });

    it('tells the admin where to look when Flex never answers, and only then', async () => {
        jest.useFakeTimers();
        try {
            const { element: silent } = await mount({
                flex: { heard: [], says: () => undefined }
            });
            jest.advanceTimersByTime(FLEX_SILENCE_MS);
            await flush();
            expect(text(silent, 'problems')).toBe('c.FlexPresence_FlexSilent');
            document.body.removeChild(silent);
            resetSubscribers();
            const { element: answered } = await mount();
            jest.advanceTimersByTime(FLEX_SILENCE_MS);
            await flush();
            expect(text(answered, 'problems')).toBeNull();
        } finally {
            jest.useRealTimers();
        }
    });

    it('keeps only the latest problems', async () => {
        const { element, flex } = await mount();
        for (let i = 0; i < 12; i++) flex.says({ type: 'nonsense', n: i });
        await flush();
        expect(element.shadowRoot.querySelectorAll('[data-id="problems"] li')).toHaveLength(8);
    });

    it('names its mapping problems, and turns itself off when the mapping cannot be read', async () => {
        const { element } = await mount({
            rows: [{ ...ROWS[1], omniStatusId: null, name: 'Break' }]
        });
        expect(text(element, 'problems')).toContain('there is no Omni-Channel status Break');
        document.body.removeChild(element);
        getMappings.mockRejectedValue({ body: { message: 'Insufficient privileges' } });
        const off = createElement('c-flex-presence-sync', { is: FlexPresenceSync });
        document.body.appendChild(off);
        await flush();
        expect(text(off, 'off')).toBe('Presence sync is off: Insufficient privileges');
    });
});
