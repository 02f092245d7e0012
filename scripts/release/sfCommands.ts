// Checks sf CLI calls against the commands the installed CLI really has (`sf commands --json`),
// so a misspelt command, flag or enum value in the release scripts fails offline.
import { execFileSync } from 'node:child_process';
import type { SfCall } from './plan.ts';

interface FlagInfo {
    name: string;
    type: 'boolean' | 'option';
    char?: string;
    aliases?: string[];
    options?: string[];
}

interface CommandInfo {
    id: string;
    aliases?: string[];
    flags: Record<string, FlagInfo>;
}

export type CommandIndex = Map<string, CommandInfo>;

/** Every command of the installed sf CLI, by id and alias ("org:create:scratch"). */
export function loadInstalledCommands(): CommandIndex {
    const output = execFileSync('sf', ['commands', '--json'], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: {
            ...process.env,
            SF_DISABLE_TELEMETRY: 'true',
            SF_SKIP_NEW_VERSION_CHECK: 'true',
            SF_DISABLE_AUTOUPDATE: 'true'
        }
    });
    const index: CommandIndex = new Map();
    for (const command of JSON.parse(output) as CommandInfo[]) {
        index.set(command.id, command);
        for (const alias of command.aliases ?? []) {
            index.set(alias, command);
        }
    }
    return index;
}

/** What is wrong with a call for this CLI; empty when every part exists. */
export function checkCall(call: SfCall, commands: CommandIndex): string[] {
    const id = call.command.split(' ').join(':');
    const command = commands.get(id);
    if (!command) {
        return [`sf ${call.command}: no such command`];
    }
    const problems: string[] = [];
    for (const [name, value] of Object.entries(call.flags)) {
        const flag = Object.values(command.flags).find(
            (f) => f.name === name || f.aliases?.includes(name)
        );
        if (!flag) {
            problems.push(`sf ${call.command}: no flag --${name}`);
        } else if (flag.type === 'boolean' && value !== true) {
            problems.push(`sf ${call.command}: --${name} is a switch and takes no value`);
        } else if (flag.type === 'option' && value === true) {
            problems.push(`sf ${call.command}: --${name} needs a value`);
        } else if (
            flag.options &&
            typeof value === 'string' &&
            !value.includes('{') &&
            !flag.options.includes(value)
        ) {
            problems.push(
                `sf ${call.command}: --${name} ${value} is not one of ${flag.options.join(', ')}`
            );
        }
    }
    if ((call.capture || call.expect) && !command.flags.json) {
        problems.push(`sf ${call.command}: has no --json, so its result cannot be read`);
    }
    return problems;
}
