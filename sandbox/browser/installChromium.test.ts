import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import {
    installPlan,
    parseOsRelease,
    playwrightCliPath,
    runPlan,
    type PlatformFacts
} from './installChromium.ts';

const CLI = '/project/node_modules/playwright-core/cli.js';
const debianRoot: PlatformFacts = {
    platform: 'linux',
    osIds: ['debian'],
    isRoot: true,
    hasAptGet: true
};

function labels(facts: PlatformFacts): string[][] {
    return installPlan(facts, CLI).map((steps) => steps.map((step) => step.label));
}

test('Debian as root: the distribution’s chromium package first, playwright-core as fallback', () => {
    assert.deepEqual(labels(debianRoot), [
        ['apt-get update', 'apt-get install chromium'],
        ['playwright-core install chromium']
    ]);
    const install = installPlan(debianRoot, CLI)[0]?.[1];
    assert.deepEqual(install?.env, { DEBIAN_FRONTEND: 'noninteractive' });
    assert.ok(install?.args.includes('-y'));
});

test('Ubuntu as root: its chromium-browser package', () => {
    assert.deepEqual(labels({ ...debianRoot, osIds: ['ubuntu', 'debian'] })[0], [
        'apt-get update',
        'apt-get install chromium-browser'
    ]);
});

test('not root, not Debian-like, or no apt-get: only playwright-core', () => {
    const onlyPlaywright = [['playwright-core install chromium']];
    assert.deepEqual(labels({ ...debianRoot, isRoot: false }), onlyPlaywright);
    assert.deepEqual(labels({ ...debianRoot, osIds: ['fedora'] }), onlyPlaywright);
    assert.deepEqual(labels({ ...debianRoot, hasAptGet: false }), onlyPlaywright);
    assert.deepEqual(labels({ ...debianRoot, platform: 'darwin', osIds: [] }), onlyPlaywright);
    const step = installPlan({ ...debianRoot, isRoot: false }, CLI)[0]?.[0];
    assert.deepEqual(step?.args, [CLI, 'install', 'chromium']);
});

test('os-release: ID and ID_LIKE, quoted or not', () => {
    assert.deepEqual(parseOsRelease('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n'), [
        'ubuntu',
        'debian'
    ]);
    assert.deepEqual(parseOsRelease('ID="rhel"\nID_LIKE="centos fedora"'), [
        'rhel',
        'centos',
        'fedora'
    ]);
    assert.deepEqual(parseOsRelease(''), []);
});

test('a plan stops at the first failing step, and a step that overruns its time is stopped', () => {
    const said: string[] = [];
    const ok = runPlan(
        [
            { label: 'fails', command: process.execPath, args: ['-e', 'process.exit(3)'] },
            { label: 'never runs', command: process.execPath, args: ['-e', ''] }
        ],
        10_000,
        (line) => said.push(line)
    );
    assert.equal(ok, false);
    assert.deepEqual(said, [
        'Installing Chromium: fails',
        'Installing Chromium: fails failed (exit code 3)'
    ]);

    const started = Date.now();
    const slow = runPlan(
        [
            {
                label: 'hangs',
                command: process.execPath,
                args: ['-e', 'setTimeout(() => {}, 60000)']
            }
        ],
        500,
        () => undefined
    );
    assert.equal(slow, false);
    assert.ok(Date.now() - started < 10_000);
});

test('a plan whose steps all succeed says so', () => {
    assert.equal(
        runPlan(
            [{ label: 'ok', command: process.execPath, args: ['-e', ''] }],
            10_000,
            () => undefined
        ),
        true
    );
});

test('playwright-core’s command line is found in the installed package', () => {
    const cli = playwrightCliPath();
    assert.match(cli, /playwright-core[\\/]cli\.js$/);
    assert.ok(existsSync(cli), cli);
});
