// Flat config. LWC source follows @salesforce/eslint-config-lwc (as trailheadapps/lwc-recipes does);
// repository tooling is TypeScript checked by typescript-eslint.
import js from '@eslint/js';
import globals from 'globals';
import jestPlugin from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const lwcConfig = require('@salesforce/eslint-config-lwc');

const lwcFiles = ['force-app/**/lwc/**/*.js'];

export default [
    {
        ignores: [
            'node_modules/**',
            'dist/**',
            'coverage/**',
            '.sf/**',
            '.sfdx/**',
            'flex-plugin/**'
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
    {
        files: ['*.js', '*.cjs', '.ci/**/*.js'],
        ...js.configs.recommended,
        languageOptions: { globals: globals.node }
    }
];
