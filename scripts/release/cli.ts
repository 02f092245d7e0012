// Release-manager entry point: npm run org:create, org:smoke, org:delete, package:create,
// package:version, package:promote, package:install (see docs/release.md). Runs the steps of a
// flow from plan.ts with the project's own sf CLI.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
    DEFAULT_OPTIONS,
    FLOWS,
    fill,
    installLinks,
    lightningOrigin,
    pick,
    toArgv,
    type FlowName,
    type ReleaseOptions
} from './plan.ts';
import { packageDirectories } from '../lib/projectLayout.ts';

const SF_ENV = {
    ...process.env,
    SF_DISABLE_TELEMETRY: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_AUTOUPDATE: 'true'
};

const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
        alias: { type: 'string', default: DEFAULT_OPTIONS.alias },
        'duration-days': { type: 'string', default: DEFAULT_OPTIONS.durationDays },
        'sfdx-url-file': { type: 'string', default: DEFAULT_OPTIONS.devHubAuthFile },
        'client-id': { type: 'string', default: DEFAULT_OPTIONS.jwt.clientId },
        'jwt-key-file': { type: 'string', default: DEFAULT_OPTIONS.jwt.keyFile },
        username: { type: 'string', default: DEFAULT_OPTIONS.jwt.username },
        'instance-url': { type: 'string', default: DEFAULT_OPTIONS.jwt.instanceUrl },
        package: { type: 'string', default: DEFAULT_OPTIONS.packageVersionId },
        'skip-open': { type: 'boolean', default: false }
    }
});

const flowName = positionals[0] as FlowName;
if (!(flowName in FLOWS)) {
    console.error(
        `Usage: node scripts/release/cli.ts <${Object.keys(FLOWS).join('|')}> [--alias A] [--duration-days N] [--package 04t…] [--skip-open]`
    );
    process.exit(2);
}
const options: ReleaseOptions = {
    alias: values.alias,
    durationDays: values['duration-days'],
    devHubAuthFile: values['sfdx-url-file'],
    jwt: {
        clientId: values['client-id'],
        keyFile: values['jwt-key-file'],
        username: values.username,
        instanceUrl: values['instance-url']
    },
    packageDirectories: packageDirectories(path.resolve(import.meta.dirname, '..', '..')),
    packageVersionId: values.package,
    open: !values['skip-open']
};
if (options.jwt.clientId && (!options.jwt.keyFile || !options.jwt.username)) {
    console.error('A JWT login needs --client-id, --jwt-key-file and --username together.');
    process.exit(2);
}
if (
    (flowName === 'install' || flowName === 'version-promote') &&
    !/^04t[a-zA-Z0-9]{12,15}$/.test(options.packageVersionId)
) {
    console.error(`${flowName} needs --package with a package version ID (04t…).`);
    process.exit(2);
}

const captured: Record<string, string> = {};
for (const step of FLOWS[flowName](options)) {
    const argv = toArgv(step, captured);
    console.log(`\n▶ ${step.purpose}\n  sf ${argv.join(' ')}`);
    const run = spawnSync('sf', argv, {
        env: SF_ENV,
        encoding: 'utf8',
        // No standard input: a question sf asks ends the step instead of waiting forever.
        stdio: ['ignore', step.capture || step.expect ? 'pipe' : 'inherit', 'inherit']
    });
    if (run.error) {
        console.error(
            `Could not start sf (${run.error.message}). Run this through npm so the project's CLI is on PATH.`
        );
        process.exit(1);
    }
    if (step.capture) {
        let answer: { result?: unknown; message?: string } = {};
        try {
            answer = JSON.parse(run.stdout || '{}');
        } catch {
            answer = { message: run.stdout };
        }
        captured[step.capture.name] = pick(answer.result, step.capture.path);
        if (run.status !== 0) {
            console.error(answer.message ?? run.stdout);
        }
    }
    if (run.status !== 0) {
        console.error(`✗ ${step.purpose} failed (sf exited ${run.status}).`);
        process.exit(run.status ?? 1);
    }
    if (step.expect) {
        const actual = captured[step.expect.name] ?? '';
        const ok =
            step.expect.equals === undefined
                ? actual !== ''
                : actual === fill(step.expect.equals, captured);
        if (!ok) {
            console.error(`✗ ${step.expect.message}.`);
            process.exit(1);
        }
    }
    if (step.capture) {
        console.log(`  ${step.capture.name} = ${captured[step.capture.name]}`);
    }
}
console.log(`\n✓ ${flowName} done.`);
if (captured.instanceUrl) {
    const origin = lightningOrigin(captured.instanceUrl);
    console.log(
        origin
            ? `Flex must allow ${origin}: in Flex's Allowed URLs, and in allowed_origins (check it: npm run flex:config -- --check-origin ${origin}).`
            : `${captured.instanceUrl} is not a My Domain address: add the origin agents open Lightning on to Flex's Allowed URLs and allowed_origins.`
    );
}
if (captured.packageVersionId) {
    const links = installLinks(captured.packageVersionId);
    console.log(
        `Install links for admins (installable once Salesforce has published the version, usually within minutes):\n  production and Developer Edition: ${links.production}\n  sandbox: ${links.sandbox}`
    );
}
