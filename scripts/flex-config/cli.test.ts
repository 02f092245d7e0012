// The configuration command end to end against the Flex Configuration API stand-in (which keeps
// the API's replace-whole semantics): a dry run writes nothing, --write loses no other setting.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import {
    startConfigurationApi,
    type ConfigurationApiStandIn
} from '../../sandbox/softphone/standins/flexConfigurationApi.ts';
import { runFlexConfig } from './runFlexConfig.ts';

const ACCOUNT = `AC${'a'.repeat(32)}`;
const API_KEY = `SK${'b'.repeat(32)}`;
const SECRET = 'key-secret';
const UI_ATTRIBUTES = {
    theme: { isLight: false },
    sso: { loginPopup: true },
    custom_data: {
        features: { callback: { enabled: true } },
        salesforce_integration: { enabled: false, screen_pop: false }
    }
};

describe('npm run flex:config', () => {
    let api: ConfigurationApiStandIn;
    let dir: string;
    let env: Record<string, string>;
    const settings = async (block: unknown) => {
        const file = path.join(dir, 'integration.json');
        await writeFile(file, JSON.stringify(block));
        return file;
    };

    before(async () => {
        dir = await mkdtemp(path.join(tmpdir(), 'flex-config-'));
    });
    after(() => rm(dir, { recursive: true, force: true }));
    beforeEach(async () => {
        api = await startConfigurationApi({
            accountSid: ACCOUNT,
            credentials: { [API_KEY]: SECRET },
            configuration: { ui_attributes: UI_ATTRIBUTES, flex_service_instance_sid: 'IS1' }
        });
        env = {
            TWILIO_ACCOUNT_SID: ACCOUNT,
            TWILIO_API_KEY: API_KEY,
            TWILIO_API_SECRET: SECRET,
            FLEX_API_URL: api.url
        };
    });
    afterEach(() => api.close());

    it('shows the change in a dry run and writes nothing', async () => {
        const result = await runFlexConfig(['--file', await settings({ enabled: true })], env);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /~ custom_data\.salesforce_integration\.enabled: false → true/);
        assert.match(result.stdout, /- custom_data\.salesforce_integration\.screen_pop: false/);
        assert.match(result.stdout, /Dry run: nothing was written/);
        assert.deepEqual(
            api.requests.map((r) => r.method),
            ['GET']
        );
        assert.match(result.stderr, /allowed_origins is empty: the integration stays off/);
        assert.deepEqual(api.configuration().ui_attributes, UI_ATTRIBUTES);
    });

    it('writes the whole ui_attributes back with --write: no other setting is lost', async () => {
        const block = { enabled: true, allowed_origins: ['https://acme.my.salesforce.com'] };
        const result = await runFlexConfig(
            ['--file', await settings({ salesforce_integration: block }), '--write'],
            env
        );
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /✓ Written/);
        assert.deepEqual(
            api.requests.map((r) => r.method),
            ['GET', 'POST', 'GET']
        );
        assert.deepEqual(api.configuration().ui_attributes, {
            ...UI_ATTRIBUTES,
            custom_data: { ...UI_ATTRIBUTES.custom_data, salesforce_integration: block }
        });
        assert.equal(api.configuration().flex_service_instance_sid, 'IS1');
    });

    it('writes the host app block beside the Salesforce one, losing neither', async () => {
        const block = { enabled: true, allowed_host_origins: ['https://crm.acme.com'] };
        const result = await runFlexConfig(
            ['--file', await settings({ host_app_integration: block }), '--write'],
            env
        );
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /\+ custom_data\.host_app_integration: /);
        assert.deepEqual(api.configuration().ui_attributes, {
            ...UI_ATTRIBUTES,
            custom_data: { ...UI_ATTRIBUTES.custom_data, host_app_integration: block }
        });
    });

    it('checks a bare host app block with --block, and refuses an action Flex does not offer', async () => {
        const result = await runFlexConfig(
            [
                '--file',
                await settings({ enabled: true, allowed_actions: ['StartOutboundCall'] }),
                '--block',
                'host_app_integration',
                '--write'
            ],
            env
        );
        assert.equal(result.code, 2);
        assert.match(result.stderr, /host_app_integration\.allowed_actions\.0/);
        assert.deepEqual(api.requests, []);
        const both = await runFlexConfig(
            ['--file', await settings({ salesforce_integration: {}, host_app_integration: {} })],
            env
        );
        assert.equal(both.code, 2);
        assert.match(both.stderr, /holds both blocks/);
    });

    it('warns, naming the key, when another writer changes a setting right after', async () => {
        api.afterNextWrite((stored) => {
            (stored.ui_attributes as Record<string, unknown>).theme = { isLight: true };
        });
        const result = await runFlexConfig(
            ['--file', await settings({ enabled: true }), '--write'],
            env
        );
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stderr, /Other settings changed meanwhile.*theme\.isLight/);
    });

    it('refuses a misspelt setting before calling Twilio', async () => {
        const result = await runFlexConfig(
            ['--file', await settings({ enabled: true, screenpop: true }), '--write'],
            env
        );
        assert.equal(result.code, 2);
        assert.match(
            result.stderr,
            /salesforce_integration\.screenpop is not a setting.*Nothing was read or written/
        );
        assert.equal(api.requests.length, 0);
    });

    it('says which credentials are missing', async () => {
        const result = await runFlexConfig(['--file', await settings({ enabled: true })], {
            FLEX_API_URL: api.url
        });
        assert.equal(result.code, 2);
        assert.match(result.stderr, /Set TWILIO_ACCOUNT_SID/);
        assert.equal(api.requests.length, 0);
    });

    it("reports Twilio's refusal of wrong credentials in one line", async () => {
        const result = await runFlexConfig(
            ['--file', await settings({ enabled: true }), '--write'],
            {
                ...env,
                TWILIO_API_SECRET: 'wrong'
            }
        );
        assert.equal(result.code, 1);
        assert.match(result.stderr, /answered 401 \(Twilio error 20003\): Authenticate/);
        assert.deepEqual(
            api.requests.map((r) => r.method),
            ['GET']
        );
    });

    it('refuses an API address that is not https', async () => {
        const result = await runFlexConfig([], {
            ...env,
            FLEX_API_URL: 'http://flex-api.example.com'
        });
        assert.equal(result.code, 2);
        assert.match(result.stderr, /FLEX_API_URL must be an https origin/);
    });

    it('prints the current settings with no file', async () => {
        const result = await runFlexConfig([], env);
        assert.equal(result.code, 0, result.stderr);
        assert.deepEqual(JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))), {
            enabled: false,
            screen_pop: false
        });
    });

    it('--check-origin says whether the block Flex has is on and allows an origin', async () => {
        const origin = 'https://acme--uat.sandbox.lightning.force.com';
        const off = await runFlexConfig(['--check-origin', origin], env);
        assert.equal(off.code, 1);
        assert.match(off.stderr, /salesforce_integration\.enabled is not true/);
        await runFlexConfig(
            [
                '--file',
                await settings({
                    enabled: true,
                    allowed_origins: ['https://acme.lightning.force.com']
                }),
                '--write'
            ],
            env
        );
        const missing = await runFlexConfig(['--check-origin', origin], env);
        assert.equal(missing.code, 1);
        assert.match(
            missing.stderr,
            new RegExp(
                `${origin.replaceAll('.', '\\.')} is not in salesforce_integration\\.allowed_origins`
            )
        );
        await runFlexConfig(
            ['--file', await settings({ enabled: true, allowed_origins: [origin] }), '--write'],
            env
        );
        const allowed = await runFlexConfig(['--check-origin', origin], env);
        assert.equal(allowed.code, 0, allowed.stderr);
        assert.match(allowed.stdout, /✓ salesforce_integration is on and allows/);
        const host = await runFlexConfig(
            ['--check-origin', origin, '--block', 'host_app_integration'],
            env
        );
        assert.equal(host.code, 1);
        assert.match(host.stderr, /Flex has no custom_data\.host_app_integration/);
        const writes = api.requests.filter((request) => request.method === 'POST').length;
        assert.equal(writes, 2, 'a check never writes');
    });
});
