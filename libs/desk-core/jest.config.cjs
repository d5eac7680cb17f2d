module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'desk-core',
  rootDir: __dirname,
};
