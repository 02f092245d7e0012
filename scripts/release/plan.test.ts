import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { DEFAULT_OPTIONS, FLOWS, fill, pick, toArgv, type SfCall } from './plan.ts';
import { checkCall, loadInstalledCommands, type CommandIndex } from './sfCommands.ts';

const root = path.resolve(import.meta.dirname, '../..');
const sampleOptions = { ...DEFAULT_OPTIONS, packageVersionId: '04t000000000001AAA' };

describe('release scripts against the installed sf CLI', () => {
    let commands: CommandIndex;
    before(() => {
        commands = loadInstalledCommands();
    });

    it('finds the CLI commands the scripts rely on', () => {
        assert.ok(commands.size > 100, `only ${commands.size} commands found`);
    });

    for (const [name, flow] of Object.entries(FLOWS)) {
        it(`every command and flag of ${name} exists`, () => {
            const steps = flow(sampleOptions);
            assert.ok(steps.length > 0);
            assert.deepEqual(
                steps.flatMap((step) => checkCall(step, commands)),
                []
            );
        });
    }

    it('catches a misspelt command, flag, switch value or enum value', () => {
        const bad: SfCall[] = [
            { purpose: 'typo', command: 'org create scrach', flags: {} },
            { purpose: 'typo', command: 'org create scratch', flags: { 'definiton-file': 'x' } },
            { purpose: 'typo', command: 'org create scratch', flags: { 'set-default': 'yes' } },
            { purpose: 'typo', command: 'org create scratch', flags: { alias: true } },
            { purpose: 'typo', command: 'package create', flags: { 'package-type': 'Unlockd' } }
        ];
        assert.deepEqual(
            bad.map((call) => checkCall(call, commands)),
            [
                ['sf org create scrach: no such command'],
                ['sf org create scratch: no flag --definiton-file'],
                ['sf org create scratch: --set-default is a switch and takes no value'],
                ['sf org create scratch: --alias needs a value'],
                ['sf package create: --package-type Unlockd is not one of Managed, Unlocked']
            ]
        );
    });
});

describe('plan helpers', () => {
    it('builds argv with filled placeholders and --json for steps that read results', () => {
        const step = FLOWS['scratch-org'](sampleOptions).find(
            (s) => s.command === 'data update record'
        );
        assert.ok(step);
        assert.deepEqual(toArgv(step, { userId: '005A', callCenterId: '04vB' }), [
            'data',
            'update',
            'record',
            '--sobject',
            'User',
            '--record-id',
            '005A',
            '--values',
            'CallCenterId=04vB',
            '--target-org',
            'flex-scratch'
        ]);
        const query = FLOWS.smoke(sampleOptions)[0];
        assert.equal(toArgv(query).at(-1), '--json');
    });

    it('refuses to run a step whose placeholder no earlier step filled', () => {
        assert.throws(
            () => fill('CallCenterId={callCenterId}', {}),
            /no value for \{callCenterId\}/
        );
    });

    it('reads values from sf --json results', () => {
        const result = { records: [{ Id: '04v000000000001' }] };
        assert.equal(pick(result, ['records', '0', 'Id']), '04v000000000001');
        assert.equal(pick({ records: [] }, ['records', '0', 'Id']), '');
        assert.equal(pick(undefined, ['id']), '');
    });

    it('sets up a scratch org in the order an admin would', () => {
        assert.deepEqual(
            FLOWS['scratch-org'](sampleOptions).map((s) => s.command),
            [
                'org create scratch',
                'project deploy start',
                'org assign permset',
                'data query',
                'org display user',
                'data update record',
                'org open'
            ]
        );
    });
});

describe('wiring', () => {
    it('every release npm script runs a flow that exists', async () => {
        const { scripts } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
        const releaseScripts = Object.entries(scripts as Record<string, string>).filter(([, cmd]) =>
            cmd.includes('scripts/release/cli.ts')
        );
        assert.ok(releaseScripts.length >= 7);
        for (const [name, cmd] of releaseScripts) {
            const flow = cmd.split('cli.ts ')[1].split(' ')[0];
            assert.ok(flow in FLOWS, `npm run ${name} names unknown flow ${flow}`);
        }
    });

    it('workflows call sf only through npm scripts that exist', async () => {
        const { scripts } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
        const dir = path.join(root, '.github', 'workflows');
        const files = (await readdir(dir)).filter((f) => f.endsWith('.yml'));
        assert.ok(files.length >= 2);
        for (const file of files) {
            const text = await readFile(path.join(dir, file), 'utf8');
            assert.doesNotMatch(text, /(^|\s|\|)sf\s+[a-z]/m, `${file} runs sf directly`);
            for (const [, script] of text.matchAll(/npm run ([\w:-]+)/g)) {
                assert.ok(
                    script in scripts,
                    `${file} runs npm run ${script}, which package.json lacks`
                );
            }
        }
    });
});
