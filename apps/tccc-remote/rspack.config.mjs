// Production build (default) or `NGRS_CONFIG=development`: the Angular compilation comes from
// @nx/angular-rspack's createConfig; Module Federation is the raw plugin from
// @module-federation/enhanced (Nx's Angular MF plugin bundles a second Angular: TOOLCHAIN.md).
import { ModuleFederationPlugin } from '@module-federation/enhanced/rspack';
import { createConfig } from '@nx/angular-rspack';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedModules } from '../../tools/scripts/federation-shared.mjs';
import { externalBundlerRuntime, FederationRuntimeProviderPlugin, remoteEntryRuntimeGuard } from '../../tools/scripts/federation-runtime.mjs';
import { developmentConfiguration } from '../../tools/scripts/rspack-app.mjs';

const root = dirname(fileURLToPath(import.meta.url));

export const REMOTE_NAME = 'tccc_remote';

/** The modules of the desk's core chunk, and of the first contact's (see the cache groups below). */
const FIRST_CONTACT = /[\\/]src[\\/]lib[\\/]ui[\\/]session-(list|controls)\.component\.ts$/;
const DESK_CORE = /[\\/]libs[\\/](desk-core|tccc-sdk)[\\/]|[\\/]libs[\\/]i18n[\\/]src[\\/]lib[\\/]locales\.ts$|[\\/]src[\\/]lib[\\/]desk[\\/]|[\\/]src[\\/]lib[\\/]i18n[\\/]catalog-chunks\.ts$|[\\/]src[\\/]lib[\\/]ui[\\/]shortcuts\.ts$/;

const federation = new ModuleFederationPlugin({
  name: REMOTE_NAME,
  filename: 'remoteEntry.js',
  library: { type: 'module' },
  exposes: {
    './desk': './src/exposes/desk.ts',
    './DeskComponent': './src/exposes/desk-component.ts',
    './mount': './src/exposes/mount.ts',
    './angular': './src/exposes/angular.ts',
  },
  shared: sharedModules,
  shareStrategy: 'loaded-first',
  // Types: contract/tccc-remote.d.ts, generated from the entries (scripts/contract.mjs, see README).
  dts: false,
  manifest: true,
});

const configs = await createConfig(
  {
    options: {
      root,
      tsConfig: './tsconfig.app.json',
      browser: './src/main.ts',
      index: './src/index.html',
      styles: ['./src/styles.css'],
      // The published types of the exposed entries, served next to the remote (see README).
      assets: [{ glob: 'tccc-remote.d.ts', input: './contract', output: 'types' }],
      outputPath: { base: '../../dist/apps/tccc-remote', browser: '.' },
      polyfills: [],
      outputHashing: 'all',
      // `npm run serve` (rspack serve, @rspack/dev-server): live reload rather than HMR, which Module
      // Federation's shared singletons do not survive; /api proxied to token-api (proxy.conf.json).
      devServer: {
        port: 4201,
        proxyConfig: './proxy.conf.json',
        liveReload: true,
        hmr: false,
        // The remote's live-reload client connects back to its own server, also inside the shell's page.
        publicHost: 'localhost:4201',
      },
    },
    rspackConfigOverrides: {
      output: { uniqueName: REMOTE_NAME, publicPath: 'auto' },
      // A runtime chunk would turn remoteEntry.js into a stub plus one more request.
      optimization: { runtimeChunk: false },
      plugins: [federation, externalBundlerRuntime(), new FederationRuntimeProviderPlugin(), remoteEntryRuntimeGuard('remoteEntry.js')],
    },
  },
  developmentConfiguration('tccc-remote'),
);

// Angular's `common` chunk would also take the fallback copies of shared packages (e.g.
// @angular/core/rxjs-interop, 8 KB) and put them next to code every shell needs (page-desk): a shell
// that provides them would still download them. Only the remote's own code goes there.
for (const config of Array.isArray(configs) ? configs : [configs]) {
  const common = config.optimization?.splitChunks?.cacheGroups?.common;
  if (common) common.test = (module) => !/[\\/]node_modules[\\/]/.test(module.resource ?? module.identifier?.() ?? '');
  // Every exposed entry needs the desk's core (desk-core, the SDK loader, the page's desk and login,
  // the shortcuts): one chunk, rather than a split chunk plus `common` next to it (one request and
  // one gzip stream less, ~0.5 KB). Shared by two chunks or more: what loads on demand stays apart.
  const cacheGroups = config.optimization?.splitChunks?.cacheGroups;
  if (cacheGroups) {
    cacheGroups.deskCore = { name: 'desk-core', chunks: 'async', minChunks: 2, priority: 20, enforce: true, test: (module) => DESK_CORE.test(module.resource ?? '') };
    // The contact list and the call controls come together (first-contact-chunks.ts fetches both
    // while idle after ready, and a first contact shows both): one chunk, ~0.6 KB less than two.
    cacheGroups.firstContact = { name: 'first-contact', chunks: 'async', priority: 20, enforce: true, test: (module) => FIRST_CONTACT.test(module.resource ?? '') };
  }
}

export default configs;
