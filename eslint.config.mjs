// One ESLint flat config for the whole workspace. Module boundaries are the point: libraries
// never reach into apps, desk-core stays framework-free, and the vendor-facing packages stay
// inside the one project that owns each.
import nx from '@nx/eslint-plugin';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// Projects run `eslint .` from their own folder; anchoring every pattern below at the workspace root
// (ESLint's `basePath`) keeps path-specific rules such as `apps/token-api/**` meaningful there.
const workspaceRoot = dirname(fileURLToPath(import.meta.url));

const libraryDeps = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:util', 'type:feature'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:util'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'scope:desk', onlyDependOnLibsWithTags: ['scope:desk'] },
  { sourceTag: 'scope:token-api', onlyDependOnLibsWithTags: ['scope:token-api'] },
  { sourceTag: 'scope:shell', onlyDependOnLibsWithTags: ['scope:shell', 'scope:desk'] },
  { sourceTag: 'scope:emulator', onlyDependOnLibsWithTags: ['scope:emulator', 'scope:desk'] },
];

const baseRestrictedPaths = [
  { name: 'rxjs/operators', message: 'Import operators from "rxjs": one shared copy of rxjs internals.' },
  { name: 'tencentcloud-sdk-nodejs', message: 'Only apps/token-api talks to the cloud API.' },
];
const frameworkFreePatterns = [
  { group: ['tencentcloud-sdk-nodejs/*'], message: 'Only apps/token-api talks to the cloud API.' },
  { group: ['@angular/*'], message: 'desk-core and tccc-sdk are framework-agnostic.' },
];
const nodeModules = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'url', 'util', 'events', 'buffer', 'timers', 'child_process'];
const nodeGlobals = ['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'];

const configs = [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.nx/**', '**/coverage/**', '**/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...nx.configs['flat/base'],
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.cjs', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: libraryDeps },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'rxjs/operators', message: 'Import operators from "rxjs": one shared copy of rxjs internals.' }],
        },
      ],
    },
  },
  {
    // Tests and benchmarks drive the emulator in-process; production code never does.
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/bench/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          depConstraints: [
            ...libraryDeps.map((c) => ({
              ...c,
              onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:tool', 'scope:emulator'],
            })),
          ],
        },
      ],
    },
  },
  {
    // The cloud API client belongs to token-api alone (the emulator's tests drive it as a client).
    files: ['**/*.ts'],
    ignores: ['apps/token-api/**', 'tools/tccc-emulator/**/*.spec.ts', 'tools/tccc-emulator/test/**', '**/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: baseRestrictedPaths,
          patterns: [frameworkFreePatterns[0]],
        },
      ],
    },
  },
  {
    // desk-core and tccc-sdk stay framework-free so non-Angular shells can use them; their
    // library code (not its tests) runs in the browser, so no Node built-ins or globals either.
    files: ['libs/desk-core/**/*.ts', 'libs/tccc-sdk/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: baseRestrictedPaths, patterns: frameworkFreePatterns }],
    },
  },
  {
    files: ['libs/desk-core/src/**/*.ts', 'libs/tccc-sdk/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: baseRestrictedPaths, patterns: [...frameworkFreePatterns, { group: nodeModules, message: 'Library code runs in the browser: no Node modules.' }] },
      ],
      'no-restricted-globals': [
        'error',
        ...nodeGlobals.map((name) => ({ name, message: 'Library code runs in the browser: no Node globals.' })),
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Workspace config files extend the root ones by relative path on purpose.
    files: ['**/jest.config.cjs', '**/eslint.config.mjs', '**/*.config.ts', '**/rspack.config.*'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.mjs', 'tools/scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly' } },
  },
];

export default configs.map((config) => ({ ...config, basePath: workspaceRoot }));
