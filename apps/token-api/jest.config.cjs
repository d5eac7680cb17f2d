module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'token-api',
  rootDir: __dirname,
};
