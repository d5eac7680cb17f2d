/**
 * How the store holds a DeskState so that an event costs the same with 1 or 1,000 live sessions:
 * the live sessions are a SessionTable (session-table.ts); `state.sessions` and
 * `state.sessionOrder`, the plain record and array of the public contract, are built from it once
 * per table (see EAGER_VIEW_LIMIT) and shared by every state of that table; they are own
 * enumerable properties, so `Object.keys`, spread, JSON and structuredClone all see them. A state also carries
 * what the reducer remembers but the contract does not show: the ids that ended lately and the
 * internal calls still being started.
 */
import type { AgentState, DeskDiagnostics, DeskSession, DeskState, Lifecycle } from './desk.types';
import { RecentIds } from './recent-ids';
import { SessionTable } from './session-table';

export interface StateParts {
  lifecycle: Lifecycle;
  agent: AgentState;
  /** The live sessions. */
  live: SessionTable;
  history: readonly DeskSession[];
  diagnostics: DeskDiagnostics;
  /** Sessions the platform ended lately: never brought back by a late event. */
  ended: RecentIds;
  /**
   * Offers the desk itself gave up on lately (their timeout passed with no event): a guess, so the
   * platform's later word for one (the agent did get it, or it was moved on) still counts.
   */
  expired: RecentIds;
  /** Callees of `startInternalCall`s not answered yet, oldest first: their `callOuted` may come first. */
  pendingInternal: readonly string[];
}

/**
 * The parts with `changes` (every part is an object: an absent one is unchanged), always a fresh
 * object. What `{ ...p, ...changes }` means, written out: V8 builds a spread of parts (a spread of
 * a spread, step after step) ~10x slower (measured ~0.3-0.5 µs against ~0.02 µs), and every event
 * makes one or two.
 */
export function withParts(p: Readonly<StateParts>, changes: Partial<StateParts>): StateParts {
  return {
    lifecycle: changes.lifecycle ?? p.lifecycle,
    agent: changes.agent ?? p.agent,
    live: changes.live ?? p.live,
    history: changes.history ?? p.history,
    diagnostics: changes.diagnostics ?? p.diagnostics,
    ended: changes.ended ?? p.ended,
    expired: changes.expired ?? p.expired,
    pendingInternal: changes.pendingInternal ?? p.pendingInternal,
  };
}

/**
 * Up to this many live sessions a state carries `sessions` and `sessionOrder` as plain data (the
 * table's views, built once per table); above it, as own getters that build them on first
 * read (two `defineProperty`s, ~0.5 µs, whatever the size), so an event costs the same with
 * 1,000 live sessions.
 */
export const EAGER_VIEW_LIMIT = 16;

class StoreState implements DeskState {
  // `declare`d and set in the constructor, so the keys come in the contract's order.
  declare readonly lifecycle: Lifecycle;
  declare readonly agent: AgentState;
  declare readonly sessions: Readonly<Record<string, DeskSession>>;
  declare readonly sessionOrder: readonly string[];
  declare readonly activeSessionId: string | null;
  declare readonly history: readonly DeskSession[];
  declare readonly diagnostics: DeskDiagnostics;
  readonly #parts: StateParts;

  // Shared descriptors: defining them per instance costs ~0.25 µs each, an object literal with
  // getters ~0.9 µs (a new closure pair each time). The table caches what they build.
  static readonly #sessions: PropertyDescriptor = {
    enumerable: true,
    get(this: StoreState) {
      return this.#parts.live.record();
    },
  };
  static readonly #sessionOrder: PropertyDescriptor = {
    enumerable: true,
    get(this: StoreState) {
      return this.#parts.live.order();
    },
  };

  constructor(parts: StateParts) {
    const live = parts.live;
    this.lifecycle = parts.lifecycle;
    this.agent = parts.agent;
    if (live.size <= EAGER_VIEW_LIMIT) {
      // Data: building a small table's views (once per table) costs less than two accessors.
      (this as { sessions: DeskState['sessions'] }).sessions = live.record();
      (this as { sessionOrder: DeskState['sessionOrder'] }).sessionOrder = live.order();
    } else {
      // Lazy: most states of a large table are never read.
      Object.defineProperty(this, 'sessions', StoreState.#sessions);
      Object.defineProperty(this, 'sessionOrder', StoreState.#sessionOrder);
    }
    this.activeSessionId = live.activeId;
    this.history = parts.history;
    this.diagnostics = parts.diagnostics;
    this.#parts = parts;
  }

  static partsOf(state: DeskState): StateParts | undefined {
    return #parts in state ? (state as StoreState).#parts : undefined;
  }
}

export function makeState(parts: StateParts): DeskState {
  return new StoreState(parts);
}

export function initialState(): DeskState {
  return makeState({
    lifecycle: { status: 'idle' },
    agent: { status: 'unknown', online: false },
    live: SessionTable.EMPTY,
    history: [],
    diagnostics: { unexpectedEvents: 0, eventsSeen: 0 },
    ended: RecentIds.EMPTY,
    expired: RecentIds.EMPTY,
    pendingInternal: [],
  });
}

/**
 * The parts of a state, for the reducer to build the next one from. Shared, not copied: the
 * reducers never write to parts, they copy them (withParts; so "nothing changed" is `after === before`).
 */
export function partsOf(state: DeskState): Readonly<StateParts> {
  return StoreState.partsOf(state) ?? partsOfPlain(state);
}

/** A state that was not made by the store (built by hand, or a JSON copy): rebuild its parts. */
function partsOfPlain(state: DeskState): StateParts {
  let ended = RecentIds.EMPTY;
  for (const past of state.history) if (past.status === 'ended') ended = ended.add(past.id);
  return {
    lifecycle: state.lifecycle,
    agent: state.agent,
    live: SessionTable.of(
      state.sessionOrder.map((id) => state.sessions[id]),
      state.activeSessionId,
    ),
    history: state.history,
    diagnostics: state.diagnostics,
    ended,
    expired: RecentIds.EMPTY,
    pendingInternal: [],
  };
}

/** The live session with this id (O(log n), without building `state.sessions`). */
export function liveSession(state: DeskState, sessionId: string): DeskSession | undefined {
  const parts = StoreState.partsOf(state);
  if (parts) return parts.live.get(sessionId);
  return Object.prototype.hasOwnProperty.call(state.sessions, sessionId) ? state.sessions[sessionId] : undefined;
}

/** The live sessions, oldest offer first. */
export function liveSessions(state: DeskState): DeskSession[] {
  return state.sessionOrder.map((id) => liveSession(state, id) as DeskSession);
}

/** Changes whenever any live session changes (by reference), for `distinctUntilChanged`. */
export function sessionsVersion(state: DeskState): unknown {
  const parts = StoreState.partsOf(state);
  return parts ? parts.live : state.sessions;
}

/** The session in history with this id, newest first. */
export function pastSession(state: DeskState, sessionId: string): DeskSession | undefined {
  return state.history.find((s) => s.id === sessionId);
}
