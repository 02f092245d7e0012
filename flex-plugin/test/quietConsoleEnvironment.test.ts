import { spawnSync } from 'child_process';
import path from 'path';

const pluginDir = path.resolve(__dirname, '..');

function runFixture(...extraArgs: string[]): string {
    const result = spawnSync(
        process.execPath,
        [
            require.resolve('jest/bin/jest'),
            '--config',
            path.join(pluginDir, 'jest.config.js'),
            '--testMatch',
            '**/test/fixtures/consoleChatter.fixture.ts',
            '--coverage=false',
            '--ci',
            ...extraArgs
        ],
        { cwd: pluginDir, encoding: 'utf8', timeout: 60_000 }
    );
    return `${result.stdout}${result.stderr}`;
}

describe('the quiet console environment', () => {
    it('prints a failing test’s logs and the file’s own, and drops a passing test’s', () => {
        const output = runFixture();
        expect(output).toContain('Tests:       1 failed, 1 passed, 2 total');
        expect(output).toContain('from the failing test');
        expect(output).toContain('logged while the file loads');
        expect(output).not.toContain('from the passing test');
    });

    it('prints nothing from the console when every test passes', () => {
        const output = runFixture('-t', 'passes');
        expect(output).toContain('1 passed');
        expect(output).not.toContain('from the passing test');
        expect(output).not.toContain('logged while the file loads');
        expect(output).not.toContain('console.');
    });
});
