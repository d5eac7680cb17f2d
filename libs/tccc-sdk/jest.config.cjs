module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'tccc-sdk',
  rootDir: __dirname,
  // Browser library: every test runs against a jsdom page.
  testEnvironment: 'jsdom',
};
