// The plugin bundle's size budget: every agent downloads it when Flex starts.
import { gzipSync } from 'node:zlib';

export const PLUGIN_BUNDLE = 'flex-plugin/build/plugin-salesforce-integration.js';
export const GZIP_BUDGET_BYTES = 100 * 1024;
export const GZIP_AIM_BYTES = 60 * 1024;

/** The host SDK's browser build: what a host app adds to its page. */
export const SDK_BROWSER_BUNDLE = 'packages/flex-host-sdk/dist/flex-host-sdk.min.js';
export const SDK_GZIP_BUDGET_BYTES = 8 * 1024;

export interface BundleSize {
    raw: number;
    gzip: number;
}

/** Sizes as a CDN serves them: raw bytes, and gzip at the default level. */
export function measure(content: Buffer): BundleSize {
    return { raw: content.length, gzip: gzipSync(content).length };
}

export function checkBudget(
    size: BundleSize,
    budget = GZIP_BUDGET_BYTES,
    what = 'plugin bundle'
): string | null {
    return size.gzip > budget
        ? `${what} is ${kb(size.gzip)} gzip, over the ${kb(budget)} budget`
        : null;
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
