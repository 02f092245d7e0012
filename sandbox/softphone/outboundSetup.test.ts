// The admin guide's outbound calling set-up (step 2.4) names the keys the sandbox's Flex account
// has, so the guide's final check (a click-to-dial) is the one the sandbox passes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { SANDBOX_OUTBOUND_CALL_FLOWS } from './flexManager.ts';

const GUIDE = path.join(import.meta.dirname, '..', '..', 'docs', 'admin-guide.md');

test("the admin guide's outbound_call_flows has the sandbox's keys, with values of their kind", () => {
    const guide = readFileSync(GUIDE, 'utf8');
    const block = /```json\n([^`]*"outbound_call_flows"[^`]*)```/.exec(guide)?.[1];
    assert.ok(block, 'no outbound_call_flows example in the admin guide');
    const shown = JSON.parse(block.replace(/^ {3}/gm, '')) as {
        outbound_call_flows: { default: Record<string, unknown> };
    };
    const guideFlow = shown.outbound_call_flows.default;
    const sandboxFlow = SANDBOX_OUTBOUND_CALL_FLOWS.default;
    assert.deepEqual(Object.keys(guideFlow).sort(), Object.keys(sandboxFlow).sort());
    assert.equal(guideFlow.enabled, true);
    assert.match(String(guideFlow.caller_id), /^\+\d{8,15}$/);
    assert.match(String(guideFlow.queue_sid), /^WQ/);
    assert.match(String(guideFlow.workflow_sid), /^WW/);
    assert.match(sandboxFlow.queue_sid, /^WQ[0-9a-f]{32}$/);
    assert.match(sandboxFlow.workflow_sid, /^WW[0-9a-f]{32}$/);
});
