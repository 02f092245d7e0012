// One licence everywhere: the LICENSE file's text, every package.json the repository owns, and the
// root entries of their lockfiles (what npm and registries show) must all say the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const LICENCE = 'Apache-2.0';
const SKIP = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.twilio-cli', '.sf']);

async function manifests(dir: string): Promise<string[]> {
    const found: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (SKIP.has(entry.name)) {
            continue;
        }
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            found.push(...(await manifests(full)));
        } else if (entry.name === 'package.json' || entry.name === 'package-lock.json') {
            found.push(full);
        }
    }
    return found;
}

test('LICENSE holds the Apache License 2.0', async () => {
    const text = (await readFile(path.join(ROOT, 'LICENSE'), 'utf8')).replace(/\s+/g, ' ');
    assert.match(text, /^ ?Apache License Version 2\.0, January 2004 /);
    assert.match(text, /END OF TERMS AND CONDITIONS/);
});

test(`every package.json and lockfile of the repository declares ${LICENCE}`, async () => {
    const files = await manifests(ROOT);
    assert.ok(files.length >= 4, `found only ${files.join(', ')}`);
    const wrong: string[] = [];
    for (const file of files) {
        const json = JSON.parse(await readFile(file, 'utf8')) as {
            license?: string;
            packages?: Record<string, { license?: string }>;
        };
        const declared = file.endsWith('package-lock.json')
            ? json.packages?.['']?.license
            : json.license;
        if (declared !== LICENCE) {
            wrong.push(`${path.relative(ROOT, file)}: ${declared}`);
        }
    }
    assert.deepEqual(wrong, []);
});

test('the README names the licence', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    assert.match(readme, new RegExp(`\\[${LICENCE.replace('.', '\\.')}\\]\\(LICENSE\\)`));
});
