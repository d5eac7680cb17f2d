// Angular component tests: jest-preset-angular, zoneless (see shared/TOOLCHAIN.md "Jest with Angular").
// Each Angular app passes its own folder and name; the rest is shared.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = function angularJestConfig(projectDir, displayName) {
  return {
    displayName,
    rootDir: projectDir,
    preset: 'jest-preset-angular',
    testEnvironment: 'jsdom',
    setupFilesAfterEnv: ['<rootDir>/src/testing/setup-jest.ts'],
    transform: {
      '^.+\\.(ts|mjs|js|html)$': [
        'jest-preset-angular',
        { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
      ],
    },
    // intl-messageformat and @formatjs ship ES modules as .js: transform them too.
    transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|intl-messageformat/|@formatjs/))'],
    moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: path.join(__dirname, '/') }),
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  };
};
