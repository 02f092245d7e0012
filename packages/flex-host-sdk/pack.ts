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

/** `npm pack` of packages/flex-host-sdk (built already) into `destination`. */
export function packSdk(destination = PACK_DESTINATION): PackedSdk {
    mkdirSync(destination, { recursive: true });
    // Inside `npm run`, npm_execpath is the npm that runs us; elsewhere the one on PATH.
    const npm = process.env.npm_execpath;
    const [command, args] = npm
        ? [process.execPath, [npm]]
        : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
    const output = execFileSync(
        command,
        [...args, 'pack', here, '--pack-destination', destination, '--json', '--silent'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }
    );
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
