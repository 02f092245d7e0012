// Forged and malformed messages at the host's end: from other windows and origins during the
// handshake, and on the port after it. Each is refused or ignored; no handler of the host app runs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import { connectFlex, type HostHandlers } from '../src/hostConnection.ts';
import { FlexBridgeError, PortEndpoint, type PortLike } from '../src/portEndpoint.ts';
import { PROTOCOL, PROTOCOL_VERSION, type Hello } from '../src/protocol.ts';
import { createFakeFrames, type FakeMessageEvent } from './fakeFrames.ts';

const FLEX = 'https://flex.twilio.com';
import { TASK, anActivity, anInteraction } from './fixtures.ts';
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 30));

/** The host connecting to the fake Flex frame, once its first hello has gone out (and its attempt). */
async function greeting(frames: ReturnType<typeof createFakeFrames>, handlers: HostHandlers) {
    let attempt = '';
    frames.flex.addEventListener('message', (event: FakeMessageEvent) => {
        attempt = (event.data as Hello).attempt;
    });
    const connecting = connectFlex({
        iframe: frames.iframe as unknown as HTMLIFrameElement,
        flexOrigin: FLEX,
        window: frames.host as unknown as Window,
        waitingAfterMs: 1500,
        handlers
    });
    await settle();
    return { connecting, attempt };
}

describe('handshake: forged welcomes', () => {
    const welcome = (extra: Record<string, unknown>) => ({
        protocol: PROTOCOL,
        type: 'welcome',
        version: PROTOCOL_VERSION,
        allowedActions: [],
        forwardedEvents: [],
        ...extra
    });
    const forged: [
        string,
        (attempt: string) => unknown,
        { source?: 'other'; origin?: string; port?: boolean }
    ][] = [
        [
            'a welcome from another window',
            (attempt) => welcome({ attempt }),
            { source: 'other', port: true }
        ],
        ['a welcome without a port', (attempt) => welcome({ attempt }), {}],
        [
            'a welcome for another attempt',
            () => welcome({ attempt: 'f'.repeat(24) }),
            { port: true }
        ],
        ['a welcome with a bad attempt', () => welcome({ attempt: '<x>' }), { port: true }],
        [
            'a welcome with actions that are not names',
            (attempt) => welcome({ attempt, allowedActions: ['a b'] }),
            { port: true }
        ],
        [
            'a welcome with 51 actions',
            (attempt) => welcome({ attempt, allowedActions: Array(51).fill('ToggleMute') }),
            { port: true }
        ],
        [
            'a welcome with a text version',
            (attempt) => welcome({ attempt, version: '1' }),
            { port: true }
        ],
        [
            'a welcome of another protocol',
            (attempt) => ({ ...welcome({ attempt }), protocol: 'penpal' }),
            { port: true }
        ],
        ['a string', () => 'welcome', { port: true }],
        ['null', () => null, { port: true }],
        ['a list', (attempt) => [welcome({ attempt })], { port: true }],
        [
            'a refuse without a message',
            () => ({ protocol: PROTOCOL, type: 'refuse', code: 'VERSION_MISMATCH', versions: [] }),
            {}
        ],
        [
            'a refuse for another attempt (another script on the page sent that hello)',
            () => ({
                protocol: PROTOCOL,
                type: 'refuse',
                attempt: 'f'.repeat(24),
                code: 'VERSION_MISMATCH',
                message: 'this Flex speaks bridge protocol version 1, not 99',
                versions: [1]
            }),
            {}
        ],
        [
            'a refuse without an attempt',
            () => ({
                protocol: PROTOCOL,
                type: 'refuse',
                code: 'VERSION_MISMATCH',
                message: 'no',
                versions: [1]
            }),
            {}
        ],
        [
            'a welcome with an unknown field',
            (attempt) => welcome({ attempt, admin: true }),
            { port: true }
        ],
        [
            'a welcome with an own __proto__ key',
            (attempt) =>
                JSON.parse(
                    `{"__proto__":{"admin":true},${JSON.stringify(welcome({ attempt })).slice(1)}`
                ),
            { port: true }
        ],
        [
            'a welcome over 8 KB',
            (attempt) => welcome({ attempt, allowedActions: [`A${'a'.repeat(9000)}`] }),
            { port: true }
        ],
        [
            'a refuse from another window',
            (attempt) => ({
                protocol: PROTOCOL,
                type: 'refuse',
                attempt,
                code: 'VERSION_MISMATCH',
                message: 'no',
                versions: []
            }),
            { source: 'other' }
        ]
    ];
    for (const [name, message, how] of forged) {
        test(`${name} is ignored; the real Flex still connects`, async () => {
            const frames = createFakeFrames();
            const handled: string[] = [];
            const { connecting, attempt } = await greeting(frames, {
                saveActivity: () => void handled.push('save') as unknown as string
            });
            const forgedChannel = new MessageChannel();
            frames.postToHost(message(attempt), {
                ...(how.source ? { source: { postMessage: () => undefined } } : {}),
                ports: how.port ? [forgedChannel.port2] : []
            });
            await settle();
            // The real Flex answers now.
            const real = new MessageChannel();
            frames.postToHost(welcome({ attempt }), { ports: [real.port2] });
            const connection = await connecting;
            assert.equal(connection.status, 'connected');
            // The forged port, if one was sent, is not the one the SDK talks on.
            const forgedEndpoint = new PortEndpoint(forgedChannel.port1 as unknown as PortLike, {
                timeoutMs: 100,
                handle: () => ({}),
                onEvent: () => undefined,
                onInvalid: () => undefined
            });
            await assert.rejects(
                forgedEndpoint.request('saveActivity', { activity: anActivity() }),
                { code: 'TIMEOUT' }
            );
            assert.deepEqual(handled, []);
            forgedEndpoint.close();
            real.port1.close();
            connection.destroy();
        });
    }
});

describe('after the handshake: what Flex sends that breaks the protocol', () => {
    async function connected() {
        const frames = createFakeFrames();
        const calls: string[] = [];
        const problems: string[] = [];
        const { connecting, attempt } = await greeting(frames, {
            search: () => (calls.push('search'), []),
            saveActivity: () => (calls.push('saveActivity'), 'A1'),
            updateActivity: () => void calls.push('updateActivity'),
            openRecord: () => void calls.push('openRecord'),
            showFlex: () => void calls.push('showFlex')
        });
        const channel = new MessageChannel();
        frames.postToHost(
            {
                protocol: PROTOCOL,
                type: 'welcome',
                version: PROTOCOL_VERSION,
                allowedActions: [],
                forwardedEvents: [],
                attempt
            },
            { ports: [channel.port2] }
        );
        const connection = await connecting;
        const events: unknown[] = [];
        for (const name of ['interaction', 'availability', 'flexEvent', 'chooser'] as const)
            connection.on(name, (data) => events.push(data));
        connection.on('problem', ({ problem }) => problems.push(problem));
        const answers: unknown[] = [];
        channel.port1.addEventListener('message', (event) =>
            answers.push((event as unknown as { data: unknown }).data)
        );
        channel.port1.start();
        return { connection, port: channel.port1, calls, problems, events, answers };
    }

    const request = (method: unknown, params: unknown, id: unknown = 'f1') => ({
        kind: 'request',
        id,
        method,
        params
    });
    const cases: [string, unknown, string | null][] = [
        ['a string', 'saveActivity', null],
        ['a number', 7, null],
        ['a list', [request('search', { query: 'x', interaction: null })], null],
        ['no kind', { id: 'f1', method: 'search', params: {} }, null],
        ['an unknown kind', { kind: 'call', id: 'f1' }, null],
        ['a request without an id', { kind: 'request', method: 'search', params: {} }, null],
        ['an id with markup', request('search', {}, '<b>'), null],
        ['an unknown method', request('deleteAll', {}), 'INVALID_MESSAGE'],
        ['__proto__', request('__proto__', {}), 'INVALID_MESSAGE'],
        ['toString', request('toString', {}), 'INVALID_MESSAGE'],
        ['params a list', request('search', []), 'INVALID_MESSAGE'],
        ['search without a query', request('search', { interaction: null }), 'INVALID_MESSAGE'],
        [
            'search with a query object',
            request('search', { query: { $ne: '' }, interaction: null }),
            'INVALID_MESSAGE'
        ],
        [
            'search with an interaction as text',
            request('search', { query: 'x', interaction: 'WT1' }),
            'INVALID_MESSAGE'
        ],
        ['saveActivity without an activity', request('saveActivity', {}), 'INVALID_MESSAGE'],
        [
            'saveActivity with a bad task SID',
            request('saveActivity', { activity: anActivity({ taskSid: 'WT1' }) }),
            'INVALID_MESSAGE'
        ],
        [
            'saveActivity without a key',
            request('saveActivity', { activity: { ...anActivity(), activityKey: undefined } }),
            'INVALID_MESSAGE'
        ],
        [
            'saveActivity with a 300-character subject',
            request('saveActivity', { activity: anActivity({ subject: 's'.repeat(300) }) }),
            'INVALID_MESSAGE'
        ],
        [
            'updateActivity with an id holding spaces',
            request('updateActivity', { activityId: 'A 1', changes: {} }),
            'INVALID_MESSAGE'
        ],
        [
            'chooser with candidates as text',
            request('chooser', { taskSid: TASK, candidates: 'Ada' }),
            'INVALID_MESSAGE'
        ],
        [
            'chooser with a bad task SID',
            request('chooser', { taskSid: 'x', candidates: [] }),
            'INVALID_MESSAGE'
        ],
        [
            'a message over 64 KB',
            request('search', { query: 'x'.repeat(70000), interaction: null }),
            'INVALID_MESSAGE'
        ],
        [
            'a response to no request',
            { kind: 'response', id: 'nobody', ok: true, result: {} },
            null
        ],
        [
            'a failed response with an unknown code',
            { kind: 'response', id: 'nobody', ok: false, error: { code: 'PWNED', message: 'x' } },
            null
        ],
        ['an unknown event', { kind: 'event', name: 'takeOver', data: {} }, null],
        [
            'an event with data as text',
            { kind: 'event', name: 'interaction', data: 'accepted' },
            null
        ],
        ['an event with a name too long', { kind: 'event', name: 'i'.repeat(65), data: {} }, null],
        [
            'saveActivity with a field the protocol has not',
            request('saveActivity', { activity: { ...anActivity(), ownerId: 'U1' } }),
            'INVALID_MESSAGE'
        ],
        [
            'saveActivity with a negative duration',
            request('saveActivity', { activity: anActivity({ durationSeconds: -5 }) }),
            'INVALID_MESSAGE'
        ],
        [
            'saveActivity with a local end time',
            request('saveActivity', { activity: anActivity({ endedAt: '04/12/2026 10:00' }) }),
            'INVALID_MESSAGE'
        ],
        [
            'saveActivity with a record id holding markup',
            request('saveActivity', { activity: anActivity({ recordId: '<img onerror=x>' }) }),
            'INVALID_MESSAGE'
        ],
        [
            'saveActivity with a summary object',
            request('saveActivity', { activity: { ...anActivity(), summary: { html: '<b>' } } }),
            'INVALID_MESSAGE'
        ],
        [
            'search with an interaction without its customer',
            request('search', {
                query: 'x',
                interaction: { ...anInteraction(), customer: undefined }
            }),
            'INVALID_MESSAGE'
        ],
        [
            'search with nested interaction attributes',
            request('search', {
                query: 'x',
                interaction: anInteraction({ attributes: { deep: { a: 1 } } as never })
            }),
            'INVALID_MESSAGE'
        ],
        ['openRecord without a record', request('openRecord', {}), 'INVALID_MESSAGE'],
        [
            'openRecord of a record id holding a URL',
            request('openRecord', {
                record: { recordId: 'javascript:alert(1)//x y', objectApiName: null }
            }),
            'INVALID_MESSAGE'
        ],
        [
            'updateActivity with a change the protocol has not',
            request('updateActivity', { activityId: 'A1', changes: { ownerId: 'U1' } }),
            'INVALID_MESSAGE'
        ],
        [
            'chooser with a candidate id holding markup',
            request('chooser', {
                taskSid: null,
                status: null,
                direction: null,
                channel: null,
                customer: null,
                candidates: [{ recordId: '<x>', objectApiName: 'C', name: null }],
                selected: null,
                error: null
            }),
            'INVALID_MESSAGE'
        ],
        [
            'an interaction event of an unknown kind',
            {
                kind: 'event',
                name: 'interaction',
                data: { event: 'hijacked', interaction: anInteraction() }
            },
            null
        ],
        [
            'an availability event with availability as text',
            {
                kind: 'event',
                name: 'availability',
                data: { activity: 'Available', available: 'yes' }
            },
            null
        ],
        [
            'a Flex event with nested data',
            {
                kind: 'event',
                name: 'flexEvent',
                data: { name: 'taskUpdated', data: { task: { sid: 'x' } } }
            },
            null
        ],
        [
            'a polluting request',
            JSON.parse(
                '{"kind":"request","id":"f1","method":"search","params":{"__proto__":{"admin":true}}}'
            ),
            'INVALID_MESSAGE'
        ]
    ];
    for (const [name, data, code] of cases) {
        test(`${name}: no handler runs${code ? `, answered ${code}` : ''}`, async () => {
            const { connection, port, calls, events, answers } = await connected();
            try {
                port.postMessage(data);
                await settle();
                if (code) {
                    assert.deepEqual(answers, [
                        {
                            kind: 'response',
                            id: 'f1',
                            ok: false,
                            error: {
                                code,
                                message: (answers[0] as { error: { message: string } }).error
                                    .message
                            }
                        }
                    ]);
                    assert.ok(
                        (answers[0] as { error: { message: string } }).error.message.length > 5
                    );
                } else {
                    assert.deepEqual(answers, []);
                }
                assert.deepEqual(calls, []);
                assert.deepEqual(events, []);
                assert.equal(({} as Record<string, unknown>).admin, undefined);
            } finally {
                port.close();
                connection.destroy();
            }
        });
    }

    test('the same requests done right reach the handlers (the cases above fail for their reason only)', async () => {
        const { connection, port, calls, answers } = await connected();
        port.postMessage(request('search', { query: 'x', interaction: null }, 'g1'));
        port.postMessage(request('saveActivity', { activity: anActivity() }, 'g2'));
        port.postMessage(request('updateActivity', { activityId: 'A1', changes: {} }, 'g3'));
        await settle();
        assert.deepEqual(calls, ['search', 'saveActivity', 'updateActivity']);
        assert.equal(answers.length, 3);
        port.close();
        connection.destroy();
    });
});

describe("Flex's answers to the host's own calls: checked before the host sees them", () => {
    /** A connection whose Flex answers every request with `result`. */
    async function answering(result: unknown) {
        const frames = createFakeFrames();
        const { connecting, attempt } = await greeting(frames, {});
        const channel = new MessageChannel();
        channel.port1.addEventListener('message', (event) => {
            const data = (event as unknown as { data: { kind: string; id: string } }).data;
            if (data.kind === 'request')
                channel.port1.postMessage({ kind: 'response', id: data.id, ok: true, result });
        });
        channel.port1.start();
        frames.postToHost(
            {
                protocol: PROTOCOL,
                type: 'welcome',
                version: PROTOCOL_VERSION,
                allowedActions: ['ToggleMute'],
                forwardedEvents: [],
                attempt
            },
            { ports: [channel.port2] }
        );
        const connection = await connecting;
        const problems: string[] = [];
        connection.on('problem', ({ problem }) => problems.push(problem));
        return { connection, problems, stop: () => (channel.port1.close(), connection.destroy()) };
    }

    type Call = 'dial' | 'linkRecord' | 'invokeAction' | 'getState' | 'setActivity';
    const run = (connection: Awaited<ReturnType<typeof answering>>['connection'], call: Call) => {
        switch (call) {
            case 'dial':
                return connection.dial('+14155550100');
            case 'linkRecord':
                return connection.linkRecord(null, TASK);
            case 'invokeAction':
                return connection.invokeAction('ToggleMute');
            case 'setActivity':
                return connection.setActivity('Break', 'Available');
            default:
                return connection.getState();
        }
    };
    const state = (extra: Record<string, unknown> = {}) => ({
        interactions: [anInteraction()],
        availability: { activity: 'Available', available: true },
        ...extra
    });
    const cases: [string, Call, unknown][] = [
        ['getState with interactions as text', 'getState', state({ interactions: 'WT1' })],
        ['getState without availability', 'getState', { interactions: [] }],
        ['getState with an unknown field', 'getState', state({ admin: true })],
        [
            'getState with a 60 KB customer name',
            'getState',
            state({
                interactions: [
                    anInteraction({
                        customer: { number: null, name: 'n'.repeat(60_000), address: null }
                    })
                ]
            })
        ],
        [
            'getState with an own __proto__ key',
            'getState',
            JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(state()).slice(1)}`)
        ],
        [
            'getState with an interaction whose task SID is not one',
            'getState',
            state({ interactions: [anInteraction({ taskSid: 'WT1' })] })
        ],
        ['getState with availability as text', 'getState', state({ availability: 'Available' })],
        [
            'getState with 51 interactions',
            'getState',
            state({ interactions: Array(51).fill(anInteraction()) })
        ],
        [
            'getState with a constructor key in attributes',
            'getState',
            state({
                interactions: [
                    anInteraction({ attributes: JSON.parse('{"constructor":"x"}') as never })
                ]
            })
        ],
        ['dial answered with done instead of accepted', 'dial', { done: true }],
        ['dial answered with accepted as text', 'dial', { accepted: 'yes' }],
        ['linkRecord answered with nothing', 'linkRecord', {}],
        ['invokeAction answered with a list', 'invokeAction', [true]],
        ['setActivity answered with an extra field', 'setActivity', { accepted: true, by: 'x' }]
    ];
    for (const [name, call, result] of cases) {
        test(`${name}: a typed INVALID_MESSAGE, and the host hears of the problem`, async () => {
            const { connection, problems, stop } = await answering(result);
            try {
                await assert.rejects(run(connection, call), (error: unknown) => {
                    assert.ok(error instanceof FlexBridgeError);
                    assert.equal(error.code, 'INVALID_MESSAGE');
                    assert.match(error.message, new RegExp(call));
                    return true;
                });
                assert.equal(problems.length, 1);
                assert.equal(({} as Record<string, unknown>).admin, undefined);
            } finally {
                stop();
            }
        });
    }

    test('well-formed answers reach the host as they are (the cases above fail for their reason only)', async () => {
        const good: [Call, unknown][] = [
            ['dial', { accepted: true }],
            ['linkRecord', { accepted: true }],
            ['invokeAction', { done: true }],
            ['setActivity', { accepted: true }],
            ['getState', state()],
            ['getState', { interactions: [], availability: null }]
        ];
        for (const [call, result] of good) {
            const { connection, problems, stop } = await answering(result);
            try {
                const value = await run(connection, call);
                if (call === 'getState') assert.deepEqual(value, result);
                assert.deepEqual(problems, []);
            } finally {
                stop();
            }
        }
    });
});
