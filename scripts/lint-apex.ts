// Lints the package's Apex offline with PMD's Apex rules, through Salesforce Code Analyzer's PMD
// engine (@salesforce/code-analyzer-pmd-engine, which ships PMD and runs it on Java 11 or later).
// Fails on any violation of the rules Code Analyzer recommends for Apex, and on any file PMD cannot
// parse. Run: npm run lint:apex
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ensureJava, MISSING_JAVA } from './lib/ensureJava.ts';
import type {
    EngineRunResults,
    LogEvent,
    RuleDescription
} from '@salesforce/code-analyzer-engine-api';

const require = createRequire(import.meta.url);
const api =
    require('@salesforce/code-analyzer-engine-api') as typeof import('@salesforce/code-analyzer-engine-api');
const { PmdCpdEnginesPlugin } = require('@salesforce/code-analyzer-pmd-engine') as {
    PmdCpdEnginesPlugin: new () => import('@salesforce/code-analyzer-engine-api').EnginePluginV1;
};

const repoRoot = path.resolve(import.meta.dirname, '..');
const classesDir = path.join(repoRoot, 'force-app', 'main', 'default', 'classes');

/** The recommended Apex rules, from PMD's own descriptions of them. */
export const selectRules = (rules: RuleDescription[]): string[] =>
    rules
        .filter((rule) => rule.tags.includes('Apex') && rule.tags.includes('Recommended'))
        .map((rule) => rule.name);

export function describeViolations(results: EngineRunResults): string[] {
    return results.violations.map((violation) => {
        const where = violation.codeLocations[violation.primaryLocationIndex];
        const file = where ? path.relative(repoRoot, where.file) : '?';
        return `${file}:${where?.startLine ?? '?'}  ${violation.ruleName}: ${violation.message.trim()}`;
    });
}

/** PMD's recommended Apex rules over one folder: the rules run and every problem found. */
export async function lintApex(folder: string): Promise<{ rules: number; problems: string[] }> {
    const plugin = new PmdCpdEnginesPlugin();
    let engine;
    try {
        const config = await plugin.createEngineConfig(
            'pmd',
            new api.ConfigValueExtractor({}, 'engines.pmd', repoRoot)
        );
        engine = await plugin.createEngine('pmd', config);
    } catch (error) {
        throw new Error(`PMD could not start: ${(error as Error).message}\n` + MISSING_JAVA, {
            cause: error
        });
    }
    const problems: string[] = [];
    engine.onEvent(api.EventType.LogEvent, (event: LogEvent) => {
        if (event.logLevel === api.LogLevel.Error) problems.push(event.message.trim());
    });
    const workingFolder = await mkdtemp(path.join(os.tmpdir(), 'lint-apex-'));
    try {
        const workspace = new api.Workspace('apex', [folder], [folder]);
        const options = { workspace, workingFolder, logFolder: workingFolder };
        const rules = selectRules(await engine.describeRules(options));
        if (rules.length === 0) throw new Error('PMD described no recommended Apex rules');
        problems.push(...describeViolations(await engine.runRules(rules, options)));
        return { rules: rules.length, problems };
    } finally {
        await rm(workingFolder, { recursive: true, force: true });
    }
}

async function main(): Promise<void> {
    if (!ensureJava((line) => console.log(line))) {
        console.error(`lint:apex: ${MISSING_JAVA}`);
        process.exitCode = 1;
        return;
    }
    try {
        const { rules, problems } = await lintApex(classesDir);
        if (problems.length > 0) {
            console.error(`lint:apex: ${problems.length} problem(s)\n${problems.join('\n')}`);
            process.exitCode = 1;
        } else {
            console.log(`lint:apex: ${rules} PMD Apex rules, no violations`);
        }
    } catch (error) {
        console.error(`lint:apex: ${(error as Error).message}`);
        process.exitCode = 1;
    }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
