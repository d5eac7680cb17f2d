module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'scripts',
  rootDir: __dirname,
};
