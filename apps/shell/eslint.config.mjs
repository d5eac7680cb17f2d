import root from '../../eslint.config.mjs';

export default [
  ...root,
  {
    // Build and test configuration reads the workspace's shared config by path, by design.
    files: ['eslint.config.mjs', 'jest.config.cjs', 'rspack.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
