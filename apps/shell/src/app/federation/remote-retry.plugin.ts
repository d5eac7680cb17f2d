/**
 * Module Federation runtime plugin: when loading a remote module fails (manifest, remoteEntry or
 * chunk), retry it a bounded number of times with exponential backoff, then hand back a fallback
 * module instead of throwing, so the shell shows "desk unavailable" rather than crashing.
 *
 * The runtime clears its caches of failed manifest/entry loads, so a retry really refetches.
 * Retrying goes through `origin.loadRemote`, which re-enters this hook on failure: a per-id attempt
 * counter makes the nested calls count towards the same bound.
 */
import type { ModuleFederationRuntimePlugin } from '@module-federation/enhanced/runtime';

const FALLBACK = Symbol.for('tccc-desk.shell.remote-fallback');

/** What loadRemote resolves with once the retries are used up. */
export interface RemoteFallback {
  readonly [FALLBACK]: true;
  readonly id: string;
  readonly error: unknown;
}

export function isRemoteFallback(value: unknown): value is RemoteFallback {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[FALLBACK] === true;
}

export function remoteFallback(id: string, error: unknown): RemoteFallback {
  return { [FALLBACK]: true, id, error };
}

export interface RemoteRetryOptions {
  /** Retries after the first failure (default 2: three attempts in all). */
  retries?: number;
  /** Delay before the first retry; doubles each time (default 500 ms). */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told about each failure, for logs and telemetry. */
  onFailure?: (failure: { id: string; attempt: number; error: unknown; willRetry: boolean }) => void;
}

type ErrorLoadRemoteArgs = Parameters<NonNullable<ModuleFederationRuntimePlugin['errorLoadRemote']>>[0];

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function remoteRetryPlugin(options: RemoteRetryOptions = {}): ModuleFederationRuntimePlugin {
  const retries = options.retries ?? 2;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const sleep = options.sleep ?? defaultSleep;
  const attempts = new Map<string, number>();

  return {
    name: 'tccc-desk-remote-retry',
    async errorLoadRemote(args: ErrorLoadRemoteArgs) {
      // Only whole-module loads are retried; other lifecycles (manifest fetch…) end up here too.
      if (args.lifecycle !== 'onLoad') return undefined;
      const { id, error, origin } = args;
      const attempt = attempts.get(id) ?? 0; // retries already started for this id
      const willRetry = attempt < retries;
      options.onFailure?.({ id, attempt: attempt + 1, error, willRetry });
      if (!willRetry) return remoteFallback(id, error);

      attempts.set(id, attempt + 1);
      try {
        await sleep(baseDelayMs * 2 ** attempt);
        // Resolves with the module, or (after the last nested failure) with the fallback.
        return await origin.loadRemote(id);
      } catch (retryError) {
        return remoteFallback(id, retryError);
      } finally {
        if (attempt === 0) attempts.delete(id); // the outermost call resets the count
      }
    },
  };
}
