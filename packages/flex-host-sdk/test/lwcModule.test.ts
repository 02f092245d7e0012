import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { LWC_MODULE_FILE, renderLwcModule } from '../lwcModule.ts';

describe('the SDK as an LWC module (c/flexHostSdk)', () => {
    it('is what the SDK builds today: run `npm run lwc:sdk` after changing the SDK', async () => {
        const committed = await readFile(LWC_MODULE_FILE, 'utf8');
        assert.ok(
            committed === (await renderLwcModule()),
            'force-app/main/default/lwc/flexHostSdk/flexHostSdk.js is stale: run `npm run lwc:sdk`'
        );
    });

    it('exports what the softphone component uses', async () => {
        const source = await renderLwcModule();
        const exported = /export\s*\{([^}]*)\}/.exec(source)?.[1] ?? '';
        for (const name of ['connectFlex', 'refuse', 'FlexBridgeError']) {
            assert.match(exported, new RegExp(`\\b${name}\\b`), `${name} is not exported`);
        }
    });
});
