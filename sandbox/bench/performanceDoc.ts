// Writes a benchmark's report into its marked section of docs/performance.md, formatted as
// `npm test`'s Prettier check expects.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as prettier from 'prettier';
import { replaceSection } from './stats.ts';

export const PERFORMANCE_DOC = path.resolve(import.meta.dirname, '../../docs/performance.md');

export async function writePerformanceSection(section: string, report: string): Promise<void> {
    const current = await readFile(PERFORMANCE_DOC, 'utf8');
    const options = (await prettier.resolveConfig(PERFORMANCE_DOC)) ?? {};
    await writeFile(
        PERFORMANCE_DOC,
        await prettier.format(replaceSection(current, section, report), {
            ...options,
            filepath: PERFORMANCE_DOC
        })
    );
    console.log(`\nWritten to docs/performance.md (${section})`);
}
