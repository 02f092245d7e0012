// The Node the project needs is declared once (engines) and enforced before any script runs: an
// older Node stops with one line that says what to install.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CHECK = 'node scripts/require-node.cjs';
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    engines: { node: string };
    scripts: Record<string, string>;
};
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { engines?: { node: string } }>;
};

/** Runs the check as Node `version` on `platform`/`arch` would. */
function checkAs(version: string, platform = 'linux', arch = 'x64') {
    const pretend = [
        `Object.defineProperty(process.versions, 'node', { value: '${version}' });`,
        `Object.defineProperty(process, 'platform', { value: '${platform}' });`,
        `Object.defineProperty(process, 'arch', { value: '${arch}' });`,
        `require(${JSON.stringify(path.join(ROOT, 'scripts', 'require-node.cjs'))});`
    ].join('');
    return spawnSync(process.execPath, ['-e', pretend], { encoding: 'utf8' });
}

test('engines declares the Node the scripts need, in package.json and its lockfile', () => {
    assert.equal(pkg.engines.node, '>=22.18');
    assert.deepEqual(lock.packages['']?.engines, pkg.engines);
    const source = readFileSync(path.join(ROOT, 'scripts', 'require-node.cjs'), 'utf8');
    assert.match(source, /const MINIMUM = \[22, 18, 0\];/);
});

test('every script that runs TypeScript checks the Node first', () => {
    const unchecked = Object.entries(pkg.scripts)
        .filter(([, command]) => /\bnode (--\S+ )*\S+\.ts\b|\bnode --test\b/.test(command))
        .filter(([name, command]) =>
            name === 'setup'
                ? !command.startsWith(`npm ci && ${CHECK} && `)
                : !command.startsWith(`${CHECK} && `)
        )
        .map(([name]) => name);
    assert.deepEqual(unchecked, []);
    assert.ok(pkg.scripts.test?.startsWith(`${CHECK} && `));
    assert.ok(pkg.scripts.setup?.startsWith(`npm ci && ${CHECK} && `));
});

test('an older Node stops with one line that says what to install', () => {
    for (const [version, platform, arch, advice] of [
        ['20.20.2', 'linux', 'x64', /Run `npm run setup` first: its `npm ci` brings Node 22/],
        ['22.17.1', 'darwin', 'arm64', /Install Node 22\.18 or later/],
        ['18.20.0', 'win32', 'x64', /Install Node 22\.18 or later/]
    ] as const) {
        const run = checkAs(version, platform, arch);
        assert.equal(run.status, 1, `${version} on ${platform}`);
        assert.equal(run.stdout, '');
        const lines = run.stderr.trim().split('\n');
        assert.equal(lines.length, 1, run.stderr);
        assert.match(
            lines[0] ?? '',
            new RegExp(
                `need Node 22\\.18\\.0 or later; this is Node ${version.replaceAll('.', '\\.')}`
            )
        );
        assert.match(lines[0] ?? '', advice);
    }
});

test('Node 22.18 and every later version pass silently', () => {
    for (const version of ['22.18.0', '22.23.3', '23.0.0', '24.11.1', '25.2.0']) {
        const run = checkAs(version, 'darwin', 'arm64');
        assert.equal(run.status, 0, `${version}: ${run.stderr}`);
        assert.equal(run.stderr, '');
    }
});
