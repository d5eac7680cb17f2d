// Production build (default) or `NGRS_CONFIG=development`. The shell declares no remotes at build
// time: src/bootstrap.ts registers them from the deploy-time /desk.manifest.json.
import { ModuleFederationPlugin } from '@module-federation/enhanced/rspack';
import { createConfig } from '@nx/angular-rspack';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedModules } from '../../tools/scripts/federation-shared.mjs';
import { bundlerRuntimeAlias } from '../../tools/scripts/federation-runtime.mjs';
import { developmentConfiguration } from '../../tools/scripts/rspack-app.mjs';

const root = dirname(fileURLToPath(import.meta.url));

const federation = new ModuleFederationPlugin({
  name: 'shell',
  remotes: {},
  shared: sharedModules,
  // The default, version-first, fetches every remote entry at start-up and can hang on one that
  // is down; loaded-first only loads a remote when it is used.
  shareStrategy: 'loaded-first',
  dts: false,
  manifest: false,
});

const configs = await createConfig(
  {
    options: {
      root,
      tsConfig: './tsconfig.app.json',
      browser: './src/main.ts',
      index: './src/index.html',
      styles: ['./src/styles.css'],
      assets: [{ glob: '**/*', input: './public' }],
      outputPath: { base: '../../dist/apps/shell', browser: '.' },
      polyfills: [],
      outputHashing: 'all',
      // `npm run serve` (rspack serve, @rspack/dev-server): live reload rather than HMR, which Module
      // Federation's shared singletons do not survive; /api proxied to token-api (proxy.conf.json).
      devServer: {
        port: 4200,
        proxyConfig: './proxy.conf.json',
        liveReload: true,
        hmr: false,
      },
    },
    rspackConfigOverrides: {
      output: { uniqueName: 'shell', publicPath: 'auto' },
      // The desk remote runs on this shell's federation runtime (src/app/federation/provide-runtime.ts).
      resolve: { alias: bundlerRuntimeAlias() },
      optimization: { runtimeChunk: false },
      plugins: [federation],
    },
  },
  developmentConfiguration('shell'),
);

// rxjs in one chunk: spread over six of Angular's chunks, the desk's `./desk` entry (which needs only
// rxjs of the shell's shared packages) waited for the slowest of them, and on HTTP/1.1 the page made
// three requests more. The shared `rxjs` is loaded whole anyway (no tree shaking across the share).
for (const config of Array.isArray(configs) ? configs : [configs]) {
  const groups = config.optimization?.splitChunks?.cacheGroups;
  // async: main.js (the early start) must never wait for it, should rxjs ever be imported there.
  if (groups) groups.rxjs = { test: /[\\/]node_modules[\\/](rxjs|tslib)[\\/]/, name: 'rxjs', chunks: 'async', priority: 40, enforce: true };
}
export default configs;
