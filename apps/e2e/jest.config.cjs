// End-to-end: one stack (production builds on the fixed ports) for the whole run, started by
// global-setup.mjs; one test at a time (the flows share the emulator and the agent's seat).
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  globalSetup: '<rootDir>/global-setup.mjs',
  globalTeardown: '<rootDir>/global-teardown.mjs',
  maxWorkers: 1,
  testTimeout: 90_000,
  // Never look for Angular sources' specs here; the apps have their own unit tests.
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
