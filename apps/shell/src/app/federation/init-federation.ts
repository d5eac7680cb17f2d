import { registerPlugins, registerRemotes } from '@module-federation/enhanced/runtime';
import type { ManifestResult } from './desk-manifest';
import { provideFederationRuntime } from './provide-runtime';
import { remoteRetryPlugin } from './remote-retry.plugin';

let pluginRegistered = false;

/** Runtime remotes from the desk manifest, and the retry/fallback plugin for loading them. */
export function initFederation(manifest: ManifestResult): void {
  if (!pluginRegistered) {
    // The desk remote uses this page's federation runtime (it ships none of its own).
    if (!provideFederationRuntime()) console.warn('[shell] no federation runtime to share: the desk remote cannot start');
    registerPlugins([
      remoteRetryPlugin({
        onFailure: ({ id, attempt, willRetry }) =>
          console.warn(`[shell] loading ${id} failed (attempt ${attempt})${willRetry ? ', retrying' : ', giving up'}`),
      }),
    ]);
    pluginRegistered = true;
  }
  // force: a manifest re-read after a failure may point the remote somewhere else.
  if (manifest.ok && manifest.remotes.length > 0) registerRemotes(manifest.remotes, { force: true });
}
