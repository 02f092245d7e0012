// Reads the commands the docs tell readers to type: `npm run …`, the Salesforce CLI (`sf`, `npx
// sf`) and the Twilio CLI (`twilio`), from code blocks and inline code, so tests can check each
// against the project's scripts and the pinned CLIs.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The Markdown files readers follow: the README and docs/ (the reference notes aside). */
export function docFiles(): string[] {
    const docs = readdirSync(path.join(ROOT, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.join(ROOT, 'docs', name));
    return [path.join(ROOT, 'README.md'), ...docs];
}

export interface DocCommand {
    file: string;
    /** The command as written, one line. */
    text: string;
    tool: 'npm-run' | 'sf' | 'twilio';
    /** The command's words (an npm script's name; a CLI's command id), before any flag. */
    words: string[];
    /** Flags as written; `true` when no value follows. */
    flags: Record<string, string | true>;
}

/** Every code block line and inline code span of a Markdown text, comments cut. */
function codeSnippets(markdown: string): string[] {
    const snippets: string[] = [];
    const fence = /^\s*```[^\n]*\n([\s\S]*?)^\s*```/gm;
    for (const block of markdown.matchAll(fence)) {
        snippets.push(...(block[1] ?? '').split('\n'));
    }
    const prose = markdown.replace(fence, '');
    for (const span of prose.matchAll(/`([^`]+)`/g)) {
        snippets.push((span[1] ?? '').replace(/\s+/g, ' '));
    }
    return snippets.map((line) => line.replace(/\s+#\s.*$/, '').trim()).filter(Boolean);
}

/** Splits a command line into words; `<a placeholder>` and `"quoted text"` are one word each. */
function words(line: string): string[] {
    return (line.match(/<[^>]*>|"[^"]*"|'[^']*'|\S+/g) ?? []).filter((word) => word !== '…');
}

function parse(file: string, text: string, tool: DocCommand['tool'], rest: string[]): DocCommand {
    const commandWords: string[] = [];
    const flags: Record<string, string | true> = {};
    let i = 0;
    while (i < rest.length && !rest[i]?.startsWith('-')) commandWords.push(rest[i++] as string);
    for (; i < rest.length; i += 1) {
        const word = rest[i] as string;
        if (word === '--' || /^[|&;>]/.test(word)) break;
        if (!word.startsWith('--')) continue;
        const [name, inline] = word.slice(2).split('=', 2) as [string, string | undefined];
        const next = rest[i + 1];
        if (inline !== undefined) flags[name] = inline;
        else if (next !== undefined && !next.startsWith('-') && !/^[|&;]/.test(next)) {
            flags[name] = next;
            i += 1;
        } else flags[name] = true;
    }
    return { file, text, tool, words: commandWords, flags };
}

/** The commands of one Markdown text. */
export function commandsIn(file: string, markdown: string): DocCommand[] {
    const found: DocCommand[] = [];
    for (const snippet of codeSnippets(markdown)) {
        // A line may chain commands (a && b); each is read on its own.
        for (const part of snippet.split(/\s*(?:&&|\|\||;)\s*/)) {
            const all = words(part.replace(/^\$\s+/, ''));
            // Leading VAR=value assignments belong to the shell.
            while (all[0] && /^[A-Z_]+=/.test(all[0])) all.shift();
            const [first, second, ...rest] = all;
            if (first === 'npm' && second === 'run' && rest[0] && !rest[0].startsWith('<')) {
                found.push(parse(file, part, 'npm-run', rest.slice(0, 1)));
            } else if (first === 'npx' && second === 'sf' && rest.length > 0) {
                found.push(parse(file, part, 'sf', rest));
            } else if (first === 'sf' && second !== undefined) {
                found.push(parse(file, part, 'sf', [second, ...rest]));
            } else if (first === 'twilio' && second !== undefined) {
                found.push(parse(file, part, 'twilio', [second, ...rest]));
            }
        }
    }
    return found;
}

/** Every command in the docs readers follow. */
export function docCommands(): DocCommand[] {
    return docFiles().flatMap((file) => commandsIn(file, readFileSync(file, 'utf8')));
}
