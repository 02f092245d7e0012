// The package as npm publishes it: only the builds, the types, the README and the licence; its
// exports resolve for ESM, types and the browser build; and the tarball installs into an app
// offline, as docs/embedding.md tells developers to do before the first release.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import vm from 'node:vm';
import { packSdk, runNpm, type PackedSdk } from '../pack.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.join(here, '..', '..', '..');
const NAME = '@flex-crm/host-sdk';

describe(`${NAME} as npm publishes it`, () => {
    let work: string;
    let packed: PackedSdk;
    let app: string;
    before(() => {
        work = mkdtempSync(path.join(tmpdir(), 'host-sdk-pack-'));
        execFileSync(process.execPath, [path.join(here, '..', 'build.ts')], { stdio: 'ignore' });
        packed = packSdk(work);
        app = path.join(work, 'app');
        mkdirSync(app);
        writeFileSync(
            path.join(app, 'package.json'),
            JSON.stringify({ name: 'an-app', private: true, type: 'module' })
        );
        runNpm(['install', '--offline', '--no-audit', '--no-fund', '--silent', packed.tarball], {
            cwd: app
        });
    });
    after(() => rmSync(work, { recursive: true, force: true }));

    test('holds only the builds, their types, the README, the licence and package.json', () => {
        assert.deepEqual(packed.files, [
            'LICENSE',
            'README.md',
            'dist/flex-host-sdk.min.js',
            'dist/hostConnection.d.ts',
            'dist/index.d.ts',
            'dist/index.js',
            'dist/mountFlex.d.ts',
            'dist/portEndpoint.d.ts',
            'dist/protocol.d.ts',
            'package.json'
        ]);
        assert.match(path.basename(packed.tarball), /^flex-crm-host-sdk-\d+\.\d+\.\d+\.tgz$/);
        const licence = readFileSync(path.join(app, 'node_modules', NAME, 'LICENSE'), 'utf8');
        assert.equal(licence, readFileSync(path.join(root, 'LICENSE'), 'utf8'));
    });

    test('installed from the tarball, the ES module imports by name', () => {
        const script = `import * as sdk from '${NAME}'; console.log(Object.keys(sdk).sort().join(','));`;
        const names = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
            cwd: app,
            encoding: 'utf8'
        }).trim();
        assert.equal(
            names,
            'FLEX_FRAME_ALLOW,FlexBridgeError,PROTOCOL_VERSION,connectFlex,mountFlex,refuse'
        );
    });

    test('its types resolve by name for TypeScript (bundler and node16 resolution)', () => {
        writeFileSync(
            path.join(app, 'use.ts'),
            [
                `import { mountFlex, type FlexConnection, type StatusChange } from '${NAME}';`,
                'export const mount: typeof mountFlex = mountFlex;',
                'export type Both = [FlexConnection, StatusChange];',
                ''
            ].join('\n')
        );
        const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
        for (const resolution of [
            ['--module', 'esnext', '--moduleResolution', 'bundler'],
            ['--module', 'node16', '--moduleResolution', 'node16']
        ]) {
            execFileSync(
                process.execPath,
                [tsc, '--noEmit', '--strict', '--lib', 'es2022,dom', ...resolution, 'use.ts'],
                { cwd: app, encoding: 'utf8' }
            );
        }
    });

    test('the browser build resolves as /browser and defines window.FlexHostSdk', () => {
        const script = `console.log(import.meta.resolve('${NAME}/browser'))`;
        const resolved = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
            cwd: app,
            encoding: 'utf8'
        }).trim();
        assert.match(
            resolved,
            /\/node_modules\/@flex-crm\/host-sdk\/dist\/flex-host-sdk\.min\.js$/
        );
        const sandbox: { window?: unknown; FlexHostSdk?: Record<string, unknown> } = {};
        sandbox.window = sandbox;
        vm.runInNewContext(readFileSync(new URL(resolved), 'utf8'), sandbox);
        assert.equal(typeof sandbox.FlexHostSdk?.mountFlex, 'function');
        assert.equal(typeof sandbox.FlexHostSdk?.connectFlex, 'function');
    });
});
