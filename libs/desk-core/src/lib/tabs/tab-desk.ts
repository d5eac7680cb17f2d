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
 */
import { BehaviorSubject, Observable, ReplaySubject, Subject, type Subscription } from 'rxjs';
import { checkOptions, createDesk } from '../create-desk';
import type { CallLog, CommandInterceptor, CreateDeskOptions, Desk, DeskCommandName, DeskErrorInfo, DeskEvent, DeskSession, DeskState, TabInfo } from '../desk.types';
import { DeskError, destroyedError, invalidArgument, isDeskError } from '../errors';
import { browserFeaturesSupported } from '../browser-support';
import { createSelectors } from '../selectors';
import { initialState, liveSessions, partsOf } from '../state';
import { FORWARDED_COMMANDS, SYNC_FORWARDED, type ForwardedCommand } from './forwarded-commands';
import { startElection, type Election, type ElectionRole } from './leader-election';
import { browserTabEnvironment, type TabChannel, type TabEnvironment } from './tab-environment';
import { asTabMessage, type TabMessage } from './tab-messages';

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
/** Heartbeats missed before the leader forgets a follower (long enough for a throttled background tab's timers). */
const MISSED_HEARTBEATS = 13;
const FORWARDED: ReadonlySet<string> = new Set(FORWARDED_COMMANDS);

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

/**
 * A command was sent to the leader and no answer came: it may have run there. Not retryable (a
 * retry could run it twice): the caller checks the desk's state first.
 */
export function outcomeUnknown(detail: string): DeskError {
  return new DeskError({
    code: 'tab_leader_unavailable',
    message: `The tab that owns the desk did not answer (${detail}): the command may or may not have run there. Check before trying again.`,
    retryable: false,
  });
}

export function leaderUnavailable(detail: string): DeskError {
  return new DeskError({
    code: 'tab_leader_unavailable',
    message: `The tab that owns the desk did not answer (${detail}). Try again: another tab takes over within seconds.`,
    retryable: true,
  });
}

interface Pending {
  path: string;
  args: unknown[];
  /** The leader it was sent to (null: not sent yet, waiting for a leader to be known). */
  leader: string | null;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

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
  // Leader side
  let seq = 0;
  /** Followers heard from (hello / here), with when they are forgotten. */
  const followers = new Map<string, number>();
  /** A state change not posted yet (posted once per microtask, the latest). */
  let stateDirty = false;
  let flushScheduled = false;
  /** Events, errors and call logs of this microtask, posted after its one state (seq given then). */
  let outbox: Array<(seq: number) => TabMessage> = [];
  // Follower side
  let leaderId: string | null = null;
  /** The current leader's term (its leadership, later leaders have higher ones); this tab's own while it leads. */
  let leaderTerm = 0;
  /** The highest term heard of: a tab that becomes leader takes a higher one. */
  let maxTerm = 0;
  let lastSeq = -1;
  let haveSnapshot = false;
  let helloTimer: ReturnType<typeof setInterval> | null = null;
  let heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  let unacked: CallLog[] = [];
  let nextId = 0;
  const pending = new Map<number, Pending>();
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
    return role === 'leader' ? { ...message, scope: scope as string, term: leaderTerm } : { ...message, scope: scope as string };
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
    stopHello();
    stopHeartbeat();
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
    stopHello();
    stopHeartbeat();
    leaderId = tabId;
    // Later than any leader heard of, and than any earlier grant (the clock runs on across tabs).
    leaderTerm = maxTerm = Math.max(Date.now(), maxTerm + 1);
    followers.clear();
    runDesk();
    post({ t: 'leader', leader: tabId });
  }

  /** Whether any follower is known (those not heard from in time are forgotten). */
  function hasFollowers(): boolean {
    if (followers.size === 0) return false;
    const now = Date.now();
    for (const [id, until] of followers) {
      if (until > now) return true;
      followers.delete(id);
    }
    return false;
  }

  /** A follower spoke: remember it. Whether it was known already. */
  function heardFrom(from: string): boolean {
    const known = hasFollowers() && followers.has(from);
    followers.set(from, Date.now() + heartbeatMs * MISSED_HEARTBEATS);
    return known;
  }

  /**
   * Leader → followers, only when there are some, once per microtask: the latest state first,
   * then what happened in that microtask, in order (a follower's event finds its state).
   */
  function broadcast(make: (seq: number) => TabMessage): void {
    if (role !== 'leader' || !hasFollowers()) return;
    outbox.push(make);
    scheduleFlush();
  }

  function scheduleState(): void {
    stateDirty = true;
    scheduleFlush();
  }

  function scheduleFlush(): void {
    if (flushScheduled) return;
    flushScheduled = true;
    queueMicrotask(flush);
  }

  function flush(): void {
    flushScheduled = false;
    const dirty = stateDirty;
    const queued = outbox;
    stateDirty = false;
    outbox = [];
    if (role !== 'leader' || !inner || !hasFollowers()) return;
    if (dirty) post({ t: 'state', leader: tabId, seq: ++seq, state: wireState(mirror.value) });
    for (const make of queued) post(make(++seq));
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
        if (role === 'leader') scheduleState();
      }),
      desk.events$.subscribe((event) => {
        events.next(event);
        broadcast((n) => ({ t: 'event', leader: tabId, seq: n, event }));
      }),
      desk.errors$.subscribe((error) => {
        errors.next(error);
        broadcast((n) => ({ t: 'error', leader: tabId, seq: n, error }));
      }),
      desk.callLogs$.subscribe((log) => {
        callLogOffers.next(log);
        broadcast((n) => ({ t: 'callLog', leader: tabId, seq: n, log, unacked: desk.callLogs.unacked().slice() }));
      }),
    ];
    leaderAcked = () => broadcast((n) => ({ t: 'unacked', leader: tabId, seq: n, unacked: desk.callLogs.unacked().slice() }));
    // The old leader is gone: what was sent to it has no answer coming. A login asked for here
    // is now this tab's to do.
    for (const [id, entry] of pending) {
      pending.delete(id);
      clearTimeout(entry.timer);
      // Never sent: it runs here, once. Sent to the old leader: it may have run there.
      if (entry.leader === null) {
        Promise.resolve()
          .then(() => invoke(desk, entry.path, entry.args))
          .then(entry.resolve, entry.reject);
      } else if (entry.path === 'connect' || entry.path === 'retry') entry.resolve(invoke(desk, entry.path, entry.args));
      else entry.reject(outcomeUnknown('it closed or handed the desk over'));
    }
    if (wantConnected) desk.connect().catch(() => undefined); // a failure shows in lifecycle$
    for (const done of becameLeader.splice(0)) done();
  }

  let leaderAcked: (() => void) | null = null;

  function stepDown(): void {
    for (const subscription of innerSubscriptions.splice(0)) subscription.unsubscribe();
    for (const registration of registrations) registration.off = null;
    leaderAcked = null;
    const desk = inner;
    inner = null;
    desk?.destroy(); // the SDK leaves this tab
    updateUnloadGuard(null);
  }

  function serveCommand(message: Extract<TabMessage, { t: 'cmd' }>): void {
    const desk = inner;
    if (!desk || message.to !== tabId) return;
    const reply = (result: { ok: true; value: unknown } | { ok: false; error: DeskErrorInfo }) =>
      post({ t: 'result', to: message.from, from: tabId, id: message.id, ...result } as TabMessage);
    if (!FORWARDED.has(message.path) || !Array.isArray(message.args)) {
      reply({ ok: false, error: invalidArgument('command', `${String(message.path)} is not a desk command`).toJSON() });
      return;
    }
    if (message.path === 'connect' || message.path === 'retry') wantConnected = true;
    Promise.resolve()
      .then(() => invoke(desk, message.path, message.args))
      .then(
        (value) => {
          let copy: unknown;
          try {
            copy = plain(value);
          } catch {
            reply({ ok: false, error: { code: 'sdk_error', message: `${message.path} ran in the tab that owns the desk, but its result cannot be sent to this tab.`, retryable: false } });
            return;
          }
          reply({ ok: true, value: copy });
        },
        (error: unknown) => reply({ ok: false, error: errorInfo(error) }),
      )
      .finally(() => {
        if (message.path.startsWith('callLogs.')) leaderAcked?.();
      });
  }

  // ---------------------------------------------------------------------------------------------
  // Follower

  function becomeFollower(): void {
    stepDown();
    leaderId = null;
    haveSnapshot = false;
    lastSeq = -1;
    hello();
    // The leader posts only to followers it knows of: say "still here" now and then.
    if (!heartbeatTimer) {
      heartbeatTimer = setInterval(() => {
        if (role === 'follower') post({ t: 'here', from: tabId });
        else stopHeartbeat();
      }, heartbeatMs);
    }
  }

  function stopHeartbeat(): void {
    if (heartbeatTimer) clearInterval(heartbeatTimer);
    heartbeatTimer = null;
  }

  /** Ask for a snapshot (again every snapshotRetryMs until one comes); `force`: at once, even if asked already. */
  function hello(force = false): void {
    const asked = helloTimer !== null && !haveSnapshot;
    haveSnapshot = false;
    if (asked && !force) return;
    post({ t: 'hello', from: tabId });
    if (!helloTimer) {
      helloTimer = setInterval(() => {
        if (haveSnapshot || role !== 'follower') stopHello();
        else post({ t: 'hello', from: tabId });
      }, snapshotRetryMs);
    }
  }

  function stopHello(): void {
    if (helloTimer) clearInterval(helloTimer);
    helloTimer = null;
  }

  /**
   * A leader that may replace the one we follow: only one with a higher term (a message from a
   * tab that no longer leads, or a stray, changes nothing). What was sent to the old one may have
   * run there; what waits for a leader goes to the new one.
   */
  function leaderChanged(next: string, term: number): boolean {
    if (leaderId === next && term === leaderTerm) return true;
    // The same term after its `bye` (leaderId null): the same leader, still there (a page restored from the back/forward cache).
    if (term < leaderTerm || (term === leaderTerm && leaderId !== null)) return false;
    leaderId = next;
    leaderTerm = term;
    for (const [id, entry] of pending) {
      if (entry.leader === next) continue;
      if (entry.leader === null) {
        send(id, entry);
        continue;
      }
      pending.delete(id);
      clearTimeout(entry.timer);
      entry.reject(outcomeUnknown('another tab took the desk over'));
    }
    return true;
  }

  /** A message from the leader with a sequence number: a gap means something was lost. */
  function inSequence(message: { leader: string; seq: number }, term: number): boolean {
    if (message.leader !== leaderId) {
      // Another tab speaking as leader: a newer leader (ask it for a snapshot), or a stale one.
      if (term > leaderTerm || (leaderId === null && term === leaderTerm)) hello(true);
      return false;
    }
    if (!haveSnapshot) {
      hello();
      return false;
    }
    if (message.seq <= lastSeq) return false; // already in the snapshot
    const inOrder = message.seq === lastSeq + 1;
    lastSeq = message.seq;
    if (!inOrder) hello();
    return true;
  }

  function onMessage(event: { data: unknown }): void {
    const message = asTabMessage(event.data);
    if (!message || destroyed) return;
    // Only the tabs of the same person: a message of another scope is not ours, whatever it says.
    if (scope === null || (event.data as { scope?: unknown }).scope !== scope) return;
    if (role === 'leader') {
      if (message.t === 'hello' || message.t === 'here') {
        const known = heardFrom(message.from);
        const desk = inner;
        // A follower it had forgotten may have missed what was not posted meanwhile: a snapshot.
        if (desk && (message.t === 'hello' || !known)) {
          flush();
          post({ t: 'snapshot', to: message.from, leader: tabId, seq, state: wireState(mirror.value), unacked: desk.callLogs.unacked().slice() });
        }
      } else if (message.t === 'left') followers.delete(message.from);
      else if (message.t === 'cmd') {
        heardFrom(message.from);
        serveCommand(message);
      }
      return;
    }
    if (role !== 'follower') return;
    const rawTerm = (event.data as { term?: unknown }).term;
    const term = typeof rawTerm === 'number' && Number.isFinite(rawTerm) ? rawTerm : 0;
    if (term > maxTerm) maxTerm = term;
    switch (message.t) {
      case 'snapshot':
        if (message.to !== tabId) return;
        if (!leaderChanged(message.leader, term)) return;
        haveSnapshot = true;
        lastSeq = message.seq;
        stopHello();
        unacked = message.unacked;
        mirror.next(message.state);
        return;
      case 'state':
        // A full state: applied even after a gap (the snapshot asked for fills in the rest).
        inSequence(message, term);
        if (message.leader === leaderId && haveSnapshot) mirror.next(message.state);
        return;
      case 'event':
        if (inSequence(message, term)) events.next(message.event);
        return;
      case 'error':
        if (inSequence(message, term)) errors.next(message.error);
        return;
      case 'callLog':
        // Offered to the leader's host only (it saves it); a follower keeps the list for unacked().
        if (inSequence(message, term)) unacked = message.unacked;
        return;
      case 'unacked':
        if (inSequence(message, term)) unacked = message.unacked;
        return;
      case 'leader':
        if (leaderChanged(message.leader, term)) hello(true);
        return;
      case 'bye':
        if (message.leader !== leaderId || term !== leaderTerm) return;
        // Commands from now on wait for the next leader (within their timeout).
        leaderId = null;
        for (const [id, entry] of pending) {
          pending.delete(id);
          clearTimeout(entry.timer);
          entry.reject(outcomeUnknown('its tab closed'));
        }
        return;
      case 'result': {
        if (message.to !== tabId) return;
        const entry = pending.get(message.id);
        if (!entry) return;
        pending.delete(message.id);
        clearTimeout(entry.timer);
        if (message.ok) entry.resolve(message.value);
        else entry.reject(new DeskError(message.error));
        return;
      }
      default:
        return;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Commands: run here when leading, else sent to the leader.

  async function command(path: ForwardedCommand, args: unknown[]): Promise<unknown> {
    if (destroyed) throw destroyedError();
    if (path === 'connect' || path === 'retry') wantConnected = true;
    await elected;
    if (destroyed) throw destroyedError();
    if (leads() && inner) {
      const desk = inner;
      try {
        return await invoke(desk, path, args);
      } finally {
        if (path.startsWith('callLogs.')) leaderAcked?.();
      }
    }
    if (!clonable(args)) throw invalidArgument('args', 'must be plain data: the command goes to the tab that owns the desk');
    return new Promise((resolve, reject) => {
      const id = ++nextId;
      const seconds = Math.round(commandTimeoutMs / 1000);
      const entry: Pending = {
        path,
        args,
        leader: null,
        resolve,
        reject,
        timer: setTimeout(() => {
          if (!pending.delete(id)) return;
          // Sent and not answered: it may have run. Never sent: it did not.
          reject(entry.leader === null ? leaderUnavailable(`no tab owned the desk within ${seconds} s`) : outcomeUnknown(`no answer in ${seconds} s`));
        }, commandTimeoutMs),
      };
      pending.set(id, entry);
      // Only to a known leader, never to whichever tab believes it leads: until then it waits.
      if (leaderId !== null) send(id, entry);
    });
  }

  function send(id: number, entry: Pending): void {
    const to = leaderId as string;
    try {
      if (!channel) throw new Error('no channel');
      channel.postMessage(envelope({ t: 'cmd', from: tabId, to, id, path: entry.path, args: entry.args }));
      entry.leader = to;
    } catch {
      pending.delete(id);
      clearTimeout(entry.timer);
      entry.reject(invalidArgument('args', 'must be plain data: the command goes to the tab that owns the desk'));
    }
  }

  function forwarder(path: ForwardedCommand) {
    if (SYNC_FORWARDED.has(path)) {
      return (...args: unknown[]) => {
        if (destroyed) throw destroyedError();
        if (leads() && inner) {
          invoke(inner, path, args);
          leaderAcked?.();
          return;
        }
        checkCallLogArgs(path, args);
        if (path === 'callLogs.ack') unacked = unacked.filter((log) => log.id !== args[0]);
        // The API is synchronous: the leader's own checks report on errors$ if they fail.
        command(path, args).catch((error: unknown) => {
          if (!destroyed) errors.next(errorInfo(error));
        });
      };
    }
    return (...args: unknown[]) => command(path, args);
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
    stopHello();
    stopHeartbeat();
    stepDown();
    updateUnloadGuard(null);
    election?.stop();
    channel?.removeEventListener('message', onMessage);
    channel?.close();
    channel = null;
    pageEvents?.removeEventListener('pagehide', onPageHide);
    for (const [id, entry] of pending) {
      pending.delete(id);
      clearTimeout(entry.timer);
      entry.reject(destroyedError());
    }
    roleKnown();
    for (const done of becameLeader.splice(0)) done();
    callLogOffers.complete();
    events.complete();
    errors.complete();
    tab.complete();
    mirror.complete();
  }

  if (!environment) goAlone(NO_ENVIRONMENT);

  const devices = api['devices'] as Record<string, unknown>;
  devices['isBrowserSupported'] = () => {
    if (destroyed) throw destroyedError();
    return inner ? inner.devices.isBrowserSupported() : browserFeaturesSupported();
  };
  const callLogsApi = api['callLogs'] as Record<string, unknown>;
  callLogsApi['unacked'] = () => (inner ? inner.callLogs.unacked() : unacked.slice());

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

function invoke(desk: Desk, path: string, args: unknown[]): Promise<unknown> | unknown {
  const [namespace, verb] = path.split('.') as [string, string | undefined];
  const owner = (verb === undefined ? desk : (desk as unknown as Record<string, unknown>)[namespace]) as Record<string, unknown>;
  const fn = owner[verb ?? namespace] as (...a: unknown[]) => unknown;
  return fn.apply(owner, args);
}

/**
 * What followers are sent of a state: the same, without the SDK's `raw` payloads (never needed
 * by a follower, often large, sometimes not clonable), as a plain object.
 */
function wireState(state: DeskState): DeskState {
  const sessions: Record<string, DeskSession> = {};
  const order = state.sessionOrder;
  for (const id of order) {
    const session = state.sessions[id];
    if (session) sessions[id] = session.raw == null ? session : { ...session, raw: null };
  }
  return {
    lifecycle: state.lifecycle,
    agent: state.agent,
    sessions,
    sessionOrder: order.slice(),
    activeSessionId: state.activeSessionId,
    history: state.history.map((s) => (s.raw == null ? s : { ...s, raw: null })),
    diagnostics: state.diagnostics,
  };
}

/** A result as plain data (MediaDeviceInfo and the like have a toJSON). */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

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

function errorInfo(error: unknown): DeskErrorInfo {
  if (isDeskError(error)) return error.toJSON();
  const message = error instanceof Error && error.message ? error.message.slice(0, 300) : 'The command failed in the tab that owns the desk.';
  return { code: 'sdk_error', message, retryable: false };
}

function checkCallLogArgs(path: ForwardedCommand, args: unknown[]): void {
  const [first, second] = args;
  if (path === 'callLogs.setNotes') {
    if (typeof first !== 'string' || first === '') throw invalidArgument('sessionId', 'must be a session id');
    if (typeof second !== 'string') throw invalidArgument('notes', 'must be a string');
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
