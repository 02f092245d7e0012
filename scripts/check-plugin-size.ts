// Fails when the built Flex plugin bundle is over its gzip budget (see docs/performance.md).
import { readFileSync } from 'node:fs';
import {
    checkBudget,
    GZIP_AIM_BYTES,
    GZIP_BUDGET_BYTES,
    kb,
    measure,
    PLUGIN_BUNDLE
} from './lib/bundleSize.ts';

const size = measure(readFileSync(PLUGIN_BUNDLE));
console.log(
    `${PLUGIN_BUNDLE}: ${kb(size.raw)} raw, ${kb(size.gzip)} gzip ` +
        `(budget ${kb(GZIP_BUDGET_BYTES)}, aim ${kb(GZIP_AIM_BYTES)})`
);
const problem = checkBudget(size);
if (problem) {
    console.error(problem);
    process.exit(1);
}
