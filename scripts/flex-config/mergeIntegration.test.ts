import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    blockProblem,
    blockWarnings,
    changesAfterWrite,
    diff,
    formatChanges,
    mergeIntegration
} from './mergeIntegration.ts';

/** ui_attributes as a real account has it: Flex's own settings and other plugins' custom data. */
const CURRENT = {
    theme: { isLight: false, tokens: { backgroundColors: { colorBackground: '#123' } } },
    language: 'en-US',
    sso: { loginPopup: true },
    componentProps: { CRMContainer: { uriCallback: null } },
    custom_data: {
        features: { supervisor_barge: { enabled: true, queues: ['WQ1', 'WQ2'] } },
        salesforce_integration: { enabled: false, screen_pop: false, default_country: 'GB' }
    },
    flex_dialpad: 3
};

describe('mergeIntegration', () => {
    it('sets the block and sends every other setting back as it was', () => {
        const result = mergeIntegration(CURRENT, { enabled: true, allowed_origins: [] });
        assert.ok(result.ok);
        const { custom_data: customData, ...rest } = result.uiAttributes;
        const { custom_data: currentCustomData, ...currentRest } = CURRENT;
        assert.deepEqual(rest, currentRest);
        assert.deepEqual(customData, {
            features: currentCustomData.features,
            salesforce_integration: { enabled: true, allowed_origins: [] }
        });
        assert.deepEqual(changesAfterWrite(CURRENT, result.uiAttributes).others, []);
    });

    it('lists exactly the integration keys that change', () => {
        const result = mergeIntegration(CURRENT, { enabled: true, default_country: 'GB' });
        assert.ok(result.ok);
        assert.deepEqual(result.changes, [
            {
                path: 'custom_data.salesforce_integration.enabled',
                kind: 'changed',
                before: false,
                after: true
            },
            {
                path: 'custom_data.salesforce_integration.screen_pop',
                kind: 'removed',
                before: false
            }
        ]);
        assert.equal(
            formatChanges(result.changes),
            '~ custom_data.salesforce_integration.enabled: false → true\n- custom_data.salesforce_integration.screen_pop: false'
        );
    });

    it('adds custom_data when the account has none, and does not alter its input', () => {
        const current = { theme: { isLight: true } };
        const result = mergeIntegration(current, { enabled: true });
        assert.ok(result.ok);
        assert.deepEqual(result.uiAttributes, {
            theme: { isLight: true },
            custom_data: { salesforce_integration: { enabled: true } }
        });
        assert.deepEqual(current, { theme: { isLight: true } });
        assert.deepEqual(mergeIntegration(undefined, { enabled: true }).ok, true);
    });

    it('refuses a block the plugin would refuse, naming the key', () => {
        assert.deepEqual(mergeIntegration(CURRENT, { enabled: true, screenpop: true }), {
            ok: false,
            problem:
                'the setting salesforce_integration.screenpop is not a setting of this integration (check the spelling)'
        });
        const country = mergeIntegration(CURRENT, { default_country: 'XX' });
        assert.ok(!country.ok);
        assert.match(country.problem, /salesforce_integration\.default_country/);
        assert.ok(!mergeIntegration(CURRENT, null).ok);
        assert.ok(!mergeIntegration(CURRENT, ['enabled']).ok);
    });

    it('refuses to build on ui_attributes or custom_data that are not objects', () => {
        assert.deepEqual(mergeIntegration('text', { enabled: true }), {
            ok: false,
            problem: 'the current ui_attributes is not a JSON object'
        });
        assert.deepEqual(mergeIntegration({ custom_data: [1] }, { enabled: true }), {
            ok: false,
            problem: 'the current ui_attributes.custom_data is not a JSON object'
        });
    });
});

describe('diff', () => {
    it('finds added, removed and changed leaves, arrays compared whole', () => {
        assert.deepEqual(diff({ a: 1, b: { c: [1, 2] }, d: 1 }, { a: 1, b: { c: [2, 1] }, e: 2 }), [
            { path: 'b.c', kind: 'changed', before: [1, 2], after: [2, 1] },
            { path: 'd', kind: 'removed', before: 1 },
            { path: 'e', kind: 'added', after: 2 }
        ]);
        assert.deepEqual(diff({ a: { b: 1 } }, { a: { b: 1 } }), []);
        assert.equal(
            formatChanges([]),
            'No change: the Flex configuration already holds these settings.'
        );
    });

    it('changesAfterWrite separates the integration block from the rest', () => {
        const before = { theme: 1, custom_data: { salesforce_integration: { a: 1 }, other: 1 } };
        const after = { theme: 2, custom_data: { salesforce_integration: { a: 2 }, other: 1 } };
        assert.deepEqual(changesAfterWrite(before, after), {
            block: [
                {
                    path: 'custom_data.salesforce_integration.a',
                    kind: 'changed',
                    before: 1,
                    after: 2
                }
            ],
            others: ['theme']
        });
        assert.deepEqual(
            changesAfterWrite({ custom_data: {} }, { custom_data: { salesforce_integration: {} } })
                .others,
            []
        );
        assert.deepEqual(
            changesAfterWrite(
                { custom_data: { salesforce_integration_v2: 1 } },
                { custom_data: { salesforce_integration_v2: 2 } }
            ),
            {
                block: [],
                others: ['custom_data.salesforce_integration_v2']
            }
        );
    });

    it('the host app block is checked with its own parser and merged under its own key', () => {
        const block = { enabled: true, allowed_host_origins: ['https://crm.acme.com'] };
        const result = mergeIntegration(CURRENT, block, 'host_app_integration');
        assert.ok(result.ok);
        assert.deepEqual(
            result.changes.map((change) => change.path),
            ['custom_data.host_app_integration']
        );
        assert.deepEqual(changesAfterWrite(CURRENT, result.uiAttributes, 'host_app_integration'), {
            block: [
                {
                    path: 'custom_data.host_app_integration',
                    kind: 'added',
                    after: block
                }
            ],
            others: []
        });
        assert.match(
            blockProblem({ enabled: true, allowed_origins: [] }, 'host_app_integration') ?? '',
            /host_app_integration\.allowed_origins is not a setting/
        );
        assert.deepEqual(blockWarnings({ enabled: true }, 'host_app_integration'), [
            'allowed_host_origins is empty: no web app can connect to Flex. Add your app\'s origin, e.g. "https://crm.acme.com".'
        ]);
    });

    it('blockProblem is the check mergeIntegration makes, without a configuration', () => {
        assert.equal(blockProblem({ enabled: true }), null);
        assert.equal(blockProblem(undefined), 'the file holds no salesforce_integration settings');
        assert.match(blockProblem({ screenpop: true }) ?? '', /salesforce_integration\.screenpop/);
    });
});

describe('blockWarnings', () => {
    it('warns when no org may host Flex, and when any org may', () => {
        assert.match(blockWarnings({ enabled: true })[0] ?? '', /allowed_origins is empty/);
        assert.match(
            blockWarnings({ enabled: true, trust_any_salesforce_org: true })[0] ?? '',
            /any Salesforce org could host this Flex/
        );
    });

    it('says nothing for a listed org, a disabled block or an invalid one', () => {
        assert.deepEqual(
            blockWarnings({ enabled: true, allowed_origins: ['https://acme.lightning.force.com'] }),
            []
        );
        assert.deepEqual(blockWarnings({ enabled: false }), []);
        assert.deepEqual(blockWarnings({ enabled: true, screenpop: true }), []);
    });
});
