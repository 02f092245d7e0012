// A failed end-to-end set-up ends the run with a clear line instead of hanging: the harness
// closes the server it already started when Chromium is missing or does not start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const fixture = path.join(import.meta.dirname, 'fixtures', 'sandboxSetupFails.fixture.ts');

function runFixture(chromiumPath: string) {
    // Without NODE_TEST_CONTEXT the child is a test run of its own, not a part of this one.
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const started = Date.now();
    const result = spawnSync(process.execPath, ['--test', fixture], {
        env: { ...env, CHROMIUM_PATH: chromiumPath },
        encoding: 'utf8',
        // Far above the few seconds a failure takes: only reached if the run hangs.
        timeout: 90_000
    });
    return { ...result, seconds: (Date.now() - started) / 1000 };
}

test('a missing Chromium: the run ends within seconds, saying which path is wrong', () => {
    const run = runFixture('/nonexistent/chromium');
    assert.equal(run.error, undefined, 'the child run had to be stopped: it hung');
    assert.notEqual(run.status, 0);
    assert.ok(run.seconds < 30, `took ${run.seconds} s`);
    assert.match(
        run.stdout,
        /CHROMIUM_PATH is \/nonexistent\/chromium, which is not an executable file/
    );
});

test('a Chromium that does not start: the run ends within seconds, naming the executable', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'broken-chromium-'));
    const broken = path.join(dir, 'chromium');
    writeFileSync(broken, '#!/bin/sh\necho "cannot open display" >&2\nexit 1\n');
    chmodSync(broken, 0o755);
    try {
        const run = runFixture(broken);
        assert.equal(run.error, undefined, 'the child run had to be stopped: it hung');
        assert.notEqual(run.status, 0);
        assert.ok(run.seconds < 60, `took ${run.seconds} s`);
        assert.match(run.stdout, new RegExp(`Chromium at ${broken} did not start`));
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
