// Forged and malformed messages at Flex's end of the bridge: each is refused with a clear error
// (when it can be answered at all), and none reaches a capability or changes anything.
import { MessageChannel } from 'worker_threads';
import { PROTOCOL, PROTOCOL_VERSION } from '../../../../packages/flex-host-sdk/src/protocol.ts';
import { createFakeFrames } from '../../../../packages/flex-host-sdk/test/fakeFrames.ts';
import type { DialRequest, RecordChoice } from '../../crm/crmPort';
import { bridgeAdapter } from './bridgeAdapter';
import { bridgedHost, hostSettings } from '../../../test/bridgedHost';
import { waitForHost, type SlowHandshake } from './hostLink';

const HOST = 'https://crm.example.com';
const TASK = 'WT0123456789abcdef0123456789abcdef';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
/** Node's MessagePort, as the fake frames hand it over. */
type MessagePortLike = InstanceType<typeof MessageChannel>['port1'];
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 30));
/** What Flex said while it waited too long: SlowHandshake values, in order. */
let slow: SlowHandshake[] = [];
beforeEach(() => {
    slow = [];
});
/** Flex's side, waiting for a host at HOST, in the fake Flex frame. */
const flexWaiting = (frames: ReturnType<typeof createFakeFrames>, handshakeTimeoutMs: number) =>
    waitForHost({
        window: frames.flex as unknown as Window,
        framedBy: null,
        allowedOrigins: [HOST],
        handshakeTimeoutMs,
        onSlow: (why) => slow.push(why),
        requestTimeoutMs: 500,
        log: quiet,
        welcome: { allowedActions: [], forwardedEvents: [] },
        createChannel: () => new MessageChannel()
    });
const hello = (extra: Record<string, unknown> = {}) => ({
    protocol: PROTOCOL,
    type: 'hello',
    version: PROTOCOL_VERSION,
    handles: [],
    attempt: 'abcdef0123456789',
    ...extra
});

describe('handshake: only the allowed parent, exactly, with a well-formed hello, gets an answer', () => {
    const origins = [
        'https://crm.example.com.evil.net',
        'https://evilcrm.example.com',
        'http://crm.example.com',
        'https://crm.example.com:8443',
        'https://sub.crm.example.com',
        'https://example.com',
        'null',
        'https://CRM.example.com '
    ];
    test.each(origins)(
        'a hello from %s gets nothing back, and Flex says the page is not allowed',
        async (origin) => {
            const frames = createFakeFrames({
                hostOrigin: origin === 'null' ? 'https://x.invalid' : origin.trim().toLowerCase()
            });
            const waiting = flexWaiting(frames, 500);
            const received: unknown[] = [];
            frames.host.addEventListener('message', (event) => received.push(event.data));
            frames.postToFlex(hello(), { origin });
            await expect(waiting).resolves.toEqual({ kind: 'not-allowed', origin });
            await settle();
            expect(received).toEqual([]);
            expect(frames.dropped).toEqual([]);
        }
    );

    const malformed: [string, unknown][] = [
        ['a string', 'hello'],
        ['a number', 42],
        ['null', null],
        ['a list', [hello()]],
        ['another protocol', hello({ protocol: 'penpal' })],
        ['no type', hello({ type: undefined })],
        ['an unknown type', hello({ type: 'connect' })],
        ['a version that is text', hello({ version: '1' })],
        ['handles not a list', hello({ handles: 'search' })],
        ['an unknown handle', hello({ handles: ['eval'] })],
        ['too many handles', hello({ handles: Array(20).fill('search') })],
        ['no attempt', hello({ attempt: undefined })],
        ['an attempt with markup', hello({ attempt: '<img src=x>' })],
        ['an attempt too short', hello({ attempt: 'abc' })],
        ['an unknown field', hello({ admin: true })],
        ['a field the welcome has, not the hello', hello({ allowedActions: ['ToggleMute'] })],
        [
            'an own __proto__ key',
            JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(hello()).slice(1)}`)
        ],
        [
            'an own constructor key',
            JSON.parse(`{"constructor":"x",${JSON.stringify(hello()).slice(1)}`)
        ],
        ['a hello over 64 KB', hello({ padding: 'x'.repeat(70_000) })],
        ['a hello over 8 KB', hello({ padding: 'x'.repeat(9_000) })],
        ['a hello of a version that is not whole', hello({ version: 1.5 })]
    ];
    test.each(malformed)(
        '%s is ignored; a correct hello after it still connects',
        async (_name, data) => {
            const frames = createFakeFrames({ hostOrigin: HOST });
            const waiting = flexWaiting(frames, 1000);
            const received: unknown[] = [];
            frames.host.addEventListener('message', (event) => received.push(event.data));
            frames.postToFlex(data);
            await settle();
            expect(received).toEqual([]);
            frames.postToFlex(hello());
            const outcome = await waiting;
            expect(outcome.kind).toBe('connected');
            if (outcome.kind === 'connected') outcome.link.stop();
            expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        }
    );

    test('a hello from the right origin but another window (a sibling frame) is ignored', async () => {
        const frames = createFakeFrames({ hostOrigin: HOST });
        let outcome: unknown = null;
        void flexWaiting(frames, 200).then((value) => (outcome = value));
        frames.postToFlex(hello(), { source: { postMessage: () => undefined } });
        frames.postToFlex(hello(), { source: null });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(outcome).toBeNull();
        expect(slow).toEqual([{ kind: 'no-answer' }]);
    });

    test('a host that greets long after the wait still connects, and Flex said once that it waits', async () => {
        const frames = createFakeFrames({ hostOrigin: HOST });
        const waiting = flexWaiting(frames, 100);
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(slow).toEqual([{ kind: 'no-answer' }]);
        frames.postToFlex(hello());
        const outcome = await waiting;
        expect(outcome.kind).toBe('connected');
        if (outcome.kind === 'connected') outcome.link.stop();
        expect(slow).toHaveLength(1);
    });

    test('another protocol version is refused in words, to that origin only, with no port; Flex says so in time and still connects a supported hello', async () => {
        const frames = createFakeFrames({ hostOrigin: HOST });
        const waiting = flexWaiting(frames, 500);
        const received: { data: unknown; ports: unknown[] }[] = [];
        frames.host.addEventListener('message', (event) =>
            received.push({ data: event.data, ports: event.ports })
        );
        frames.postToFlex(hello({ version: 7 }));
        // Flex goes on listening for a supported hello, and says so only when none came in time.
        await new Promise((resolve) => setTimeout(resolve, 600));
        expect(slow).toEqual([{ kind: 'version-mismatch', origin: HOST, version: 7 }]);
        frames.postToFlex(hello({ attempt: 'supportedattempt' }));
        const outcome = await waiting;
        expect(outcome.kind).toBe('connected');
        if (outcome.kind === 'connected') outcome.link.stop();
        await settle();
        expect(received).toEqual([
            {
                data: {
                    protocol: PROTOCOL,
                    type: 'refuse',
                    attempt: 'abcdef0123456789',
                    code: 'VERSION_MISMATCH',
                    message: `this Flex speaks bridge protocol version ${PROTOCOL_VERSION}, not 7`,
                    versions: [PROTOCOL_VERSION]
                },
                ports: []
            },
            {
                data: expect.objectContaining({ type: 'welcome', attempt: 'supportedattempt' }),
                ports: [expect.anything()]
            }
        ]);
    });

    test('a supported hello after a refused version still connects (the version is negotiated)', async () => {
        const frames = createFakeFrames({ hostOrigin: HOST });
        const waiting = flexWaiting(frames, 1000);
        const received: unknown[] = [];
        frames.host.addEventListener('message', (event) => received.push(event.data));
        frames.postToFlex(hello({ version: 2, attempt: 'version2attempt' }));
        await settle();
        frames.postToFlex(hello({ attempt: 'version1attempt' }));
        const outcome = await waiting;
        expect(outcome.kind).toBe('connected');
        await settle();
        expect(received).toEqual([
            expect.objectContaining({ type: 'refuse', attempt: 'version2attempt' }),
            expect.objectContaining({ type: 'welcome', attempt: 'version1attempt' })
        ]);
        if (outcome.kind === 'connected') outcome.link.stop();
    });
});

describe('a page that greets again: the newest connection wins, and the older one is told', () => {
    /** Flex connected to the first of the page's connections, and the page's raw view of both. */
    async function connectedTwice() {
        const frames = createFakeFrames({ hostOrigin: HOST });
        const waiting = flexWaiting(frames, 1000);
        const welcomes: { attempt: string; port: MessagePortLike }[] = [];
        frames.host.addEventListener('message', (event) => {
            const data = event.data as { type?: string; attempt?: string };
            if (data.type === 'welcome')
                welcomes.push({
                    attempt: data.attempt ?? '',
                    port: event.ports[0] as MessagePortLike
                });
        });
        frames.postToFlex(hello({ attempt: 'firstattempt' }));
        const outcome = await waiting;
        if (outcome.kind !== 'connected') throw new Error(outcome.kind);
        outcome.link.onRequest(() => ({ answered: true }));
        await settle();
        const first = welcomes[0]?.port as MessagePortLike;
        const heardByFirst: unknown[] = [];
        first.on('message', (data: unknown) => heardByFirst.push(data));
        frames.postToFlex(hello({ attempt: 'secondattempt' }));
        await settle();
        return { frames, link: outcome.link, welcomes, heardByFirst };
    }

    test('the older port hears closing (replaced) before it closes; the new one is answered', async () => {
        const { link, welcomes, heardByFirst } = await connectedTwice();
        try {
            expect(welcomes.map((welcome) => welcome.attempt)).toEqual([
                'firstattempt',
                'secondattempt'
            ]);
            expect(heardByFirst).toEqual([
                { kind: 'event', name: 'closing', data: { reason: 'replaced' } }
            ]);
            const second = welcomes[1]?.port as MessagePortLike;
            const answers: unknown[] = [];
            second.on('message', (data: unknown) => answers.push(data));
            second.postMessage({ kind: 'request', id: 'r1', method: 'getState', params: {} });
            await settle();
            expect(answers).toEqual([
                { kind: 'response', id: 'r1', ok: true, result: { answered: true } }
            ]);
        } finally {
            link.stop();
            welcomes.forEach((welcome) => welcome.port.close());
        }
    });

    test("the older connection's repeated hellos never win its port back", async () => {
        const { frames, link, welcomes } = await connectedTwice();
        try {
            frames.postToFlex(hello({ attempt: 'firstattempt' }));
            frames.postToFlex(hello({ attempt: 'secondattempt' }));
            await settle();
            expect(welcomes).toHaveLength(2);
        } finally {
            link.stop();
            welcomes.forEach((welcome) => welcome.port.close());
        }
    });
});

describe('after the handshake: requests that break the protocol change nothing', () => {
    /** The host's raw port (beside the SDK's own use of it), and what reached the capabilities. */
    async function connected() {
        const host = hostSettings({
            allowed_actions: ['ToggleMute'],
            dial_attributes: ['campaign']
        });
        const bridged = await bridgedHost(host);
        const port = bridgeAdapter({ link: bridged.link, host });
        const reached = {
            dials: [] as DialRequest[],
            choices: [] as RecordChoice[],
            actions: [] as string[]
        };
        await port.onDialRequest(async (request) => {
            reached.dials.push(request);
            return { kind: 'placed', destination: '+14155550100' };
        });
        await port.onRecordChoice((choice) => reached.choices.push(choice));
        port.actions?.onRequest(async (name) => {
            reached.actions.push(name);
        });
        // A second, raw port to the same Flex: what a hostile script in an allowed host could send.
        const raw = new MessageChannel();
        const answers: unknown[] = [];
        raw.port1.addEventListener('message', (event) =>
            answers.push((event as unknown as { data: unknown }).data)
        );
        raw.port1.start();
        bridged.link.attach(raw.port2 as never, HOST, []);
        return {
            bridged,
            reached,
            answers,
            raw,
            stop: () => {
                raw.port1.close();
                bridged.stop();
            }
        };
    }

    const record = { recordId: 'CUS-1', objectApiName: 'Customer', name: 'Ada' };
    const request = (method: unknown, params: unknown, id: unknown = 'r1') => ({
        kind: 'request',
        id,
        method,
        params
    });
    const cases: [string, unknown, string | null][] = [
        ['a string', 'dial +14155550100', null],
        ['a list', [request('dial', { number: '+14155550100' })], null],
        ['no kind', { id: 'r1', method: 'dial', params: {} }, null],
        ['an unknown kind', { kind: 'call', id: 'r1', method: 'dial', params: {} }, null],
        [
            'a request without id',
            { kind: 'request', method: 'dial', params: { number: '1' } },
            null
        ],
        ['an id with spaces', request('dial', { number: '1' }, 'r 1'), null],
        ['an id too long', request('dial', { number: '1' }, 'r'.repeat(65)), null],
        ['an unknown method', request('eval', {}), 'UNKNOWN_METHOD'],
        ['__proto__ as method', request('__proto__', {}), 'UNKNOWN_METHOD'],
        ['constructor as method', request('constructor', {}), 'UNKNOWN_METHOD'],
        ['a method with a dot', request('dial.call', {}), 'UNKNOWN_METHOD'],
        ['params not an object', request('dial', '+14155550100'), 'INVALID_MESSAGE'],
        ['params a list', request('dial', ['+14155550100']), 'INVALID_MESSAGE'],
        ['dial without a number', request('dial', {}), 'INVALID_MESSAGE'],
        [
            'dial with a number as an object',
            request('dial', { number: { e164: '+1' } }),
            'INVALID_MESSAGE'
        ],
        [
            'dial with a number of 41 characters',
            request('dial', { number: '1'.repeat(41) }),
            'INVALID_MESSAGE'
        ],
        [
            'dial with an unknown field',
            request('dial', { number: '1', queueSid: 'WQ1' }),
            'INVALID_MESSAGE'
        ],
        [
            'dial with a record id holding markup',
            request('dial', { number: '1', record: { ...record, recordId: '<script>' } }),
            'INVALID_MESSAGE'
        ],
        [
            'dial with a record of an unknown field',
            request('dial', { number: '1', record: { ...record, owner: 'x' } }),
            'INVALID_MESSAGE'
        ],
        [
            'dial with a 10,000-character record name',
            request('dial', { number: '1', record: { ...record, name: 'x'.repeat(10000) } }),
            'INVALID_MESSAGE'
        ],
        [
            'dial with an attribute not allowed',
            request('dial', { number: '1', attributes: { sfdcObjectId: '003' } }),
            'NOT_ALLOWED'
        ],
        [
            'dial with a nested attribute',
            request('dial', { number: '1', attributes: { campaign: { id: 1 } } }),
            'INVALID_MESSAGE'
        ],
        [
            'dial with an attribute name that is not a name',
            request('dial', { number: '1', attributes: { 'a b': 1 } }),
            'INVALID_MESSAGE'
        ],
        [
            'dial with 21 attributes',
            request('dial', {
                number: '1',
                attributes: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`a${i}`, i]))
            }),
            'INVALID_MESSAGE'
        ],
        [
            'linkRecord without a record',
            request('linkRecord', { taskSid: TASK }),
            'INVALID_MESSAGE'
        ],
        [
            'linkRecord with a bad task SID',
            request('linkRecord', { taskSid: 'WT1', record }),
            'INVALID_MESSAGE'
        ],
        [
            'linkRecord with a record as text',
            request('linkRecord', { record: 'CUS-1' }),
            'INVALID_MESSAGE'
        ],
        [
            'linkRecord with a record type holding spaces',
            request('linkRecord', { record: { ...record, objectApiName: 'Customer Record' } }),
            'INVALID_MESSAGE'
        ],
        [
            'invokeAction of an action not allowed',
            request('invokeAction', {
                name: 'StartOutboundCall',
                payload: { destination: '+1900' }
            }),
            'NOT_ALLOWED'
        ],
        [
            'invokeAction of a real action not on the list',
            request('invokeAction', { name: 'SetActivity', payload: { activityName: 'Offline' } }),
            'NOT_ALLOWED'
        ],
        [
            'invokeAction with a lowercase name',
            request('invokeAction', { name: 'toggleMute' }),
            'INVALID_MESSAGE'
        ],
        [
            'invokeAction with a payload list',
            request('invokeAction', { name: 'ToggleMute', payload: [] }),
            'INVALID_MESSAGE'
        ],
        ['getState with parameters', request('getState', { all: true }), 'INVALID_MESSAGE'],
        [
            'setActivity with a control character',
            request('setActivity', { activity: 'Break\u0007' }),
            'INVALID_MESSAGE'
        ],
        [
            'setActivity with a name over 64 characters',
            request('setActivity', { activity: 'x'.repeat(65), basedOn: null }),
            'INVALID_MESSAGE'
        ],
        [
            'setActivity with an extra field',
            request('setActivity', { activity: 'Break', force: true }),
            'INVALID_MESSAGE'
        ],
        [
            'setActivity while presence sync is off',
            request('setActivity', { activity: 'Break', basedOn: 'Available' }),
            'NOT_SUPPORTED'
        ],
        [
            'a message over 64 KB',
            request('dial', { number: '1', padding: 'x'.repeat(70000) }),
            null
        ],
        [
            'a response to no request',
            { kind: 'response', id: 'nobody', ok: true, result: {} },
            null
        ],
        ['an event (hosts send requests)', { kind: 'event', name: 'interaction', data: {} }, null],
        [
            'a polluting payload',
            JSON.parse(
                '{"kind":"request","id":"r1","method":"dial","params":{"__proto__":{"admin":true},"number":"1"}}'
            ),
            'INVALID_MESSAGE'
        ]
    ];

    test.each(cases)('%s: refused, and nothing reaches Flex', async (_name, data, code) => {
        const { reached, answers, raw, stop } = await connected();
        try {
            raw.port1.postMessage(data);
            await settle();
            if (code) {
                expect(answers).toEqual([
                    {
                        kind: 'response',
                        id: 'r1',
                        ok: false,
                        error: { code, message: expect.any(String) }
                    }
                ]);
            } else {
                expect(
                    answers.filter((answer) => (answer as { ok?: unknown }).ok === true)
                ).toEqual([]);
            }
            expect(reached.dials).toEqual([]);
            expect(reached.actions).toEqual([]);
            expect(reached.choices.every((choice) => choice.kind === 'invalid')).toBe(true);
            expect(({} as Record<string, unknown>).admin).toBeUndefined();
        } finally {
            stop();
        }
    });

    test('the same requests done right reach Flex (the cases above fail for their reason only)', async () => {
        const { reached, answers, raw, stop } = await connected();
        try {
            raw.port1.postMessage(
                request(
                    'dial',
                    { number: '+14155550100', record, attributes: { campaign: 'spring' } },
                    'ok1'
                )
            );
            raw.port1.postMessage(request('linkRecord', { taskSid: TASK, record }, 'ok2'));
            raw.port1.postMessage(
                request('invokeAction', { name: 'ToggleMute', payload: {} }, 'ok3')
            );
            await settle();
            expect(answers).toHaveLength(3);
            expect(answers.every((answer) => (answer as { ok: boolean }).ok)).toBe(true);
            expect(reached.dials).toEqual([
                { number: '+14155550100', record, attributes: { campaign: 'spring' } }
            ]);
            expect(reached.choices).toEqual([{ kind: 'select', taskSid: TASK, record }]);
            expect(reached.actions).toEqual(['ToggleMute']);
        } finally {
            stop();
        }
    });
});
