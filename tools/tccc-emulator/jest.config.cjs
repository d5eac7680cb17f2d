module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'tccc-emulator',
  rootDir: __dirname,
};
