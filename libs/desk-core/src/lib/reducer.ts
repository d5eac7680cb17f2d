/**
 * The one reducer: (state, action) → state, pure, and total: an unknown, duplicate or out-of-order
 * SDK event never throws; it is counted in `diagnostics` and described in `lastUnexpected` (the
 * store reports it on `errors$`). A state is returned unchanged (same reference) when nothing
 * changed, so `state$` emits only on change.
 *
 * It routes: lifecycle and agent to lifecycle-reducer.ts, sessions to session-reducer.ts. Cost
 * per event does not grow with the number of live sessions (see session-table.ts).
 */
import type { DeskAction } from './actions';
import type { DeskDiagnostics, DeskEvent, DeskState } from './desk.types';
import { Unexpected, onStatusChanged, onTokenExpired, reduceLifecycle, type EventResult } from './lifecycle-reducer';
import { createSessionReducer } from './session-reducer';
import { makeState, partsOf, withParts, type StateParts } from './state';

export const DEFAULT_HISTORY_SIZE = 50;

export interface ReducerOptions {
  /** How many ended sessions `history` keeps, newest first. */
  historySize: number;
}

export type DeskReducer = (state: DeskState, action: DeskAction) => DeskState;

export function createReducer(options: ReducerOptions = { historySize: DEFAULT_HISTORY_SIZE }): DeskReducer {
  const sessions = createSessionReducer(options.historySize);

  function applyEvent(p: StateParts, event: DeskEvent): EventResult {
    switch (event.name) {
      case 'statusChanged':
        return onStatusChanged(p, event.payload);
      case 'tokenExpired':
        return onTokenExpired(p);
      case 'ready':
      case 'sessionCompleted':
        // Nothing in the model: the loader awaits ready, after-call work shows in the agent's status.
        return p;
      default:
        return sessions.onEvent(p, event.name as string, event.payload, event.at);
    }
  }

  function onSdkEvent(state: DeskState, event: DeskEvent): DeskState {
    const p = partsOf(state);
    const result = applyEvent(p, event);
    const seen = state.diagnostics;
    if (result instanceof Unexpected) {
      const lastUnexpected: NonNullable<DeskDiagnostics['lastUnexpected']> = { event: String(event.name), reason: result.unexpected };
      if (result.sessionId !== undefined) lastUnexpected.sessionId = result.sessionId;
      return makeState(withParts(p, { diagnostics: { unexpectedEvents: seen.unexpectedEvents + 1, eventsSeen: seen.eventsSeen + 1, lastUnexpected } }));
    }
    const diagnostics: DeskDiagnostics = { unexpectedEvents: seen.unexpectedEvents, eventsSeen: seen.eventsSeen + 1 };
    if (seen.lastUnexpected !== undefined) diagnostics.lastUnexpected = seen.lastUnexpected;
    // A changed result is a fresh object of this step (reducers copy with withParts, never write): finish it in place.
    if (result !== p) {
      result.diagnostics = diagnostics;
      return makeState(result);
    }
    return makeState(withParts(p, { diagnostics }));
  }

  return function deskReducer(state: DeskState, action: DeskAction): DeskState {
    if (action.type === 'sdk/event') return onSdkEvent(state, action.event);
    const before = partsOf(state);
    const after = action.type.startsWith('lifecycle/') || action.type.startsWith('agent/') ? reduceLifecycle(before, action) : sessions.onAction(before, action);
    return after === before ? state : makeState(after);
  };
}
