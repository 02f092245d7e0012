// The project's own Twilio CLI: twilio-cli and its Flex plugin (@twilio-labs/plugin-flex), pinned
// in flex-plugin/package-lock.json. The plugin is linked through a data folder inside the
// repository (.twilio-cli/, git-ignored) instead of `twilio plugins:install`, which installs
// globally into the user's home and needs the network; profiles, caches and the auto-updater stay
// out of the user's home too. Credentials come from the environment.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TwilioCall } from './pluginPlan.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
export const PLUGIN_DIR = path.join(root, 'flex-plugin');
const stateDir = path.join(root, '.twilio-cli');
const requireFromPlugin = createRequire(path.join(PLUGIN_DIR, 'package.json'));

export function twilioCliRoot(): string {
    return path.dirname(requireFromPlugin.resolve('twilio-cli/package.json'));
}

export function twilioBin(): string {
    return path.join(twilioCliRoot(), 'bin', 'run');
}

/** The environment the CLI runs in; writes the link to the pinned Flex plugin first. */
export function twilioEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
    const dataDir = path.join(stateDir, 'data');
    mkdirSync(dataDir, { recursive: true });
    const pluginFlex = path.dirname(
        requireFromPlugin.resolve('@twilio-labs/plugin-flex/package.json')
    );
    // What `twilio plugins:link` would write, without it running an install in the plugin.
    writeFileSync(
        path.join(dataDir, 'package.json'),
        `${JSON.stringify(
            {
                private: true,
                oclif: {
                    schema: 1,
                    plugins: [{ type: 'link', name: '@twilio-labs/plugin-flex', root: pluginFlex }]
                }
            },
            null,
            2
        )}\n`
    );
    return {
        ...base,
        TWILIO_DATA_DIR: dataDir,
        TWILIO_CONFIG_DIR: path.join(stateDir, 'config'),
        TWILIO_CACHE_DIR: path.join(stateDir, 'cache'),
        TWILIO_SKIP_NEW_VERSION_CHECK: 'true',
        TWILIO_DISABLE_AUTOUPDATE: 'true'
    };
}

interface OclifFlag {
    name: string;
    type: 'boolean' | 'option';
    options?: string[];
}

export type TwilioCommandIndex = (id: string) => { flags: Record<string, OclifFlag> } | undefined;

/** The installed CLI's commands (its own and the linked Flex plugin's), read offline. */
export async function loadTwilioCommands(): Promise<TwilioCommandIndex> {
    Object.assign(process.env, twilioEnv());
    const cliRoot = twilioCliRoot();
    const { Config } = createRequire(path.join(cliRoot, 'package.json'))('@oclif/core') as {
        Config: {
            load(options: { root: string }): Promise<{
                findCommand(id: string): { flags: Record<string, OclifFlag> } | undefined;
            }>;
        };
    };
    const config = await Config.load({ root: cliRoot });
    return (id) => config.findCommand(id);
}

/** What is wrong with a call for this CLI; empty when the command and every flag exist. */
export function checkTwilioCall(call: TwilioCall, commands: TwilioCommandIndex): string[] {
    const command = commands(call.command);
    if (!command) {
        return [`twilio ${call.command}: no such command`];
    }
    const problems: string[] = [];
    for (const [name, value] of Object.entries(call.flags)) {
        const flag = command.flags[name];
        if (!flag) {
            problems.push(`twilio ${call.command}: no flag --${name}`);
        } else if (flag.type === 'boolean' && value !== true) {
            problems.push(`twilio ${call.command}: --${name} is a switch and takes no value`);
        } else if (flag.type === 'option' && value === true) {
            problems.push(`twilio ${call.command}: --${name} needs a value`);
        }
    }
    return problems;
}
