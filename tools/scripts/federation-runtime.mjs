// One federation runtime per page: the remote does not bundle Module Federation's runtime, it uses
// the host's. Two globals carry it (shared by the shell's bootstrap, the remote's rspack config and
// the remote's federation-runtime.js for pages without a host runtime):
//   _FEDERATION_RUNTIME_CORE        @module-federation/runtime-core (MF's experiments.externalRuntime)
//   _TCCC_FEDERATION_BUNDLER_RUNTIME the webpack/rspack bundler runtime (@module-federation/
//                                    webpack-bundler-runtime's default export, with the runtime inside)
// With only MF's externalRuntime, remoteEntry.js still carried the bundler runtime, @module-federation/
// runtime, sdk and error-codes (15.5 KB gzip); with the bundler runtime external too it is ~2 KB.
import { rspack } from '@rspack/core';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export const BUNDLER_RUNTIME_GLOBAL = '_TCCC_FEDERATION_BUNDLER_RUNTIME';

/** The import MF's plugin writes for its bundler runtime (an absolute path to the package's index.cjs). */
const BUNDLER_RUNTIME_REQUEST = /[\\/]@module-federation[\\/]webpack-bundler-runtime[\\/]dist[\\/]index\.c?js$/;

/**
 * For the shell: its `import … from '@module-federation/webpack-bundler-runtime'` resolves to the file
 * Module Federation's plugin injects (the package's CommonJS build), so there is one copy, not two.
 */
export function bundlerRuntimeAlias() {
  const index = require.resolve('@module-federation/webpack-bundler-runtime');
  return {
    '@module-federation/webpack-bundler-runtime$': index,
    // Only a remote calls initContainerEntry: rspack's export analysis turns it into `void 0` in a pure
    // host's bundler runtime, so the shell imports it by name (not an export path of the package).
    '@tccc-desk/federation-init-container-entry$': join(dirname(index), 'initContainerEntry.cjs'),
  };
}

/** rspack plugin for the remote: the bundler runtime comes from the page (`self._TCCC_FEDERATION_BUNDLER_RUNTIME`). */
export function externalBundlerRuntime() {
  return new rspack.ExternalsPlugin('global', [
    ({ request }, callback) => (request && BUNDLER_RUNTIME_REQUEST.test(request) ? callback(undefined, BUNDLER_RUNTIME_GLOBAL) : callback()),
  ]);
}

export const RUNTIME_PROVIDER_FILE = 'federation-runtime.js';

/** What federation-runtime.js runs: the runtime as the globals, unless the page already has them. */
const PROVIDER_SOURCE = `
import federation from '@module-federation/webpack-bundler-runtime';
import * as runtimeCore from '@module-federation/runtime-core';
const page = globalThis;
if (!page.${BUNDLER_RUNTIME_GLOBAL}) page.${BUNDLER_RUNTIME_GLOBAL} = { ...federation, instance: undefined, initOptions: undefined, bundlerRuntimeOptions: {} };
if (!page._FEDERATION_RUNTIME_CORE) page._FEDERATION_RUNTIME_CORE = runtimeCore;
`;

/**
 * rspack plugin for the remote: emits federation-runtime.js (an ES module, no exports), the runtime
 * for pages that have no host runtime: the remote's own standalone page and `mount()` in a plain
 * page load it before remoteEntry.js / main.js. An Angular shell of this repo never fetches it.
 */
export class FederationRuntimeProviderPlugin {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('FederationRuntimeProviderPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'FederationRuntimeProviderPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const { build } = await import('esbuild');
          const result = await build({
            stdin: { contents: PROVIDER_SOURCE, resolveDir: compiler.context, loader: 'js' },
            bundle: true,
            format: 'esm',
            platform: 'browser',
            target: 'es2022',
            minify: compiler.options.mode === 'production',
            write: false,
            legalComments: 'none',
            define: { 'process.env.NODE_ENV': JSON.stringify(compiler.options.mode ?? 'production') },
          });
          compilation.emitAsset(RUNTIME_PROVIDER_FILE, new RawSource(result.outputFiles[0].text));
        },
      );
    });
  }
}

/**
 * What remoteEntry.js runs first: on a page that gave it no runtime (a host that is not ours, a
 * plain page), it loads federation-runtime.js from next to itself (top-level await, ES module)
 * instead of failing on an undefined global deep in the container. A no-op in our shell.
 */
const RUNTIME_GUARD = `if(!globalThis.${BUNDLER_RUNTIME_GLOBAL}){console.info("[tccc_remote] the page has no federation runtime for the desk: loading ${RUNTIME_PROVIDER_FILE}");await import(new URL("./${RUNTIME_PROVIDER_FILE}",import.meta.url).href)}`;

/** rspack plugin for the remote: the guard above at the top of its container entry. */
export function remoteEntryRuntimeGuard(entryFile) {
  return new rspack.BannerPlugin({ banner: RUNTIME_GUARD, raw: true, test: new RegExp(`^${entryFile.replace(/\./g, '\\.')}$`) });
}
