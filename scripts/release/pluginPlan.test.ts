// The plugin release flows against the Twilio CLI installed from flex-plugin's lockfile: every
// command and flag they use exists (read offline from the CLI and its linked Flex plugin).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    credentialsProblem,
    pluginFlow,
    twilioArgv,
    type PluginFlow,
    type PluginReleaseOptions
} from './pluginPlan.ts';
import { checkTwilioCall, loadTwilioCommands, type TwilioCommandIndex } from './twilioCli.ts';

const OPTIONS: PluginReleaseOptions = {
    bump: 'minor',
    changelog: 'Screen pop for chats',
    version: '1.4.0',
    name: 'Salesforce integration 1.4.0',
    description: '',
    configurationSid: `FJ${'0'.repeat(32)}`
};

let commands: TwilioCommandIndex;
before(async () => {
    commands = await loadTwilioCommands();
});

test('every flow uses only commands and flags the installed Twilio CLI has', () => {
    for (const flow of ['deploy', 'release', 'rollback', 'releases'] as PluginFlow[]) {
        const plan = pluginFlow(flow, OPTIONS);
        assert.ok('calls' in plan, `${flow}: ${JSON.stringify(plan)}`);
        for (const call of plan.calls) {
            assert.deepEqual(checkTwilioCall(call, commands), [], `${flow}: ${call.command}`);
        }
    }
});

test('the check catches a misspelt command, a misspelt flag and a switch given a value', () => {
    assert.deepEqual(
        checkTwilioCall({ purpose: '', command: 'flex:plugins:deploi', flags: {} }, commands),
        ['twilio flex:plugins:deploi: no such command']
    );
    assert.deepEqual(
        checkTwilioCall(
            {
                purpose: '',
                command: 'flex:plugins:deploy',
                flags: { changelogs: 'x', minor: 'yes' }
            },
            commands
        ),
        [
            'twilio flex:plugins:deploy: no flag --changelogs',
            'twilio flex:plugins:deploy: --minor is a switch and takes no value'
        ]
    );
});

test('deploy: a version bump and the changelog, as argv', () => {
    const plan = pluginFlow('deploy', OPTIONS);
    assert.ok('calls' in plan);
    assert.deepEqual(twilioArgv(plan.calls[0] ?? { purpose: '', command: '', flags: {} }), [
        'flex:plugins:deploy',
        '--minor',
        '--changelog',
        'Screen pop for chats'
    ]);
});

test('release names the plugin version; rollback releases an earlier configuration', () => {
    const release = pluginFlow('release', OPTIONS);
    assert.ok('calls' in release);
    assert.deepEqual(release.calls[0]?.flags, {
        plugin: 'plugin-salesforce-integration@1.4.0',
        name: 'Salesforce integration 1.4.0',
        description: 'Salesforce integration 1.4.0'
    });
    const rollback = pluginFlow('rollback', OPTIONS);
    assert.ok('calls' in rollback);
    assert.deepEqual(rollback.calls[0]?.flags, { 'configuration-sid': OPTIONS.configurationSid });
});

test('missing or malformed options are refused before anything runs', () => {
    assert.deepEqual(pluginFlow('deploy', { ...OPTIONS, changelog: ' ' }), {
        problems: ['--changelog is required: what changed in this version']
    });
    const release = pluginFlow('release', { ...OPTIONS, version: 'latest', name: '' });
    assert.ok('problems' in release && release.problems.length === 2);
    assert.ok('problems' in pluginFlow('rollback', { ...OPTIONS, configurationSid: 'FJ123' }));
});

test('credentials come from the environment: an account SID and an API key or auth token', () => {
    const sid = `AC${'a'.repeat(32)}`;
    assert.match(credentialsProblem({}) ?? '', /TWILIO_ACCOUNT_SID/);
    assert.match(credentialsProblem({ TWILIO_ACCOUNT_SID: sid }) ?? '', /TWILIO_API_KEY/);
    assert.match(
        credentialsProblem({ TWILIO_ACCOUNT_SID: sid, TWILIO_API_KEY: 'SK1' }) ?? '',
        /TWILIO_API_SECRET/
    );
    assert.equal(
        credentialsProblem({
            TWILIO_ACCOUNT_SID: sid,
            TWILIO_API_KEY: 'SK1',
            TWILIO_API_SECRET: 's'
        }),
        null
    );
    assert.equal(credentialsProblem({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 't' }), null);
    assert.match(
        credentialsProblem({ TWILIO_ACCOUNT_SID: 'ACnope', TWILIO_AUTH_TOKEN: 't' }) ?? '',
        /TWILIO_ACCOUNT_SID/
    );
});
