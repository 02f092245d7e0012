// Every settings example in the docs is accepted as shown by the command shown beside it: each JSON
// block that holds plugin settings, saved under the file name the docs give, goes through
// `npm run flex:config`'s dry run (against the Configuration API stand-in) with the doc's own
// arguments.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
    startConfigurationApi,
    type ConfigurationApiStandIn
} from '../../sandbox/softphone/standins/flexConfigurationApi.ts';
import { ROOT, docFiles } from '../lib/docCommands.ts';
import { BLOCK_KEYS } from './mergeIntegration.ts';
import { runFlexConfig } from './runFlexConfig.ts';

const ACCOUNT = `AC${'a'.repeat(32)}`;
const API_KEY = `SK${'b'.repeat(32)}`;
/** How far from its JSON block the docs may print the command that writes it. */
const NEAR = 25;

export interface SettingsExample {
    file: string;
    line: number;
    json: string;
    /** The flex:config arguments printed beside it, --write left out (the dry run). */
    args: string[] | null;
}

/** The JSON blocks of a Markdown text that hold plugin settings, with the command beside each. */
export function settingsExamples(file: string, markdown: string): SettingsExample[] {
    const lines = markdown.split('\n');
    const commands = lines
        .map((text, index) => ({
            index,
            found: /npm run flex:config -- (--file [^`#]+)/.exec(text)
        }))
        .filter((entry) => entry.found)
        .map(({ index, found }) => ({
            index,
            args: (found?.[1] ?? '')
                .trim()
                .split(/\s+/)
                .filter((word) => word !== '--write')
        }));
    const examples: SettingsExample[] = [];
    const fence = /^(\s*)```json\n([\s\S]*?)^\s*```/gm;
    for (const block of markdown.matchAll(fence)) {
        const json = (block[2] ?? '').replace(new RegExp(`^${block[1] ?? ''}`, 'gm'), '');
        let parsed: unknown;
        try {
            parsed = JSON.parse(json);
        } catch {
            continue;
        }
        const keys = parsed && typeof parsed === 'object' ? Object.keys(parsed) : [];
        const settings =
            keys.some((key) => (BLOCK_KEYS as readonly string[]).includes(key)) ||
            keys.includes('enabled');
        if (!settings) continue;
        const line = markdown.slice(0, block.index).split('\n').length;
        const end = line + (block[0] ?? '').split('\n').length - 1;
        const beside = commands
            .map((command) => ({
                ...command,
                distance: Math.min(
                    Math.abs(command.index + 1 - line),
                    Math.abs(command.index + 1 - end)
                )
            }))
            .filter((command) => command.distance <= NEAR)
            .sort((a, b) => a.distance - b.distance)[0];
        examples.push({ file, line, json, args: beside?.args ?? null });
    }
    return examples;
}

describe('the settings examples in the docs', () => {
    let api: ConfigurationApiStandIn;
    /** What a reader exports before running the command, pointed at the stand-in. */
    const credentials = () => ({
        TWILIO_ACCOUNT_SID: ACCOUNT,
        TWILIO_API_KEY: API_KEY,
        TWILIO_API_SECRET: 'secret',
        FLEX_API_URL: api.url
    });
    let dir: string;
    const examples: SettingsExample[] = [];
    before(async () => {
        for (const file of docFiles()) {
            examples.push(...settingsExamples(file, await readFile(file, 'utf8')));
        }
        dir = await mkdtemp(path.join(tmpdir(), 'doc-settings-'));
        api = await startConfigurationApi({
            accountSid: ACCOUNT,
            credentials: { [API_KEY]: 'secret' },
            configuration: { ui_attributes: { custom_data: {} } }
        });
    });
    after(async () => {
        await api?.close();
        await rm(dir, { recursive: true, force: true });
    });

    test('are found, each with the flex:config command that writes it beside it', () => {
        assert.ok(examples.length >= 6, `${examples.length} examples`);
        const alone = examples
            .filter((example) => example.args === null)
            .map((example) => `${path.relative(ROOT, example.file)}:${example.line}`);
        assert.deepEqual(alone, []);
    });

    test("each is accepted as shown by its command's dry run", async () => {
        const refused: string[] = [];
        for (const example of examples) {
            const args = example.args ?? [];
            const name = args[args.indexOf('--file') + 1] ?? 'settings.json';
            await writeFile(path.join(dir, name), example.json);
            const result = await runFlexConfig(args, credentials(), dir);
            if (result.code !== 0 || !/Dry run: nothing was written/.test(result.stdout)) {
                refused.push(
                    `${path.relative(ROOT, example.file)}:${example.line} (${args.join(' ')}): ${result.stderr.trim()}`
                );
            }
        }
        assert.deepEqual(refused, []);
    });

    test('a bare block read as the wrong one is refused (what this test is for)', async () => {
        const [example] = settingsExamples(
            'x.md',
            [
                'Turn it on with `npm run flex:config -- --file host-app.json`:',
                '',
                '```json',
                '{ "enabled": true, "allowed_host_origins": ["https://crm.acme.com"] }',
                '```'
            ].join('\n')
        );
        assert.deepEqual(example?.args, ['--file', 'host-app.json']);
        await writeFile(path.join(dir, 'host-app.json'), example?.json ?? '');
        const result = await runFlexConfig(example?.args ?? [], credentials(), dir);
        assert.equal(result.code, 2);
        assert.match(result.stderr, /allowed_host_origins/);
    });
});
