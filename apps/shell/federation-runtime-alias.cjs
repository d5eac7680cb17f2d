// CommonJS twin of bundlerRuntimeAlias() in tools/scripts/federation-runtime.mjs, for jest.
const { dirname, join } = require('node:path');

exports.bundlerRuntimeAlias = function bundlerRuntimeAlias() {
  const index = require.resolve('@module-federation/webpack-bundler-runtime');
  return {
    '@module-federation/webpack-bundler-runtime$': index,
    '@tccc-desk/federation-init-container-entry$': join(dirname(index), 'initContainerEntry.cjs'),
  };
};
