/**
 * The desk's call logs: one record per finished contact, offered to the host on `callLogs$` once
 * after-call work is over, and kept (bounded, per seat, in storage) until the host acks it, so a
 * reload or a failed save never loses one. It only reads the desk's streams; the reducer is not
 * involved.
 *
 * When is a contact finished? When its session reaches history. One the agent never answered has
 * no after-call work: logged at once. An answered one waits while the agent is busy or in
 * after-call work (`arrange`): until `sessionCompleted` names it, or the agent's status is
 * anything else (the platform had no after-call work for it). Needs `historySize` > 0.
 */
import { BehaviorSubject, Observable, Subject, skipWhile, type Subscription } from 'rxjs';
import { callLogOf, isCallLog } from './call-log-record';
import type { AgentState, CallLog, CallLogStorage, Desk, DeskEvent, DeskSession } from './desk.types';
import { invalidArgument } from './errors';
import { RecentIds } from './recent-ids';

export const MAX_UNACKED_CALL_LOGS = 100;
export const MAX_CALL_LOG_NOTES = 4_000;
const MAX_FAILURE = 300;
const STORAGE_PREFIX = 'tccc-desk.call-logs.v1:';

interface Entry {
  log: CallLog;
  /** After-call work not over: not offered yet. */
  awaiting: boolean;
}

interface Stored {
  v: 1;
  entries: Array<{ log: CallLog; awaiting: boolean }>;
}

export interface CallLogSources {
  history$: Observable<readonly DeskSession[]>;
  agent$: Observable<AgentState>;
  events$: Observable<DeskEvent>;
  clock: () => number;
  storage: CallLogStorage | null;
}

export interface CallLogTracker {
  readonly callLogs$: Observable<CallLog>;
  readonly api: Desk['callLogs'];
  /** The login said whose seat this is: bring back what that seat left un-acked. */
  useSeat(seatUserId: string | undefined): void;
  /** How many records the bound pushed out (for diagnostics). */
  readonly dropped: number;
  destroy(): void;
}

const WAITS_FOR_WRAP_UP: ReadonlySet<string> = new Set(['busy', 'arrange']);

export function createCallLogs(sources: CallLogSources): CallLogTracker {
  const { clock, storage } = sources;
  /** Not acked yet, oldest first. */
  let entries: Entry[] = [];
  /** The entries waiting for after-call work, oldest first (every agent status change asks). */
  let waiting: Entry[] = [];
  let seen = RecentIds.EMPTY;
  let seat: string | undefined;
  /**
   * Acks of records this desk does not have before any seat is known (a tab that took the desk
   * over runs an ack made in it as a follower): what that seat's storage brings back skips them.
   */
  const earlyAcks = new Set<string>();
  let agentStatus = 'unknown';
  let dropped = 0;
  const offered = new Subject<CallLog>();
  /** What unacked() returns, on every change (a new array only when it differs). */
  const unackedList = new BehaviorSubject<readonly CallLog[]>([]);
  const subscriptions: Subscription[] = [];

  const key = () => (seat ? STORAGE_PREFIX + seat : undefined);

  function persist(): void {
    const where = key();
    if (!storage || !where) return;
    try {
      if (entries.length === 0) storage.removeItem(where);
      else storage.setItem(where, JSON.stringify({ v: 1, entries } satisfies Stored));
    } catch {
      // Storage full or refused: the records stay in memory for this page's life.
    }
  }

  function unacked(): CallLog[] {
    return entries.filter((e) => !e.awaiting).map((e) => e.log);
  }

  /**
   * Whether the list is known: the login named the seat (its stored records are in), or a record
   * came or went. Before that unacked$ says nothing: an empty list then would only mean "not
   * logged in yet", and a tab taking the desk over would show it in place of the list it had.
   */
  let known = false;

  /** After every change: unacked$ gets the new list, if it is another (or the first one known). */
  function publish(): void {
    const first = !known;
    known = true;
    const next = unacked();
    const last = unackedList.value;
    if (!first && next.length === last.length && next.every((log, i) => log === last[i])) return;
    unackedList.next(next);
  }

  function bound(): void {
    const extra = entries.length - MAX_UNACKED_CALL_LOGS;
    if (extra <= 0) return;
    for (let i = 0; i < extra; i++) {
      const gone = entries.shift() as Entry;
      if (gone.awaiting) waiting = waiting.filter((e) => e !== gone);
    }
    dropped += extra;
  }

  function offer(entry: Entry): void {
    entry.awaiting = false;
    offered.next(entry.log);
  }

  function finished(session: DeskSession): void {
    const entry: Entry = { log: callLogOf(session, clock(), seat), awaiting: false };
    const waits = session.answeredAt !== undefined && WAITS_FOR_WRAP_UP.has(agentStatus);
    if (waits) {
      entry.awaiting = true;
      waiting.push(entry);
    }
    entries.push(entry);
    bound();
    persist();
    if (!waits) offer(entry);
    publish();
  }

  function wrapUpOver(sessionId?: string): void {
    // Every status change lands here: most of the time nothing waits, so nothing to scan.
    if (waiting.length === 0) return;
    // Only the waiting ones are looked at, not every entry kept until acked.
    const done = sessionId === undefined ? waiting : waiting.filter((e) => e.log.sessionId === sessionId);
    if (done.length === 0) return;
    waiting = sessionId === undefined ? [] : waiting.filter((e) => e.log.sessionId !== sessionId);
    const at = clock();
    for (const entry of done) entry.log = { ...entry.log, loggedAt: at };
    persist();
    for (const entry of done) offer(entry);
    publish();
  }

  subscriptions.push(
    sources.agent$.subscribe((agent) => {
      agentStatus = agent.status;
      if (!WAITS_FOR_WRAP_UP.has(agentStatus)) wrapUpOver();
    }),
    sources.history$.subscribe((history) => {
      // New entries come first (newest first): stop at the first one already seen.
      const fresh: DeskSession[] = [];
      for (const session of history) {
        if (seen.has(session.id)) break;
        if (session.restored) {
          // Brought back from before a reload: logged then, not a new contact. An interrupted one
          // is not seen: the platform may still have the call (adopted after the reload or a
          // takeover), and when it ends then, that is its one call log.
          if (!session.interrupted) seen = seen.add(session.id);
          continue;
        }
        fresh.push(session);
      }
      for (const session of fresh.reverse()) {
        seen = seen.add(session.id);
        finished(session);
      }
    }),
    sources.events$.subscribe((event) => {
      if (event.name !== 'sessionCompleted') return;
      const id = (event.payload as { sessionId?: unknown } | undefined)?.sessionId;
      if (typeof id === 'string') wrapUpOver(id);
    }),
  );

  function load(where: string): Entry[] {
    try {
      const parsed = JSON.parse(storage?.getItem(where) ?? 'null') as Partial<Stored> | null;
      if (!parsed || parsed.v !== 1 || !Array.isArray(parsed.entries)) return [];
      return parsed.entries.filter((e) => isCallLog(e?.log)).map((e) => ({ log: e.log, awaiting: false }));
    } catch {
      return [];
    }
  }

  const callLogs$ = new Observable<CallLog>((subscriber) => {
    // First what is still waiting for an ack, then each new one.
    for (const entry of entries) if (!entry.awaiting) subscriber.next(entry.log);
    return offered.subscribe(subscriber);
  });

  const idArg = (id: unknown): string => {
    if (typeof id !== 'string' || id === '') throw invalidArgument('id', 'must be the id of a call log');
    return id;
  };

  return {
    callLogs$,
    get dropped() {
      return dropped;
    },
    useSeat(seatUserId) {
      // A login without a seat: memory only, and what is in memory is the list.
      if (!seatUserId) return void (known || publish());
      if (seatUserId === seat) return;
      if (seat !== undefined) {
        // Another seat's login: the previous seat's records stay in its storage, not on this desk.
        entries = [];
        waiting = [];
      }
      seat = seatUserId;
      const where = key() as string;
      const here = new Set(entries.map((e) => e.log.id));
      const stored = load(where).filter((e) => !here.has(e.log.id));
      // After a reload: the ACW state of a stored record cannot be known any more, so it is offered
      // (unless it was acked already; persist() below forgets it in storage too).
      const restored = stored.filter((e) => !earlyAcks.has(e.log.id));
      earlyAcks.clear();
      for (const entry of stored) seen = seen.add(entry.log.sessionId);
      entries = [...restored, ...entries.map((e) => (e.log.seatUserId ? e : { ...e, log: { ...e.log, seatUserId } }))];
      waiting = entries.filter((e) => e.awaiting); // the entries given a seat are new objects
      bound();
      persist();
      for (const entry of restored) offered.next(entry.log);
      publish();
    },
    api: {
      ack(id) {
        const which = idArg(id);
        const before = entries.length;
        entries = entries.filter((e) => e.log.id !== which);
        if (entries.length === before) {
          if (seat === undefined) remember(earlyAcks, which);
          return;
        }
        waiting = waiting.filter((e) => e.log.id !== which);
        persist();
        publish();
      },
      fail(id, reason) {
        const which = idArg(id);
        if (typeof reason !== 'string' || reason.trim() === '') throw invalidArgument('reason', 'must say why the save failed');
        const entry = entries.find((e) => e.log.id === which);
        if (!entry) return;
        entry.log = { ...entry.log, lastFailure: reason.trim().slice(0, MAX_FAILURE) };
        persist();
        publish();
      },
      setNotes(sessionId, notes) {
        const which = typeof sessionId === 'string' && sessionId !== '' ? sessionId : '';
        if (!which) throw invalidArgument('sessionId', 'must be a session id');
        if (typeof notes !== 'string') throw invalidArgument('notes', 'must be a string');
        if (notes.length > MAX_CALL_LOG_NOTES) throw invalidArgument('notes', `must be at most ${MAX_CALL_LOG_NOTES} characters`);
        const entry = waiting.find((e) => e.log.sessionId === which);
        if (!entry) throw invalidArgument('sessionId', 'no call log of that session is waiting for after-call work');
        entry.log = { ...entry.log, notes };
        persist();
      },
      unacked,
      unacked$: unackedList.pipe(skipWhile(() => !known)),
    },
    destroy() {
      for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
      offered.complete();
      unackedList.complete();
    },
  };
}

/** Adds to a set kept to the bound (the oldest go first). */
function remember(ids: Set<string>, id: string): void {
  ids.add(id);
  if (ids.size > MAX_UNACKED_CALL_LOGS) ids.delete(ids.values().next().value as string);
}

/** localStorage when the page has one and it works; else none. */
export function defaultCallLogStorage(): CallLogStorage | null {
  try {
    const storage = (globalThis as { localStorage?: Storage }).localStorage;
    return storage && typeof storage.getItem === 'function' ? storage : null;
  } catch {
    return null; // e.g. storage disabled: reading the property throws
  }
}
