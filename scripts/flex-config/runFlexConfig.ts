// Runs `npm run flex:config`'s script as a reader would, for the tests: its own process, no
// standard input, the given environment (credentials and the Configuration API stand-in's URL).
import { spawn } from 'node:child_process';
import path from 'node:path';

const CLI = path.join(import.meta.dirname, 'cli.ts');

export interface CliRun {
    code: number | null;
    stdout: string;
    stderr: string;
}

export function runFlexConfig(
    args: string[],
    env: Record<string, string>,
    cwd = process.cwd()
): Promise<CliRun> {
    return new Promise((resolve, reject) => {
        const child = spawn(
            process.execPath,
            ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', CLI, ...args],
            {
                cwd,
                env: { PATH: process.env.PATH ?? '', ...env },
                stdio: ['ignore', 'pipe', 'pipe'],
                timeout: 60_000
            }
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
}
