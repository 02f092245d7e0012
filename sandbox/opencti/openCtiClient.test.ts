// The sandbox's Open CTI client script against docs/reference/open-cti.md: start-up checks,
// the request shape, wire args per method, synchronous argument errors, and which replies it hears.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiVersionOf, createOpenCtiClient, type ClientWindow } from './openCtiClient.ts';
import { API_TYPE, type OpenCtiReply, type OpenCtiRequest } from './protocol.ts';

const CONSOLE = 'https://acme.lightning.force.com';
const API_VERSION = '62.0';
const INIT_FAILED = /^Failed to initialize Open CTI\./;

type Method = (options: Record<string, unknown>) => void;

/** A softphone window whose parent only records what is posted to it. */
function recordingWindow(search = `?mode=Lightning&sfdcIframeOrigin=${CONSOLE}`) {
    const posted: { message: OpenCtiRequest; targetOrigin: string }[] = [];
    const listeners: ((event: { origin: string; source: unknown; data: unknown }) => void)[] = [];
    const parent = {
        postMessage: (message: unknown, targetOrigin: string) =>
            posted.push({ message: structuredClone(message) as OpenCtiRequest, targetOrigin })
    };
    const win: ClientWindow = {
        location: { search, protocol: 'https:' },
        parent,
        addEventListener: (_type, listener) => listeners.push(listener)
    };
    const reply = (data: Partial<OpenCtiReply>, origin = CONSOLE, source: unknown = parent) =>
        listeners.forEach((listener) =>
            listener({
                origin,
                source,
                data: {
                    apiVersion: API_VERSION,
                    apiType: API_TYPE,
                    shouldExecuteCallback: true,
                    shouldExecuteListener: false,
                    response: { success: true, returnValue: null, errors: null },
                    ...data
                }
            })
        );
    return { win, posted, reply, parent };
}

function clientOf(win: ClientWindow) {
    const api = createOpenCtiClient(win, API_VERSION);
    return (name: string) => api[name] as Method;
}

describe('Open CTI client: start-up', () => {
    it('starts when sfdcIframeOrigin and mode are present and the origin is a Salesforce one', () => {
        for (const origin of [
            'https://acme.lightning.force.com',
            'https://acme--dev.sandbox.my.salesforce.com',
            'https://acme.my-lightning.com:443'
        ]) {
            const { win } = recordingWindow(`?mode=Lightning&sfdcIframeOrigin=${origin}`);
            assert.doesNotThrow(() => createOpenCtiClient(win, API_VERSION), origin);
        }
    });

    it('refuses to start without mode, without the origin, with a look-alike or another protocol', () => {
        for (const search of [
            `?sfdcIframeOrigin=${CONSOLE}`,
            '?mode=Lightning',
            // The spelling is sfdcIframeOrigin, lowercase f.
            `?mode=Lightning&sfdcIFrameOrigin=${CONSOLE}`,
            '?mode=Lightning&sfdcIframeOrigin=https://acme.lightning.force.com.evil.example',
            '?mode=Lightning&sfdcIframeOrigin=https://evil.example/?.force.com',
            '?mode=Lightning&sfdcIframeOrigin=http://acme.lightning.force.com'
        ]) {
            const { win } = recordingWindow(search);
            assert.throws(
                () => createOpenCtiClient(win, API_VERSION),
                { message: INIT_FAILED },
                search
            );
        }
    });

    it('reads the API version from its own script path', () => {
        assert.equal(
            apiVersionOf('https://x.lightning.force.com/support/api/62.0/lightning/opencti_min.js'),
            '62.0'
        );
        assert.equal(apiVersionOf(undefined), '67.0');
    });

    it('exposes the documented enums as lowercase wire strings', () => {
        const { win } = recordingWindow();
        const api = createOpenCtiClient(win, API_VERSION);
        assert.deepEqual(api.SCREENPOP_TYPE, {
            URL: 'url',
            SOBJECT: 'sobject',
            OBJECTHOME: 'objecthome',
            LIST: 'list',
            SEARCH: 'search',
            NEW_RECORD_MODAL: 'newRecord',
            FLOW: 'flow'
        });
        assert.deepEqual(api.CALL_TYPE, {
            INBOUND: 'inbound',
            OUTBOUND: 'outbound',
            INTERNAL: 'internal'
        });
    });
});

describe('Open CTI client: requests', () => {
    it('posts the documented request shape to sfdcIframeOrigin, callId counting per window', () => {
        const { win, posted } = recordingWindow();
        const call = clientOf(win);
        call('getAppViewInfo')({ callback: () => {} });
        call('refreshView')({});
        assert.deepEqual(posted, [
            {
                targetOrigin: CONSOLE,
                message: {
                    methodName: 'getAppViewInfo',
                    callId: 1,
                    apiVersion: API_VERSION,
                    apiType: 'opencti',
                    isCallbackRegistered: true,
                    isListenerRegistered: false,
                    args: {}
                }
            },
            {
                targetOrigin: CONSOLE,
                message: {
                    methodName: 'refreshView',
                    callId: 2,
                    apiVersion: API_VERSION,
                    apiType: 'opencti',
                    isCallbackRegistered: false,
                    isListenerRegistered: false,
                    args: {}
                }
            }
        ]);
    });

    it('renames and picks wire args per method as the reference lists them', () => {
        const { win, posted } = recordingWindow();
        const call = clientOf(win);
        const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
            ['saveLog', { value: { Subject: 'Call' } }, { object: { Subject: 'Call' } }],
            [
                'screenPop',
                { type: 'sobject', params: { recordId: 'x' }, extra: 1 },
                { type: 'sobject', params: { recordId: 'x' } }
            ],
            [
                'searchAndScreenPop',
                { searchParams: '415', callType: 'inbound', deferred: true, other: 2 },
                { searchParams: '415', callType: 'inbound', deferred: true }
            ],
            ['setSoftphonePanelHeight', { heightPX: 500 }, { heightPX: 500 }],
            ['setSoftphonePanelWidth', { widthPX: 300 }, { widthPX: 300 }],
            ['setSoftphoneItemIcon', { key: 'call' }, { key: 'call' }],
            ['setSoftphonePanelLabel', { label: 'Flex' }, { label: 'Flex' }],
            ['setSoftphonePanelVisibility', { visible: false }, { visible: false }],
            [
                'runApex',
                { apexClass: 'A', methodName: 'm', methodParams: 'a=1' },
                { apexClass: 'A', methodName: 'm', methodParams: 'a=1' }
            ]
        ];
        cases.forEach(([method, options]) => call(method)(options));
        assert.deepEqual(
            posted.map(({ message }) => [message.methodName, message.args]),
            cases.map(([method, , wire]) => [method, wire])
        );
    });

    it('marks listener methods as listener-registered and sends LMS calls by eventName', () => {
        const { win, posted } = recordingWindow();
        const call = clientOf(win);
        call('onClickToDial')({ listener: () => {} });
        call('publish')({
            channelName: 'Flex_Record_Selection__c',
            message: { recordId: 'a', dropped: () => 1, when: undefined }
        });
        call('subscribe')({ channelName: 'Flex_Record_Selection__c', listener: () => {} });
        assert.equal(posted[0]?.message.isListenerRegistered, true);
        // publish's message is JSON round-tripped: functions and undefined do not travel.
        assert.deepEqual(posted[1]?.message.args, {
            eventName: 'Flex_Record_Selection__c',
            message: { recordId: 'a' }
        });
        assert.equal(posted[2]?.message.methodName, 'subscribe');
        assert.equal(posted[2]?.message.args.eventName, 'Flex_Record_Selection__c');
        assert.equal(posted[2]?.message.isListenerRegistered, true);
    });

    it('throws Salesforce’s argument errors synchronously and posts nothing', () => {
        const { win, posted } = recordingWindow();
        const api = createOpenCtiClient(win, API_VERSION);
        const getAppViewInfo = api.getAppViewInfo as (...args: unknown[]) => void;
        assert.throws(
            () => getAppViewInfo({ callback: () => {} }, {}),
            /^Error: Must pass in only one object which holds arguments to this API method call\.$/
        );
        assert.throws(() => getAppViewInfo({}), {
            message: 'Missing the required argument `callback`!'
        });
        assert.throws(() => (api.saveLog as Method)({ callback: () => {} }), {
            message: 'Missing the required argument `value`!'
        });
        assert.throws(() => (api.searchAndScreenPop as Method)({ searchParams: '415' }), {
            message: 'Missing the required argument `callType`!'
        });
        assert.equal(posted.length, 0);
    });
});

describe('Open CTI client: replies', () => {
    it('calls a callback once, keyed by methodName and callId', () => {
        const { win, reply } = recordingWindow();
        const call = clientOf(win);
        const seen: unknown[] = [];
        call('getAppViewInfo')({ callback: (response: unknown) => seen.push(response) });
        const response = { success: true, returnValue: { url: '/x' }, errors: null };
        reply({ methodName: 'isSoftphonePanelVisible', callId: 1, response });
        assert.equal(seen.length, 0, 'another method with the same callId is not this call');
        reply({ methodName: 'getAppViewInfo', callId: 1, response });
        reply({ methodName: 'getAppViewInfo', callId: 1, response });
        assert.deepEqual(seen, [response]);
    });

    it('ignores replies from another origin, another window or another API version', () => {
        const { win, reply } = recordingWindow();
        const call = clientOf(win);
        let calls = 0;
        call('getAppViewInfo')({ callback: () => (calls += 1) });
        reply(
            { methodName: 'getAppViewInfo', callId: 1 },
            'https://acme.lightning.force.com.evil.example'
        );
        reply({ methodName: 'getAppViewInfo', callId: 1 }, CONSOLE, { postMessage() {} });
        reply({ methodName: 'getAppViewInfo', callId: 1, apiVersion: '61.0' });
        reply({ methodName: 'getAppViewInfo', callId: 1, apiType: 'other' as typeof API_TYPE });
        assert.equal(calls, 0);
        reply({ methodName: 'getAppViewInfo', callId: 1 });
        assert.equal(calls, 1);
    });

    it('fires a listener on every event and an LMS listener per channel', () => {
        const { win, reply } = recordingWindow();
        const call = clientOf(win);
        const dialled: unknown[] = [];
        const selections: unknown[] = [];
        call('onClickToDial')({ listener: (payload: unknown) => dialled.push(payload) });
        call('subscribe')({
            channelName: 'Flex_Record_Selection__c',
            listener: (message: unknown) => selections.push(message)
        });
        const event = (methodName: string, returnValue: unknown, eventName = methodName) =>
            reply({
                methodName,
                eventName,
                shouldExecuteCallback: false,
                shouldExecuteListener: true,
                response: { success: true, returnValue, errors: null }
            });
        event('onClickToDial', { number: '1' });
        event('onClickToDial', { number: '2' });
        event('subscribe', { recordId: 'r' }, 'Flex_Record_Selection__c');
        event('subscribe', { recordId: 'other' }, 'Other_Channel__c');
        assert.deepEqual(dialled, [{ number: '1' }, { number: '2' }]);
        assert.deepEqual(selections, [{ recordId: 'r' }]);
    });

    it('gives subscribe’s callback the caller’s own subscription, and unsubscribes on the last listener', () => {
        const { win, posted, reply } = recordingWindow();
        const call = clientOf(win);
        const subscriptions: unknown[] = [];
        const subscribe = () =>
            call('subscribe')({
                channelName: 'Flex_Record_Selection__c',
                listener: () => {},
                callback: (response: { success: boolean; subscription: unknown }) =>
                    subscriptions.push(response)
            });
        subscribe();
        subscribe();
        reply({ methodName: 'subscribe', callId: 1 });
        reply({ methodName: 'subscribe', callId: 2 });
        assert.equal(subscriptions.length, 2);
        const [first, second] = subscriptions as { success: boolean; subscription: unknown }[];
        assert.equal(first?.success, true);
        assert.notEqual(first?.subscription, second?.subscription);

        call('unsubscribe')({ subscription: first?.subscription });
        assert.equal(
            posted.filter(({ message }) => message.methodName === 'unsubscribe').length,
            0,
            'another listener is still on the channel'
        );
        call('unsubscribe')({ subscription: second?.subscription });
        assert.deepEqual(
            posted
                .filter(({ message }) => message.methodName === 'unsubscribe')
                .map(({ message }) => message.args),
            [{ eventName: 'Flex_Record_Selection__c' }]
        );
    });
});
