import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LmsBus } from './lmsBus.ts';

const CHANNEL = 'Flex_Record_Selection__c';
const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('sandbox LMS bus', () => {
    it('delivers a JSON copy to every other subscriber of the channel, asynchronously', async () => {
        const bus = new LmsBus();
        const picker: unknown[] = [];
        const softphone: unknown[] = [];
        const other: unknown[] = [];
        bus.subscribe(CHANNEL, (message) => picker.push(message), 'picker');
        bus.subscribe(CHANNEL, (message) => softphone.push(message), 'softphone');
        bus.subscribe('Other__c', (message) => other.push(message), 'picker');
        const message = { recordId: 'a', at: new Date(0), skip: undefined };
        bus.publish(CHANNEL, message, 'softphone');
        assert.deepEqual(picker, [], 'not synchronously');
        await tick();
        assert.deepEqual(picker, [{ recordId: 'a', at: '1970-01-01T00:00:00.000Z' }]);
        assert.notEqual(picker[0], message);
        assert.deepEqual(softphone, [], 'the publisher does not hear itself');
        assert.deepEqual(other, []);
    });

    it('stops delivering after unsubscribe, by subscription or by owner', async () => {
        const bus = new LmsBus();
        const heard: unknown[] = [];
        const subscription = bus.subscribe(CHANNEL, (message) => heard.push(message), 'picker');
        bus.subscribe(CHANNEL, (message) => heard.push(message), 'softphone');
        bus.unsubscribe(subscription);
        bus.unsubscribe(null);
        assert.equal(bus.subscriberCount(CHANNEL), 1);
        bus.unsubscribeOwner('softphone', CHANNEL);
        assert.equal(bus.subscriberCount(CHANNEL), 0);
        bus.publish(CHANNEL, { recordId: 'a' }, 'test');
        await tick();
        assert.deepEqual(heard, []);
        assert.deepEqual(bus.published, [
            { channel: CHANNEL, owner: 'test', message: { recordId: 'a' } }
        ]);
    });
});
