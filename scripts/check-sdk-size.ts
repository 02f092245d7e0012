// Fails when the host SDK's browser build is over its gzip budget (see docs/performance.md).
import { readFileSync } from 'node:fs';
import {
    checkBudget,
    kb,
    measure,
    SDK_BROWSER_BUNDLE,
    SDK_GZIP_BUDGET_BYTES
} from './lib/bundleSize.ts';

const size = measure(readFileSync(SDK_BROWSER_BUNDLE));
console.log(
    `${SDK_BROWSER_BUNDLE}: ${kb(size.raw)} raw, ${kb(size.gzip)} gzip (budget ${kb(SDK_GZIP_BUDGET_BYTES)})`
);
const problem = checkBudget(size, SDK_GZIP_BUDGET_BYTES, 'host SDK');
if (problem) {
    console.error(problem);
    process.exit(1);
}
