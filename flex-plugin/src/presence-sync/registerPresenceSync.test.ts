// Presence sync through the real Flex Actions framework (SetActivity) and the Open CTI stand-in.
import * as Flex from '@twilio/flex-ui';
import {
    queryFlexActivityMessage,
    setFlexActivityMessage
} from '../../../force-app/main/default/lwc/flexContract/flexContract.js';
import { ACTIVITIES, settle, shownNotifications } from '../../test/flexHarness';
import { startWith, stopStarted, type Started } from '../../test/startedHarness';
import { validatePresenceMessage } from '../transports/salesforce/lmsContract';

afterEach(stopStarted);

const CHANNEL = 'Flex_Presence__c';
const sidOf = (name: string) => [...ACTIVITIES.values()].find((a) => a.name === name)?.sid;

/** What Flex told Salesforce on the channel, as [activity, cause], each checked against the contract. */
function told(s: Started): [string | null, string | null][] {
    return s.openCti.published
        .filter((p) => p.channelName === CHANNEL)
        .map((p) => {
            const validation = validatePresenceMessage(p.message);
            if (!validation.ok) throw new Error(validation.error);
            return [validation.value.activity, validation.value.cause];
        });
}

/** The agent picks an activity in Flex's menu: Flex's own action. */
async function agentPicks(name: string): Promise<void> {
    await Flex.Actions.invokeAction('SetActivity', { activitySid: sidOf(name) });
    await settle();
}

async function started(): Promise<Started> {
    return startWith({ presence_sync: true });
}

test('is off by default: nothing subscribed, nothing published', async () => {
    const s = await startWith();
    await agentPicks('Break');
    expect(s.openCti.subscriberCount(CHANNEL)).toBe(0);
    expect(told(s)).toEqual([]);
});

test('tells Salesforce the activity at start and each change the agent makes, once', async () => {
    const s = await started();
    await agentPicks('Break');
    s.storeChanged();
    await agentPicks('Offline');
    await settle();
    expect(told(s)).toEqual([
        ['Available', 'current'],
        ['Break', 'agent'],
        ['Offline', 'agent']
    ]);
});

test('sets the activity Salesforce asks for through SetActivity, and reports it as the sync’s', async () => {
    const s = await started();
    s.openCti.deliver(CHANNEL, setFlexActivityMessage('Break', 'Available'));
    await settle();
    expect(s.backend.activityChanges).toEqual(['Break']);
    expect(s.state.activity).toEqual({ name: 'Break', available: false });
    expect(told(s)).toEqual([
        ['Available', 'current'],
        ['Break', 'sync']
    ]);
});

test('drops a request based on an activity the agent has left, and answers with the newer one', async () => {
    const s = await started();
    await agentPicks('Break');
    s.openCti.deliver(CHANNEL, setFlexActivityMessage('Unavailable', 'Available'));
    await settle();
    expect(s.backend.activityChanges).toEqual(['Break']);
    expect(told(s).slice(-1)).toEqual([['Break', 'current']]);
});

test('applies only the latest of quick requests, one at a time', async () => {
    const s = await started();
    s.openCti.deliver(CHANNEL, setFlexActivityMessage('Break', null));
    s.openCti.deliver(CHANNEL, setFlexActivityMessage('Offline', null));
    s.openCti.deliver(CHANNEL, setFlexActivityMessage('Unavailable', null));
    await settle();
    expect(s.backend.activityChanges).toEqual(['Break', 'Unavailable']);
    expect(s.state.activity?.name).toBe('Unavailable');
});

test('two quick requests based on the same activity both apply: the latest wins', async () => {
    const s = await started();
    s.openCti.deliver(CHANNEL, setFlexActivityMessage('Break', 'Available'));
    await settle();
    s.openCti.deliver(CHANNEL, setFlexActivityMessage('Offline', 'Available'));
    await settle();
    expect(s.backend.activityChanges).toEqual(['Break', 'Offline']);
    expect(s.state.activity?.name).toBe('Offline');
    expect(told(s)).toEqual([
        ['Available', 'current'],
        ['Break', 'sync'],
        ['Offline', 'sync']
    ]);
});

test('a request based on an activity the sync set, when the agent changed Flex since, is dropped', async () => {
    const s = await started();
    s.openCti.deliver(CHANNEL, setFlexActivityMessage('Break', 'Available'));
    await settle();
    await agentPicks('Unavailable');
    s.openCti.deliver(CHANNEL, setFlexActivityMessage('Offline', 'Available'));
    await settle();
    expect(s.backend.activityChanges).toEqual(['Break', 'Unavailable']);
    expect(told(s).slice(-1)).toEqual([['Unavailable', 'current']]);
});

test('tells the agent once about an activity Flex does not have, and changes nothing', async () => {
    const s = await started();
    s.openCti.deliver(CHANNEL, setFlexActivityMessage('Lunch', 'Available'));
    await settle();
    s.openCti.deliver(CHANNEL, setFlexActivityMessage('Lunch', 'Available'));
    await settle();
    expect(s.backend.activityChanges).toEqual([]);
    expect(shownNotifications()).toEqual([
        { id: 'PresenceUnknownActivity', context: expect.objectContaining({ activity: 'Lunch' }) }
    ]);
    expect(told(s)).toEqual([
        ['Available', 'current'],
        ['Available', 'current'],
        ['Available', 'current']
    ]);
});

test('tells the agent once when TaskRouter refuses the activity, and does not retry it', async () => {
    const s = await started();
    s.backend.failSetActivity = 1;
    s.openCti.deliver(CHANNEL, setFlexActivityMessage('Offline', 'Available'));
    await settle();
    expect(s.backend.activityChanges).toEqual(['Offline']);
    expect(shownNotifications().map((n) => n.id)).toEqual(['PresenceSetActivityFailed']);
    expect(shownNotifications()[0]?.context.reason).toBe('TaskRouter refused the activity');
    expect(told(s).slice(-1)).toEqual([['Available', 'current']]);
    await agentPicks('Break');
    expect(told(s).slice(-1)).toEqual([['Break', 'agent']]);
});

test('answers a question, and ignores a message that breaks the contract', async () => {
    const s = await started();
    s.openCti.deliver(CHANNEL, queryFlexActivityMessage());
    s.openCti.deliver(CHANNEL, { type: 'setFlexActivity', activity: 'Break', cause: null });
    s.openCti.deliver(CHANNEL, {
        ...setFlexActivityMessage('Break', null),
        activity: 'x'.repeat(65)
    });
    await settle();
    expect(s.backend.activityChanges).toEqual([]);
    expect(told(s)).toEqual([
        ['Available', 'current'],
        ['Available', 'current']
    ]);
    expect(s.logLines.filter((line) => line.includes('ignored a presence request'))).toHaveLength(
        2
    );
});

test('keeps Flex working when Salesforce does not take the message', async () => {
    const s = await started();
    s.openCti.failNext('publish');
    await agentPicks('Break');
    await settle();
    expect(s.state.activity?.name).toBe('Break');
    expect(
        s.logLines.some((line) =>
            line.startsWith('warn could not tell Salesforce the Flex activity Break')
        )
    ).toBe(true);
    expect(s.logLines.filter((line) => line.startsWith('error'))).toEqual([]);
});
