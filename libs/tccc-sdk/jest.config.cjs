module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'tccc-sdk',
  rootDir: __dirname,
};
