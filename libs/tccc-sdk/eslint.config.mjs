import root from '../../eslint.config.mjs';

// The root config, plus: keep Node out of the browser code.
const rxjsOperators = { name: 'rxjs/operators', message: 'Import operators from "rxjs": one shared copy of rxjs internals.' };

export default [
  ...root,
  {
    // Library code runs in the browser: no Node built-ins or globals.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [rxjsOperators],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'url', 'util', 'events', 'buffer'], message: 'tccc-sdk is browser code: no Node modules.' },
            { group: ['tencentcloud-sdk-nodejs', 'tencentcloud-sdk-nodejs/*'], message: 'Only apps/token-api talks to the cloud API.' },
            { group: ['@angular/*'], message: 'tccc-sdk is framework-agnostic.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
          name,
          message: 'tccc-sdk is browser code: no Node globals.',
        })),
      ],
    },
  },
];
