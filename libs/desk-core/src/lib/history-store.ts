/**
 * The seat's call history across reloads and tabs: what history$ showed, plus the sessions that
 * were live, kept per seat in storage (localStorage by default), bounded, and without payloads
 * (`raw` is dropped: nothing the SDK sent beyond what the desk itself shows, never a token or an
 * SdkURL). After the next login for that seat it comes back through the reducer
 * (`history/restored`); a session that was live comes back interrupted (`interrupted: true`,
 * endReason 'interrupted': a reload or another tab's takeover). Cleared
 * on sign-out. It only reads the desk's state; the reducer stays the only writer.
 */
import type { Observable, Subscription } from 'rxjs';
import type { CallLogStorage, DeskSession, DeskState } from './desk.types';
import { liveSessions, partsOf, sessionsVersion } from './state';

const STORAGE_PREFIX = 'tccc-desk.history.v1:';
/** Generic: a reload, or another tab taking the desk over (the UI words it from `interrupted`). */
export const INTERRUPTED_REASON = 'interrupted';

interface Stored {
  v: 1;
  savedAt: number;
  history: DeskSession[];
  live: DeskSession[];
}

export interface HistoryStore {
  /**
   * The login said whose seat this is: what that seat kept, ready for `history/restored`;
   * `replace`: another seat was in use (its history must leave the desk, not be appended to).
   */
  useSeat(seatUserId: string | undefined): { sessions: DeskSession[]; replace: boolean };
  /** Sign-out: forget this seat's stored history. */
  clear(): void;
  destroy(): void;
}

export function createHistoryStore(options: {
  state$: Observable<DeskState>;
  storage: CallLogStorage | null;
  historySize: number;
  clock: () => number;
}): HistoryStore {
  const { storage, historySize, clock } = options;
  let seat: string | undefined;
  let lastHistory: unknown;
  let lastLive: unknown;
  let latest: DeskState | undefined;

  const key = () => (seat ? STORAGE_PREFIX + seat : undefined);

  function save(state: DeskState): void {
    const where = key();
    if (!storage || !where) return;
    const record: Stored = {
      v: 1,
      savedAt: clock(),
      history: state.history.slice(0, historySize).map(stripped),
      live: liveSessions(state).map(stripped),
    };
    try {
      if (record.history.length === 0 && record.live.length === 0) storage.removeItem(where);
      else storage.setItem(where, JSON.stringify(record));
    } catch {
      // Storage full or refused: history lives for this page only.
    }
  }

  // One write per burst of events (a microtask later), never one per event.
  let scheduled = false;
  const flush = (): void => {
    if (!scheduled) return;
    scheduled = false;
    if (latest) save(latest);
  };

  // Nowhere to keep it (no storage, e.g. in Node): nothing to watch.
  const subscription: Subscription | null = storage === null ? null : options.state$.subscribe((state) => {
    latest = state;
    const live = sessionsVersion(state);
    // While a call is live every change is saved, so an interrupted call's end is close to the reload.
    if (state.history === lastHistory && live === lastLive && partsOf(state).live.size === 0) return;
    lastHistory = state.history;
    lastLive = live;
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(flush);
  });

  return {
    useSeat(seatUserId) {
      if (!seatUserId || seatUserId === seat) return { sessions: [], replace: false };
      const replace = seat !== undefined;
      // The previous seat's pending write goes under its own key, before the key changes.
      if (replace) flush();
      seat = seatUserId;
      const restored = load(storage, key() as string, historySize);
      // Nothing to bring back: what the desk shows already is this seat's history from now on
      // (otherwise the restore's own state change saves it). Never the previous seat's.
      if (!replace && restored.length === 0 && latest) save(latest);
      return { sessions: restored, replace };
    },
    clear() {
      scheduled = false;
      const where = key();
      lastHistory = undefined;
      if (!storage || !where) return;
      try {
        storage.removeItem(where);
      } catch {
        // Nothing stored that could be read back either.
      }
    },
    destroy() {
      flush(); // the page may be going: what is pending is written now
      subscription?.unsubscribe();
    },
  };
}

function stripped(session: DeskSession): DeskSession {
  // No payload: the desk's own fields only.
  return { ...session, raw: null };
}

function load(storage: CallLogStorage | null, where: string, historySize: number): DeskSession[] {
  if (!storage) return [];
  let parsed: Partial<Stored> | null;
  try {
    parsed = JSON.parse(storage.getItem(where) ?? 'null') as Partial<Stored> | null;
  } catch {
    return [];
  }
  if (!parsed || parsed.v !== 1 || !Array.isArray(parsed.history) || !Array.isArray(parsed.live)) return [];
  const savedAt = typeof parsed.savedAt === 'number' ? parsed.savedAt : Date.now();
  const interrupted = parsed.live.filter(isSession).map(
    (s): DeskSession => ({ ...s, status: 'ended', endedAt: savedAt, endReason: INTERRUPTED_REASON, interrupted: true, restored: true, raw: null }),
  );
  const past = parsed.history.filter(isSession).map((s): DeskSession => ({ ...s, restored: true, raw: null }));
  return [...interrupted.reverse(), ...past].slice(0, historySize);
}

function isSession(value: unknown): value is DeskSession {
  const s = value as Partial<DeskSession> | null;
  return (
    !!s &&
    typeof s === 'object' &&
    typeof s.id === 'string' &&
    typeof s.channel === 'string' &&
    typeof s.direction === 'string' &&
    typeof s.status === 'string' &&
    typeof s.offeredAt === 'number' &&
    Array.isArray(s.ivrPath) &&
    !!s.peer &&
    typeof s.peer === 'object'
  );
}
