// Flat config. LWC source follows @salesforce/eslint-config-lwc (as trailheadapps/lwc-recipes does);
// repository tooling is TypeScript checked by typescript-eslint.
import js from '@eslint/js';
import globals from 'globals';
import jestPlugin from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const lwcConfig = require('@salesforce/eslint-config-lwc');

const lwcFiles = ['force-app/**/lwc/**/*.js', 'sandbox/lwc/**/*.js'];
const pluginFiles = ['flex-plugin/src/**/*.{ts,tsx}', 'flex-plugin/test/**/*.{ts,tsx}'];
/** The plugin's test code: co-located tests, and the harness and doubles in flex-plugin/test/. */
const pluginTests = ['flex-plugin/src/**/*.test.{ts,tsx}', 'flex-plugin/test/**/*.{ts,tsx}'];
/** Capabilities and what they share: they speak to the CRM only through the port (src/crm). */
const transportNeutral = [
    'flex-plugin/src/activity-log/**',
    'flex-plugin/src/agent-ui/**',
    'flex-plugin/src/click-to-dial/**',
    'flex-plugin/src/record-selection/**',
    'flex-plugin/src/screen-pop/**',
    'flex-plugin/src/tasks/**',
    'flex-plugin/src/host-actions/**',
    'flex-plugin/src/interaction-feed/**',
    'flex-plugin/src/crm/**',
    'flex-plugin/src/integration/context.ts'
];
const capabilities = [
    '**/activity-log/**',
    '**/agent-ui/**',
    '**/click-to-dial/**',
    '**/record-selection/**',
    '**/screen-pop/**',
    '**/host-actions/**',
    '**/interaction-feed/**'
];

export default [
    {
        ignores: [
            'node_modules/**',
            'dist/**',
            'coverage/**',
            '.sf/**',
            '.sfdx/**',
            'flex-plugin/node_modules/**',
            'flex-plugin/build/**',
            'flex-plugin/coverage/**',
            'flex-plugin/stubs/**',
            'sandbox/dist/**',
            'sandbox/softphone/shims/**',
            // Generated from packages/flex-host-sdk (npm run lwc:sdk), which has its own lint.
            'force-app/main/default/lwc/flexHostSdk/flexHostSdk.js'
        ]
    },
    ...lwcConfig.configs.recommended.map((config) => ({ ...config, files: lwcFiles })),
    {
        files: ['force-app/**/lwc/**/__tests__/**/*.js', 'force-app/test/**/*.js'],
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        plugins: { jest: jestPlugin },
        rules: {
            ...jestPlugin.configs['flat/recommended'].rules,
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off'
        }
    },
    ...tseslint.configs.strict.map((config) => ({
        ...config,
        files: ['scripts/**/*.ts', '*.ts']
    })),
    {
        files: ['scripts/**/*.ts', '*.ts'],
        languageOptions: { globals: globals.node }
    },
    ...tseslint.configs.strict.map((config) => ({ ...config, files: ['packages/**/*.ts'] })),
    {
        // The host SDK runs in customers' pages: nothing loose with origins or markup.
        files: ['packages/**/*.ts'],
        languageOptions: { globals: { ...globals.browser, ...globals.node } },
        rules: {
            'no-eval': 'error',
            'no-implied-eval': 'error',
            'no-new-func': 'error',
            'no-restricted-properties': [
                'error',
                { property: 'innerHTML', message: 'No markup from strings.' },
                { property: 'outerHTML', message: 'No markup from strings.' }
            ],
            'no-restricted-syntax': [
                'error',
                {
                    selector:
                        "CallExpression[callee.property.name='postMessage'] > Literal[value='*']",
                    message: 'postMessage needs an exact target origin.'
                }
            ]
        }
    },
    ...tseslint.configs.strict.map((config) => ({ ...config, files: ['sandbox/**/*.ts'] })),
    {
        // The local sandbox: browser pages and their Node build, server and tests.
        files: ['sandbox/**/*.ts'],
        languageOptions: { globals: { ...globals.browser, ...globals.node } },
        rules: {
            'no-restricted-properties': [
                'error',
                { property: 'innerHTML', message: 'Use textContent (sandbox/shared/dom.ts).' },
                { property: 'outerHTML', message: 'Use textContent (sandbox/shared/dom.ts).' }
            ]
        }
    },
    ...tseslint.configs.strict.map((config) => ({ ...config, files: pluginFiles })),
    {
        files: pluginFiles,
        languageOptions: { globals: globals.browser },
        plugins: { 'react-hooks': reactHooks },
        rules: {
            ...reactHooks.configs.recommended.rules,
            // Nothing lets markup or code in through a string.
            'no-eval': 'error',
            'no-implied-eval': 'error',
            'no-new-func': 'error',
            'no-restricted-properties': [
                'error',
                { property: 'innerHTML', message: 'Use textContent or React children.' },
                { property: 'outerHTML', message: 'Use textContent or React children.' },
                { property: 'insertAdjacentHTML', message: 'Use DOM nodes or React.' }
            ],
            'no-restricted-syntax': [
                'error',
                {
                    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
                    message: 'No raw HTML in the plugin.'
                },
                {
                    selector:
                        "CallExpression[callee.property.name='postMessage'] > Literal[value='*']",
                    message: 'postMessage needs an exact target origin.'
                }
            ]
        }
    },
    {
        // One module loads Salesforce's scripts: nothing else touches window.sforce.
        files: pluginFiles,
        ignores: ['flex-plugin/src/transports/salesforce/scriptLoader.ts', ...pluginTests],
        rules: {
            'no-restricted-syntax': [
                'error',
                {
                    selector: "MemberExpression[property.name='sforce']",
                    message: 'Only src/transports/salesforce/scriptLoader.ts touches window.sforce.'
                },
                {
                    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
                    message: 'No raw HTML in the plugin.'
                },
                {
                    selector:
                        "CallExpression[callee.property.name='postMessage'] > Literal[value='*']",
                    message: 'postMessage needs an exact target origin.'
                }
            ]
        }
    },
    {
        // The direction: capabilities → the CRM port ← each transport. Only the start-up (the
        // composition root) picks a transport.
        files: transportNeutral,
        ignores: pluginTests,
        rules: {
            'no-restricted-imports': [
                'error',
                {
                    patterns: [
                        {
                            group: ['**/transports/**'],
                            message:
                                'Capabilities use the CRM port (src/crm/crmPort.ts), never a transport.'
                        }
                    ]
                }
            ]
        }
    },
    {
        files: ['flex-plugin/src/transports/**'],
        ignores: pluginTests,
        rules: {
            'no-restricted-imports': [
                'error',
                {
                    patterns: [
                        {
                            group: capabilities,
                            message:
                                'A transport implements the port; it does not reach into a capability.'
                        }
                    ]
                }
            ]
        }
    },
    {
        files: pluginTests,
        languageOptions: { globals: { ...globals.browser, ...globals.jest } }
    },
    {
        files: ['flex-plugin/*.js', 'flex-plugin/public/*.js'],
        ...js.configs.recommended,
        languageOptions: { sourceType: 'commonjs', globals: globals.node }
    },
    {
        files: ['*.js', '*.cjs', '.ci/**/*.js'],
        ...js.configs.recommended,
        languageOptions: { globals: globals.node }
    }
];
