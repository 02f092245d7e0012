// The Flex Configuration API stand-in against Twilio's documented contract: basic auth, POST
// with the account SID, and each top-level property sent replacing the stored one whole.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startConfigurationApi, type ConfigurationApiStandIn } from './flexConfigurationApi.ts';

const ACCOUNT = `AC${'1'.repeat(32)}`;
const TOKEN = 'secret-token';
const auth = (user: string, password: string) =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('Flex Configuration API stand-in', () => {
    let api: ConfigurationApiStandIn;
    before(async () => {
        api = await startConfigurationApi({
            accountSid: ACCOUNT,
            credentials: { [ACCOUNT]: TOKEN },
            configuration: {
                ui_attributes: { theme: { isLight: false }, custom_data: { crm: 'x' } },
                taskrouter_workspace_sid: `WS${'2'.repeat(32)}`
            }
        });
    });
    after(() => api.close());

    const post = (body: unknown, authorization = auth(ACCOUNT, TOKEN)) =>
        fetch(`${api.url}/v1/Configuration`, {
            method: 'POST',
            headers: { Authorization: authorization, 'Content-Type': 'application/json' },
            body: JSON.stringify(body)
        });

    it('refuses a wrong password with Twilio error 20003', async () => {
        const response = await fetch(`${api.url}/v1/Configuration`, {
            headers: { Authorization: auth(ACCOUNT, 'wrong') }
        });
        assert.equal(response.status, 401);
        assert.equal(((await response.json()) as { code: number }).code, 20003);
    });

    it('answers GET with the whole configuration', async () => {
        const response = await fetch(`${api.url}/v1/Configuration`, {
            headers: { Authorization: auth(ACCOUNT, TOKEN) }
        });
        const body = (await response.json()) as Record<string, unknown>;
        assert.equal(body.account_sid, ACCOUNT);
        assert.deepEqual(body.ui_attributes, {
            theme: { isLight: false },
            custom_data: { crm: 'x' }
        });
    });

    it('refuses a POST without the account SID and changes nothing', async () => {
        const stored = api.configuration();
        const response = await post({ ui_attributes: {} });
        assert.equal(response.status, 400);
        assert.deepEqual(api.configuration(), stored);
    });

    it('replaces a property whole: ui_attributes with only custom_data loses the theme', async () => {
        const response = await post({
            account_sid: ACCOUNT,
            ui_attributes: { custom_data: { salesforce_integration: { enabled: true } } }
        });
        assert.equal(response.status, 200);
        const stored = api.configuration();
        assert.deepEqual(stored.ui_attributes, {
            custom_data: { salesforce_integration: { enabled: true } }
        });
        // A property the POST did not name is kept.
        assert.equal(stored.taskrouter_workspace_sid, `WS${'2'.repeat(32)}`);
    });
});
