/**
 * The part of the tabs' protocol (tab-desk.ts) that runs only when there is another tab: a
 * follower's side (mirroring the leader, forwarding its commands) and the leader's serving of its
 * followers (snapshots, posting what happens, running their commands). A chunk of its own in a
 * browser build: a tab alone, or a leader no follower has spoken to, never loads it (tab-desk.ts
 * loads it, and retries a failed load).
 */
import type { CallLog, Desk, DeskErrorInfo, DeskEvent, DeskSession, DeskState } from '../desk.types';
import { DeskError, destroyedError, invalidArgument } from '../errors';
import { FORWARDED_COMMANDS, type ForwardedCommand } from './forwarded-commands';
import type { TabMessage } from './tab-messages';
import { errorInfo, invoke, plain } from './tab-shared';

/** What tab-desk.ts lends this part: its state, read when needed (it changes), and its ways out. */
export interface PeerHost {
  readonly tabId: string;
  readonly commandTimeoutMs: number;
  readonly snapshotRetryMs: number;
  readonly heartbeatMs: number;
  /** The current leader's term (this tab's own while it leads) and the highest heard of. */
  readonly terms: { leader: number; max: number };
  role(): 'leader' | 'follower' | 'alone' | null;
  destroyed(): boolean;
  /** The real desk, while this tab runs it. */
  inner(): Desk | null;
  /** This tab's state (the leader's: its desk's). */
  state(): DeskState;
  /** A follower's view of the leader's streams. */
  mirror(state: DeskState): void;
  event(event: DeskEvent): void;
  error(error: DeskErrorInfo): void;
  setUnacked(unacked: CallLog[]): void;
  /** The unacknowledged call logs this tab lists (a leader's: its desk's once known). */
  unacked(): CallLog[];
  /** Posts with the scope (and the term while leading); never throws (says so on errors$ if it cannot). */
  post(message: TabMessage): void;
  /** Posts a command to the leader, throwing if it cannot be sent. */
  postCommand(message: TabMessage): void;
  /** connect() or retry() was asked for: a tab that becomes leader logs in. */
  wantConnected(): void;
}

export interface Peers {
  /** This tab leads from now on (it followed before, or never did). */
  lead(): void;
  /** Leader: what happened, for its followers (if any are known), after the latest state. */
  broadcast(make: (seq: number) => TabMessage): void;
  /** Leader: the state changed (posted once per microtask, the latest). */
  scheduleState(): void;
  /** This tab runs a desk now: what was waiting for a leader runs here; what went to the old one may have run there. */
  takeOver(desk: Desk): void;
  /** This tab follows from now on (its desk is gone already). */
  follow(): void;
  /** No more following (alone, or destroyed): timers off. */
  stop(): void;
  onMessage(message: TabMessage, data: unknown): void;
  /** A follower's command, sent to the leader once one is known. */
  forward(path: ForwardedCommand, args: unknown[]): Promise<unknown>;
  /** Every command waiting for an answer rejects as destroyed. */
  destroy(): void;
}

/** Heartbeats missed before the leader forgets a follower (long enough for a throttled background tab's timers). */
const MISSED_HEARTBEATS = 13;
const FORWARDED: ReadonlySet<string> = new Set(FORWARDED_COMMANDS);
/** Commands that do nothing more when run twice: sent again to whoever leads next, rather than failing as "may have run". */
const REPEATABLE: ReadonlySet<string> = new Set(['callLogs.ack']);

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

export function createPeers(host: PeerHost): Peers {
  const { tabId, terms } = host;
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
  let lastSeq = -1;
  let haveSnapshot = false;
  let helloTimer: ReturnType<typeof setInterval> | null = null;
  let heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  // ---------------------------------------------------------------------------------------------
  // Leader

  function lead(): void {
    stop();
    leaderId = tabId;
    followers.clear();
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
    followers.set(from, Date.now() + host.heartbeatMs * MISSED_HEARTBEATS);
    return known;
  }

  /**
   * Leader → followers, only when there are some, once per microtask: the latest state first,
   * then what happened in that microtask, in order (a follower's event finds its state).
   */
  function broadcast(make: (seq: number) => TabMessage): void {
    if (host.role() !== 'leader' || !hasFollowers()) return;
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
    if (host.role() !== 'leader' || !host.inner() || !hasFollowers()) return;
    if (dirty) host.post({ t: 'state', leader: tabId, seq: ++seq, state: wireState(host.state()) });
    for (const make of queued) host.post(make(++seq));
  }

  function takeOver(desk: Desk): void {
    for (const [id, entry] of pending) {
      pending.delete(id);
      clearTimeout(entry.timer);
      // Never sent: it runs here, once. Sent to the old leader: it may have run there.
      if (entry.leader === null) {
        Promise.resolve()
          .then(() => invoke(desk, entry.path, entry.args))
          .then(entry.resolve, entry.reject);
      } else if (entry.path === 'connect' || entry.path === 'retry') entry.resolve(invoke(desk, entry.path, entry.args));
      else if (REPEATABLE.has(entry.path)) {
        // Whether or not the old leader ran it, running it again is harmless (else this desk offers the record again).
        Promise.resolve()
          .then(() => invoke(desk, entry.path, entry.args))
          .then(entry.resolve, entry.reject);
      } else entry.reject(outcomeUnknown('it closed or handed the desk over'));
    }
  }

  function serve(message: TabMessage): void {
    if (message.t === 'hello' || message.t === 'here') {
      const known = heardFrom(message.from);
      const desk = host.inner();
      // A follower it had forgotten may have missed what was not posted meanwhile: a snapshot.
      if (desk && (message.t === 'hello' || !known)) {
        flush();
        host.post({ t: 'snapshot', to: message.from, leader: tabId, seq, state: wireState(host.state()), unacked: host.unacked() });
      }
    } else if (message.t === 'left') followers.delete(message.from);
    else if (message.t === 'cmd') {
      heardFrom(message.from);
      serveCommand(message);
    }
  }

  function serveCommand(message: Extract<TabMessage, { t: 'cmd' }>): void {
    const desk = host.inner();
    if (!desk || message.to !== tabId) return;
    const reply = (result: { ok: true; value: unknown } | { ok: false; error: DeskErrorInfo }) =>
      host.post({ t: 'result', to: message.from, from: tabId, id: message.id, ...result } as TabMessage);
    if (!FORWARDED.has(message.path) || !Array.isArray(message.args)) {
      reply({ ok: false, error: invalidArgument('command', `${String(message.path)} is not a desk command`).toJSON() });
      return;
    }
    if (message.path === 'connect' || message.path === 'retry') host.wantConnected();
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
      );
  }

  // ---------------------------------------------------------------------------------------------
  // Follower

  function follow(): void {
    leaderId = null;
    haveSnapshot = false;
    lastSeq = -1;
    hello();
    // The leader posts only to followers it knows of: say "still here" now and then.
    if (!heartbeatTimer) {
      heartbeatTimer = setInterval(() => {
        if (host.role() === 'follower') host.post({ t: 'here', from: tabId });
        else stopHeartbeat();
      }, host.heartbeatMs);
    }
  }

  function stop(): void {
    stopHello();
    stopHeartbeat();
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
    host.post({ t: 'hello', from: tabId });
    if (!helloTimer) {
      helloTimer = setInterval(() => {
        if (haveSnapshot || host.role() !== 'follower') stopHello();
        else host.post({ t: 'hello', from: tabId });
      }, host.snapshotRetryMs);
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
    if (leaderId === next && term === terms.leader) return true;
    // The same term after its `bye` (leaderId null): the same leader, still there (a page restored from the back/forward cache).
    if (term < terms.leader || (term === terms.leader && leaderId !== null)) return false;
    leaderId = next;
    terms.leader = term;
    for (const [id, entry] of pending) {
      if (entry.leader === next) continue;
      if (entry.leader === null || REPEATABLE.has(entry.path)) {
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
      if (term > terms.leader || (leaderId === null && term === terms.leader)) hello(true);
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

  function onMessage(message: TabMessage, data: unknown): void {
    if (host.destroyed()) return;
    const role = host.role();
    if (role === 'leader') return serve(message);
    if (role !== 'follower') return;
    const rawTerm = (data as { term?: unknown }).term;
    const term = typeof rawTerm === 'number' && Number.isFinite(rawTerm) ? rawTerm : 0;
    if (term > terms.max) terms.max = term;
    switch (message.t) {
      case 'snapshot':
        if (message.to !== tabId) return;
        if (!leaderChanged(message.leader, term)) return;
        haveSnapshot = true;
        lastSeq = message.seq;
        stopHello();
        host.setUnacked(message.unacked);
        host.mirror(message.state);
        return;
      case 'state': {
        // A full state of the leader we follow: mirrored even after a gap, and while the snapshot
        // asked for is on its way (which is never older: the channel keeps the leader's order).
        const current = message.leader === leaderId && message.seq > lastSeq;
        inSequence(message, term);
        if (current) host.mirror(message.state);
        return;
      }
      case 'event':
        if (inSequence(message, term)) host.event(message.event);
        return;
      case 'error':
        if (inSequence(message, term)) host.error(message.error);
        return;
      case 'callLog':
        // Offered to the leader's host only (it saves it); a follower keeps the list for unacked().
        if (inSequence(message, term)) host.setUnacked(message.unacked);
        return;
      case 'unacked':
        if (inSequence(message, term)) host.setUnacked(message.unacked);
        return;
      case 'leader':
        if (leaderChanged(message.leader, term)) hello(true);
        return;
      case 'bye':
        if (message.leader !== leaderId || term !== terms.leader) return;
        // Commands from now on wait for the next leader (within their timeout).
        leaderId = null;
        for (const [id, entry] of pending) {
          // Harmless twice: it waits for the next leader (within its timeout).
          if (REPEATABLE.has(entry.path)) {
            entry.leader = null;
            continue;
          }
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

  function forward(path: ForwardedCommand, args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = ++nextId;
      const seconds = Math.round(host.commandTimeoutMs / 1000);
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
        }, host.commandTimeoutMs),
      };
      pending.set(id, entry);
      // Only to a known leader, never to whichever tab believes it leads: until then it waits.
      if (leaderId !== null) send(id, entry);
    });
  }

  function send(id: number, entry: Pending): void {
    const to = leaderId as string;
    try {
      host.postCommand({ t: 'cmd', from: tabId, to, id, path: entry.path, args: entry.args });
      entry.leader = to;
    } catch {
      pending.delete(id);
      clearTimeout(entry.timer);
      entry.reject(invalidArgument('args', 'must be plain data: the command goes to the tab that owns the desk'));
    }
  }

  function destroy(): void {
    stop();
    for (const [id, entry] of pending) {
      pending.delete(id);
      clearTimeout(entry.timer);
      entry.reject(destroyedError());
    }
  }

  return { lead, broadcast, scheduleState, takeOver, follow, stop, onMessage, forward, destroy };
}

// -----------------------------------------------------------------------------------------------

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
