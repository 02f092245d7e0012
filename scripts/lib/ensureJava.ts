// PMD (lint:apex) runs on Java 11 or later. If there is no `java` on PATH, install Debian's JRE
// where that is possible (Debian or Ubuntu, as root), as the end-to-end tests do for Chromium;
// otherwise say in one line what to install. Every step has a time limit.
import { spawnSync } from 'node:child_process';

const STEP_TIMEOUT_MS = 10 * 60 * 1000;
const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };

/** `java -version`'s first line, or null when there is no working Java. */
export function javaVersion(): string | null {
    const result = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: 30_000 });
    if (result.error || result.status !== 0) return null;
    return `${result.stderr}${result.stdout}`.split('\n')[0]?.trim() || 'java';
}

export const MISSING_JAVA =
    'PMD needs Java 11 or later on PATH: install a JRE (Debian or Ubuntu: apt-get install default-jre-headless) and run again.';

export function ensureJava(say: (line: string) => void): boolean {
    if (javaVersion()) return true;
    const canApt =
        process.platform === 'linux' &&
        process.getuid?.() === 0 &&
        spawnSync('apt-get', ['--version'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
    if (!canApt) return false;
    for (const args of [
        ['update', '-qq'],
        ['install', '-y', '-qq', '--no-install-recommends', 'default-jre-headless']
    ]) {
        say(`Installing Java for PMD: apt-get ${args.join(' ')}`);
        const step = spawnSync('apt-get', args, {
            stdio: ['ignore', 'inherit', 'inherit'],
            env: { ...process.env, ...APT_ENV },
            timeout: STEP_TIMEOUT_MS
        });
        if (step.error || step.status !== 0) return false;
    }
    return javaVersion() !== null;
}
