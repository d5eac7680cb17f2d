/**
 * Loads the vendor SDK the way the guide does (inject the SdkURL script, await `load`, then
 * `tccc.events.ready`), once per page, with a timeout, typed errors and a teardown that makes the
 * next initialisation safe. See README.md for the guard and the SdkURL rules.
 */
import { TcccLoadError } from './errors';
import { eventPayload } from './event-payload';
import { activeEntry, guardSlot, releaseEntry, type GuardEntry, type GuardSlot } from './guard';
import {
  resolveLoadOptions,
  validateLoadOptions,
  type ResolvedLoadOptions,
  type TcccLoadOptions,
} from './load-options';
import { injectScript, type InjectedScript } from './script-injection';
import { trackSdkDom, type SdkDomTracker } from './sdk-dom';
import { parseSdkUrl, redact, secretsOf } from './sdk-url';
import { isTcccGlobal, restoreTcccGlobal, type TcccHost } from './tccc-global';
import type { TcccEventEnvelope, TcccEventName, TcccGlobal, TcccListener } from './tccc.types';

/** Same shape as desk-core's `SdkLoader`. */
export interface TcccLoader {
  load(sdkUrl: string): Promise<TcccGlobal>;
  teardown(): void;
  /**
   * Call `listener` once when the SDK this loader's last `load` got is torn down by someone else
   * (another consumer on the page). Returns the unsubscribe. Optional for custom loaders.
   */
  onUnload?(listener: () => void): () => void;
}

export type TcccSdkPhase = 'idle' | 'loading' | 'ready';

/**
 * Load the SDK from a fresh SdkURL and resolve with the ready `tccc` global. While a load is under
 * way or done (by any copy of this library on the page), returns that same promise and injects
 * nothing: the extra SdkURL simply goes unused. A `tccc` global that was already on the page
 * (loaded by hand) is adopted and treated as ready, since its `ready` event cannot be awaited.
 */
export function loadTcccSdk(sdkUrl: string, options?: TcccLoadOptions): Promise<TcccGlobal> {
  try {
    return acquire(sdkUrl, resolveLoadOptions(options)).promise;
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Tear down the page's SDK: remove the loader's listeners, the script, the SDK's DOM and
 * `window.tccc`, and free the guard so a later load (with a fresh SdkURL) starts over. A load under
 * way rejects with `aborted`. An adopted global is only released, never removed. No-op when idle.
 */
export function teardownTcccSdk(): void {
  activeEntry()?.teardown();
}

/** What the page's guard holds right now (from whichever copy of this library). */
export function tcccSdkPhase(): TcccSdkPhase {
  return activeEntry()?.phase ?? 'idle';
}

/**
 * A loader for one consumer (desk-core's `SdkLoader`). `teardown()` tears down only the instance
 * this loader's last `load` started or joined, so a late teardown cannot kill a newer instance.
 * Consumers sharing one instance share its teardown too (there is one SDK per page).
 */
export function createTcccLoader(options?: TcccLoadOptions): TcccLoader & Required<Pick<TcccLoader, 'onUnload'>> {
  validateLoadOptions(options); // fail at creation; the document is resolved at load time
  let joined: GuardEntry | null = null;
  return {
    load(sdkUrl) {
      try {
        const { entry, promise } = acquire(sdkUrl, resolveLoadOptions(options));
        joined = entry;
        return promise;
      } catch (error) {
        return Promise.reject(error);
      }
    },
    teardown() {
      const entry = joined;
      joined = null;
      if (entry && activeEntry() === entry) entry.teardown();
    },
    onUnload(listener) {
      let live = true;
      joined?.closed?.then(() => {
        if (live) listener();
      });
      return () => {
        live = false;
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------

function acquire(sdkUrl: string, options: ResolvedLoadOptions): { entry: GuardEntry; promise: Promise<TcccGlobal> } {
  const url = parseSdkUrl(sdkUrl);
  const { signal } = options;
  if (signal?.aborted) throw abortedBySignal();

  const slot = guardSlot();
  const current = activeEntry(slot);
  if (current) {
    // Joining: our signal only ends our own wait; the load belongs to whoever started it.
    return { entry: current, promise: signal ? untilAborted(current.promise, signal) : current.promise };
  }
  const host = options.window as unknown as TcccHost;
  const entry = isTcccGlobal(host.tccc) ? adopt(slot, host.tccc) : startLoad(slot, sdkUrl, url, options);
  return { entry, promise: entry.promise };
}

function adopt(slot: GuardSlot, instance: TcccGlobal): GuardEntry {
  // No `closed`: an adopted global is only released, never removed, so it stays usable.
  const entry: GuardEntry = {
    promise: Promise.resolve(instance),
    phase: 'ready',
    origin: 'adopted',
    teardown: () => releaseEntry(slot, entry),
  };
  slot.active = entry;
  return entry;
}

function startLoad(slot: GuardSlot, sdkUrl: string, url: URL, options: ResolvedLoadOptions): GuardEntry {
  const { document: doc, signal, timeoutMs } = options;
  const host = options.window as unknown as TcccHost;
  const globalBefore = host.tccc;
  const secrets = secretsOf(sdkUrl, url);

  let state: 'loading' | 'ready' | 'closed' = 'loading';
  let sdk: TcccGlobal | undefined;
  let script: InjectedScript | undefined;
  let dom: SdkDomTracker | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined = undefined;
  const offs: Array<() => void> = [];

  let resolvePromise!: (sdk: TcccGlobal) => void;
  let rejectPromise!: (error: TcccLoadError) => void;
  const promise = new Promise<TcccGlobal>((resolve, reject) => {
    resolvePromise = resolve;
    rejectPromise = reject;
  });
  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));

  const onAbort = (): void => fail(abortedBySignal());

  const removeListeners = (): void => {
    for (const off of offs.splice(0)) {
      try {
        off();
      } catch {
        // A failing `off` must not stop the cleanup of the rest.
      }
    }
  };

  const stopLoading = (): void => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    script?.stopListening();
    removeListeners();
  };

  function fail(error: TcccLoadError): void {
    if (state !== 'loading') return;
    state = 'closed';
    stopLoading();
    script?.remove();
    dom?.removeAll();
    restoreTcccGlobal(host, globalBefore); // whatever the script put there is not usable
    releaseEntry(slot, entry);
    rejectPromise(error);
  }

  function succeed(instance: TcccGlobal): void {
    if (state !== 'loading') return;
    state = 'ready';
    stopLoading();
    entry.phase = 'ready';
    if (options.trackSdkDom === 'until-ready') dom?.stop();
    resolvePromise(instance);
  }

  function listen<K extends TcccEventName>(target: TcccGlobal, event: K, listener: TcccListener<K>): void {
    target.on(event, listener);
    // Without `off` (undocumented) the listener stays; `fail`/`succeed` ignore it once done.
    const off = (): void => target.off?.(event, listener);
    // The SDK may call a listener synchronously from `on`; then we are already done with it.
    if (state === 'loading') offs.push(off);
    else off();
  }

  function onScriptLoad(): void {
    if (state !== 'loading') return;
    const candidate = host.tccc;
    if (!isTcccGlobal(candidate)) {
      fail(new TcccLoadError('no_global', 'The SDK script loaded but did not define a usable `tccc` global.'));
      return;
    }
    sdk = candidate;
    const events = candidate.events;
    try {
      listen(candidate, events.tokenExpired ?? 'tokenExpired', onTokenExpired);
      listen(candidate, events.ready ?? 'ready', () => succeed(candidate));
    } catch {
      fail(new TcccLoadError('no_global', 'The SDK script loaded but its `tccc.on` failed.'));
    }
  }

  function onTokenExpired(response: TcccEventEnvelope<'tokenExpired'>): void {
    // Typed as documented, but checked: this is the SDK's data.
    const payload = eventPayload(response) as { message?: unknown } | null | undefined;
    const message = typeof payload?.message === 'string' ? payload.message.trim().slice(0, 300) : '';
    const detail = message ? ` (${redact(message, secrets)})` : '';
    fail(
      new TcccLoadError(
        'token_expired',
        `The SDK reported that its login token had expired before it was ready${detail}. Request a fresh SdkURL and load again.`,
      ),
    );
  }

  const entry: GuardEntry = {
    promise,
    phase: 'loading',
    origin: 'injected',
    teardown() {
      if (state === 'loading') {
        fail(new TcccLoadError('aborted', 'Loading the SDK script was aborted by teardown.'));
        return;
      }
      if (state !== 'ready') return;
      state = 'closed';
      removeListeners();
      script?.remove();
      dom?.removeAll();
      if (host.tccc === sdk) restoreTcccGlobal(host, globalBefore);
      releaseEntry(slot, entry);
      markClosed();
    },
    closed,
  };

  slot.active = entry;
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    script = injectScript(doc, sdkUrl, {
      load: onScriptLoad,
      error: () =>
        fail(
          new TcccLoadError(
            'script_error',
            'The SDK script failed to load (a network error, or the SdkURL was refused: it is single-use and expires after 10 minutes). Request a fresh SdkURL and load again.',
          ),
        ),
    });
    dom = trackSdkDom(doc, script.element);
  } catch {
    fail(new TcccLoadError('script_error', 'The SDK script could not be added to the page.'));
    return entry;
  }
  // Counted from the injection: covers both the script's download and the SDK's start-up.
  timer = setTimeout(
    () => fail(new TcccLoadError('timeout', `The SDK script did not load and become ready within ${timeoutMs} ms.`)),
    timeoutMs,
  );
  return entry;
}

function abortedBySignal(): TcccLoadError {
  return new TcccLoadError('aborted', 'Loading the SDK script was aborted by the caller.');
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortedBySignal());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
