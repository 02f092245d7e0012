// Every relative link in the README and docs/ reaches a file that exists, and every #anchor a
// heading of that file (GitHub's slugs): an admin following the guide never lands on nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function markdownFiles(): string[] {
    const docs = readdirSync(path.join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.md'))
        .map((file) => path.join(ROOT, 'docs', file));
    return [path.join(ROOT, 'README.md'), path.join(ROOT, 'flex-plugin', 'README.md'), ...docs];
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, -1 for repeats. */
export function anchorsOf(markdown: string): Set<string> {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
    for (const [, heading] of withoutCode.matchAll(/^#{1,6} (.+)$/gm)) {
        // Emphasis marks go; inside `code` an underscore is text and stays.
        const text = heading
            .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
            .split('`')
            .map((part, index) => (index % 2 === 1 ? part : part.replace(/[*_]/g, '')))
            .join('');
        const slug = text
            .trim()
            .toLowerCase()
            // GitHub keeps letters, numbers, connector punctuation (_), spaces and hyphens.
            .replace(/[^\p{L}\p{N}\p{Pc} -]/gu, '')
            .replace(/ /g, '-');
        const count = seen.get(slug) ?? 0;
        seen.set(slug, count + 1);
        anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    return anchors;
}

test('anchors follow GitHub: punctuation dropped, repeats numbered', () => {
    assert.deepEqual(
        [
            ...anchorsOf(
                "## 2. Twilio side set-up\n## Agents' browsers\n## `npm` x\n## `npm` x\n## Web app: `host_app_integration`"
            )
        ],
        [
            '2-twilio-side-set-up',
            'agents-browsers',
            'npm-x',
            'npm-x-1',
            'web-app-host_app_integration'
        ]
    );
});

test('every relative link and anchor in the docs resolves', () => {
    const broken: string[] = [];
    for (const file of markdownFiles()) {
        const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
        for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
            if (/^[a-z]+:/.test(target)) {
                continue; // https:, mailto:
            }
            const [filePart, anchor] = target.split('#');
            const linked = filePart ? path.resolve(path.dirname(file), filePart) : file;
            const where = `${path.relative(ROOT, file)} → ${target}`;
            if (!existsSync(linked)) {
                broken.push(`${where}: no such file`);
            } else if (anchor && linked.endsWith('.md')) {
                if (!anchorsOf(readFileSync(linked, 'utf8')).has(anchor)) {
                    broken.push(`${where}: no such heading`);
                }
            }
        }
    }
    assert.deepEqual(broken, []);
});
