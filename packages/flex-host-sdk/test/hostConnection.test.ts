// The host SDK against a Flex frame that answers the handshake as the plugin does.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import {
    FRAME_REMOVED_REASON,
    REPLACED_REASON,
    connectFlex,
    type HostHandlers,
    type StatusChange
} from '../src/hostConnection.ts';
import { FlexBridgeError, PortEndpoint, type PortLike } from '../src/portEndpoint.ts';
import { PROTOCOL, PROTOCOL_VERSION, type Hello } from '../src/protocol.ts';
import { createFakeFrames, type FakeFrames, type FakeMessageEvent } from './fakeFrames.ts';

const FLEX = 'https://flex.twilio.com';
import { TASK, anActivity, anInteraction } from './fixtures.ts';

/** A Flex frame that greets back every hello, recording what the host asked and sent. */
function answeringFlex(frames: FakeFrames, options: { version?: number; refuse?: boolean } = {}) {
    const state = {
        hellos: [] as Hello[],
        endpoints: [] as PortEndpoint[],
        requests: [] as { method: string; params: unknown }[],
        events: [] as { name: string; data: unknown }[]
    };
    const listen = () => {
        // As the plugin does when an allowed host frames it: say it listens.
        (frames.flex.parent as Window).postMessage(
            { protocol: PROTOCOL, type: 'ready', version: PROTOCOL_VERSION },
            'https://crm.example.com'
        );
        frames.flex.addEventListener('message', (event: FakeMessageEvent) => {
            const hello = event.data as Hello;
            if (
                hello?.type !== 'hello' ||
                state.hellos.some((seen) => seen.attempt === hello.attempt)
            )
                return;
            state.hellos.push(hello);
            if (options.refuse) {
                (frames.flex.parent as Window).postMessage(
                    {
                        protocol: PROTOCOL,
                        type: 'refuse',
                        attempt: hello.attempt,
                        code: 'VERSION_MISMATCH',
                        message: 'this Flex speaks 9',
                        versions: [9]
                    },
                    event.origin
                );
                return;
            }
            const channel = new MessageChannel();
            state.endpoints.push(
                new PortEndpoint(channel.port1 as unknown as PortLike, {
                    timeoutMs: 500,
                    handle: (method, params) => {
                        state.requests.push({ method, params });
                        // What the plugin answers each method with.
                        if (method === 'getState') return { interactions: [], availability: null };
                        return method === 'invokeAction' ? { done: true } : { accepted: true };
                    },
                    onEvent: (name, data) => state.events.push({ name, data }),
                    onInvalid: () => undefined
                })
            );
            (
                frames.flex.parent as { postMessage(d: unknown, o: string, t: unknown[]): void }
            ).postMessage(
                {
                    protocol: PROTOCOL,
                    type: 'welcome',
                    version: options.version ?? PROTOCOL_VERSION,
                    allowedActions: ['ToggleMute'],
                    forwardedEvents: [],
                    attempt: hello.attempt
                },
                event.origin,
                [channel.port2]
            );
        });
    };
    listen();
    return { state, listen, close: () => state.endpoints.forEach((endpoint) => endpoint.close()) };
}

/** How many greetings reach Flex's window in `ms`. */
async function countHellos(frames: FakeFrames, ms: number): Promise<number> {
    let count = 0;
    const listener = () => (count += 1);
    frames.flex.addEventListener('message', listener);
    await new Promise((resolve) => setTimeout(resolve, ms));
    frames.flex.removeEventListener('message', listener);
    return count;
}

let cleanup: (() => void)[] = [];
afterEach(() => {
    cleanup.forEach((run) => run());
    cleanup = [];
});

function connect(
    frames: FakeFrames,
    handlers: HostHandlers = {},
    extra: Partial<Parameters<typeof connectFlex>[0]> = {}
) {
    const connecting = connectFlex({
        iframe: frames.iframe as unknown as HTMLIFrameElement,
        flexOrigin: FLEX,
        window: frames.host as unknown as Window,
        handlers,
        waitingAfterMs: 2000,
        requestTimeoutMs: 500,
        ...extra
    });
    connecting
        .then((connection) => cleanup.push(() => connection.destroy()))
        .catch(() => undefined);
    return connecting;
}

describe('handshake', () => {
    test('connects, says which host methods it answers, and names only Flex as the target', async () => {
        const frames = createFakeFrames();
        const flex = answeringFlex(frames);
        cleanup.push(flex.close);
        const connection = await connect(frames, { search: () => [], saveActivity: () => 'A1' });
        assert.equal(connection.status, 'connected');
        assert.deepEqual(connection.allowedActions, ['ToggleMute']);
        assert.deepEqual(flex.state.hellos[0], {
            protocol: PROTOCOL,
            type: 'hello',
            version: PROTOCOL_VERSION,
            handles: ['search', 'saveActivity'],
            attempt: flex.state.hellos[0]?.attempt
        });
        assert.match(flex.state.hellos[0]?.attempt ?? '', /^[0-9a-f]{24}$/);
        assert.deepEqual(frames.dropped, []);
    });

    test('a Flex that answers only after a long login: waiting (with what to check), greeting less often, then connected', async () => {
        const frames = createFakeFrames();
        const changes: StatusChange[] = [];
        const hellos: number[] = [];
        frames.flex.addEventListener('message', () => hellos.push(Date.now()));
        const started = Date.now();
        const connecting = connect(
            frames,
            {},
            { waitingAfterMs: 300, onStatus: (change) => changes.push(change) }
        );
        await new Promise((resolve) => setTimeout(resolve, 2600));
        assert.deepEqual(
            changes.map((change) => change.status),
            ['connecting', 'waiting'],
            'nothing ends the wait: no timeout, no error'
        );
        assert.match(changes[1]?.reason ?? '', /logging in to Flex/);
        assert.match(changes[1]?.reason ?? '', /allowed_host_origins/);
        const early = hellos.filter((at) => at - started < 300).length;
        const late = hellos.filter((at) => at - started >= 1600).length;
        assert.ok(early >= 2, `greets every 250 ms at first (${early})`);
        assert.ok(late <= 1, `then at most every 2 s (${late} in the last second)`);
        // The agent has logged in: the plugin starts and says it listens.
        const flex = answeringFlex(frames);
        cleanup.push(flex.close);
        const connection = await connecting;
        assert.ok(
            Date.now() - started < 3000,
            'connects at once on ready, not at the next greeting'
        );
        assert.equal(connection.status, 'connected');
        assert.deepEqual(
            changes.map((change) => change.status),
            ['connecting', 'waiting', 'connected']
        );
        assert.equal(flex.state.hellos.length, 1, 'one attempt, one port');
    });

    test('the signal aborts the wait: DESTROYED, and nothing is left listening', async () => {
        const frames = createFakeFrames();
        const abort = new AbortController();
        const connecting = connect(frames, {}, { signal: abort.signal });
        setTimeout(() => abort.abort(), 100);
        await assert.rejects(connecting, (error: unknown) => {
            assert.ok(error instanceof FlexBridgeError);
            assert.equal(error.code, 'DESTROYED');
            assert.match(error.message, /signal aborted/);
            return true;
        });
        assert.equal(frames.host.listeners.size, 0, 'no listener is left behind');
        assert.equal(frames.iframe.loadListeners.size, 0);
        assert.equal(await countHellos(frames, 600), 0, 'no greeting after the abort');
        await assert.rejects(connect(frames, {}, { signal: AbortSignal.abort() }), {
            code: 'DESTROYED'
        });
    });

    test('the iframe leaves the page while the SDK waits: DESTROYED, and it stops greeting', async () => {
        const frames = createFakeFrames();
        const changes: StatusChange[] = [];
        const connecting = connect(frames, {}, { onStatus: (change) => changes.push(change) });
        await frames.settle();
        frames.iframe.isConnected = false;
        await assert.rejects(connecting, (error: unknown) => {
            assert.ok(error instanceof FlexBridgeError);
            assert.equal(error.code, 'DESTROYED');
            assert.match(error.message, new RegExp(FRAME_REMOVED_REASON));
            return true;
        });
        assert.equal(changes.at(-1)?.status, 'destroyed');
        assert.equal(await countHellos(frames, 600), 0);
    });

    test('the frame answering from another origin: ORIGIN_MISMATCH, and nothing sent to it', async () => {
        const frames = createFakeFrames({ flexOrigin: 'https://evil.example.net' });
        answeringFlex(frames);
        await assert.rejects(connect(frames, {}, { waitingAfterMs: 1000 }), {
            code: 'ORIGIN_MISMATCH'
        });
        // Every hello was addressed to Flex's origin, so the browser dropped them all.
        assert.ok(frames.dropped.length > 0);
        assert.ok(frames.dropped.every((message) => message.targetOrigin === FLEX));
    });

    test('a spoofed welcome from another origin or window is refused or ignored', async () => {
        const frames = createFakeFrames();
        const channel = new MessageChannel();
        cleanup.push(() => channel.port1.close());
        const abort = new AbortController();
        const changes: StatusChange[] = [];
        const connecting = connect(
            frames,
            {},
            { signal: abort.signal, onStatus: (change) => changes.push(change) }
        );
        const welcome = {
            protocol: PROTOCOL,
            type: 'welcome',
            version: 1,
            allowedActions: [],
            forwardedEvents: [],
            attempt: 'a'.repeat(24)
        };
        frames.postToHost(welcome, { source: { other: 'window' }, ports: [channel.port2] });
        await new Promise((resolve) => setTimeout(resolve, 200));
        abort.abort();
        await assert.rejects(connecting, { code: 'DESTROYED' });
        assert.ok(!changes.some((change) => change.status === 'connected'));
    });

    test('another protocol version: VERSION_MISMATCH, by Flex refusing or by its welcome', async () => {
        const refusing = createFakeFrames();
        answeringFlex(refusing, { refuse: true });
        await assert.rejects(
            connect(refusing),
            (error: FlexBridgeError) =>
                error.code === 'VERSION_MISMATCH' && /speaks 9/.test(error.message)
        );

        const newer = createFakeFrames();
        const flex = answeringFlex(newer, { version: 2 });
        cleanup.push(flex.close);
        await assert.rejects(
            connect(newer),
            (error: FlexBridgeError) =>
                error.code === 'VERSION_MISMATCH' && /version 2/.test(error.message)
        );
    });

    test('a flexOrigin that is not an exact origin is refused before anything is posted', () => {
        const frames = createFakeFrames();
        for (const origin of [
            'https://flex.twilio.com/',
            'https://flex.twilio.com/agent-desktop',
            'http://flex.twilio.com',
            '*',
            'flex.twilio.com'
        ]) {
            assert.throws(
                () =>
                    connectFlex({
                        iframe: frames.iframe as unknown as HTMLIFrameElement,
                        flexOrigin: origin,
                        window: frames.host as unknown as Window
                    }),
                { code: 'ORIGIN_MISMATCH' }
            );
        }
        assert.equal(frames.host.listeners.size, 0);
    });
});

describe('after the handshake', () => {
    async function connected(handlers: HostHandlers = {}) {
        const frames = createFakeFrames();
        const flex = answeringFlex(frames);
        cleanup.push(flex.close);
        const connection = await connect(frames, handlers);
        const endpoint = () => flex.state.endpoints.at(-1) as PortEndpoint;
        return { frames, flex, connection, endpoint };
    }

    test('typed requests reach Flex with their parameters', async () => {
        const { flex, connection } = await connected();
        await connection.dial('+14155550100', {
            record: { recordId: 'C-1', objectApiName: 'Customer', name: 'Ada' }
        });
        await connection.linkRecord(null, TASK);
        await connection.invokeAction('ToggleMute', {});
        assert.deepEqual(flex.state.requests, [
            {
                method: 'dial',
                params: {
                    number: '+14155550100',
                    record: { recordId: 'C-1', objectApiName: 'Customer', name: 'Ada' }
                }
            },
            { method: 'linkRecord', params: { record: null, taskSid: TASK } },
            { method: 'invokeAction', params: { name: 'ToggleMute', payload: {} } }
        ]);
    });

    test("Flex's requests reach the host's handlers; a missing handler answers NOT_SUPPORTED", async () => {
        const saved: unknown[] = [];
        const { endpoint } = await connected({
            search: (query) =>
                query === 'Ada'
                    ? [{ recordId: 'C-1', objectApiName: 'Customer', name: 'Ada' }]
                    : [],
            saveActivity: (activity) => {
                saved.push(activity);
                return 'ACT-1';
            }
        });
        const interaction = anInteraction();
        assert.deepEqual(await endpoint().request('search', { query: 'Ada', interaction }), {
            records: [{ recordId: 'C-1', objectApiName: 'Customer', name: 'Ada' }]
        });
        const activity = anActivity();
        assert.deepEqual(await endpoint().request('saveActivity', { activity }), {
            activityId: 'ACT-1'
        });
        assert.deepEqual(saved, [activity]);
        await assert.rejects(
            endpoint().request('openRecord', { record: { recordId: 'C-1', objectApiName: null } }),
            { code: 'NOT_SUPPORTED' }
        );
        assert.deepEqual(await endpoint().request('isFlexVisible', {}), { visible: true });
    });

    test('a host refusing an activity sends REFUSED with its reason and fields; a host error is FAILED', async () => {
        const { refuse } = await import('../src/index.ts');
        let calls = 0;
        const { endpoint } = await connected({
            saveActivity: () => {
                calls += 1;
                if (calls === 1) throw refuse('the customer is archived', ['recordId']);
                throw new Error('database down');
            }
        });
        const activity = anActivity();
        await assert.rejects(
            endpoint().request('saveActivity', { activity }),
            (error: FlexBridgeError) =>
                error.code === 'REFUSED' &&
                error.message === 'the customer is archived' &&
                error.fields[0] === 'recordId'
        );
        await assert.rejects(endpoint().request('saveActivity', { activity }), {
            code: 'FAILED',
            message: 'database down'
        });
    });

    test('events from Flex reach listeners; an unknown event is a problem, not a crash', async () => {
        const { connection, endpoint } = await connected();
        const seen: unknown[] = [];
        const problems: unknown[] = [];
        connection.on('availability', (data) => seen.push(data));
        connection.on('problem', (data) => problems.push(data));
        connection.on('availability', () => {
            throw new Error('a host bug');
        });
        connection.on('availability', (data) => seen.push(data));
        const reported: unknown[] = [];
        const consoleError = console.error;
        console.error = (...args: unknown[]) => reported.push(args);
        try {
            endpoint().emit('availability', { activity: 'Available', available: true });
            endpoint().emit('somethingElse', {});
            await new Promise((resolve) => setTimeout(resolve, 20));
        } finally {
            console.error = consoleError;
        }
        assert.deepEqual(seen, [
            { activity: 'Available', available: true },
            { activity: 'Available', available: true }
        ]);
        assert.equal(problems.length, 1);
        assert.equal(reported.length, 1, "the host listener's error is reported, not swallowed");
    });

    test('Flex reloading: the host says so, greets again and reconnects', async () => {
        const { frames, flex, connection } = await connected();
        const statuses: string[] = [];
        connection.on('status', ({ status }) => statuses.push(status));
        frames.reloadFlex();
        flex.close();
        // The old port does not answer: the host knows within its request time.
        for (let waited = 0; !statuses.includes('disconnected') && waited < 2000; waited += 20) {
            await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await assert.rejects(connection.dial('+14155550100'), { code: 'DISCONNECTED' });
        flex.listen();
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.deepEqual(statuses, ['disconnected', 'connecting', 'connected']);
        await connection.dial('+14155550100');
        assert.equal(flex.state.requests.length, 1);
    });

    test("Flex's first page finishing its load after the handshake: the same Flex, no second greeting", async () => {
        const { frames, flex, connection } = await connected();
        const statuses: string[] = [];
        connection.on('status', ({ status }) => statuses.push(status));
        frames.iframe.loadListeners.forEach((listener) => listener());
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.deepEqual(statuses, []);
        assert.equal(flex.state.hellos.length, 1, 'no new connection attempt');
        assert.deepEqual(
            flex.state.requests.map((request) => request.method),
            ['getState'],
            'the host only checked the port still answers'
        );
        await connection.dial('+14155550100');
        assert.equal(connection.status, 'connected');
    });

    test('a ready from Flex while connected: a new Flex page, so the host greets it again', async () => {
        const { flex, connection } = await connected();
        const statuses: string[] = [];
        connection.on('status', ({ status }) => statuses.push(status));
        flex.listen();
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.deepEqual(statuses, ['disconnected', 'connecting', 'connected']);
        assert.equal(flex.state.hellos.length, 2);
        await connection.dial('+14155550100');
    });

    test('late notes reach updateActivity with the task they belong to (null from older plugins)', async () => {
        const updates: unknown[] = [];
        const { endpoint } = await connected({
            updateActivity: (activityId, changes, taskSid) =>
                void updates.push({ activityId, changes, taskSid })
        });
        await endpoint().request('updateActivity', {
            activityId: 'ACT-1',
            taskSid: TASK,
            changes: { summary: 'Wants a refund' }
        });
        await endpoint().request('updateActivity', { activityId: 'ACT-2', changes: {} });
        await assert.rejects(
            endpoint().request('updateActivity', {
                activityId: 'ACT-3',
                taskSid: 'WT1',
                changes: {}
            }),
            { code: 'INVALID_MESSAGE' }
        );
        assert.deepEqual(updates, [
            { activityId: 'ACT-1', changes: { summary: 'Wants a refund' }, taskSid: TASK },
            { activityId: 'ACT-2', changes: {}, taskSid: null }
        ]);
    });

    test("a refusal Flex sends another script's hello, while connected, changes nothing", async () => {
        const { frames, flex, connection } = await connected();
        const statuses: string[] = [];
        connection.on('status', ({ status }) => statuses.push(status));
        const refusal = (attempt: string) => ({
            protocol: PROTOCOL,
            type: 'refuse',
            attempt,
            code: 'VERSION_MISMATCH',
            message: 'this Flex speaks bridge protocol version 1, not 99',
            versions: [1]
        });
        // Another script's attempt, and (were it guessed) this connection's own, already welcomed.
        frames.postToHost(refusal('abcdefabcdef0123'));
        frames.postToHost(refusal(flex.state.hellos[0]?.attempt ?? ''));
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.deepEqual(statuses, []);
        assert.equal(connection.status, 'connected');
        await connection.dial('+14155550100');
    });

    test('the newest connection wins: Flex tells the older one, which says why and stops', async () => {
        const { frames, flex, connection, endpoint } = await connected();
        const statuses: unknown[] = [];
        connection.on('status', (status) => statuses.push(status));
        endpoint().emit('closing', { reason: 'replaced' });
        await new Promise((resolve) => setTimeout(resolve, 30));
        assert.deepEqual(statuses, [{ status: 'disconnected', reason: REPLACED_REASON }]);
        await assert.rejects(connection.dial('+14155550100'), {
            code: 'DISCONNECTED',
            message: REPLACED_REASON
        });
        // Neither a Flex reload nor a ready makes it greet back and take over again.
        frames.iframe.loadListeners.forEach((listener) => listener());
        flex.listen();
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.equal(flex.state.hellos.length, 1);
        assert.equal(connection.status, 'disconnected');
    });

    test('a closing event with data of another shape is a problem; the connection stays', async () => {
        const { connection, endpoint } = await connected();
        const problems: unknown[] = [];
        connection.on('problem', (problem) => problems.push(problem));
        endpoint().emit('closing', { reason: 'whatever', admin: true });
        endpoint().emit('closing', 'replaced');
        await new Promise((resolve) => setTimeout(resolve, 30));
        assert.equal(problems.length, 2);
        assert.equal(connection.status, 'connected');
        await connection.dial('+14155550100');
    });

    test('destroy removes every listener and fails what waits', async () => {
        const { frames, connection } = await connected();
        connection.destroy();
        assert.equal(connection.status, 'destroyed');
        assert.equal(frames.host.listeners.size, 0);
        assert.equal(frames.iframe.loadListeners.size, 0);
        await assert.rejects(connection.dial('+14155550100'), { code: 'DISCONNECTED' });
    });
});
