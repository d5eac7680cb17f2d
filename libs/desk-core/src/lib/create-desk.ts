/**
 * createDesk: the store, its selectors, the commands, and the connection lifecycle
 * (idle → authenticating → loading → ready | error), wired together.
 */
import { createTcccLoader, type TcccGlobal } from '@tccc-desk/tccc-sdk';
import { BehaviorSubject, first } from 'rxjs';
import { authenticating, failed, historyRestored, loading, ready } from './actions';
import { browserSupported } from './browser-support';
import type { CreateDeskOptions, Desk, LoginResult, LoginWaitReason, SdkLoader } from './desk.types';
import { DeskError, destroyedError, invalidArgument, isDeskError, loadFailure, loginFailure, sdkUnloaded } from './errors';
import { createCallLogs, defaultCallLogStorage } from './call-logs';
import { createDiagnostics } from './diagnostics';
import { createHistoryStore } from './history-store';
import { createInterceptors } from './interceptors';
import { lazyCommands } from './lazy-commands';
import { DEFAULT_HISTORY_SIZE } from './reducer';
import { createSelectors } from './selectors';
import { createStore } from './store';
import { untilAborted } from './until-aborted';

export const MAX_HISTORY_SIZE = 1_000;

export function createDesk(options: CreateDeskOptions): Desk {
  const { login, clock, historySize, loader, callLogStorage, historyStorage, versions } = checkOptions(options);
  const store = createStore({ clock, historySize });
  const selectors = createSelectors(store.state$);
  const historyStore = createHistoryStore({ state$: store.state$, storage: historyStorage, historySize, clock });
  // A plain desk coordinates with no other tab (tab-desk.ts does).
  const tab = new BehaviorSubject({ role: 'alone' as const });
  const callLogs = createCallLogs({ history$: selectors.history$, agent$: selectors.agent$, events$: store.events$, clock, storage: callLogStorage });

  let sdk: TcccGlobal | null = null;
  let destroyed = false;
  let attempt: Promise<void> | null = null;
  // Bumped by destroy(): a late answer of an old attempt is dropped.
  let generation = 0;
  // Aborted by destroy(): a login still in flight (its POST) is cancelled, not just ignored.
  let loginAbort: AbortController | null = null;

  // Aborted by destroy(): every wait (login, load, SDK commands) ends at once, and a settled
  // wait lets go of it (no promise kept per command until destroy).
  const lifetime = new AbortController();
  const untilDestroyed = <T>(work: Promise<T>): Promise<T> => untilAborted(work, lifetime.signal, destroyedError);
  // Stops listening for the SDK being torn down by someone else (another desk on the page).
  let stopWatchingUnload: (() => void) | null = null;

  /** Our SDK is gone from the page, and not by our hand: say so, and let retry() load it again. */
  function sdkGone(): void {
    stopWatchingUnload = null;
    if (destroyed || !sdk) return;
    store.attach(null);
    sdk = null;
    const info = sdkUnloaded().toJSON();
    store.dispatch(failed(info));
    store.reportError(info);
  }

  /** Tear our SDK down ourselves (retry, destroy): not news to report. */
  function unload(): void {
    stopWatchingUnload?.();
    stopWatchingUnload = null;
    store.attach(null);
    sdk = null;
    teardownLoader(loader);
  }

  async function attemptConnect(): Promise<void> {
    store.dispatch(authenticating());
    let result: LoginResult;
    const abort = new AbortController();
    loginAbort = abort;
    let waitOver: ReturnType<typeof setTimeout> | undefined;
    try {
      // A fresh, single-use SdkURL each time: never cached, never logged.
      const onWait = (seconds: number, reason?: LoginWaitReason) => {
        // Only while this login is the one in flight: a late callback must not rewind the lifecycle.
        if (destroyed || loginAbort !== abort || !Number.isFinite(seconds) || seconds < 0) return;
        store.dispatch(authenticating(Math.ceil(seconds), reason === 'retry' ? 'retry' : 'line'));
        // The wait is over: the next try is plain "signing in" again, not a countdown left at its start.
        clearTimeout(waitOver);
        waitOver = setTimeout(() => {
          if (!destroyed && loginAbort === abort) store.dispatch(authenticating());
        }, seconds * 1000);
      };
      result = await untilDestroyed(Promise.resolve().then(() => login({ signal: abort.signal, onWait })));
    } catch (error) {
      throw destroyed ? destroyedError() : loginFailure(error);
    } finally {
      clearTimeout(waitOver);
      if (loginAbort === abort) loginAbort = null;
    }
    // destroy() may run after the answer settled but before this line: an await resumes later.
    if (destroyed) throw destroyedError();
    const sdkUrl = result?.sdkUrl;
    // Whose seat it is: the call logs it left un-acked (before a reload) are offered again.
    const seat = typeof result?.seatUserId === 'string' ? result.seatUserId : undefined;
    callLogs.useSeat(seat);
    // And its call history from before a reload (or from another tab).
    const restored = historyStore.useSeat(seat);
    if (restored.sessions.length > 0 || restored.replace) store.dispatch(historyRestored(restored.sessions, restored.replace));
    if (typeof sdkUrl !== 'string' || sdkUrl.length === 0) {
      throw new DeskError({ code: 'login_failed', message: 'The login returned no SdkURL.', retryable: true });
    }
    diagnostics.sdkLoaded(sdkUrl);
    store.dispatch(loading());
    let tccc: TcccGlobal;
    try {
      tccc = await untilDestroyed(Promise.resolve().then(() => loader.load(sdkUrl)));
    } catch (error) {
      throw destroyed ? destroyedError() : loadFailure(error, sdkUrl);
    }
    if (destroyed) {
      // Destroyed once the SDK was on the page: take it off again rather than wire it up.
      teardownLoader(loader);
      throw destroyedError();
    }
    sdk = tccc;
    store.attach(tccc); // listen before announcing ready, so no event after `ready` is missed
    stopWatchingUnload = loader.onUnload?.(sdkGone) ?? null;
    store.dispatch(ready(clock()));
  }

  function start(): Promise<void> {
    const mine = generation;
    const run = attemptConnect().then(
      () => {
        attempt = null;
      },
      (error: unknown) => {
        attempt = null;
        const deskError = isDeskError(error) ? error : loginFailure(error);
        if (!destroyed && mine === generation) {
          const info = deskError.toJSON();
          store.dispatch(failed(info));
          store.reportError(info);
        }
        throw deskError;
      },
    );
    attempt = run;
    return run;
  }

  function connect(): Promise<void> {
    if (destroyed) return Promise.reject(destroyedError());
    if (attempt) return attempt;
    const lifecycle = store.state.lifecycle;
    if (lifecycle.status === 'ready') return Promise.resolve();
    if (lifecycle.status === 'error') return Promise.reject(new DeskError(lifecycle.error));
    return start();
  }

  function retry(): Promise<void> {
    if (destroyed) return Promise.reject(destroyedError());
    if (attempt) return attempt;
    if (store.state.lifecycle.status === 'ready') return Promise.resolve();
    // Start over: whatever a failed attempt left on the page goes first.
    unload();
    return start();
  }

  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    generation++;
    loginAbort?.abort(destroyedError());
    loginAbort = null;
    lifetime.abort();
    stopWatchingUnload?.();
    stopWatchingUnload = null;
    callLogs.destroy();
    historyStore.destroy();
    diagnostics.destroy();
    tab.complete();
    store.destroy(); // tccc.off for every listener, then every stream completes
    sdk = null;
    teardownLoader(loader);
  }

  /** Not on the way to ready: its code is fetched on the first call. */
  async function preflight() {
    const { runPreflight } = await import('./preflight');
    return runPreflight(store.state.lifecycle.status === 'ready' ? sdk : null);
  }

  const diagnostics = createDiagnostics({ lifecycle$: selectors.lifecycle$, events$: store.events$, errors$: store.errors$, clock, versions });
  const interceptors = createInterceptors();
  // The commands' code comes with the first command (a desk is ready without it), or with the
  // first contact, which the agent is about to answer.
  const { commands, prefetch: prefetchCommands } = lazyCommands(
    {
      store,
      clock,
      sdk: () => sdk,
      destroyed: lifetime.signal,
      interceptors,
      onCommand: (record) => diagnostics.command(record),
    },
    () => {
      if (lifetime.signal.aborted) throw destroyedError();
      return browserSupported(store.state.lifecycle.status === 'ready' ? sdk : null);
    },
  );
  store.state$.pipe(first((state) => state.sessionOrder.length > 0)).subscribe({ next: prefetchCommands, error: () => undefined });

  return {
    state$: store.state$,
    ...selectors,
    events$: store.events$,
    errors$: store.errors$,
    connect,
    retry,
    destroy,
    signOut() {
      historyStore.clear();
      destroy();
    },
    tab$: tab.asObservable(),
    useHere: () => (destroyed ? Promise.reject(destroyedError()) : Promise.resolve()),
    preflight,
    ...commands,
    diagnostics: () =>
      diagnostics.document({
        state: store.state,
        preflight,
        callLogs: { unacked: callLogs.api.unacked().length, dropped: callLogs.dropped },
      }),
    callLogs$: callLogs.callLogs$,
    callLogs: callLogs.api,
    intercept(command, interceptor) {
      if (destroyed) throw destroyedError();
      return interceptors.add(command, interceptor);
    },
  };
}

/** createDesk's option checks (also run by createTabDesk before any tab leads). */
export function checkOptions(options: CreateDeskOptions): Required<Omit<CreateDeskOptions, 'loadTimeoutMs'>> {
  if (options === null || typeof options !== 'object') throw invalidArgument('options', 'must be an object');
  const { login, loader, clock, historySize, loadTimeoutMs } = options;
  if (typeof login !== 'function') throw invalidArgument('login', 'must be a function resolving { sdkUrl }');
  if (loader !== undefined && (typeof loader?.load !== 'function' || typeof loader?.teardown !== 'function')) {
    throw invalidArgument('loader', 'must have load(sdkUrl) and teardown()');
  }
  if (loader?.onUnload !== undefined && typeof loader.onUnload !== 'function') throw invalidArgument('loader', 'onUnload must be a function');
  if (clock !== undefined && typeof clock !== 'function') throw invalidArgument('clock', 'must be a function');
  const size = historySize ?? DEFAULT_HISTORY_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_HISTORY_SIZE) {
    throw invalidArgument('historySize', `must be an integer from 0 to ${MAX_HISTORY_SIZE}`);
  }
  if (loadTimeoutMs !== undefined && (!Number.isFinite(loadTimeoutMs) || loadTimeoutMs <= 0 || loadTimeoutMs > MAX_LOAD_TIMEOUT_MS)) {
    throw invalidArgument('loadTimeoutMs', `must be a number of milliseconds from 1 to ${MAX_LOAD_TIMEOUT_MS}`);
  }
  const { callLogStorage, historyStorage, versions } = options;
  if (historyStorage !== undefined && historyStorage !== null && (typeof historyStorage?.getItem !== 'function' || typeof historyStorage?.setItem !== 'function' || typeof historyStorage?.removeItem !== 'function')) {
    throw invalidArgument('historyStorage', 'must have getItem, setItem and removeItem (a Storage), or be null');
  }
  if (versions !== undefined && (versions === null || typeof versions !== 'object' || Object.values(versions).some((v) => typeof v !== 'string'))) {
    throw invalidArgument('versions', 'must map names to version strings');
  }
  if (callLogStorage !== undefined && callLogStorage !== null && (typeof callLogStorage?.getItem !== 'function' || typeof callLogStorage?.setItem !== 'function' || typeof callLogStorage?.removeItem !== 'function')) {
    throw invalidArgument('callLogStorage', 'must have getItem, setItem and removeItem (a Storage), or be null');
  }
  if (loadTimeoutMs !== undefined && loader !== undefined) {
    throw invalidArgument('loadTimeoutMs', 'applies to the default loader only: set the timeout on your own loader');
  }
  return {
    login,
    loader: loader ?? (createTcccLoader(loadTimeoutMs === undefined ? undefined : { timeoutMs: loadTimeoutMs }) as SdkLoader),
    clock: clock ?? Date.now,
    historySize: size,
    callLogStorage: callLogStorage === undefined ? defaultCallLogStorage() : callLogStorage,
    historyStorage: historyStorage === undefined ? defaultCallLogStorage() : historyStorage,
    versions: { ...(versions ?? {}) },
  };
}

/** Longer than any browser would wait for a script: a typo guard, not a policy. */
const MAX_LOAD_TIMEOUT_MS = 300_000;

function teardownLoader(loader: SdkLoader): void {
  try {
    loader.teardown();
  } catch {
    // A failing teardown must not keep the desk from starting over or shutting down.
  }
}
