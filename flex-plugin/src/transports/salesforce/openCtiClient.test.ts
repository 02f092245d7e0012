import { FakeOpenCti } from '../../../test/fakes/fakeOpenCti';
import { OpenCtiClient, OpenCtiError } from './openCtiClient';
import { loadOpenCti, openCtiScriptUrl } from './scriptLoader';

describe('OpenCtiClient', () => {
    test('turns callbacks into promises with the return value', async () => {
        const api = new FakeOpenCti();
        api.search = (text) =>
            text === 'Ada' ? { '003000000000001AAA': { Id: '003000000000001AAA' } } : {};
        const client = new OpenCtiClient(api, 1000);
        await expect(
            client.searchAndScreenPop({ searchParams: 'Ada', callType: 'inbound' })
        ).resolves.toEqual({
            '003000000000001AAA': { Id: '003000000000001AAA' }
        });
        expect(api.callsOf('searchAndScreenPop')[0]).toMatchObject({
            searchParams: 'Ada',
            callType: 'inbound',
            deferred: false
        });
    });

    test('a refused call becomes an OpenCtiError with Salesforce code and description', async () => {
        const api = new FakeOpenCti();
        api.failNext('screenPop', 1, {
            code: 'SERVER_ERROR',
            description: 'Boom',
            details: [{ f: 1 }]
        });
        const client = new OpenCtiClient(api, 1000);
        const error = await client.screenPopRecord('003000000000001AAA').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(OpenCtiError);
        expect(error).toMatchObject({
            code: 'SERVER_ERROR',
            description: 'Boom',
            details: [{ f: 1 }]
        });
    });

    test('a call Salesforce never answers times out', async () => {
        jest.useFakeTimers();
        try {
            const api = new FakeOpenCti();
            api.hangNext('publish');
            const client = new OpenCtiClient(api, 5000);
            const result = client.publish('C__c', {}).catch((e: unknown) => e);
            jest.advanceTimersByTime(5000);
            await expect(result).resolves.toMatchObject({ code: 'TIMEOUT' });
        } finally {
            jest.useRealTimers();
        }
    });

    test('a synchronous throw from the script becomes CLIENT_ERROR', async () => {
        const api = new FakeOpenCti();
        api.enableClickToDial = () => {
            throw new Error('Missing the required argument `callback`!');
        };
        const client = new OpenCtiClient(api, 1000);
        await expect(client.enableClickToDial()).rejects.toMatchObject({ code: 'CLIENT_ERROR' });
    });

    test('a malformed answer is a GENERIC_ERROR, not a crash', async () => {
        const api = new FakeOpenCti();
        api.isSoftphonePanelVisible = ({ callback }) => callback(undefined as never);
        const client = new OpenCtiClient(api, 1000);
        await expect(client.isSoftphonePanelVisible()).rejects.toMatchObject({
            code: 'GENERIC_ERROR'
        });
    });

    test('subscribe resolves with a handle that unsubscribes', async () => {
        const api = new FakeOpenCti();
        const client = new OpenCtiClient(api, 1000);
        const handle = await client.subscribe('C__c', () => undefined);
        expect(api.subscriberCount('C__c')).toBe(1);
        await client.unsubscribe(handle);
        expect(api.subscriberCount('C__c')).toBe(0);
    });

    test('a refused subscribe rejects', async () => {
        const api = new FakeOpenCti();
        api.failNext('subscribe', 1, { code: 'INVALID_PARAM', description: 'No such channel' });
        const client = new OpenCtiClient(api, 1000);
        await expect(client.subscribe('Nope__c', () => undefined)).rejects.toMatchObject({
            code: 'INVALID_PARAM',
            description: 'No such channel'
        });
    });
});

describe('loadOpenCti', () => {
    const origin = 'https://acme.lightning.force.com';
    afterEach(() => {
        delete (window as unknown as { sforce?: unknown }).sforce;
        document.head.replaceChildren();
    });

    test('injects the versioned Lightning script from the Salesforce origin once', async () => {
        const first = loadOpenCti({ window, origin, apiVersion: '67.0', timeoutMs: 1000 });
        const second = loadOpenCti({ window, origin, apiVersion: '67.0', timeoutMs: 1000 });
        const scripts = document.head.querySelectorAll('script');
        expect(scripts).toHaveLength(1);
        expect(scripts[0]?.src).toBe(openCtiScriptUrl(origin, '67.0'));
        expect(scripts[0]?.src).toBe(
            'https://acme.lightning.force.com/support/api/67.0/lightning/opencti_min.js'
        );
        const api = new FakeOpenCti();
        (window as unknown as { sforce: unknown }).sforce = { opencti: api };
        scripts[0]?.dispatchEvent(new Event('load'));
        await expect(first).resolves.toBe(api);
        await expect(second).resolves.toBe(api);
    });

    test('a script that fails to load rejects with LOAD_FAILED, and a later call retries', async () => {
        const attempt = loadOpenCti({ window, origin, apiVersion: '66.0', timeoutMs: 1000 });
        document.head.querySelector('script')?.dispatchEvent(new Event('error'));
        await expect(attempt).rejects.toMatchObject({ code: 'LOAD_FAILED' });
        loadOpenCti({ window, origin, apiVersion: '66.0', timeoutMs: 1000 }).catch(() => undefined);
        expect(document.head.querySelectorAll('script')).toHaveLength(2);
    });

    test('a script that loads without defining sforce.opencti is LOAD_FAILED', async () => {
        const attempt = loadOpenCti({ window, origin, apiVersion: '65.0', timeoutMs: 1000 });
        document.head.querySelector('script')?.dispatchEvent(new Event('load'));
        await expect(attempt).rejects.toMatchObject({ code: 'LOAD_FAILED' });
    });

    test('a script that never loads times out', async () => {
        jest.useFakeTimers();
        try {
            const attempt = loadOpenCti({
                window,
                origin,
                apiVersion: '64.0',
                timeoutMs: 3000
            }).catch((e: unknown) => e);
            jest.advanceTimersByTime(3000);
            await expect(attempt).resolves.toMatchObject({ code: 'TIMEOUT' });
        } finally {
            jest.useRealTimers();
        }
    });
});
