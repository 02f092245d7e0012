import { LOGGED_OUT, buildMapping } from '../presenceMapping';
import { PresenceSync, inStep, reasonOf } from '../presenceSync';

const IDS = {
    Available: '0N5000000000001CAA',
    Break: '0N5000000000002CAA',
    Away: '0N5000000000003CAA'
};

/** Available ↔ Available, Break ↔ Break, Offline ↔ logged out; Lunch → Away; Away → Break. */
const MAPPING = buildMapping([
    {
        name: 'A',
        flexActivity: 'Available',
        omniStatus: 'Available',
        omniStatusId: IDS.Available,
        direction: 'Both'
    },
    {
        name: 'B',
        flexActivity: 'Break',
        omniStatus: 'Break',
        omniStatusId: IDS.Break,
        direction: 'Both'
    },
    { name: 'C', flexActivity: 'Offline', omniLoggedOut: true, direction: 'Both' },
    {
        name: 'D',
        flexActivity: 'Lunch',
        omniStatus: 'Away',
        omniStatusId: IDS.Away,
        direction: 'Flex_To_Omni'
    },
    { name: 'E', flexActivity: 'Break', omniStatus: 'Away', direction: 'Omni_To_Flex' }
]);
const KEY_OF_ID = Object.fromEntries(Object.entries(IDS).map(([key, id]) => [id, key]));

/** Omni-Channel calls that answer when the test says so. */
function omniCalls() {
    const calls = [];
    const call = (operation, argument) =>
        new Promise((resolve, reject) => calls.push({ operation, argument, resolve, reject }));
    return {
        calls,
        client: {
            current: () => call('current'),
            setStatus: (statusId) => call('setStatus', KEY_OF_ID[statusId]),
            logout: () => call('logout')
        }
    };
}

const flush = () =>
    new Promise((resolve) => Promise.resolve().then(() => Promise.resolve().then(resolve)));

function started({ flex = 'Available', omni = 'Available' } = {}) {
    const omniSide = omniCalls();
    const published = [];
    const refused = [];
    const sync = new PresenceSync({
        mapping: MAPPING,
        omni: omniSide.client,
        publish: (message) => published.push(message),
        view: { refused: (key, reason) => refused.push([key, reason]), changed: () => undefined }
    });
    sync.flexActivity = flex;
    sync.omniKey = omni;
    return { sync, calls: omniSide.calls, published, refused };
}

const agentChose = (activity) => ({
    type: 'flexActivity',
    activity,
    cause: 'agent',
    basedOn: null
});
const requests = (published) => published.filter((m) => m.type === 'setFlexActivity');

describe('in step', () => {
    it('holds when either direction links the two states', () => {
        expect(inStep(MAPPING, 'Available', 'Available')).toBe(true);
        expect(inStep(MAPPING, 'Lunch', 'Away')).toBe(true);
        expect(inStep(MAPPING, 'Break', 'Away')).toBe(true);
        expect(inStep(MAPPING, 'Offline', LOGGED_OUT)).toBe(true);
        expect(inStep(MAPPING, 'Break', 'Available')).toBe(false);
        expect(inStep(MAPPING, null, 'Available')).toBe(false);
        expect(inStep(MAPPING, 'Available', null)).toBe(false);
    });
});

describe('Flex to Omni-Channel', () => {
    it('sets the mapped status once, and does not send its own echo back to Flex', async () => {
        const { sync, calls, published } = started();
        sync.flexMessage(agentChose('Break'));
        expect(calls.map((c) => [c.operation, c.argument])).toEqual([['setStatus', 'Break']]);
        sync.omniChanged({ key: 'Break', statusId: IDS.Break });
        calls[0].resolve();
        await flush();
        expect(sync.omniKey).toBe('Break');
        expect(requests(published)).toEqual([]);
        expect(calls).toHaveLength(1);
    });

    it('also when the echo comes after the call resolved', async () => {
        const { sync, calls, published } = started();
        sync.flexMessage(agentChose('Break'));
        calls[0].resolve();
        await flush();
        sync.omniChanged({ key: 'Break', statusId: IDS.Break });
        expect(requests(published)).toEqual([]);
        expect(sync.echoes).toEqual([]);
    });

    it('logs out of Omni-Channel for a Flex activity mapped to logged out', async () => {
        const { sync, calls, published } = started();
        sync.flexMessage(agentChose('Offline'));
        expect(calls.map((c) => c.operation)).toEqual(['logout']);
        calls[0].resolve(true);
        await flush();
        sync.omniChanged({ key: LOGGED_OUT, statusId: null });
        expect(sync.omniKey).toBe(LOGGED_OUT);
        expect(requests(published)).toEqual([]);
    });

    it('leaves Omni-Channel alone for an unmapped activity, one already in step, or a change Flex did not make', () => {
        const { sync, calls } = started({ omni: 'Away' });
        sync.flexMessage(agentChose('Training'));
        sync.flexMessage(agentChose('Lunch'));
        sync.flexMessage({
            type: 'flexActivity',
            activity: 'Available',
            cause: 'sync',
            basedOn: null
        });
        sync.flexMessage({
            type: 'flexActivity',
            activity: 'Available',
            cause: 'current',
            basedOn: null
        });
        sync.flexMessage({
            type: 'setFlexActivity',
            activity: 'Break',
            cause: null,
            basedOn: null
        });
        expect(calls).toEqual([]);
        expect(sync.flexActivity).toBe('Available');
    });

    it('does not flap when two Flex activities share a status (Lunch → Away, Away → Break)', async () => {
        const { sync, calls, published } = started();
        sync.flexMessage(agentChose('Lunch'));
        sync.omniChanged({ key: 'Away', statusId: IDS.Away });
        calls[0].resolve();
        await flush();
        expect(calls).toHaveLength(1);
        expect(requests(published)).toEqual([]);
    });

    it('applies only the latest of quick changes, one call at a time', async () => {
        const { sync, calls } = started();
        sync.flexMessage(agentChose('Break'));
        sync.flexMessage(agentChose('Offline'));
        sync.flexMessage(agentChose('Lunch'));
        expect(calls).toHaveLength(1);
        calls[0].resolve();
        await flush();
        expect(calls.map((c) => c.argument ?? c.operation)).toEqual(['Break', 'Away']);
        calls[1].resolve();
        await flush();
        expect(sync.omniKey).toBe('Away');
        expect(calls).toHaveLength(2);
    });

    it('reports a refused status once and never tries it again', async () => {
        const { sync, calls, refused } = started();
        sync.flexMessage(agentChose('Break'));
        calls[0].reject({ message: 'Status not available to the user' });
        await flush();
        sync.flexMessage(agentChose('Available'));
        sync.flexMessage(agentChose('Break'));
        await flush();
        expect(refused).toEqual([['Break', 'Status not available to the user']]);
        expect(calls.map((c) => c.argument)).toEqual(['Break']);
        expect(sync.omniKey).toBe('Available');
        expect(sync.echoes).toEqual([]);
    });
});

describe('Omni-Channel to Flex', () => {
    it('asks Flex for the mapped activity, based on the one it last heard of', () => {
        const { sync, calls, published } = started();
        sync.omniChanged({ key: 'Away', statusId: IDS.Away });
        expect(requests(published)).toEqual([
            { type: 'setFlexActivity', activity: 'Break', cause: null, basedOn: 'Available' }
        ]);
        sync.flexMessage({ type: 'flexActivity', activity: 'Break', cause: 'sync', basedOn: null });
        expect(requests(published)).toHaveLength(1);
        expect(calls).toEqual([]);
    });

    it('asks nothing for an unmapped status, or one already in step', () => {
        const { sync, published } = started({ flex: 'Break' });
        sync.omniChanged({ key: 'Training', statusId: null });
        sync.omniChanged({ key: 'Away', statusId: IDS.Away });
        expect(requests(published)).toEqual([]);
        expect(sync.omniKey).toBe('Away');
    });

    it('asks for Offline when the agent logs out of Omni-Channel', () => {
        const { sync, published } = started();
        sync.omniChanged({ key: LOGGED_OUT, statusId: null });
        expect(requests(published)).toEqual([
            { type: 'setFlexActivity', activity: 'Offline', cause: null, basedOn: 'Available' }
        ]);
    });

    it('drops a Flex change still waiting when Omni-Channel changes after it', async () => {
        const { sync, calls, published } = started();
        sync.flexMessage(agentChose('Break'));
        sync.flexMessage(agentChose('Lunch'));
        sync.omniChanged({ key: LOGGED_OUT, statusId: null });
        calls[0].resolve();
        await flush();
        // Break was in flight; Omni's logout came while it was: the logout is put back, Lunch dropped.
        expect(calls.map((c) => c.argument ?? c.operation)).toEqual(['Break', 'logout']);
        expect(requests(published).map((m) => m.activity)).toEqual(['Offline']);
    });

    it('puts back an Omni-Channel change made while its own was on the way, and settles there', async () => {
        const { sync, calls, published } = started();
        sync.flexMessage(agentChose('Break'));
        sync.omniChanged({ key: 'Available', statusId: IDS.Available });
        // Omni-Channel applied the agent's Available first, then the sync's Break.
        sync.omniChanged({ key: 'Break', statusId: IDS.Break });
        calls[0].resolve();
        await flush();
        expect(calls.map((c) => c.argument)).toEqual(['Break', 'Available']);
        calls[1].resolve();
        sync.omniChanged({ key: 'Available', statusId: IDS.Available });
        await flush();
        expect(sync.omniKey).toBe('Available');
        // Flex follows the agent's Omni-Channel change once; the put-back's echo asks nothing more.
        expect(requests(published)).toEqual([
            { type: 'setFlexActivity', activity: 'Available', cause: null, basedOn: 'Break' }
        ]);
        expect(calls).toHaveLength(2);
    });
});

describe('start-up', () => {
    it('learns the Omni-Channel status and asks Flex for its activity, changing nothing', async () => {
        const omniSide = omniCalls();
        const published = [];
        const sync = new PresenceSync({
            mapping: MAPPING,
            omni: omniSide.client,
            publish: (message) => published.push(message),
            view: { refused: () => undefined, changed: () => undefined }
        });
        const starting = sync.start();
        omniSide.calls[0].resolve({ key: 'Break', statusId: IDS.Break });
        await starting;
        expect(sync.omniKey).toBe('Break');
        expect(published).toEqual([
            { type: 'queryFlexActivity', activity: null, cause: null, basedOn: null }
        ]);
    });

    it('waits for an event when Omni-Channel cannot say', async () => {
        const omniSide = omniCalls();
        const sync = new PresenceSync({
            mapping: MAPPING,
            omni: omniSide.client,
            publish: () => undefined,
            view: { refused: () => undefined, changed: () => undefined }
        });
        const starting = sync.start();
        omniSide.calls[0].reject(new Error('not logged in'));
        await starting;
        expect(sync.omniKey).toBeNull();
    });
});

describe('reasons', () => {
    it('reads a reason from any shape the toolkit rejects with', () => {
        expect(reasonOf('denied')).toBe('denied');
        expect(reasonOf(new Error('nope'))).toBe('nope');
        expect(reasonOf({ body: { message: 'from Apex' } })).toBe('from Apex');
        expect(reasonOf(undefined)).toBe('no reason given');
    });
});
