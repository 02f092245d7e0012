import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { checkBudget, GZIP_BUDGET_BYTES, measure, SDK_GZIP_BUDGET_BYTES } from './bundleSize.ts';

test('gzip size is measured, not the raw size', () => {
    const repetitive = Buffer.from('a'.repeat(200_000));
    const size = measure(repetitive);
    assert.equal(size.raw, 200_000);
    assert.ok(size.gzip < 1_000);
    assert.equal(checkBudget(size), null);
});

test('a bundle over the gzip budget fails the check', () => {
    const incompressible = randomBytes(GZIP_BUDGET_BYTES + 1024);
    assert.match(checkBudget(measure(incompressible)) ?? '', /over the 100\.0 KB budget/);
});

test('the host SDK has its own, smaller budget', () => {
    const incompressible = randomBytes(SDK_GZIP_BUDGET_BYTES + 512);
    assert.match(
        checkBudget(measure(incompressible), SDK_GZIP_BUDGET_BYTES, 'host SDK') ?? '',
        /^host SDK is .* over the 8\.0 KB budget/
    );
});
