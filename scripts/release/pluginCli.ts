// Release-manager entry point for the Flex plugin: npm run plugin:deploy, plugin:release,
// plugin:rollback, plugin:releases (see docs/release.md). Runs the calls of a flow from
// pluginPlan.ts with the project's own Twilio CLI, in flex-plugin/.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import {
    credentialsProblem,
    pluginFlow,
    twilioArgv,
    type PluginFlow,
    type VersionBump
} from './pluginPlan.ts';
import { PLUGIN_DIR, twilioBin, twilioEnv } from './twilioCli.ts';

const FLOWS: PluginFlow[] = ['deploy', 'release', 'rollback', 'releases'];

const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
        changelog: { type: 'string', default: '' },
        minor: { type: 'boolean', default: false },
        major: { type: 'boolean', default: false },
        version: { type: 'string', default: '' },
        name: { type: 'string', default: '' },
        description: { type: 'string', default: '' },
        'configuration-sid': { type: 'string', default: '' }
    }
});

const flow = positionals[0] as PluginFlow;
if (!FLOWS.includes(flow)) {
    console.error(
        `Usage: node scripts/release/pluginCli.ts <${FLOWS.join('|')}> [--changelog TEXT] [--minor|--major] [--version X.Y.Z --name NAME] [--configuration-sid FJ…]`
    );
    process.exit(2);
}
const bump: VersionBump = values.major ? 'major' : values.minor ? 'minor' : 'patch';
const plan = pluginFlow(flow, {
    bump,
    changelog: values.changelog,
    version: values.version,
    name: values.name,
    description: values.description,
    configurationSid: values['configuration-sid']
});
if ('problems' in plan) {
    plan.problems.forEach((problem) => console.error(problem));
    process.exit(2);
}
const credentials = credentialsProblem(process.env);
if (credentials) {
    console.error(credentials);
    process.exit(2);
}
const env = twilioEnv();
for (const call of plan.calls) {
    console.log(`\n▶ ${call.purpose}`);
    const argv = twilioArgv(call);
    console.log(`  twilio ${argv.join(' ')}`);
    // No standard input: a question the CLI asks ends the step instead of waiting forever.
    const result = spawnSync(process.execPath, [twilioBin(), ...argv], {
        cwd: PLUGIN_DIR,
        env,
        stdio: ['ignore', 'inherit', 'inherit']
    });
    if (result.status !== 0) {
        console.error(
            `\n✖ ${call.purpose}: the Twilio CLI exited with ${result.status ?? result.signal}`
        );
        process.exit(1);
    }
}
