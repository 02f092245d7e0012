import { isAcceptedOrigin, isSalesforceHost, resolveSalesforceOrigin } from './salesforceOrigin';

const page = (search: string, ancestorOrigins: string[] | null = null, protocol = 'https:') => ({
    search,
    protocol,
    ancestorOrigins
});
const query = (origin: string, mode = 'Lightning') =>
    `?mode=${mode}&isdtp=vw&sfdcIframeOrigin=${encodeURIComponent(origin)}&nonce=abc`;

describe('isSalesforceHost', () => {
    test.each([
        'acme.lightning.force.com',
        'acme--uat.sandbox.lightning.force.com',
        'na85.lightning.force.com',
        'acme.my.salesforce.com',
        'acme--c.visualforce.com',
        'acme--c.vf.force.com',
        'acme.my-lightning.com',
        'acme.my.salesforce.mil',
        'ACME.Lightning.Force.com'
    ])('%s is a Salesforce host', (host) => {
        expect(isSalesforceHost(host)).toBe(true);
    });

    test.each([
        'force.com',
        '.force.com',
        'evil.force.com.example.net',
        'force.com.attacker.io',
        'evilforce.com',
        'lightning-force.com',
        'acme.salesforce.com.evil',
        'salesforce.com'
    ])('%s is not', (host) => {
        expect(isSalesforceHost(host)).toBe(false);
    });
});

describe('isAcceptedOrigin', () => {
    test.each([
        ['https://acme.lightning.force.com', []],
        ['https://acme.my.salesforce.com', []],
        ['https://acme--uat.sandbox.lightning.force.com:8443', []],
        ['https://crm.acme.com', ['https://crm.acme.com']],
        ['http://localhost:4400', ['http://localhost:4400']]
    ] as [string, string[]][])('%s is accepted (allowed: %j)', (origin, allowed) => {
        expect(
            isAcceptedOrigin(origin, origin.startsWith('http:') ? 'http:' : 'https:', allowed)
        ).toBe(true);
    });

    test.each([
        ['https://evil.force.com.example.net', []],
        ['https://force.com.attacker.io', []],
        ['http://x.lightning.force.com', []],
        ['https://acme.lightning.force.com/', []],
        ['https://acme.lightning.force.com/one/one.app', []],
        ['https://user:pw@acme.lightning.force.com', []],
        ['https://crm.acme.com', ['https://crm.acme.com:8443']],
        ['https://crm.acme.com.evil.io', ['https://crm.acme.com']],
        ['javascript:alert(1)', []],
        ['null', []],
        ['', []]
    ] as [string, string[]][])('%s is refused (allowed: %j)', (origin, allowed) => {
        expect(isAcceptedOrigin(origin, 'https:', allowed)).toBe(false);
    });

    test('a Salesforce origin must use the page protocol', () => {
        expect(isAcceptedOrigin('https://acme.lightning.force.com', 'http:', [])).toBe(false);
    });
});

describe('resolveSalesforceOrigin', () => {
    test('accepts the query parameter in a browser without ancestorOrigins (Firefox)', () => {
        expect(
            resolveSalesforceOrigin(page(query('https://acme.lightning.force.com')), [])
        ).toEqual({
            kind: 'accepted',
            origin: 'https://acme.lightning.force.com'
        });
    });

    test('accepts when ancestorOrigins agrees', () => {
        const origin = 'https://acme.lightning.force.com';
        expect(resolveSalesforceOrigin(page(query(origin), [origin]), [])).toEqual({
            kind: 'accepted',
            origin
        });
    });

    test('refuses when ancestorOrigins names another parent', () => {
        const decision = resolveSalesforceOrigin(
            page(query('https://acme.lightning.force.com'), ['https://attacker.example']),
            []
        );
        expect(decision.kind).toBe('refused');
    });

    test.each([
        '',
        '?mode=Lightning',
        `?sfdcIframeOrigin=${encodeURIComponent('https://a.lightning.force.com')}`
    ])('a missing parameter (%s) means not embedded', (search) => {
        expect(resolveSalesforceOrigin(page(search), []).kind).toBe('not-embedded');
    });

    test.each([
        'https://evil.force.com.example.net',
        'https://force.com.attacker.io',
        'http://x.lightning.force.com'
    ])('%s is refused', (origin) => {
        const decision = resolveSalesforceOrigin(page(query(origin)), []);
        expect(decision).toEqual({ kind: 'refused', reason: expect.stringContaining(origin) });
    });

    test('Classic mode is refused with a reason', () => {
        const decision = resolveSalesforceOrigin(
            page(query('https://acme.my.salesforce.com', 'Classic')),
            []
        );
        expect(decision).toEqual({ kind: 'refused', reason: expect.stringContaining('Lightning') });
    });

    test('an allowed custom origin is accepted', () => {
        const origin = 'https://crm.acme.com';
        expect(resolveSalesforceOrigin(page(query(origin), [origin]), [origin])).toEqual({
            kind: 'accepted',
            origin
        });
    });
});
