const base = require('../../jest.angular.preset.cjs')(__dirname, 'shell');
const { bundlerRuntimeAlias } = require('./federation-runtime-alias.cjs');

// The same aliases as rspack.config.mjs gives the build (tools/scripts/federation-runtime.mjs).
module.exports = {
  ...base,
  moduleNameMapper: {
    ...Object.fromEntries(Object.entries(bundlerRuntimeAlias()).map(([name, file]) => [`^${name.replace(/\$$/, '')}$`, file])),
    ...base.moduleNameMapper,
  },
};
