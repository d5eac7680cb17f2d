import root from '../../eslint.config.mjs';

// The root config covers boundaries, rxjs/operators, Angular and the cloud SDK. On top of it:
// the library code runs in the browser, so no Node built-ins or globals in src/. (A new
// `no-restricted-imports` replaces the root's for these files, so the root's paths are restated.)
export default [
  ...root,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'rxjs/operators', message: 'Import operators from "rxjs": one shared copy of rxjs internals.' },
            { name: 'tencentcloud-sdk-nodejs', message: 'Only apps/token-api talks to the cloud API.' },
          ],
          patterns: [
            { group: ['tencentcloud-sdk-nodejs/*'], message: 'Only apps/token-api talks to the cloud API.' },
            { group: ['@angular/*'], message: 'desk-core is framework-agnostic.' },
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'url', 'util', 'events', 'buffer', 'timers', 'child_process'],
              message: 'desk-core is browser code: no Node modules.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
          name,
          message: 'desk-core is browser code: no Node globals.',
        })),
      ],
    },
  },
];
