import { registerPlugins, registerRemotes } from '@module-federation/enhanced/runtime';
import type { ManifestResult } from './desk-manifest';
import { remoteRetryPlugin } from './remote-retry.plugin';

let pluginRegistered = false;

/** Runtime remotes from the desk manifest, and the retry/fallback plugin for loading them. */
export function initFederation(manifest: ManifestResult): void {
  if (!pluginRegistered) {
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
