// LWC unit tests (sfdx-lwc-jest). Tooling tests run with node:test; see package.json.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    moduleNameMapper: {
        ...jestConfig.moduleNameMapper,
        '^lightning/messageService$':
            '<rootDir>/force-app/test/jest-mocks/lightning/messageService',
        '^lightning/navigation$': '<rootDir>/force-app/test/jest-mocks/lightning/navigation',
        '^lightning/platformUtilityBarApi$':
            '<rootDir>/force-app/test/jest-mocks/lightning/platformUtilityBarApi',
        // An Aura bundle's controller, as the sandbox's build resolves `aura:<bundle>` too.
        '^aura:(.+)$': '<rootDir>/force-app/main/default/aura/$1/$1Controller.js'
    },
    // Aura controllers first: they are not modules (see the transform); everything else as before.
    transform: {
        '/aura/.+(Controller|Helper)\\.js$': '<rootDir>/force-app/test/auraControllerTransform.cjs',
        ...jestConfig.transform
    },
    setupFilesAfterEnv: [
        ...(jestConfig.setupFilesAfterEnv ?? []),
        '<rootDir>/force-app/test/jest-setup.js'
    ],
    roots: ['<rootDir>/force-app'],
    // Test files end in .test.js; other files in __tests__ are their shared test data.
    testMatch: ['**/__tests__/**/*.test.js'],
    testPathIgnorePatterns: [
        '<rootDir>/node_modules/',
        '<rootDir>/.localdevserver',
        '<rootDir>/flex-plugin/'
    ],
    // The generated SDK module is covered by the SDK's own tests (packages/flex-host-sdk/test).
    collectCoverageFrom: [
        'force-app/main/default/lwc/**/*.js',
        'force-app/main/default/aura/**/*.js',
        '!**/__tests__/**',
        '!**/lwc/flexHostSdk/**'
    ],
    coverageThreshold: {
        global: { branches: 85, functions: 90, lines: 90, statements: 90 }
    }
};
