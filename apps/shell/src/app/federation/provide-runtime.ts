/**
 * One federation runtime per page: the desk remote is built without Module Federation's runtime
 * (its remoteEntry.js reads `globalThis._TCCC_FEDERATION_BUNDLER_RUNTIME`, see
 * tools/scripts/federation-runtime.mjs), so the shell hands it its own before loading a remote.
 * Pages without a host runtime load the remote's federation-runtime.js instead.
 *
 * The import is the very module the shell's own federation runtime uses (rspack.config.mjs aliases
 * it to the file Module Federation injects), imported whole: the host's build alone would drop the
 * parts only a remote needs: its `initContainerEntry` is `void 0` there, so it is imported by name.
 */
import bundlerFederation from '@module-federation/webpack-bundler-runtime';
import { initContainerEntry } from '@tccc-desk/federation-init-container-entry';

export const BUNDLER_RUNTIME_GLOBAL = '_TCCC_FEDERATION_BUNDLER_RUNTIME';

interface FederationInstanceLike {
  options: { name?: string; version?: string };
  initOptions(options: unknown): unknown;
}

interface RuntimeLike {
  getInstance(finder: (instance: FederationInstanceLike) => boolean): FederationInstanceLike | null;
  createInstance(options: unknown): FederationInstanceLike;
}

interface BundlerFederation {
  runtime?: unknown;
  bundlerRuntime?: unknown;
  attachShareScopeMap?: unknown;
}


/**
 * The runtime as a remote must see it. `init()` of @module-federation/runtime finds "its" instance by
 * the build id compiled into the shell's copy, so a remote calling the shell's init() would get the
 * shell's instance (RUNTIME-010, "The name option cannot be changed"). Remotes get an init() that
 * matches by name and version only, as the runtime does for a build without an id.
 */
export function forRemotes(runtime: RuntimeLike): RuntimeLike & { init(options: { name: string; version?: string; id?: string }): FederationInstanceLike } {
  return {
    ...runtime,
    init(options) {
      const normalized = { ...options, id: options.id ?? '' };
      const existing = runtime.getInstance(
        (instance) => instance.options.name === options.name && (options.version ? instance.options.version === options.version : !instance.options.version),
      );
      if (!existing) return runtime.createInstance(normalized);
      existing.initOptions(normalized);
      return existing;
    },
  };
}

/**
 * Publish the shell's runtime for remotes; true when the page has one afterwards. A page that
 * already has one (another host, the remote's federation-runtime.js) keeps it.
 */
export function provideFederationRuntime(page: Record<string, unknown> = globalThis as never, federation: BundlerFederation | null = bundlerFederation as BundlerFederation): boolean {
  if (page[BUNDLER_RUNTIME_GLOBAL]) return true;
  if (!federation || typeof federation.bundlerRuntime !== 'object' || typeof federation.runtime !== 'object' || federation.runtime === null) return false;
  // What @module-federation/webpack-bundler-runtime exports; the per-build fields start empty.
  page[BUNDLER_RUNTIME_GLOBAL] = {
    runtime: forRemotes(federation.runtime as RuntimeLike),
    bundlerRuntime: { ...(federation.bundlerRuntime as object), initContainerEntry },
    attachShareScopeMap: federation.attachShareScopeMap,
    instance: undefined,
    initOptions: undefined,
    bundlerRuntimeOptions: {},
  };
  return true;
}
