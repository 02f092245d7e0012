// The API reference in docs/ is generated from the SDK's types; it must match them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { apiReference, REFERENCE } from '../apiReference.ts';

test('docs/embedding-api.md is the reference of the current types (npm run docs:sdk writes it)', () => {
    const reference = apiReference();
    for (const name of [
        'mountFlex',
        'connectFlex',
        'FlexConnection',
        'HostHandlers',
        'Activity',
        'refuse',
        'FlexBridgeError'
    ]) {
        assert.match(reference, new RegExp(`### \`${name}\``));
    }
    assert.equal(readFileSync(REFERENCE, 'utf8'), reference);
});
