import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import {
    DEFAULT_OPTIONS,
    FLOWS,
    fill,
    installLinks,
    lightningOrigin,
    pick,
    toArgv,
    type SfCall
} from './plan.ts';
import { packageDirectories } from '../lib/projectLayout.ts';
import { checkCall, loadInstalledCommands, type CommandIndex } from './sfCommands.ts';

const root = path.resolve(import.meta.dirname, '../..');
const sampleOptions = { ...DEFAULT_OPTIONS, packageVersionId: '04t000000000001AAA' };
const jwtOptions = {
    ...sampleOptions,
    jwt: {
        clientId: '3MVG9consumer',
        keyFile: 'server.key',
        username: 'ci@acme.com',
        instanceUrl: 'https://login.salesforce.com'
    }
};

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

    it('every command and flag of devhub-login with a JWT exists', () => {
        const steps = FLOWS['devhub-login'](jwtOptions);
        assert.equal(steps[0]?.command, 'org login jwt');
        assert.deepEqual(
            steps.flatMap((step) => checkCall(step, commands)),
            []
        );
    });

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
                'apex run test',
                'data query',
                'org display user',
                'data update record',
                'org open'
            ]
        );
    });
});

describe('release checklist steps', () => {
    it('deploys every package directory of sfdx-project.json to a scratch org, in order', () => {
        const deploys = (dirs: string[]) =>
            FLOWS['scratch-org']({ ...sampleOptions, packageDirectories: dirs })
                .filter((s) => s.command === 'project deploy start')
                .map((s) => s.flags['source-dir']);
        assert.deepEqual(deploys(packageDirectories(root)), packageDirectories(root));
        assert.deepEqual(deploys(['force-app', 'unpackaged']), ['force-app', 'unpackaged']);
    });

    it('logs in with the auth URL file unless JWT options are given', () => {
        assert.equal(FLOWS['devhub-login'](sampleOptions)[0]?.command, 'org login sfdx-url');
        assert.deepEqual(FLOWS['devhub-login'](jwtOptions)[0]?.flags, {
            'client-id': '3MVG9consumer',
            'jwt-key-file': 'server.key',
            username: 'ci@acme.com',
            'instance-url': 'https://login.salesforce.com',
            alias: 'devhub',
            'set-default-dev-hub': true
        });
    });

    it('waits for a new version to be published before installing it', () => {
        const [install] = FLOWS.install(sampleOptions);
        assert.ok(Number(install?.flags['publish-wait']) >= 10);
    });

    it('gives admins the install links of a version', () => {
        assert.deepEqual(installLinks('04t5e000000AbCdAAK'), {
            production:
                'https://login.salesforce.com/packaging/installPackage.apexp?p0=04t5e000000AbCdAAK',
            sandbox:
                'https://test.salesforce.com/packaging/installPackage.apexp?p0=04t5e000000AbCdAAK'
        });
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

describe("the org's Lightning origin, which the release smoke test names for Flex", () => {
    it('follows from each kind of My Domain address', () => {
        assert.equal(
            lightningOrigin('https://acme.my.salesforce.com'),
            'https://acme.lightning.force.com'
        );
        assert.equal(
            lightningOrigin('https://acme--uat.sandbox.my.salesforce.com'),
            'https://acme--uat.sandbox.lightning.force.com'
        );
        assert.equal(
            lightningOrigin('https://power-page-1234-dev-ed.scratch.my.salesforce.com/'),
            'https://power-page-1234-dev-ed.scratch.lightning.force.com'
        );
        assert.equal(
            lightningOrigin('https://acme-dev-ed.develop.my.salesforce.com'),
            'https://acme-dev-ed.develop.lightning.force.com'
        );
    });

    it('is not guessed for an address that is not a My Domain one', () => {
        for (const url of [
            'https://login.salesforce.com',
            'https://na1.salesforce.com',
            'not a url',
            ''
        ]) {
            assert.equal(lightningOrigin(url), null, url);
        }
    });

    it("the smoke flow reads the org's address with a command that answers in JSON", () => {
        const steps = FLOWS.smoke(sampleOptions);
        const read = steps.find((step) => step.capture?.name === 'instanceUrl');
        assert.equal(read?.command, 'org display');
        assert.deepEqual(read?.capture?.path, ['instanceUrl']);
    });
});
