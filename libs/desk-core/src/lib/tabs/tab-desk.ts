/**
 * One SDK per agent across the tabs of a browser profile. `createTabDesk` returns the same Desk
 * interface as `createDesk`, in every tab:
 *
 * - the tabs elect one leader per scope (the signed-in person) with Web Locks (leader-election.ts);
 * - the leader's tab runs a real desk (createDesk: it alone logs in and owns the SDK) and publishes
 *   its state, events, errors and call logs over a BroadcastChannel, each with a sequence number;
 * - a follower mirrors them (its state$ is the leader's last state: the leader's reducer stays the
 *   only writer) and forwards every command (FORWARDED_COMMANDS) to the leader, resolving with its
 *   result or rejecting with its DeskError; no answer in time, or the leader gone, rejects with
 *   `tab_leader_unavailable`;
 * - the leader tab closes or crashes: the browser releases the lock, the next tab in line becomes
 *   leader and logs in afresh. `useHere()` steals the lock: the old leader tears its SDK down.
 *
 * Without Web Locks or BroadcastChannel, when the lock manager refuses (e.g. a SecurityError in a
 * sandboxed iframe), or when there is no scope (no signed-in person known), the tab works alone (its
 * own desk, `tab$` says `alone`) and says so once: tabs never share a constant scope.
 *
 * The leader posts only while followers are known (a follower says `hello` when it joins and
 * `here` every heartbeat; the leader forgets one it has not heard from in a while), at most one
 * state per microtask (the latest), and without the SDK's `raw` payloads. Every message carries the
 * scope; a tab ignores messages of another scope.
 *
 * What runs only with another tab (a follower's side, the leader's serving of followers) is in
 * tab-peers.ts, loaded when this tab becomes a follower or a follower first speaks to this leader:
 * a tab alone, or a leader with no follower, never fetches it. A failed load is reported on errors$
 * (once until a load succeeds) and tried again after a backoff (1 s, 5 s, 20 s, then every 60 s):
 * a follower's by a timer, a leader's on a follower's next message after it. Meanwhile a
 * follower drops what it hears and its commands reject with `tab_leader_unavailable` (retryable;
 * also when the load takes longer than a command's timeout), a leader answers its followers'
 * commands so, and "use it here" works without it.
 */
import { BehaviorSubject, Observable, ReplaySubject, Subject, type Subscription } from 'rxjs';
import { MAX_CALL_LOG_NOTES } from '../call-logs';
import { checkOptions, createDesk } from '../create-desk';
import type { CallLog, CommandInterceptor, CreateDeskOptions, Desk, DeskCommandName, DeskErrorInfo, DeskEvent, DeskState, TabInfo } from '../desk.types';
import { DeskError, destroyedError, invalidArgument } from '../errors';
import { browserFeaturesSupported } from '../browser-support';
import { createSelectors } from '../selectors';
import { initialState, liveSessions, partsOf } from '../state';
import { FORWARDED_COMMANDS, SYNC_FORWARDED, type ForwardedCommand } from './forwarded-commands';
import { startElection, type Election, type ElectionRole } from './leader-election';
import { browserTabEnvironment, type TabChannel, type TabEnvironment } from './tab-environment';
import { asTabMessage, type TabMessage } from './tab-messages';
import type { PeerHost, Peers } from './tab-peers';

/** How tab-peers.ts is loaded (its own chunk in a browser build); tests replace `load` to control the loading window. */
export const tabPeersChunk: { load: () => Promise<typeof import('./tab-peers')> } = {
  load: () => import('./tab-peers'),
};
import { errorInfo, invoke, plain } from './tab-shared';

export interface TabOptions {
  /** Whom the tabs coordinate for (the signed-in person, hence the seat): one leader per scope. */
  scope: () => string | null | Promise<string | null>;
  /** Default: this browser's navigator.locks and BroadcastChannel. null: this tab works alone. */
  environment?: TabEnvironment | null;
  /** How long a follower waits for the leader's answer to a command (ms, default 20,000). */
  commandTimeoutMs?: number;
  /** How often a follower asks again for the snapshot it has not received (ms, default 1,000). */
  snapshotRetryMs?: number;
  /** Where "this tab works alone" is said, once per page (default console.info). */
  log?: (message: string) => void;
  /** Where `beforeunload` / `pagehide` are heard (default the page; null: nowhere). */
  window?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** How often a follower tells the leader it is still there (ms, default 5,000). */
  heartbeatMs?: number;
  /** This tab's id (default random), for tests. */
  tabId?: string;
}

export interface TabDeskOptions extends CreateDeskOptions {
  tabs: TabOptions;
}

const LOCK_PREFIX = 'tccc-desk.leader:';
const CHANNEL_PREFIX = 'tccc-desk.tabs:';
const DEFAULT_COMMAND_TIMEOUT_MS = 20_000;
const DEFAULT_SNAPSHOT_RETRY_MS = 1_000;
const DEFAULT_HEARTBEAT_MS = 5_000;
/** No new load of tab-peers.ts this long after a failure (ms, by failures in a row; then the last, repeatedly). */
const PEERS_RETRY_MS = [1_000, 5_000, 20_000, 60_000];
/** What a leader hears from followers (anything else is for followers). */
const FROM_FOLLOWERS: ReadonlySet<string> = new Set(['hello', 'here', 'left', 'cmd']);

/** What "this tab works alone" messages were said already on this page (each once). */
const saidAlone = new Set<string>();

function sayAlone(log: ((message: string) => void) | undefined, message: string): void {
  if (saidAlone.has(message)) return;
  saidAlone.add(message);
  (log ?? ((m: string) => console.info(m)))(message);
}

const NO_ENVIRONMENT = 'tccc-desk: this browser has no Web Locks or BroadcastChannel: each tab runs its own desk.';
const NO_SCOPE = 'tccc-desk: no signed-in person is known for this tab: it runs its own desk, coordinated with no other tab.';
const NO_LOCKS = 'tccc-desk: the browser refused the Web Locks this tab needs to coordinate: it runs its own desk.';

interface Registration {
  command: DeskCommandName;
  interceptor: CommandInterceptor<DeskCommandName>;
  off: (() => void) | null;
}

export function createTabDesk(options: TabDeskOptions): Desk {
  if (options === null || typeof options !== 'object') throw invalidArgument('options', 'must be an object');
  const { tabs, ...deskOptions } = options;
  if (tabs === null || typeof tabs !== 'object' || typeof tabs.scope !== 'function') throw invalidArgument('tabs.scope', 'must be a function returning whom the tabs coordinate for');
  const commandTimeoutMs = positive(tabs.commandTimeoutMs, DEFAULT_COMMAND_TIMEOUT_MS, 'tabs.commandTimeoutMs');
  const snapshotRetryMs = positive(tabs.snapshotRetryMs, DEFAULT_SNAPSHOT_RETRY_MS, 'tabs.snapshotRetryMs');
  const heartbeatMs = positive(tabs.heartbeatMs, DEFAULT_HEARTBEAT_MS, 'tabs.heartbeatMs');
  checkTabOptions(tabs);
  const environment = tabs.environment === undefined ? browserTabEnvironment() : tabs.environment;
  // Fail fast on bad desk options, as createDesk would (the leader's desk is made later).
  checkOptions(deskOptions);
  return tabDesk(deskOptions, tabs, environment, { commandTimeoutMs, snapshotRetryMs, heartbeatMs });
}

function tabDesk(
  deskOptions: CreateDeskOptions,
  tabs: TabOptions,
  environment: TabEnvironment | null,
  timing: { commandTimeoutMs: number; snapshotRetryMs: number; heartbeatMs: number },
): Desk {
  const { commandTimeoutMs, snapshotRetryMs, heartbeatMs } = timing;
  const tabId = tabs.tabId ?? randomId();
  const mirror = new BehaviorSubject<DeskState>(initialState());
  const events = new Subject<DeskEvent>();
  const errors = new Subject<DeskErrorInfo>();
  const callLogOffers = new Subject<CallLog>();
  const tab = new ReplaySubject<TabInfo>(1);
  const selectors = createSelectors(mirror);
  const pageEvents = tabs.window === undefined ? defaultWindow() : tabs.window;

  let destroyed = false;
  let role: ElectionRole | 'alone' | null = null;
  /** Whom this tab coordinates for (known once tabs.scope() answered); every message carries it. */
  let scope: string | null = null;
  let channel: TabChannel | null = null;
  let election: Election | null = null;
  /** The leader's real desk (only while this tab leads). */
  let inner: Desk | null = null;
  let innerSubscriptions: Subscription[] = [];
  /** connect() or retry() was called in this tab: a tab that becomes leader logs in. */
  let wantConnected = false;
  /**
   * `leader`: the current leader's term (its leadership, later leaders have higher ones), this
   * tab's own while it leads; `max`: the highest heard of (a tab that becomes leader takes a higher one).
   */
  const terms = { leader: 0, max: 0 };
  /** The leader's unacknowledged call logs, as a follower last heard them. */
  let leaderUnacked: readonly CallLog[] = [];
  /** A follower's acks not answered yet (id → how many): not listed meanwhile, listed again if they fail. */
  const acking = new Map<string, number>();
  /** This tab's unacknowledged call logs, on every change: its desk's, or the follower's view. */
  const unackedList = new BehaviorSubject<readonly CallLog[]>([]);
  function show(list: readonly CallLog[]): void {
    if (!destroyed && !sameLogs(list, unackedList.value)) unackedList.next(list);
  }
  function followerUnacked(): readonly CallLog[] {
    return acking.size === 0 ? leaderUnacked : leaderUnacked.filter((log) => !acking.has(log.id));
  }
  /** The leader's list came (a follower): shown unless this tab runs its own desk now. */
  function setUnacked(list: CallLog[]): void {
    leaderUnacked = list;
    if (!leads()) show(followerUnacked());
  }
  /** The other-tabs part (tab-peers.ts), once loaded. */
  let peers: Peers | null = null;
  let loadingPeers: Promise<Peers> | null = null;
  /** What waits for tab-peers.ts to load, in order (with what to do if it cannot). */
  const waiting: Array<{ use: (loaded: Peers) => void; failed?: () => void }> = [];
  let peersFailureSaid = false;
  /** Failed loads in a row, and no new try before this time (ms since the epoch). */
  let peersRetries = 0;
  let peersNotBefore = 0;
  let peersRetryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Load failures said on errors$ already (a synchronous command's failure is not said twice). */
  const reported = new WeakSet<object>();
  const registrations: Registration[] = [];
  let roleKnown!: () => void;
  const elected = new Promise<void>((resolve) => (roleKnown = resolve));
  const becameLeader: Array<() => void> = [];

  // ---------------------------------------------------------------------------------------------
  // Start: whom we coordinate for, then the channel and the election.

  if (environment) {
    const env = environment;
    void Promise.resolve()
      .then(() => tabs.scope())
      .then(
        (answer) => (typeof answer === 'string' && answer !== '' ? answer : null),
        () => null,
      )
      .then((answer) => {
        if (destroyed) return;
        // No scope: never a constant shared one (another person's tabs would join it).
        if (answer === null) return goAlone(NO_SCOPE);
        scope = answer;
        try {
          channel = env.channel(CHANNEL_PREFIX + answer);
          channel.addEventListener('message', onMessage);
        } catch {
          channel = null;
          return goAlone(NO_ENVIRONMENT);
        }
        election = startElection({ locks: env.locks, name: LOCK_PREFIX + answer, onRole: setRole, onUnavailable: () => goAlone(NO_LOCKS) });
      });
  }

  pageEvents?.addEventListener('pagehide', onPageHide);

  function post(message: TabMessage): void {
    if (!channel || destroyed || scope === null) return;
    try {
      try {
        channel.postMessage(envelope(message));
      } catch (error) {
        // An event whose payload cannot be cloned: its plain-data (JSON) form instead.
        if (message.t !== 'event' || (error as { name?: unknown } | null)?.name !== 'DataCloneError') throw error;
        channel.postMessage(envelope({ ...message, event: plain(message.event) as DeskEvent }));
      }
    } catch (error) {
      // A closed channel (InvalidStateError: the page is going): nothing to tell. A value that cannot be copied: say so.
      if ((error as { name?: unknown } | null)?.name !== 'InvalidStateError' && !destroyed) {
        errors.next({ code: 'sdk_error', message: `The desk could not share a ${message.t} message with the other tabs (it holds a value that cannot be copied).`, retryable: false });
      }
    }
  }

  /** Every message names the scope; the leader's also its term. */
  function envelope(message: TabMessage): TabMessage & { scope: string; term?: number } {
    return role === 'leader' ? { ...message, scope: scope as string, term: terms.leader } : { ...message, scope: scope as string };
  }

  const host: PeerHost = {
    tabId,
    commandTimeoutMs,
    snapshotRetryMs,
    heartbeatMs,
    terms,
    role: () => role,
    destroyed: () => destroyed,
    inner: () => inner,
    state: () => mirror.value,
    mirror: (state) => mirror.next(state),
    event: (event) => events.next(event),
    error: (error) => errors.next(error),
    setUnacked,
    unacked: () => unackedList.value.slice(),
    post,
    postCommand(message) {
      if (!channel) throw new Error('no channel');
      channel.postMessage(envelope(message));
    },
    wantConnected: () => (wantConnected = true),
  };

  /**
   * tab-peers.ts, loaded once. After a failure, no new try before `peersNotBefore` (a backoff both
   * roles share: a leader's followers ask every second); until then callers get the failure at once.
   */
  function loadPeers(): Promise<Peers> {
    if (peers) return Promise.resolve(peers);
    if (loadingPeers) return loadingPeers;
    if (Date.now() < peersNotBefore) return Promise.reject(peersFailure(null));
    loadingPeers = tabPeersChunk.load().then(
      ({ createPeers }) => {
        loadingPeers = null;
        peers = createPeers(host);
        peersFailureSaid = false;
        peersRetries = 0;
        peersNotBefore = 0;
        if (peersRetryTimer) clearTimeout(peersRetryTimer);
        peersRetryTimer = null;
        // Whoever asked for it, a follower starts following now (not when its retry timer fires).
        if (role === 'follower' && !destroyed) peers.follow();
        return peers;
      },
      (error: unknown) => {
        loadingPeers = null;
        peersNotBefore = Date.now() + PEERS_RETRY_MS[Math.min(peersRetries++, PEERS_RETRY_MS.length - 1)];
        const failure = peersFailure(error);
        // Once until a load succeeds.
        if (!destroyed && !peersFailureSaid) {
          peersFailureSaid = true;
          reported.add(failure);
          errors.next(failure.toJSON());
        }
        if (role === 'follower') retryFollowing();
        throw failure;
      },
    );
    return loadingPeers;
  }

  function peersFailure(cause: unknown): DeskError {
    return new DeskError(
      { code: 'tab_leader_unavailable', message: 'This tab could not load the code it shares the desk with other tabs by (network?): try again.', retryable: true },
      cause === null ? undefined : { cause },
    );
  }

  /** Runs `use` with tab-peers.ts, now if it is here, else once loaded (in the order asked); `failed` if it could not load. */
  function withPeers(use: (loaded: Peers) => void, failed?: () => void): void {
    if (peers) return use(peers);
    waiting.push({ use, failed });
    loadPeers().then(
      (loaded) => {
        for (const next of waiting.splice(0)) if (!destroyed) next.use(loaded);
      },
      () => {
        for (const next of waiting.splice(0)) if (!destroyed) next.failed?.();
      },
    );
  }

  /**
   * tab-peers.ts for a follower's command: its load, raced against this tab becoming the one that
   * runs the desk (null then), the command's timeout and destroy().
   */
  function peersForCommand(): Promise<Peers | null> {
    if (peers) return Promise.resolve(peers);
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const index = becameLeader.indexOf(onLead);
        if (index >= 0) becameLeader.splice(index, 1);
        settle();
      };
      const onLead = () => finish(() => resolve(null));
      const timer = setTimeout(() => finish(() => reject(peersFailure(null))), commandTimeoutMs);
      becameLeader.push(onLead);
      loadPeers().then(
        (loaded) => finish(() => resolve(loaded)),
        (error: unknown) => finish(() => reject(error)),
      );
    });
  }

  /** No coordination (no scope, or no usable Web Locks): this tab runs its own desk, like createDesk. */
  function goAlone(reason: string): void {
    if (destroyed || role === 'alone') return;
    sayAlone(tabs.log, reason);
    const wasLeader = role === 'leader';
    if (wasLeader) post({ t: 'bye', leader: tabId });
    else if (role === 'follower') post({ t: 'left', from: tabId });
    election?.stop();
    election = null;
    peers?.stop();
    channel?.removeEventListener('message', onMessage);
    try {
      channel?.close();
    } catch {
      // Closed already.
    }
    channel = null;
    role = 'alone';
    if (!wasLeader) runDesk();
    tab.next({ role: 'alone' });
    roleKnown();
  }

  function setRole(next: ElectionRole): void {
    if (destroyed || next === role || role === 'alone') return;
    role = next;
    if (next === 'leader') becomeLeader();
    else becomeFollower();
    tab.next({ role: next });
    roleKnown();
  }

  // ---------------------------------------------------------------------------------------------
  // Leader

  function becomeLeader(): void {
    peers?.lead();
    // Later than any leader heard of, and than any earlier grant (the clock runs on across tabs).
    terms.leader = terms.max = Math.max(Date.now(), terms.max + 1);
    runDesk();
    post({ t: 'leader', leader: tabId });
  }

  /** Leader → followers (tab-peers.ts; none are known while it is not loaded). */
  function broadcast(make: (seq: number) => TabMessage): void {
    if (role === 'leader') peers?.broadcast(make);
  }

  /** The real desk in this tab (leader or alone): what it says is this tab's, and the followers'. */
  function runDesk(): void {
    const desk = createDesk(deskOptions);
    inner = desk;
    for (const registration of registrations) registration.off = desk.intercept(registration.command, registration.interceptor);
    innerSubscriptions = [
      desk.state$.subscribe((state) => {
        mirror.next(state);
        updateUnloadGuard(state);
        if (role === 'leader') peers?.scheduleState();
      }),
      desk.events$.subscribe((event) => {
        events.next(event);
        broadcast((n) => ({ t: 'event', leader: tabId, seq: n, event }));
      }),
      desk.errors$.subscribe((error) => {
        errors.next(error);
        broadcast((n) => ({ t: 'error', leader: tabId, seq: n, error }));
      }),
      // Every change of the list reaches the followers (an ack, a failure, another seat's login…).
      desk.callLogs.unacked$.subscribe((list) => {
        show(list);
        broadcast((n) => ({ t: 'unacked', leader: tabId, seq: n, unacked: list.slice() }));
      }),
      desk.callLogs$.subscribe((log) => {
        callLogOffers.next(log);
        broadcast((n) => ({ t: 'callLog', leader: tabId, seq: n, log, unacked: unackedList.value.slice() }));
      }),
    ];
    // The old leader is gone: what was sent to it has no answer coming. A login asked for here
    // is now this tab's to do.
    peers?.takeOver(desk);
    if (wantConnected) desk.connect().catch(() => undefined); // a failure shows in lifecycle$
    for (const done of becameLeader.splice(0)) done();
  }

  function stepDown(): void {
    for (const subscription of innerSubscriptions.splice(0)) subscription.unsubscribe();
    for (const registration of registrations) registration.off = null;
    const desk = inner;
    inner = null;
    // What this tab's desk listed is the best guess until the new leader's list comes.
    if (desk) leaderUnacked = unackedList.value;
    desk?.destroy(); // the SDK leaves this tab
    updateUnloadGuard(null);
  }

  // ---------------------------------------------------------------------------------------------
  // Follower

  function becomeFollower(): void {
    stepDown();
    follow();
  }

  /** The follower's side starts once tab-peers.ts is here (loadPeers starts it); a failed load is tried again while this tab follows. */
  function follow(): void {
    if (peers) return peers.follow();
    loadPeers().catch(retryFollowing); // the failure is said on errors$
  }

  /** A follower without tab-peers.ts tries again once the backoff allows. */
  function retryFollowing(): void {
    if (role !== 'follower' || destroyed || peersRetryTimer) return;
    peersRetryTimer = setTimeout(() => {
      peersRetryTimer = null;
      if (role === 'follower' && !destroyed) follow();
    }, Math.max(0, peersNotBefore - Date.now()));
  }

  function onMessage(event: { data: unknown }): void {
    const message = asTabMessage(event.data);
    if (!message || destroyed) return;
    // Only the tabs of the same person: a message of another scope is not ours, whatever it says.
    if (scope === null || (event.data as { scope?: unknown }).scope !== scope) return;
    if (peers) {
      if (role === 'leader' || role === 'follower') peers.onMessage(message, event.data);
      return;
    }
    // Without tab-peers.ts: a follower drops what it hears (it asks for a snapshot once loaded); a
    // leader loads it when a follower first speaks, and answers a command it cannot serve.
    if (role !== 'leader' || !FROM_FOLLOWERS.has(message.t)) return;
    withPeers(
      (loaded) => loaded.onMessage(message, event.data),
      () => {
        if (message.t === 'cmd' && message.to === tabId && role === 'leader') {
          const error = peersFailure(null).toJSON();
          post({ t: 'result', to: message.from, from: tabId, id: message.id, ok: false, error });
        }
      },
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Commands: run here when leading, else sent to the leader.

  async function command(path: ForwardedCommand, args: unknown[]): Promise<unknown> {
    if (destroyed) throw destroyedError();
    if (path === 'connect' || path === 'retry') wantConnected = true;
    await elected;
    if (destroyed) throw destroyedError();
    if (leads() && inner) {
      return invoke(inner, path, args);
    }
    if (!clonable(args)) throw invalidArgument('args', 'must be plain data: the command goes to the tab that owns the desk');
    let loaded: Peers | null;
    try {
      loaded = await peersForCommand();
    } catch (error) {
      if (destroyed) throw destroyedError();
      if (leads() && inner) return command(path, args);
      throw error;
    }
    if (destroyed) throw destroyedError();
    // It may have become leader (or alone) while the code loaded: then it runs here.
    if (leads() && inner) return command(path, args);
    if (!loaded) throw peersFailure(null);
    return loaded.forward(path, args);
  }

  function forwarder(path: ForwardedCommand) {
    if (SYNC_FORWARDED.has(path)) {
      return (...args: unknown[]) => {
        if (destroyed) throw destroyedError();
        if (leads() && inner) {
          invoke(inner, path, args);
          return;
        }
        checkCallLogArgs(path, args);
        // An ack shows at once; each ack is undone on its own if it fails (whatever came meanwhile).
        const acked = path === 'callLogs.ack' ? (args[0] as string) : null;
        if (acked !== null) {
          acking.set(acked, (acking.get(acked) ?? 0) + 1);
          show(followerUnacked());
        }
        // The API is synchronous: the leader's own checks report on errors$ if they fail.
        command(path, args).then(
          () => {
            // Acked by the leader: gone from its list (its own list follows).
            if (acked !== null) leaderUnacked = leaderUnacked.filter((log) => log.id !== acked);
            answered(acked);
          },
          (error: unknown) => {
            answered(acked);
            if (destroyed) return;
            // A failed load of tab-peers.ts was said on errors$ already.
            if (!reported.has(error as object)) errors.next(errorInfo(error));
          },
        );
      };
    }
    return (...args: unknown[]) => command(path, args);
  }

  /** A follower's ack was answered: no longer hidden (a tab that runs its own desk shows that desk's list). */
  function answered(acked: string | null): void {
    if (acked === null) return;
    const left = (acking.get(acked) ?? 1) - 1;
    if (left > 0) acking.set(acked, left);
    else acking.delete(acked);
    if (!leads()) show(followerUnacked());
  }

  const api: Record<string, unknown> = {};
  for (const path of FORWARDED_COMMANDS) {
    const [namespace, verb] = path.split('.') as [string, string | undefined];
    if (verb === undefined) api[namespace] = forwarder(path);
    else ((api[namespace] ??= {}) as Record<string, unknown>)[verb] = forwarder(path);
  }

  // ---------------------------------------------------------------------------------------------
  // Page events

  /** This tab runs the desk itself (leader, or alone). */
  function leads(): boolean {
    return role === 'leader' || role === 'alone';
  }

  let unloadGuarded = false;
  /** `beforeunload` is listened to only while this tab runs the desk with a live call (it costs the page its back/forward cache otherwise). */
  function updateUnloadGuard(state: DeskState | null): void {
    const want = !destroyed && state !== null && leads() && partsOf(state).live.size > 0;
    if (want === unloadGuarded || !pageEvents) return;
    unloadGuarded = want;
    if (want) pageEvents.addEventListener('beforeunload', onBeforeUnload);
    else pageEvents.removeEventListener('beforeunload', onBeforeUnload);
  }

  function onBeforeUnload(event: Event): void {
    // Closing the tab that holds a live call ends it: ask first.
    if (!leads() || liveSessions(mirror.value).length === 0) return;
    event.preventDefault();
    try {
      // Older browsers ask only when BeforeUnloadEvent.returnValue is set.
      Object.assign(event, { returnValue: true });
    } catch {
      // Not a BeforeUnloadEvent (read-only returnValue): preventDefault() is the standard way.
    }
  }

  function onPageHide(): void {
    if (role === 'leader') post({ t: 'bye', leader: tabId });
    else if (role === 'follower') post({ t: 'left', from: tabId });
  }

  function destroy(): void {
    if (destroyed) return;
    onPageHide();
    destroyed = true;
    if (peersRetryTimer) clearTimeout(peersRetryTimer);
    stepDown();
    updateUnloadGuard(null);
    election?.stop();
    channel?.removeEventListener('message', onMessage);
    channel?.close();
    channel = null;
    pageEvents?.removeEventListener('pagehide', onPageHide);
    peers?.destroy();
    roleKnown();
    for (const done of becameLeader.splice(0)) done();
    callLogOffers.complete();
    events.complete();
    errors.complete();
    tab.complete();
    unackedList.complete();
    mirror.complete();
  }

  if (!environment) goAlone(NO_ENVIRONMENT);

  const devices = api['devices'] as Record<string, unknown>;
  devices['isBrowserSupported'] = () => {
    if (destroyed) throw destroyedError();
    return inner ? inner.devices.isBrowserSupported() : browserFeaturesSupported();
  };
  const callLogsApi = api['callLogs'] as Record<string, unknown>;
  // A leader's list is its desk's once known (unacked$), until then what it had as a follower.
  callLogsApi['unacked'] = () => (inner ? unackedList.value : followerUnacked()).slice();
  callLogsApi['unacked$'] = unackedList.asObservable();

  return {
    ...(api as unknown as Pick<Desk, 'connect' | 'retry' | 'preflight' | 'diagnostics' | 'call' | 'chat' | 'video' | 'agent' | 'devices' | 'ui' | 'callLogs'>),
    state$: mirror.asObservable(),
    ...selectors,
    events$: events.asObservable(),
    errors$: errors.asObservable(),
    tab$: tab.asObservable(),
    // Only the tab that owns the SDK offers call logs, so each record reaches one host across tabs
    // (two tabs saving it would store it twice); a follower that takes over is offered, through its
    // own desk's replay, whatever is still unacknowledged.
    callLogs$: new Observable<CallLog>((subscriber) => {
      for (const log of inner ? inner.callLogs.unacked() : []) subscriber.next(log);
      return callLogOffers.subscribe(subscriber);
    }),
    destroy,
    signOut() {
      // The leader clears the seat's stored history; a follower's sign-out only leaves.
      if (leads() && inner) inner.signOut();
      destroy();
    },
    async useHere() {
      if (destroyed) throw destroyedError();
      await elected;
      if (destroyed) throw destroyedError();
      if (leads()) return;
      const done = new Promise<void>((resolve) => becameLeader.push(resolve));
      wantConnected = true;
      election?.steal();
      await done;
      if (destroyed) throw destroyedError();
    },
    intercept(commandName, interceptor) {
      if (destroyed) throw destroyedError();
      // Same checks as the desk's own (a throwaway registration on the live desk, or a check here).
      const registration: Registration = { command: commandName, interceptor: interceptor as CommandInterceptor<DeskCommandName>, off: null };
      if (inner) registration.off = inner.intercept(commandName, interceptor);
      else checkInterceptor(commandName, interceptor);
      registrations.push(registration);
      return () => {
        const index = registrations.indexOf(registration);
        if (index >= 0) registrations.splice(index, 1);
        registration.off?.();
        registration.off = null;
      };
    },
  } satisfies Desk;
}

// -----------------------------------------------------------------------------------------------

/** Whether the args can cross to another tab (structured clone), checked before anything is sent. */
function clonable(value: unknown): boolean {
  const clone = (globalThis as { structuredClone?: (v: unknown) => unknown }).structuredClone;
  if (typeof clone !== 'function') return true;
  try {
    clone(value);
    return true;
  } catch {
    return false;
  }
}

/** The same records with the same content (a follower's copies are new objects each time). */
function sameLogs(a: readonly CallLog[], b: readonly CallLog[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((log, i) => log === b[i] || JSON.stringify(log) === JSON.stringify(b[i]));
}

function checkCallLogArgs(path: ForwardedCommand, args: unknown[]): void {
  const [first, second] = args;
  if (path === 'callLogs.setNotes') {
    if (typeof first !== 'string' || first === '') throw invalidArgument('sessionId', 'must be a session id');
    if (typeof second !== 'string') throw invalidArgument('notes', 'must be a string');
    // The leader would refuse it too, but only on errors$: a plain argument check throws here, as there.
    if (second.length > MAX_CALL_LOG_NOTES) throw invalidArgument('notes', `must be at most ${MAX_CALL_LOG_NOTES} characters`);
    return;
  }
  if (typeof first !== 'string' || first === '') throw invalidArgument('id', 'must be the id of a call log');
  if (path === 'callLogs.fail' && (typeof second !== 'string' || second.trim() === '')) throw invalidArgument('reason', 'must say why the save failed');
}

function checkInterceptor(command: unknown, interceptor: unknown): void {
  // The same rules as the desk's: run them on a desk that loads nothing.
  const probe = createDesk({ login: () => Promise.reject(new Error('probe')), callLogStorage: null, historyStorage: null, loader: { load: () => Promise.reject(new Error('probe')), teardown: () => undefined } });
  try {
    probe.intercept(command as DeskCommandName, interceptor as CommandInterceptor<DeskCommandName>);
  } finally {
    probe.destroy();
  }
}

/** The other tabs options, checked here rather than found out later as a TypeError (or as a tab that never learns its role). */
function checkTabOptions(tabs: TabOptions): void {
  const { environment, log, window, tabId } = tabs;
  if (environment != null && (typeof environment !== 'object' || typeof environment.channel !== 'function' || typeof environment.locks?.request !== 'function')) {
    throw invalidArgument('tabs.environment', 'must be { locks: { request }, channel(name) }, or null (this tab works alone)');
  }
  if (log !== undefined && typeof log !== 'function') throw invalidArgument('tabs.log', 'must be a function');
  if (window != null && (typeof window.addEventListener !== 'function' || typeof window.removeEventListener !== 'function')) {
    throw invalidArgument('tabs.window', 'must have addEventListener and removeEventListener, or be null');
  }
  if (tabId !== undefined && (typeof tabId !== 'string' || tabId === '')) throw invalidArgument('tabs.tabId', 'must be a non-empty string');
}

function positive(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw invalidArgument(field, 'must be a positive number of milliseconds');
  return value;
}

function randomId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return crypto?.randomUUID?.() ?? `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function defaultWindow(): Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null {
  const host = globalThis as { addEventListener?: unknown; removeEventListener?: unknown; document?: unknown };
  return host.document !== undefined && typeof host.addEventListener === 'function' ? (globalThis as unknown as EventTarget) : null;
}
