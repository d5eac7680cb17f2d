import root from '../../eslint.config.mjs';

export default [
  ...root,
  {
    // The suite's setup starts the stack through the workspace's launcher, by path.
    files: ['global-setup.mjs', 'global-teardown.mjs', 'jest.config.cjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
