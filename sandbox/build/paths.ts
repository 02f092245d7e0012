// Where the sandbox's inputs and outputs live.
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const sandboxDir = path.join(repoRoot, 'sandbox');
export const distDir = path.join(sandboxDir, 'dist');
export const flexPluginDir = path.join(repoRoot, 'flex-plugin');
export const flexPluginModules = path.join(flexPluginDir, 'node_modules');
export const sdkBrowserBuild = path.join(
    repoRoot,
    'packages',
    'flex-host-sdk',
    'dist',
    'flex-host-sdk.min.js'
);
export const pluginBundle = path.join(flexPluginDir, 'build', 'plugin-salesforce-integration.js');
export const sldsAssets = path.join(
    repoRoot,
    'node_modules',
    '@salesforce-ux',
    'design-system',
    'assets'
);
export const forceAppDir = path.join(repoRoot, 'force-app', 'main', 'default');
