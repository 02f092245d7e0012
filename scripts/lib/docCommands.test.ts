// Every command the docs tell a reader to type exists as written: each `npm run` script in the
// project, each `sf` command and flag in the pinned Salesforce CLI, each `twilio` command and flag
// in the pinned Twilio CLI.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { checkCall, loadInstalledCommands, type CommandIndex } from '../release/sfCommands.ts';
import {
    checkTwilioCall,
    loadTwilioCommands,
    type TwilioCommandIndex
} from '../release/twilioCli.ts';
import { ROOT, commandsIn, docCommands, type DocCommand } from './docCommands.ts';

const scripts = (file: string) =>
    Object.keys(
        (JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as { scripts: object }).scripts
    );
const where = (command: DocCommand) => `${path.relative(ROOT, command.file)}: ${command.text}`;

describe('the commands in the docs', () => {
    const commands = docCommands();
    let sf: CommandIndex;
    let twilio: TwilioCommandIndex;
    before(async () => {
        sf = loadInstalledCommands();
        twilio = await loadTwilioCommands();
    });

    test('are found: npm scripts, sf and twilio commands', () => {
        const count = (tool: DocCommand['tool']) => commands.filter((c) => c.tool === tool).length;
        assert.ok(count('npm-run') > 30, `${count('npm-run')} npm run commands`);
        assert.ok(count('sf') > 10, `${count('sf')} sf commands`);
        assert.ok(count('twilio') >= 3, `${count('twilio')} twilio commands`);
    });

    test('every `npm run` names a script of the project (or of flex-plugin with --prefix)', () => {
        const root = scripts('package.json');
        const plugin = scripts('flex-plugin/package.json');
        const missing = commands
            .filter((c) => c.tool === 'npm-run')
            .filter(
                (c) =>
                    !(c.text.includes('--prefix flex-plugin') ? plugin : root).includes(
                        c.words[0] ?? ''
                    )
            )
            .map(where);
        assert.deepEqual(missing, []);
    });

    test('every sf command and flag exists in the pinned Salesforce CLI', () => {
        const problems = commands
            .filter((c) => c.tool === 'sf')
            .flatMap((c) => {
                const command = c.words.join(' ');
                // Prose may name a flag without its value: names are checked, and values (enums)
                // where the docs give one.
                const valued = Object.entries(c.flags).filter(([, value]) => value !== true);
                const named = Object.keys(c.flags).filter((name) => c.flags[name] === true);
                const found = checkCall(
                    { purpose: 'docs', command, flags: Object.fromEntries(valued) },
                    sf
                );
                const unknown = sf.has(c.words.join(':'))
                    ? named
                          .filter((name) => !flagOf(sf, c.words, name))
                          .map((name) => `sf ${command}: no flag --${name}`)
                    : [];
                return [...found, ...unknown].map((problem) => `${where(c)} → ${problem}`);
            });
        assert.deepEqual(problems, []);
    });

    test('every twilio command and flag exists in the pinned Twilio CLI', () => {
        const problems = commands
            .filter((c) => c.tool === 'twilio')
            .flatMap((c) =>
                checkTwilioCall(
                    {
                        purpose: 'docs',
                        command: c.words.join(' '),
                        flags: c.flags
                    },
                    twilio
                ).map((problem) => `${where(c)} → ${problem}`)
            );
        assert.deepEqual(problems, []);
    });

    test('the reader catches a misspelt script, command or flag', () => {
        const wrong = commandsIn(
            'x.md',
            '```sh\nnpm run sandbxo\nnpx sf org login webb\nnpx sf org login web --alias-name x\n```'
        );
        assert.deepEqual(
            wrong.map((c) => [c.tool, c.words, c.flags]),
            [
                ['npm-run', ['sandbxo'], {}],
                ['sf', ['org', 'login', 'webb'], {}],
                ['sf', ['org', 'login', 'web'], { 'alias-name': 'x' }]
            ]
        );
        assert.ok(!scripts('package.json').includes('sandbxo'));
        assert.deepEqual(checkCall({ purpose: '', command: 'org login webb', flags: {} }, sf), [
            'sf org login webb: no such command'
        ]);
        assert.deepEqual(
            checkCall({ purpose: '', command: 'org login web', flags: { 'alias-name': 'x' } }, sf),
            ['sf org login web: no flag --alias-name']
        );
    });
});

/** Whether the command has a flag of that name (or alias). */
function flagOf(index: CommandIndex, words: string[], name: string): boolean {
    const command = index.get(words.join(':'));
    return Object.values(command?.flags ?? {}).some(
        (flag) => flag.name === name || flag.aliases?.includes(name)
    );
}
