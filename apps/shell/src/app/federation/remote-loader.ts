import { InjectionToken } from '@angular/core';
import { loadRemote } from '@module-federation/enhanced/runtime';
import { DESK_MANIFEST_URL, loadDeskManifest, type ManifestResult } from './desk-manifest';
import { initFederation } from './init-federation';

/** How the shell reaches remotes; a token so tests can stand in for the federation runtime. */
export interface RemoteLoader {
  /** The module, a RemoteFallback after the retries, or null. */
  load<T>(id: string): Promise<T | null | unknown>;
  /** Re-read the desk manifest and register what it names (after the first attempt failed). */
  refreshManifest(): Promise<ManifestResult>;
}

export const REMOTE_LOADER = new InjectionToken<RemoteLoader>('REMOTE_LOADER', {
  providedIn: 'root',
  factory: () => ({
    load: (id) => loadRemote(id),
    async refreshManifest() {
      const manifest = await loadDeskManifest({ url: DESK_MANIFEST_URL });
      initFederation(manifest);
      return manifest;
    },
  }),
});

/** The desk manifest as read at start-up (bootstrap provides it). */
export const DESK_MANIFEST = new InjectionToken<ManifestResult>('DESK_MANIFEST', {
  providedIn: 'root',
  factory: () => ({ ok: false, remotes: [], problem: 'No desk manifest was loaded.' }),
});
