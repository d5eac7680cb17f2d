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
 * Without Web Locks or BroadcastChannel the tab works alone (a plain desk) and says so once.
 */
import { BehaviorSubject, Observable, ReplaySubject, Subject, type Subscription } from 'rxjs';
import { checkOptions, createDesk } from '../create-desk';
import type { CallLog, CommandInterceptor, CreateDeskOptions, Desk, DeskCommandName, DeskErrorInfo, DeskEvent, DeskState, TabInfo } from '../desk.types';
import { DeskError, destroyedError, invalidArgument, isDeskError } from '../errors';
import { browserFeaturesSupported } from '../preflight';
import { createSelectors } from '../selectors';
import { initialState, liveSessions } from '../state';
import { FORWARDED_COMMANDS, SYNC_FORWARDED, type ForwardedCommand } from './forwarded-commands';
import { startElection, type Election, type ElectionRole } from './leader-election';
import { browserTabEnvironment, type TabChannel, type TabEnvironment } from './tab-environment';
import { asTabMessage, type TabMessage } from './tab-messages';

export interface TabOptions {
  /** Whom the tabs coordinate for (the signed-in person, hence the seat): one leader per scope. */
  scope: () => string | Promise<string>;
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
const FORWARDED: ReadonlySet<string> = new Set(FORWARDED_COMMANDS);

let saidAlone = false;

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
  const environment = tabs.environment === undefined ? browserTabEnvironment() : tabs.environment;
  if (!environment) {
    if (!saidAlone) {
      saidAlone = true;
      (tabs.log ?? ((m: string) => console.info(m)))('tccc-desk: this browser has no Web Locks or BroadcastChannel: each tab runs its own desk.');
    }
    return createDesk(deskOptions);
  }
  // Fail fast on bad desk options, as createDesk would (the leader's desk is made later).
  checkOptions(deskOptions);
  return tabDesk(deskOptions, tabs, environment, commandTimeoutMs, snapshotRetryMs);
}

function tabDesk(deskOptions: CreateDeskOptions, tabs: TabOptions, environment: TabEnvironment, commandTimeoutMs: number, snapshotRetryMs: number): Desk {
  const tabId = tabs.tabId ?? randomId();
  const mirror = new BehaviorSubject<DeskState>(initialState());
  const events = new Subject<DeskEvent>();
  const errors = new Subject<DeskErrorInfo>();
  const callLogOffers = new Subject<CallLog>();
  const tab = new ReplaySubject<TabInfo>(1);
  const selectors = createSelectors(mirror);
  const pageEvents = tabs.window === undefined ? defaultWindow() : tabs.window;

  let destroyed = false;
  let role: ElectionRole | null = null;
  let channel: TabChannel | null = null;
  let election: Election | null = null;
  /** The leader's real desk (only while this tab leads). */
  let inner: Desk | null = null;
  let innerSubscriptions: Subscription[] = [];
  /** connect() or retry() was called in this tab: a tab that becomes leader logs in. */
  let wantConnected = false;
  // Leader side
  let seq = 0;
  // Follower side
  let leaderId: string | null = null;
  let lastSeq = -1;
  let haveSnapshot = false;
  let helloTimer: ReturnType<typeof setInterval> | null = null;
  let unacked: CallLog[] = [];
  let nextId = 0;
  const pending = new Map<number, Pending>();
  const registrations: Registration[] = [];
  let roleKnown!: () => void;
  const elected = new Promise<void>((resolve) => (roleKnown = resolve));
  const becameLeader: Array<() => void> = [];

  // ---------------------------------------------------------------------------------------------
  // Start: whom we coordinate for, then the channel and the election.

  void Promise.resolve()
    .then(() => tabs.scope())
    .then(
      (scope) => (typeof scope === 'string' && scope !== '' ? scope : 'default'),
      () => 'default',
    )
    .then((scope) => {
      if (destroyed) return;
      channel = environment.channel(CHANNEL_PREFIX + scope);
      channel.addEventListener('message', onMessage);
      election = startElection({ locks: environment.locks, name: LOCK_PREFIX + scope, onRole: setRole });
    });

  pageEvents?.addEventListener('beforeunload', onBeforeUnload);
  pageEvents?.addEventListener('pagehide', onPageHide);

  function post(message: TabMessage): void {
    if (!channel || destroyed) return;
    try {
      channel.postMessage(message);
    } catch {
      // A closed channel (the page is going): nothing to tell.
    }
  }

  function setRole(next: ElectionRole): void {
    if (destroyed || next === role) return;
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
    leaderId = tabId;
    const desk = createDesk(deskOptions);
    inner = desk;
    for (const registration of registrations) registration.off = desk.intercept(registration.command, registration.interceptor);
    const broadcastUnacked = () => post({ t: 'unacked', leader: tabId, seq: ++seq, unacked: desk.callLogs.unacked().slice() });
    innerSubscriptions = [
      desk.state$.subscribe((state) => {
        mirror.next(state);
        post({ t: 'state', leader: tabId, seq: ++seq, state });
      }),
      desk.events$.subscribe((event) => {
        events.next(event);
        post({ t: 'event', leader: tabId, seq: ++seq, event });
      }),
      desk.errors$.subscribe((error) => {
        errors.next(error);
        post({ t: 'error', leader: tabId, seq: ++seq, error });
      }),
      desk.callLogs$.subscribe((log) => {
        callLogOffers.next(log);
        post({ t: 'callLog', leader: tabId, seq: ++seq, log, unacked: desk.callLogs.unacked().slice() });
      }),
    ];
    leaderAcked = broadcastUnacked;
    post({ t: 'leader', leader: tabId });
    // The old leader is gone: what was sent to it has no answer coming. A login asked for here
    // is now this tab's to do.
    for (const [id, entry] of pending) {
      pending.delete(id);
      clearTimeout(entry.timer);
      if (entry.path === 'connect' || entry.path === 'retry') entry.resolve(invoke(desk, entry.path, entry.args));
      else entry.reject(leaderUnavailable('it closed or handed the desk over'));
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
  }

  function serveCommand(message: Extract<TabMessage, { t: 'cmd' }>): void {
    const desk = inner;
    if (!desk || (message.to !== null && message.to !== tabId)) return;
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
        (value) => reply({ ok: true, value: plain(value) }),
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

  /** A new leader: what was sent to the old one has no answer coming. */
  function leaderChanged(next: string): void {
    if (leaderId === next) return;
    const old = leaderId;
    leaderId = next;
    for (const [id, entry] of pending) {
      if (entry.leader === next) continue;
      if (entry.leader === null && old === null) {
        entry.leader = next;
        continue;
      }
      pending.delete(id);
      clearTimeout(entry.timer);
      entry.reject(leaderUnavailable('another tab took the desk over'));
    }
  }

  /** A message from the leader with a sequence number: a gap means something was lost. */
  function inSequence(message: { leader: string; seq: number }): boolean {
    if (message.leader !== leaderId || !haveSnapshot) {
      const changed = message.leader !== leaderId;
      if (changed) leaderChanged(message.leader);
      hello(changed);
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
    if (role === 'leader') {
      if (message.t === 'hello') {
        const desk = inner;
        if (desk) post({ t: 'snapshot', to: message.from, leader: tabId, seq, state: mirror.value, unacked: desk.callLogs.unacked().slice() });
      } else if (message.t === 'cmd') serveCommand(message);
      return;
    }
    if (role !== 'follower') return;
    switch (message.t) {
      case 'snapshot':
        if (message.to !== tabId) return;
        leaderChanged(message.leader);
        haveSnapshot = true;
        lastSeq = message.seq;
        stopHello();
        unacked = message.unacked;
        mirror.next(message.state);
        return;
      case 'state':
        // A full state: applied even after a gap (the snapshot asked for fills in the rest).
        if (message.leader === leaderId || !haveSnapshot) {
          inSequence(message);
          if (message.leader === leaderId) mirror.next(message.state);
        } else inSequence(message);
        return;
      case 'event':
        if (inSequence(message)) events.next(message.event);
        return;
      case 'error':
        if (inSequence(message)) errors.next(message.error);
        return;
      case 'callLog':
        if (inSequence(message)) {
          unacked = message.unacked;
          callLogOffers.next(message.log);
        }
        return;
      case 'unacked':
        if (inSequence(message)) unacked = message.unacked;
        return;
      case 'leader':
        leaderChanged(message.leader);
        hello(true);
        return;
      case 'bye':
        if (message.leader !== leaderId) return;
        for (const [id, entry] of pending) {
          pending.delete(id);
          clearTimeout(entry.timer);
          entry.reject(leaderUnavailable('its tab closed'));
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
    if (role === 'leader' && inner) {
      const desk = inner;
      try {
        return await invoke(desk, path, args);
      } finally {
        if (path.startsWith('callLogs.')) leaderAcked?.();
      }
    }
    return new Promise((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => {
        if (pending.delete(id)) reject(leaderUnavailable(`no answer in ${Math.round(commandTimeoutMs / 1000)} s`));
      }, commandTimeoutMs);
      pending.set(id, { path, args, leader: leaderId, resolve, reject, timer });
      try {
        if (!channel) throw new Error('no channel');
        channel.postMessage({ t: 'cmd', from: tabId, to: leaderId, id, path, args } satisfies TabMessage);
      } catch {
        pending.delete(id);
        clearTimeout(timer);
        reject(invalidArgument('args', 'must be plain data: the command goes to the tab that owns the desk'));
      }
    });
  }

  function forwarder(path: ForwardedCommand) {
    if (SYNC_FORWARDED.has(path)) {
      return (...args: unknown[]) => {
        if (destroyed) throw destroyedError();
        if (role === 'leader' && inner) {
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

  function onBeforeUnload(event: Event): void {
    // Closing the tab that holds a live call ends it: ask first.
    if (role !== 'leader' || liveSessions(mirror.value).length === 0) return;
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
  }

  function destroy(): void {
    if (destroyed) return;
    if (role === 'leader') post({ t: 'bye', leader: tabId });
    destroyed = true;
    stopHello();
    stepDown();
    election?.stop();
    channel?.removeEventListener('message', onMessage);
    channel?.close();
    channel = null;
    pageEvents?.removeEventListener('beforeunload', onBeforeUnload);
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
    callLogs$: new Observable<CallLog>((subscriber) => {
      for (const log of inner ? inner.callLogs.unacked() : unacked) subscriber.next(log);
      return callLogOffers.subscribe(subscriber);
    }),
    destroy,
    signOut() {
      // The leader clears the seat's stored history; a follower's sign-out only leaves.
      if (role === 'leader' && inner) inner.signOut();
      destroy();
    },
    async useHere() {
      if (destroyed) throw destroyedError();
      await elected;
      if (destroyed) throw destroyedError();
      if (role === 'leader') return;
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

/** A result as plain data (MediaDeviceInfo and the like have a toJSON). */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
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
