import {
    exactOriginOf,
    isLightningHost,
    resolveSalesforceOrigin,
    type HostingPage,
    type OriginDecision,
    type OriginPolicy
} from './salesforceOrigin';

const ORG = 'https://acme.lightning.force.com';
const EXACT: OriginPolicy = { allowedOrigins: [ORG], trustAnySalesforceOrg: false };
const NONE: OriginPolicy = { allowedOrigins: [], trustAnySalesforceOrg: false };
const ANY_ORG: OriginPolicy = { allowedOrigins: [], trustAnySalesforceOrg: true };

/** The address Salesforce gives the softphone frame, naming `origin` in sfdcIframeOrigin. */
const address = (origin: string, mode = 'Lightning') =>
    `?mode=${mode}&isdtp=vw&sfdcIframeOrigin=${encodeURIComponent(origin)}&nonce=abc`;

/** A framed page in Firefox (no ancestorOrigins) unless told otherwise. */
function page(search: string, overrides: Partial<HostingPage> = {}): HostingPage {
    return { search, protocol: 'https:', framed: true, ancestorOrigins: null, ...overrides };
}

type Verdict = OriginDecision['kind'];

/** Each case: what the page claims, how it is framed, the policy, and the expected verdict. */
const CASES: [string, HostingPage, OriginPolicy, Verdict][] = [
    // The org's own origin, listed exactly.
    ['listed origin, Firefox', page(address(ORG)), EXACT, 'accepted'],
    [
        'listed origin, Chromium parent agrees',
        page(address(ORG), { ancestorOrigins: [ORG] }),
        EXACT,
        'accepted'
    ],
    [
        'listed sandbox origin',
        page(address('https://acme--uat.sandbox.lightning.force.com')),
        {
            allowedOrigins: ['https://acme--uat.sandbox.lightning.force.com'],
            trustAnySalesforceOrg: false
        },
        'accepted'
    ],
    [
        'listed custom domain',
        page(address('https://crm.acme.com')),
        { allowedOrigins: ['https://crm.acme.com'], trustAnySalesforceOrg: false },
        'accepted'
    ],
    [
        'listed loopback over http',
        page(address('http://localhost:4400'), { protocol: 'http:' }),
        { allowedOrigins: ['http://localhost:4400'], trustAnySalesforceOrg: false },
        'accepted'
    ],
    [
        'listed origin with an explicit port',
        page(address('https://crm.acme.com:8443')),
        { allowedOrigins: ['https://crm.acme.com:8443'], trustAnySalesforceOrg: false },
        'accepted'
    ],
    // Nothing configured, or another org.
    ['nothing configured', page(address(ORG)), NONE, 'not-allowed'],
    ['another org', page(address('https://other.lightning.force.com')), EXACT, 'not-allowed'],
    [
        'another org sandbox',
        page(address('https://acme--uat.sandbox.lightning.force.com')),
        EXACT,
        'not-allowed'
    ],
    [
        'same host, other port',
        page(address('https://crm.acme.com')),
        { allowedOrigins: ['https://crm.acme.com:8443'], trustAnySalesforceOrg: false },
        'not-allowed'
    ],
    [
        'http instead of https',
        page(address('http://acme.lightning.force.com')),
        EXACT,
        'not-allowed'
    ],
    [
        'look-alike suffix',
        page(address('https://acme.lightning.force.com.evil.example')),
        EXACT,
        'not-allowed'
    ],
    [
        'look-alike prefix',
        page(address('https://evilacme.lightning.force.com')),
        EXACT,
        'not-allowed'
    ],
    ['trailing dot', page(address('https://acme.lightning.force.com.')), EXACT, 'not-allowed'],
    [
        'trailing dot, any org',
        page(address('https://acme.lightning.force.com.')),
        ANY_ORG,
        'not-allowed'
    ],
    ['IPv4 host', page(address('https://10.0.0.1')), EXACT, 'not-allowed'],
    ['IPv6 host', page(address('https://[::1]')), EXACT, 'not-allowed'],
    [
        'punycode host not listed',
        page(address('https://xn--acm-bla.lightning.force.com')),
        EXACT,
        'not-allowed'
    ],
    // Any org's Lightning host, only by the opt-in.
    [
        'any org: production',
        page(address('https://other.lightning.force.com')),
        ANY_ORG,
        'accepted'
    ],
    [
        'any org: sandbox',
        page(address('https://acme--uat.sandbox.lightning.force.com')),
        ANY_ORG,
        'accepted'
    ],
    [
        'any org: Developer Edition',
        page(address('https://acme-dev-ed.develop.lightning.force.com')),
        ANY_ORG,
        'accepted'
    ],
    [
        'any org: scratch',
        page(address('https://speed-1234.scratch.lightning.force.com')),
        ANY_ORG,
        'accepted'
    ],
    [
        'any org: Government Cloud Plus',
        page(address('https://acme.lightning.crmforce.mil')),
        ANY_ORG,
        'accepted'
    ],
    ['any org: Visualforce', page(address('https://acme--c.vf.force.com')), ANY_ORG, 'not-allowed'],
    [
        'any org: legacy Visualforce',
        page(address('https://acme--c.visualforce.com')),
        ANY_ORG,
        'not-allowed'
    ],
    ['any org: Sites', page(address('https://acme.secure.force.com')), ANY_ORG, 'not-allowed'],
    [
        'any org: Experience Cloud',
        page(address('https://acme.my.site.com')),
        ANY_ORG,
        'not-allowed'
    ],
    [
        'any org: Classic My Domain',
        page(address('https://acme.my.salesforce.com')),
        ANY_ORG,
        'not-allowed'
    ],
    [
        'any org: marketing host',
        page(address('https://trailhead.salesforce.com')),
        ANY_ORG,
        'not-allowed'
    ],
    [
        'any org: bare lightning.force.com',
        page(address('https://lightning.force.com')),
        ANY_ORG,
        'not-allowed'
    ],
    ['any org: empty label', page(address('https://.lightning.force.com')), ANY_ORG, 'not-allowed'],
    [
        'any org: double dot label',
        page(address('https://acme..lightning.force.com')),
        ANY_ORG,
        'not-allowed'
    ],
    [
        'any org: underscore label',
        page(address('https://acme_x.lightning.force.com')),
        ANY_ORG,
        'not-allowed'
    ],
    [
        'any org: port',
        page(address('https://acme.lightning.force.com:8443')),
        ANY_ORG,
        'not-allowed'
    ],
    ['any org: http', page(address('http://acme.lightning.force.com')), ANY_ORG, 'not-allowed'],
    [
        'any org: page over http',
        page(address('https://acme.lightning.force.com'), { protocol: 'http:' }),
        ANY_ORG,
        'not-allowed'
    ],
    [
        'any org: look-alike',
        page(address('https://acme.lightning.force.com.evil.example')),
        ANY_ORG,
        'not-allowed'
    ],
    [
        'any org: suffix without dot',
        page(address('https://evillightning.force.com')),
        ANY_ORG,
        'not-allowed'
    ],
    // Not an origin at all.
    ['upper case', page(address('https://ACME.lightning.force.com')), EXACT, 'refused'],
    ['trailing slash', page(address(`${ORG}/`)), EXACT, 'refused'],
    ['path', page(address(`${ORG}/one/one.app`)), EXACT, 'refused'],
    ['user info', page(address('https://user:pw@acme.lightning.force.com')), EXACT, 'refused'],
    ['user only', page(address('https://acme.lightning.force.com@evil.example')), EXACT, 'refused'],
    [
        'default port written out',
        page(address('https://acme.lightning.force.com:443')),
        EXACT,
        'refused'
    ],
    ['unicode host', page(address('https://acmé.lightning.force.com')), ANY_ORG, 'refused'],
    ['null origin', page(address('null')), EXACT, 'refused'],
    ['data: URL', page(address('data:text/html,hi')), EXACT, 'refused'],
    ['blob: URL', page(address(`blob:${ORG}/0b1d`)), EXACT, 'refused'],
    ['file: URL', page(address('file:///etc/passwd')), EXACT, 'refused'],
    ['javascript: URL', page(address('javascript:alert(1)')), EXACT, 'refused'],
    ['wildcard', page(address('*')), EXACT, 'refused'],
    ['Classic mode', page(address(ORG, 'Classic')), EXACT, 'refused'],
    // The frame around the page.
    [
        'Chromium parent is another page',
        page(address(ORG), { ancestorOrigins: ['https://evil.example'] }),
        EXACT,
        'refused'
    ],
    [
        'Chromium parent is another org',
        page(address(ORG), { ancestorOrigins: ['https://other.lightning.force.com'] }),
        ANY_ORG,
        'refused'
    ],
    [
        'not framed (top-level or pop-up)',
        page(address(ORG), { framed: false }),
        EXACT,
        'not-embedded'
    ],
    [
        'framed flag but no ancestors (Chromium top-level)',
        page(address(ORG), { ancestorOrigins: [] }),
        EXACT,
        'not-embedded'
    ],
    ['no address parameters', page(''), EXACT, 'not-embedded'],
    ['mode only', page('?mode=Lightning'), EXACT, 'not-embedded'],
    ['origin only', page(`?sfdcIframeOrigin=${encodeURIComponent(ORG)}`), EXACT, 'not-embedded'],
    [
        'misspelled parameter',
        page(`?mode=Lightning&sfdcIFrameOrigin=${encodeURIComponent(ORG)}`),
        EXACT,
        'not-embedded'
    ]
];

describe('which page may drive Flex', () => {
    test('the table has at least 40 cases', () => {
        expect(CASES.length).toBeGreaterThanOrEqual(40);
    });

    test.each(CASES)('%s', (_, hosting, policy, verdict) => {
        const decision = resolveSalesforceOrigin(hosting, policy);
        expect(decision.kind).toBe(verdict);
        if (decision.kind === 'accepted') {
            expect(decision.warning === null).toBe(policy.allowedOrigins.includes(decision.origin));
        }
    });
});

describe('what the admin and the agent are told', () => {
    test('with nothing configured, the setting to add and the origin seen', () => {
        expect(resolveSalesforceOrigin(page(address(ORG)), NONE)).toEqual({
            kind: 'not-allowed',
            origin: ORG,
            reason: `no Salesforce origin is configured: add "${ORG}" to salesforce_integration.allowed_origins if it is your org`
        });
    });

    test('another origin: the list it is not in', () => {
        const decision = resolveSalesforceOrigin(
            page(address('https://other.lightning.force.com')),
            EXACT
        );
        expect(decision).toEqual({
            kind: 'not-allowed',
            origin: 'https://other.lightning.force.com',
            reason: `https://other.lightning.force.com is not in salesforce_integration.allowed_origins (${ORG}): add it there if it is your org`
        });
    });

    test('the opt-in says why a Visualforce host is still refused', () => {
        const decision = resolveSalesforceOrigin(
            page(address('https://acme--c.vf.force.com')),
            ANY_ORG
        );
        expect(decision.kind === 'not-allowed' && decision.reason).toMatch(
            /not a Lightning Experience host that salesforce_integration\.trust_any_salesforce_org accepts/
        );
    });

    test('the opt-in warns on every acceptance it makes', () => {
        const decision = resolveSalesforceOrigin(page(address(ORG)), ANY_ORG);
        expect(decision).toEqual({
            kind: 'accepted',
            origin: ORG,
            warning: expect.stringContaining('trust_any_salesforce_org is true')
        });
    });

    test('a long forged parameter is clipped in the reason', () => {
        const decision = resolveSalesforceOrigin(page(address('x'.repeat(5000))), EXACT);
        expect(decision.kind === 'refused' && decision.reason.length).toBeLessThan(400);
    });
});

describe('exactOriginOf', () => {
    test.each([ORG, 'http://localhost:4400', 'https://crm.acme.com:8443'])(
        '%s is an origin',
        (o) => {
            expect(exactOriginOf(o)).toBe(o);
        }
    );

    test.each([
        '',
        'null',
        `${ORG}/`,
        'HTTPS://acme.lightning.force.com',
        'ftp://acme.example',
        'about:blank'
    ])('%j is not', (o) => {
        expect(exactOriginOf(o)).toBeNull();
    });
});

describe('isLightningHost', () => {
    test.each([
        ['acme.lightning.force.com', true],
        ['acme--uat.sandbox.lightning.force.com', true],
        ['acme.lightning.crmforce.mil', true],
        ['lightning.force.com', false],
        ['acme.lightning.force.com.evil.example', false],
        ['acme.my.salesforce.com', false],
        ['acme--c.vf.force.com', false]
    ])('%s → %s', (host, expected) => {
        expect(isLightningHost(host)).toBe(expected);
    });
});
