import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCallCenter, toImportXml, type CallCenter } from './callCenter.ts';

const ADAPTER = 'https://flex.twilio.com/agent-desktop';

function callCenter(items: Record<string, string>, extra: Partial<CallCenter> = {}): CallCenter {
    return {
        internalName: 'Twilio_Flex',
        adapterUrl: items.reqAdapterUrl,
        customSettings: undefined,
        displayName: 'Twilio Flex',
        sections: [
            {
                name: 'reqGeneralInfo',
                label: 'General Information',
                items: Object.entries(items).map(([name, value]) => ({ name, label: name, value }))
            }
        ],
        ...extra
    };
}

const VALID = {
    reqAdapterUrl: ADAPTER,
    reqUseApi: 'true',
    reqSoftphoneHeight: '800',
    reqSoftphoneWidth: '420',
    reqSalesforceCompatibilityMode: 'Lightning'
};

describe('call center rules', () => {
    it('accepts a Lightning Open CTI call center', () => {
        assert.deepEqual(checkCallCenter(callCenter(VALID)), []);
    });

    for (const [item, value, ok] of [
        ['reqSoftphoneHeight', '239', false],
        ['reqSoftphoneHeight', '240', true],
        ['reqSoftphoneHeight', '2560', true],
        ['reqSoftphoneHeight', '2561', false],
        ['reqSoftphoneHeight', '80a', false],
        ['reqSoftphoneWidth', '199', false],
        ['reqSoftphoneWidth', '200', true],
        ['reqSoftphoneWidth', '1920', true],
        ['reqSoftphoneWidth', '1921', false]
    ] as const) {
        it(`${item} ${value} is ${ok ? 'inside' : 'outside'} Lightning's limits`, () => {
            assert.equal(checkCallCenter(callCenter({ ...VALID, [item]: value })).length === 0, ok);
        });
    }

    it('names each missing required item', () => {
        const { reqUseApi: _ignored, ...withoutApi } = VALID;
        void _ignored;
        assert.deepEqual(checkCallCenter(callCenter(withoutApi)), [
            'reqGeneralInfo/reqUseApi is missing'
        ]);
    });

    it('wants reqUseApi true, a standby URL with its timeout, and a matching adapterUrl', () => {
        assert.deepEqual(checkCallCenter(callCenter({ ...VALID, reqUseApi: 'false' })), [
            'reqUseApi must be true: the softphone uses Open CTI'
        ]);
        assert.deepEqual(checkCallCenter(callCenter({ ...VALID, reqStandbyUrl: ADAPTER })), [
            'reqStandbyUrl and reqTimeout go together'
        ]);
        assert.deepEqual(
            checkCallCenter(callCenter({ ...VALID, reqStandbyUrl: ADAPTER, reqTimeout: '5000' })),
            []
        );
        assert.match(
            checkCallCenter(callCenter(VALID, { adapterUrl: 'https://other.example' })).join(),
            /differs from reqAdapterUrl/
        );
        assert.match(
            checkCallCenter(
                callCenter(
                    { ...VALID, reqAdapterUrl: 'flex.twilio.com' },
                    { adapterUrl: 'flex.twilio.com' }
                )
            ).join(),
            /is not an absolute URL/
        );
    });

    it('allows custom sections and items with valid names', () => {
        const center = callCenter(VALID);
        center.sections.push({
            name: 'flexSettings',
            label: 'Flex',
            items: [{ name: 'region', label: 'Region', value: 'us1' }]
        });
        assert.deepEqual(checkCallCenter(center), []);
        center.sections.push({
            name: 'reqMine',
            label: 'Mine',
            items: [{ name: 'bad name', label: 'x', value: 'y' }]
        });
        center.sections.push({ name: 'flex-settings', label: 'Bad', items: [] });
        assert.deepEqual(checkCallCenter(center), [
            'section name "reqMine" is reserved by Salesforce (starts with req)',
            'item "reqMine/bad name" is neither a Salesforce item nor a valid custom name',
            'section name "flex-settings" must be 1-40 letters and digits'
        ]);
    });

    it('checks customSettings against the items', () => {
        const settings = JSON.stringify(VALID);
        assert.deepEqual(checkCallCenter(callCenter(VALID, { customSettings: settings })), []);
        assert.deepEqual(checkCallCenter(callCenter(VALID, { customSettings: '{' })), [
            'customSettings is not valid JSON'
        ]);
        assert.deepEqual(
            checkCallCenter(
                callCenter(VALID, { customSettings: JSON.stringify({ ...VALID, extra: '1' }) })
            ),
            ['customSettings.extra has no item in reqGeneralInfo']
        );
    });

    it('writes the Setup import format with names first and values escaped', () => {
        const xml = toImportXml(callCenter({ ...VALID, reqDescription: 'Flex & <Salesforce>' }));
        assert.match(
            xml,
            /<section sortOrder="0" name="reqGeneralInfo" label="General Information">/
        );
        assert.match(
            xml,
            /<item sortOrder="0" name="reqInternalName" label="InternalName">Twilio_Flex<\/item>/
        );
        assert.match(
            xml,
            /<item sortOrder="1" name="reqDisplayName" label="Display Name">Twilio Flex<\/item>/
        );
        assert.match(xml, />Flex &amp; &lt;Salesforce&gt;<\/item>/);
    });
});
