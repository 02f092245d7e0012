// What `npm run plugin:deploy`, `plugin:release`, `plugin:rollback` and `plugin:releases` run, as
// data: Twilio CLI calls (its Flex plugin's commands), so a test can check every command and flag
// against the CLI installed from the lockfile, offline.

export interface TwilioCall {
    /** What the step does, printed before it runs. */
    purpose: string;
    /** Command id, e.g. "flex:plugins:deploy". */
    command: string;
    /** Flag name (without --) to value; true for a switch. */
    flags: Record<string, string | true>;
}

export const PLUGIN_NAME = 'plugin-salesforce-integration';

export type VersionBump = 'patch' | 'minor' | 'major';

export interface PluginReleaseOptions {
    bump: VersionBump;
    changelog: string;
    /** A plugin version already deployed, e.g. 1.4.0. */
    version: string;
    /** The release's (Flex configuration's) name and description. */
    name: string;
    description: string;
    /** A Flex configuration SID (FJ…) to release again: the rollback. */
    configurationSid: string;
}

const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const CONFIGURATION_SID = /^FJ[0-9a-f]{32}$/;

export type PluginFlow = 'deploy' | 'release' | 'rollback' | 'releases';

/** The calls of one flow, or the problems with its options (each a line for the person). */
export function pluginFlow(
    flow: PluginFlow,
    options: PluginReleaseOptions
): { calls: TwilioCall[] } | { problems: string[] } {
    const problems: string[] = [];
    const require = (ok: boolean, problem: string) => {
        if (!ok) problems.push(problem);
    };
    let calls: TwilioCall[] = [];
    switch (flow) {
        case 'deploy':
            require(options.changelog.trim() !==
                '', '--changelog is required: what changed in this version');
            calls = [
                {
                    purpose: `Build ${PLUGIN_NAME} and upload it as a new ${options.bump} version (not yet active)`,
                    command: 'flex:plugins:deploy',
                    flags: { [options.bump]: true, changelog: options.changelog }
                }
            ];
            break;
        case 'release':
            require(SEMVER.test(
                options.version
            ), '--version must be a deployed version, e.g. 1.4.0');
            require(options.name.trim() !==
                '', '--name is required: the release as admins will see it');
            calls = [
                {
                    purpose: `Release ${PLUGIN_NAME}@${options.version}: every agent gets it at their next Flex load`,
                    command: 'flex:plugins:release',
                    flags: {
                        plugin: `${PLUGIN_NAME}@${options.version}`,
                        name: options.name,
                        description: options.description || options.name
                    }
                }
            ];
            break;
        case 'rollback':
            require(CONFIGURATION_SID.test(
                options.configurationSid
            ), '--configuration-sid must be an earlier release’s configuration SID (FJ…, see npm run plugin:releases)');
            calls = [
                {
                    purpose: `Release configuration ${options.configurationSid} again`,
                    command: 'flex:plugins:release',
                    flags: { 'configuration-sid': options.configurationSid }
                }
            ];
            break;
        case 'releases':
            calls = [
                {
                    purpose: 'List Flex plugin releases',
                    command: 'flex:plugins:list:releases',
                    flags: {}
                }
            ];
            break;
    }
    return problems.length ? { problems } : { calls };
}

/** The argv for one call. */
export function twilioArgv(call: TwilioCall): string[] {
    return [
        call.command,
        ...Object.entries(call.flags).flatMap(([name, value]) =>
            value === true ? [`--${name}`] : [`--${name}`, value]
        )
    ];
}

/** Which credentials the Twilio CLI will use from the environment, or what is missing. */
export function credentialsProblem(env: Record<string, string | undefined>): string | null {
    const account = env.TWILIO_ACCOUNT_SID ?? '';
    if (!/^AC[0-9a-f]{32}$/.test(account)) {
        return 'Set TWILIO_ACCOUNT_SID (AC…) and either TWILIO_API_KEY with TWILIO_API_SECRET, or TWILIO_AUTH_TOKEN: the Twilio CLI reads them from the environment.';
    }
    const apiKey = Boolean(env.TWILIO_API_KEY) && Boolean(env.TWILIO_API_SECRET);
    if (!apiKey && !env.TWILIO_AUTH_TOKEN) {
        return 'Set TWILIO_API_KEY with TWILIO_API_SECRET (recommended), or TWILIO_AUTH_TOKEN, beside TWILIO_ACCOUNT_SID.';
    }
    return null;
}
