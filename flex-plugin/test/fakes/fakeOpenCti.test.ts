// The test double is only useful if it behaves like Salesforce: check it against open-cti.md.
import { FakeOpenCti } from './fakeOpenCti';

const answerOf = <T>(start: (callback: (r: T) => void) => void) =>
    new Promise<T>((resolve) => start(resolve));

describe('FakeOpenCti follows the documented Open CTI contract', () => {
    test('enums are the lowercase wire strings', () => {
        const api = new FakeOpenCti();
        expect(api.SCREENPOP_TYPE).toEqual({
            URL: 'url',
            SOBJECT: 'sobject',
            OBJECTHOME: 'objecthome',
            LIST: 'list',
            SEARCH: 'search',
            NEW_RECORD_MODAL: 'newRecord',
            FLOW: 'flow'
        });
        expect(api.CALL_TYPE).toEqual({
            INBOUND: 'inbound',
            OUTBOUND: 'outbound',
            INTERNAL: 'internal'
        });
    });

    test('callbacks are asynchronous and get {success, returnValue, errors}', async () => {
        const api = new FakeOpenCti();
        let answered = false;
        const response = answerOf((callback) => {
            api.screenPop({
                type: 'sobject',
                params: { recordId: '003000000000001AAA' },
                callback
            });
            answered = true;
        });
        expect(answered).toBe(true);
        expect(await response).toEqual({ success: true, returnValue: null, errors: null });
    });

    test('subscribe answers {success, subscription, errors} and LMS messages are JSON copies', async () => {
        const api = new FakeOpenCti();
        const received: unknown[] = [];
        const response = await answerOf<{
            success: boolean;
            subscription: unknown;
            errors: unknown;
        }>((callback) =>
            api.subscribe({
                channelName: 'Flex_Record_Selection__c',
                listener: (m) => received.push(m),
                callback
            })
        );
        expect(response).toEqual({ success: true, subscription: expect.anything(), errors: null });
        expect(Object.keys(response)).not.toContain('returnValue');
        const sent = { action: 'sync', when: new Date(0), skip: undefined };
        api.deliver('Flex_Record_Selection__c', sent);
        expect(received).toEqual([{ action: 'sync', when: '1970-01-01T00:00:00.000Z' }]);
        expect(received[0]).not.toBe(sent);
    });

    test('argument mistakes throw synchronously with Salesforce wording', () => {
        const api = new FakeOpenCti();
        expect(() => (api.enableClickToDial as (a: unknown) => void)('x')).toThrow(
            'Must pass in only one object which holds arguments to this API method call.'
        );
        expect(() => (api.enableClickToDial as (a: unknown) => void)({})).toThrow(
            'Missing the required argument `callback`!'
        );
    });

    test('an invalid screen pop type is an INVALID_PARAM error in the callback', async () => {
        const api = new FakeOpenCti();
        const response = await answerOf((callback) =>
            api.screenPop({ type: 'SObject', params: {}, callback })
        );
        expect(response).toEqual({
            success: false,
            returnValue: null,
            errors: [{ code: 'INVALID_PARAM', description: expect.any(String) }]
        });
    });

    test('injected failures answer with errors, then the method works again', async () => {
        const api = new FakeOpenCti();
        api.failNext('publish', 1, { code: 'SOFTPHONE_CONTAINER_ERROR', description: 'not ready' });
        const first = await answerOf((callback) =>
            api.publish({ channelName: 'C__c', message: {}, callback })
        );
        const second = await answerOf((callback) =>
            api.publish({ channelName: 'C__c', message: {}, callback })
        );
        expect(first).toEqual({
            success: false,
            returnValue: null,
            errors: [{ code: 'SOFTPHONE_CONTAINER_ERROR', description: 'not ready' }]
        });
        expect(second).toEqual({ success: true, returnValue: null, errors: null });
        expect(api.published).toHaveLength(1);
    });

    test('click-to-dial fires only after enableClickToDial', async () => {
        const api = new FakeOpenCti();
        const clicks: unknown[] = [];
        api.onClickToDial({ listener: (p) => clicks.push(p) });
        expect(() => api.clickToDial({ number: '1' })).toThrow(/not enabled/);
        await answerOf((callback) => api.enableClickToDial({ callback }));
        api.clickToDial({ number: '(415) 555-0100' });
        expect(clicks).toEqual([{ number: '(415) 555-0100' }]);
    });

    test('unsubscribe removes only that listener', async () => {
        const api = new FakeOpenCti();
        const sub = await answerOf<{ subscription: unknown }>((callback) =>
            api.subscribe({ channelName: 'C__c', listener: () => undefined, callback })
        );
        await answerOf<{ subscription: unknown }>((callback) =>
            api.subscribe({ channelName: 'C__c', listener: () => undefined, callback })
        );
        expect(api.subscriberCount('C__c')).toBe(2);
        await answerOf((callback) => api.unsubscribe({ subscription: sub.subscription, callback }));
        expect(api.subscriberCount('C__c')).toBe(1);
    });

    test('saveLog creates with entityApiName, updates by Id and answers the Id', async () => {
        const api = new FakeOpenCti();
        const created = await answerOf<{ success: boolean; returnValue: unknown }>((callback) =>
            api.saveLog({ value: { entityApiName: 'Task', Subject: 'Call' }, callback })
        );
        expect(created.success).toBe(true);
        const id = String(created.returnValue);
        expect(id).toMatch(/^00T/);
        await answerOf((callback) =>
            api.saveLog({ value: { Id: id, Description: 'Notes' }, callback })
        );
        expect(api.savedLogs.get(id)).toEqual({ Subject: 'Call', Description: 'Notes' });
        const unknown = await answerOf<{ success: boolean; errors: unknown }>((callback) =>
            api.saveLog({ value: { Id: '00T000000000999', Subject: 'x' }, callback })
        );
        expect(unknown.success).toBe(false);
        expect(api.savedLogs.size).toBe(1);
        expect(() => (api.saveLog as (a: unknown) => void)({ callback: () => undefined })).toThrow(
            'Missing the required argument `value`!'
        );
    });
});
