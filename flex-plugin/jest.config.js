// Jest runs directly (`flex-plugin test` passes a flag Jest rejects). The real @twilio/flex-ui
// module loads in jsdom; test/setup.ts stubs what jsdom lacks.
/** @type {import('jest').Config} */
module.exports = {
    testEnvironment: '<rootDir>/test/quietConsoleEnvironment.ts',
    // The softphone page is served over https, as Flex is in production.
    testEnvironmentOptions: {
        customExportConditions: ['node', 'require', 'default'],
        url: 'https://flex.twilio.com/agent-desktop'
    },
    roots: ['<rootDir>/src', '<rootDir>/test'],
    setupFiles: ['<rootDir>/test/setup.ts'],
    transform: {
        '^.+\\.(ts|tsx|js)$': [
            'ts-jest',
            { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }
        ]
    },
    // The LMS contract lives in the Salesforce package and is compiled from there.
    transformIgnorePatterns: ['/node_modules/'],
    globals: {
        __FPB_PLUGIN_UNIQUE_NAME: 'plugin-salesforce-integration',
        __FPB_PLUGIN_VERSION: '0.0.0-test',
        __FPB_FLEX_PLUGIN_SCRIPTS_VERSION: '7.1.2',
        __FPB_FLEX_PLUGIN_VERSION: '7.1.2',
        __FPB_FLEX_UI_VERSION: '2.17.1',
        __FPB_REACT_VERSION: '17.0.2',
        __FPB_REACT_DOM_VERSION: '17.0.2'
    },
    collectCoverageFrom: ['src/**/*.{ts,tsx}', '!src/**/*.test.{ts,tsx}', '!src/index.ts'],
    coverageThreshold: { global: { branches: 80, functions: 85, lines: 90, statements: 90 } }
};
