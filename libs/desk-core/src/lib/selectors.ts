/**
 * Derived, read-only views of the state: map → distinctUntilChanged → shareReplay with refCount,
 * so a view replays its latest value, emits only when it changes, and lets go of the store when
 * its last subscriber leaves (the store itself keeps running: it is owned by the desk).
 */
import { distinctUntilChanged, map, shareReplay, type Observable } from 'rxjs';
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

export function createSelectors(state$: Observable<DeskState>): DeskSelectors {
  const select = <T>(project: (state: DeskState) => T): Observable<T> =>
    state$.pipe(map(project), distinctUntilChanged(), shareReplay({ bufferSize: 1, refCount: true }));
  return {
    lifecycle$: select(selectLifecycle),
    agent$: select(selectAgent),
    sessions$: select(createSessionsSelector()),
    activeSession$: select(selectActiveSession),
    history$: select(selectHistory),
  };
}
