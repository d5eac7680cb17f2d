module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'i18n',
  rootDir: __dirname,
  // intl-messageformat and @formatjs ship ES modules only: let ts-jest turn them into CommonJS.
  transform: {
    '^.+\\.(ts|js)$': ['ts-jest', { tsconfig: require('node:path').join(__dirname, 'tsconfig.spec.json'), diagnostics: false }],
  },
  transformIgnorePatterns: ['node_modules/(?!(intl-messageformat|@formatjs)/)'],
};
