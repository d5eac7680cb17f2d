/**
 * Derived, read-only views of the state: what map → distinctUntilChanged → shareReplay({
 * bufferSize: 1, refCount: true }) does, in one step (sharedView), so a view replays its latest
 * value, emits only when it changes, and lets go of the store when its last subscriber leaves
 * (the store itself keeps running: it is owned by the desk).
 */
import { Observable, type Subscriber, type Subscription } from 'rxjs';
import type { AgentState, DeskSession, DeskState, Lifecycle } from './desk.types';
import { liveSession, liveSessions, sessionsVersion } from './state';

export interface DeskSelectors {
  readonly lifecycle$: Observable<Lifecycle>;
  readonly agent$: Observable<AgentState>;
  readonly sessions$: Observable<readonly DeskSession[]>;
  readonly activeSession$: Observable<DeskSession | null>;
  readonly history$: Observable<readonly DeskSession[]>;
}

export const selectLifecycle = (state: DeskState): Lifecycle => state.lifecycle;
export const selectAgent = (state: DeskState): AgentState => state.agent;
export const selectHistory = (state: DeskState): readonly DeskSession[] => state.history;

export function selectActiveSession(state: DeskState): DeskSession | null {
  return state.activeSessionId === null ? null : (liveSession(state, state.activeSessionId) ?? null);
}

/**
 * Live sessions, oldest offer first; the same array while no live session changed (opening or
 * closing one changes the version too), so unrelated events cost nothing here.
 */
export function createSessionsSelector(): (state: DeskState) => readonly DeskSession[] {
  let lastVersion: unknown = {};
  let last: readonly DeskSession[] = [];
  return (state) => {
    const version = sessionsVersion(state);
    if (version !== lastVersion) {
      lastVersion = version;
      last = liveSessions(state);
    }
    return last;
  };
}

/**
 * `source.pipe(map(project), distinctUntilChanged(), shareReplay({ bufferSize: 1, refCount: true }))` as one
 * observable: one subscription to the source while anyone listens, the latest value replayed to a
 * late subscriber, reset when the last one leaves (the next subscriber starts afresh), and after
 * the source completes, the latest value then complete. Every state passes every view: the
 * operator chain and its replay buffer (a push and a splice per value) were a measurable share of
 * an event's cost.
 */
export function sharedView<S, T>(source: Observable<S>, project: (value: S) => T): Observable<T> {
  // Copied on change, so a subscriber joining or leaving during a delivery changes the next one.
  let subscribers: ReadonlyArray<Subscriber<T>> = [];
  let upstream: Subscription | null = null;
  let has = false;
  let last: T;
  let completed = false;

  function reset(): void {
    const connection = upstream;
    upstream = null;
    has = false;
    last = undefined as T;
    connection?.unsubscribe();
  }

  return new Observable<T>((subscriber) => {
    if (has) subscriber.next(last);
    if (completed) {
      subscriber.complete();
      return;
    }
    subscribers = [...subscribers, subscriber];
    if (upstream === null) {
      const connection = source.subscribe({
        next(value) {
          const next = project(value);
          if (has && next === last) return;
          has = true;
          last = next;
          for (const s of subscribers) s.next(next);
        },
        error(error: unknown) {
          const all = subscribers;
          subscribers = [];
          reset();
          for (const s of all) s.error(error);
        },
        complete() {
          completed = true;
          const all = subscribers;
          subscribers = [];
          upstream = null;
          for (const s of all) s.complete();
        },
      });
      // A source that completed or failed while subscribing (synchronously) is not kept.
      if (!completed && subscribers.length > 0) upstream = connection;
      else if (!completed) connection.unsubscribe();
    }
    return () => {
      subscribers = subscribers.filter((s) => s !== subscriber);
      if (subscribers.length === 0 && !completed) reset();
    };
  });
}

export function createSelectors(state$: Observable<DeskState>): DeskSelectors {
  const select = <T>(project: (state: DeskState) => T): Observable<T> => sharedView(state$, project);
  return {
    lifecycle$: select(selectLifecycle),
    agent$: select(selectAgent),
    sessions$: select(createSessionsSelector()),
    activeSession$: select(selectActiveSession),
    history$: select(selectHistory),
  };
}
