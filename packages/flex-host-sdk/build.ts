// Builds the host SDK for npm: an ES module, a single-file browser build (global FlexHostSdk) for
// a <script> tag, and type definitions. Run from the repository root: npm run build:sdk.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const here = path.dirname(new URL(import.meta.url).pathname);
const dist = path.join(here, 'dist');
rmSync(dist, { recursive: true, force: true });

const common: BuildOptions = {
    entryPoints: [path.join(here, 'src/index.ts')],
    bundle: true,
    target: 'es2020',
    logLevel: 'warning'
};
await build({ ...common, format: 'esm', outfile: path.join(dist, 'index.js') });
await build({
    ...common,
    format: 'iife',
    globalName: 'FlexHostSdk',
    minify: true,
    outfile: path.join(dist, 'flex-host-sdk.min.js')
});

execFileSync(
    process.execPath,
    [
        path.join(here, '../../node_modules/typescript/bin/tsc'),
        '-p',
        path.join(here, 'tsconfig.json')
    ],
    { stdio: 'inherit' }
);
// The sources import each other as .ts (Node runs them as they are); the definitions name the .js files.
for (const file of readdirSync(dist).filter((name) => name.endsWith('.d.ts'))) {
    const target = path.join(dist, file);
    writeFileSync(
        target,
        readFileSync(target, 'utf8').replace(/from '(\.\/[\w-]+)\.ts'/g, "from '$1.js'")
    );
}
// The package carries the repository's licence (npm packs a LICENSE at the package's root).
copyFileSync(path.join(here, '../../LICENSE'), path.join(here, 'LICENSE'));
console.log(`host SDK built in ${path.relative(process.cwd(), dist)}`);
