import { parseIntegrationConfig, DEFAULT_SEARCH_ATTRIBUTES } from './integrationConfig';

const withSection = (section: unknown) => ({ salesforce_integration: section });

describe('parseIntegrationConfig', () => {
    test('no section means the integration is absent, not broken', () => {
        expect(parseIntegrationConfig({})).toEqual({ kind: 'absent' });
        expect(parseIntegrationConfig(undefined)).toEqual({ kind: 'absent' });
        expect(parseIntegrationConfig(withSection(null))).toEqual({ kind: 'absent' });
    });

    test('an empty section gets every documented default', () => {
        const result = parseIntegrationConfig(withSection({}));
        expect(result).toEqual({
            kind: 'valid',
            config: {
                enabled: false,
                screen_pop: true,
                click_to_dial: true,
                context_switching: true,
                activity_logging: true,
                copilot_notes: false,
                activity_log_fields: {
                    task_sid: 'Flex_Task_Sid__c',
                    sentiment: 'Flex_Sentiment__c',
                    topics: 'Flex_Topics__c'
                },
                require_record_choice: false,
                hide_crm_container: true,
                hide_logo: true,
                prevent_popout_during_call: true,
                show_panel_automatically: true,
                utility_bar_status: true,
                opencti_api_version: '67.0',
                opencti_timeout_ms: 10000,
                presence_channel: 'Flex_Presence__c',
                presence_sync: false,
                allowed_origins: [],
                trust_any_salesforce_org: false,
                default_country: 'US',
                record_selection_channel: 'Flex_Record_Selection__c',
                interaction_channel: 'Flex_Interaction__c',
                search_attributes: [...DEFAULT_SEARCH_ATTRIBUTES]
            }
        });
    });

    test('given values win over defaults', () => {
        const result = parseIntegrationConfig(
            withSection({
                enabled: true,
                screen_pop: false,
                default_country: 'GB',
                allowed_origins: ['https://acme.my.salesforce-setup.com', 'http://localhost:4400'],
                search_attributes: ['caseNumber', 'from'],
                opencti_api_version: '62.0'
            })
        );
        expect(result.kind).toBe('valid');
        if (result.kind !== 'valid') return;
        expect(result.config.enabled).toBe(true);
        expect(result.config.screen_pop).toBe(false);
        expect(result.config.default_country).toBe('GB');
        expect(result.config.allowed_origins).toEqual([
            'https://acme.my.salesforce-setup.com',
            'http://localhost:4400'
        ]);
        expect(result.config.search_attributes).toEqual(['caseNumber', 'from']);
        expect(result.config.opencti_api_version).toBe('62.0');
    });

    test("the activity-log field map takes an admin's own fields, or null to leave one out", () => {
        const result = parseIntegrationConfig(
            withSection({ activity_log_fields: { sentiment: 'acme__Mood__c', topics: null } })
        );
        expect(result.kind === 'valid' && result.config.activity_log_fields).toEqual({
            task_sid: 'Flex_Task_Sid__c',
            sentiment: 'acme__Mood__c',
            topics: null
        });
    });

    test.each([
        [{ screenpop: true }, 'salesforce_integration.screenpop', /spelling/],
        [{ enabled: 'yes' }, 'salesforce_integration.enabled', /boolean/],
        [{ default_country: 'USA' }, 'salesforce_integration.default_country', /two-letter/],
        [{ default_country: 'ZZ' }, 'salesforce_integration.default_country', /two-letter/],
        [{ opencti_api_version: '46.0' }, 'salesforce_integration.opencti_api_version', /47\.0/],
        [{ opencti_api_version: '67' }, 'salesforce_integration.opencti_api_version', /67\.0/],
        [{ opencti_timeout_ms: 10 }, 'salesforce_integration.opencti_timeout_ms', /1000/],
        [
            { allowed_origins: 'https://a.force.com' },
            'salesforce_integration.allowed_origins',
            /Array/
        ],
        [
            { allowed_origins: ['https://a.example.com/'] },
            'salesforce_integration.allowed_origins.0',
            /exact/
        ],
        [
            { allowed_origins: ['https://a.example.com/path'] },
            'salesforce_integration.allowed_origins.0',
            /exact/
        ],
        [
            { allowed_origins: ['http://a.example.com'] },
            'salesforce_integration.allowed_origins.0',
            /https/
        ],
        [{ allowed_origins: ['*'] }, 'salesforce_integration.allowed_origins.0', /exact/],
        [
            { allowed_origins: ['https://ACME.lightning.force.com'] },
            'salesforce_integration.allowed_origins.0',
            /exact/
        ],
        [
            { trust_any_salesforce_org: 'true' },
            'salesforce_integration.trust_any_salesforce_org',
            /boolean/
        ],
        [
            { record_selection_channel: 'Flex_Record_Selection' },
            'salesforce_integration.record_selection_channel',
            /__c/
        ],
        [{ search_attributes: [] }, 'salesforce_integration.search_attributes', /at least one/],
        [
            { search_attributes: ['a b'] },
            'salesforce_integration.search_attributes.0',
            /attribute name/
        ],
        [
            { activity_log_fields: { topic: 'Flex_Topics__c' } },
            'salesforce_integration.activity_log_fields.topic',
            /spelling/
        ],
        [
            { activity_log_fields: { sentiment: 'Sentiment' } },
            'salesforce_integration.activity_log_fields.sentiment',
            /__c/
        ],
        [
            { require_record_choice: 'yes' },
            'salesforce_integration.require_record_choice',
            /boolean/
        ],
        [[], 'salesforce_integration', /Object/],
        ['on', 'salesforce_integration', /Object/]
    ])('%j is refused, naming %s', (section, key, problem) => {
        const result = parseIntegrationConfig(withSection(section));
        expect(result.kind).toBe('invalid');
        if (result.kind !== 'invalid') return;
        expect(result.key).toBe(key);
        expect(result.problem).toMatch(problem);
    });
});
