// npm run flex:config — sets the integration's settings in the Flex configuration without losing
// any other setting (docs/configuration.md). Reads the current configuration, sets
// ui_attributes.custom_data.salesforce_integration (or .host_app_integration) to the file's block,
// shows the change, and only with --write sends the whole ui_attributes back, then reads it again
// to check.
//   npm run flex:config                                    show the current settings
//   npm run flex:config -- --file integration.json         dry run: the change, nothing written
//   npm run flex:config -- --file integration.json --write write it
//   npm run flex:config -- --check-origin https://acme.lightning.force.com
//                                                          checks the block is on and allows it
// The file holds {"salesforce_integration": {…}} or {"host_app_integration": {…}}, or a bare block
// for the one --block names (default salesforce_integration).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { accessFromEnv, readConfiguration, writeUiAttributes } from './configurationApi.ts';
import {
    BLOCK_KEYS,
    blockProblem,
    blockWarnings,
    changesAfterWrite,
    formatChanges,
    mergeIntegration,
    originProblem,
    type BlockKey
} from './mergeIntegration.ts';

function fail(message: string, code = 1): never {
    console.error(`✗ ${message}`);
    process.exit(code);
}

const { values } = parseArgs({
    options: {
        file: { type: 'string' },
        block: { type: 'string', default: 'salesforce_integration' },
        write: { type: 'boolean', default: false },
        'check-origin': { type: 'string' }
    }
});
if (values['check-origin'] !== undefined && values.file) {
    fail('--check-origin reads the settings Flex has: give it without --file.', 2);
}
if (values.write && !values.file) {
    fail('--write needs --file with the settings to write.', 2);
}
if (!(BLOCK_KEYS as readonly string[]).includes(values.block)) {
    fail(`--block must be one of ${BLOCK_KEYS.join(', ')}.`, 2);
}
let key = values.block as BlockKey;

// The block first: a typo fails here, before anything is read from or sent to Twilio.
let block: unknown;
if (values.file) {
    let text: string;
    try {
        text = await readFile(values.file, 'utf8');
    } catch (error) {
        fail(`cannot read ${values.file}: ${(error as Error).message}`, 2);
    }
    try {
        const parsed = JSON.parse(text) as Record<string, unknown>;
        // Accept the block alone or wrapped as {"salesforce_integration": {…}} (or host_app_…).
        const wrapped =
            parsed && typeof parsed === 'object' ? BLOCK_KEYS.filter((name) => name in parsed) : [];
        if (wrapped.length > 1) {
            fail(`${values.file} holds both blocks: write one file per block.`, 2);
        }
        if (wrapped[0]) {
            key = wrapped[0];
        }
        block = wrapped[0] ? parsed[wrapped[0]] : parsed;
    } catch (error) {
        fail(`${values.file} is not JSON: ${(error as Error).message}`, 2);
    }
    const problem = blockProblem(block, key);
    if (problem) {
        fail(`${values.file}: ${problem}. Nothing was read or written.`, 2);
    }
    for (const warning of blockWarnings(block, key)) {
        console.warn(`! ${values.file}: ${warning}`);
    }
}

const access = accessFromEnv(process.env);
if (!access.ok) {
    fail(access.problem, 2);
}

try {
    const current = await readConfiguration(access.access);
    const customData = (current.ui_attributes as Record<string, unknown> | undefined)
        ?.custom_data as Record<string, unknown> | undefined;
    const checkOrigin = values['check-origin'];
    if (checkOrigin !== undefined) {
        const problem = originProblem(customData?.[key], key, checkOrigin);
        if (problem) fail(`${problem}. Set it with npm run flex:config -- --file … --write.`);
        console.log(`✓ ${key} is on and allows ${checkOrigin}.`);
        process.exit(0);
    }
    if (block === undefined) {
        console.log(
            `Current ui_attributes.custom_data.${key}:\n${JSON.stringify(customData?.[key] ?? null, null, 2)}`
        );
        process.exit(0);
    }
    const merged = mergeIntegration(current.ui_attributes, block, key);
    if (!merged.ok) {
        fail(`${merged.problem}. Nothing was written.`);
    }
    const kept = Object.keys(current.ui_attributes ?? {}).length;
    console.log(formatChanges(merged.changes));
    console.log(
        `Every other setting is sent back unchanged (${kept} top-level ui_attributes keys read).`
    );
    if (!values.write) {
        console.log('Dry run: nothing was written. Add --write to apply this change.');
        process.exit(0);
    }
    if (merged.changes.length === 0) {
        process.exit(0);
    }
    await writeUiAttributes(access.access, merged.uiAttributes);
    const after = await readConfiguration(access.access);
    const { block: notApplied, others } = changesAfterWrite(
        merged.uiAttributes,
        after.ui_attributes,
        key
    );
    if (notApplied.length > 0) {
        fail(`Flex did not store the settings as sent:\n${formatChanges(notApplied)}`);
    }
    if (others.length > 0) {
        // Someone wrote right after us (a write between our read and ours is lost unseen: the API
        // has no conditional write, see docs/configuration.md). Say so; do not undo it.
        console.warn(
            `! Other settings changed meanwhile (another writer?): ${others.join(', ')}. Check them.`
        );
    }
    console.log('✓ Written. Agents get the new settings when Flex next loads.');
} catch (error) {
    fail((error as Error).message);
}
