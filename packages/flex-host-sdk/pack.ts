// Packs the host SDK exactly as npm would publish it, into the repository's dist/: the file a
// developer installs before the first release (`npm install <path to the .tgz>`), and what the
// publish workflow uploads. Run from the repository root: npm run sdk:pack (it builds first).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
export const PACK_DESTINATION = path.join(here, '..', '..', 'dist');

export interface PackedSdk {
    /** The .tgz's path. */
    tarball: string;
    /** The files in it, as npm lists them (package/ prefix left out). */
    files: string[];
}

/**
 * Runs npm with `args`: inside `npm run`, npm_execpath is the npm that runs us; elsewhere the one
 * on PATH. Returns what it prints.
 */
export function runNpm(args: string[], options: { cwd?: string } = {}): string {
    const npm = process.env.npm_execpath;
    const [command, prefix] = npm
        ? [process.execPath, [npm]]
        : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
    return execFileSync(command, [...prefix, ...args], {
        cwd: options.cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit']
    });
}

/** `npm pack` of packages/flex-host-sdk (built already) into `destination`. */
export function packSdk(destination = PACK_DESTINATION): PackedSdk {
    mkdirSync(destination, { recursive: true });
    const output = runNpm(['pack', here, '--pack-destination', destination, '--json', '--silent']);
    const [packed] = JSON.parse(output) as { filename: string; files: { path: string }[] }[];
    if (!packed) throw new Error(`npm pack printed no package: ${output}`);
    return {
        tarball: path.join(destination, path.basename(packed.filename)),
        files: packed.files.map((file) => file.path).sort()
    };
}

if (import.meta.main) {
    const { tarball } = packSdk();
    const shown = path.relative(process.cwd(), tarball);
    console.log(`${shown}\nIn your app: npm install ${path.resolve(tarball)}`);
}
