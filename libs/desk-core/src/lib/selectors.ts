/**
 * Derived, read-only views of the state: map → distinctUntilChanged (fused) → shareReplay with refCount,
 * so a view replays its latest value, emits only when it changes, and lets go of the store when
 * its last subscriber leaves (the store itself keeps running: it is owned by the desk).
 */
import { Observable, shareReplay, type OperatorFunction } from 'rxjs';
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
 * `map(project)` then `distinctUntilChanged()` (by reference) in one step: every state passes
 * every view, so one subscriber per view instead of two is a measurable share of an event's cost.
 */
export function mapDistinct<S, T>(project: (value: S) => T): OperatorFunction<S, T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      let last: T;
      let first = true;
      return source.subscribe({
        next(value) {
          const next = project(value);
          if (first || next !== last) {
            first = false;
            last = next;
            subscriber.next(next);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}

export function createSelectors(state$: Observable<DeskState>): DeskSelectors {
  const select = <T>(project: (state: DeskState) => T): Observable<T> =>
    state$.pipe(mapDistinct(project), shareReplay({ bufferSize: 1, refCount: true }));
  return {
    lifecycle$: select(selectLifecycle),
    agent$: select(selectAgent),
    sessions$: select(createSessionsSelector()),
    activeSession$: select(selectActiveSession),
    history$: select(selectHistory),
  };
}
