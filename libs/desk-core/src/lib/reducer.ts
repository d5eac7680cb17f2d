/**
 * The one reducer: (state, action) → state, pure, and total: an unknown, duplicate or out-of-order
 * SDK event never throws; it is counted in `diagnostics` and described in `lastUnexpected` (the
 * store reports it on `errors$`). A state is returned unchanged (same reference) when nothing
 * changed, so `state$` emits only on change.
 *
 * Cost per event does not grow with the number of live sessions: sessions sit in a persistent
 * map, the offer and engagement orders in persistent lists (newest first), and the active session
 * is read off their heads (see state.ts).
 */
import { PLATFORM_AGENT_STATUSES, type PlatformAgentStatus } from '@tccc-desk/tccc-sdk';
import type { DeskAction } from './actions';
import type { AgentState, DeskDiagnostics, DeskEvent, DeskSession, DeskState, Lifecycle } from './desk.types';
import { pmGet, pmRemove, pmSet } from './persistent-map';
import {
  answered,
  ended,
  fieldsOf,
  isEngaged,
  sessionFromCallIn,
  sessionFromCallOuted,
  sessionFromDial,
  sessionFromInternalCall,
  sessionIdOf,
  transferred,
  withCallOutedDetails,
  withDialDetails,
  withEndDetails,
  withMuted,
  withStatus,
} from './session-transitions';
import { listPush, listRemove, makeState, partsOf, type StateParts } from './state';

export const DEFAULT_HISTORY_SIZE = 50;

export interface ReducerOptions {
  /** How many ended sessions `history` keeps, newest first. */
  historySize: number;
}

export type DeskReducer = (state: DeskState, action: DeskAction) => DeskState;

/** Why an event was set aside. */
interface Unexpected {
  unexpected: string;
  sessionId?: string;
}

type EventResult = StateParts | Unexpected;

export function createReducer(options: ReducerOptions = { historySize: DEFAULT_HISTORY_SIZE }): DeskReducer {
  const historySize = options.historySize;

  return function deskReducer(state: DeskState, action: DeskAction): DeskState {
    switch (action.type) {
      case 'sdk/event':
        return onSdkEvent(state, action.event);
      case 'lifecycle/authenticating':
        return state.lifecycle.status === 'authenticating' ? state : withLifecycle(state, { status: 'authenticating' });
      case 'lifecycle/loading':
        return state.lifecycle.status === 'loading' ? state : withLifecycle(state, { status: 'loading' });
      case 'lifecycle/ready':
        return state.lifecycle.status === 'ready' ? state : withLifecycle(state, { status: 'ready', readyAt: action.at });
      case 'lifecycle/error':
        return withLifecycle(state, { status: 'error', error: action.error });
      case 'call/dialed': {
        const p = partsOf(state);
        const id = action.data.sessionId;
        const current = pmGet(p.table, id);
        if (current) return commit(state, p, update(p, current, withDialDetails(current, action.options, action.data)));
        // Already ended (its events outran the command's answer): do not bring it back.
        if (inHistory(p, id)) return state;
        return makeState(open(p, sessionFromDial(action.options, action.data, action.at)));
      }
      case 'call/internalStarted': {
        const p = partsOf(state);
        if (pmGet(p.table, action.sessionId) || inHistory(p, action.sessionId)) return state;
        return makeState(open(p, sessionFromInternalCall(action.sessionId, action.calleeUserId, action.data, action.at)));
      }
      case 'session/muted': {
        const p = partsOf(state);
        const current = pmGet(p.table, action.sessionId);
        return current ? commit(state, p, update(p, current, withMuted(current, action.muted))) : state;
      }
      case 'session/held': {
        const p = partsOf(state);
        const current = pmGet(p.table, action.sessionId);
        if (!current || !isEngaged(current.status)) return state;
        return commit(state, p, update(p, current, withStatus(current, action.held ? 'held' : 'talking')));
      }
      case 'agent/statusSet': {
        // A status the platform accepted (free, rest, …) is a signed-in agent's status.
        const agent: AgentState = { status: action.status, online: true };
        if (action.status === 'rest' && action.restReason !== undefined) agent.restReason = action.restReason;
        return withAgent(state, agent);
      }
      case 'agent/online':
        return state.agent.online === action.online ? state : withAgent(state, { ...state.agent, online: action.online });
      default:
        return state;
    }
  };

  function onSdkEvent(state: DeskState, event: DeskEvent): DeskState {
    const p = partsOf(state);
    const name = event.name as string;
    const result = applyEvent(p, name, event.payload, event.at);
    const seen = state.diagnostics;
    if ('unexpected' in result) {
      const lastUnexpected: NonNullable<DeskDiagnostics['lastUnexpected']> = { event: String(name), reason: result.unexpected };
      if (result.sessionId !== undefined) lastUnexpected.sessionId = result.sessionId;
      p.diagnostics = { unexpectedEvents: seen.unexpectedEvents + 1, eventsSeen: seen.eventsSeen + 1, lastUnexpected };
      return makeState(p);
    }
    result.diagnostics = { ...seen, eventsSeen: seen.eventsSeen + 1 };
    return makeState(result);
  }

  function applyEvent(p: StateParts, name: string, payload: unknown, at: number): EventResult {
    switch (name) {
      case 'callIn': {
        const session = sessionFromCallIn(payload, at);
        if (!session) return unexpected('callIn without a usable sessionId and type', sessionIdOf(payload));
        if (pmGet(p.table, session.id)) return unexpected('a second callIn for a live session', session.id);
        return open(p, session);
      }
      case 'userAccessed':
        return onSession(p, name, payload, (current) =>
          current.status === 'ringing' || (current.status === 'dialing' && current.channel === 'internal')
            ? update(p, current, answered(current, at))
            : undefined,
        );
      case 'calloutAccepted':
        return onSession(p, name, payload, (current) => (current.status === 'dialing' ? update(p, current, answered(current, at)) : undefined));
      case 'autoTransfer':
        return onSession(p, name, payload, (current) =>
          current.status === 'ringing' ? close(p, current, transferred(current, payload, at)) : undefined,
        );
      case 'transfer':
        return onSession(p, name, payload, (current) => close(p, current, transferred(current, payload, at)));
      case 'callOuted': {
        const id = sessionIdOf(payload);
        const current = id === undefined ? undefined : pmGet(p.table, id);
        if (current) {
          // Confirms a session the desk dialled: only fills in what it did not know.
          return current.status === 'dialing'
            ? update(p, current, withCallOutedDetails(current, payload))
            : unexpected(`callOuted for a ${current.status} session`, id);
        }
        if (id !== undefined && inHistory(p, id)) return unexpected('callOuted for an ended session', id);
        const session = sessionFromCallOuted(payload, at);
        return session ? open(p, session) : unexpected('callOuted without a sessionId');
      }
      case 'sessionEnded': {
        const id = sessionIdOf(payload);
        const current = id === undefined ? undefined : pmGet(p.table, id);
        if (current) return close(p, current, ended(current, payload, at));
        if (id === undefined) return unexpected('sessionEnded without a sessionId');
        // A transferred session may still be reported ended: keep why, once.
        const index = p.history.findIndex((s) => s.id === id);
        const past = index < 0 ? undefined : p.history[index];
        if (past?.status === 'transferred' && past.closeBy === undefined && past.endReason === undefined) {
          const history = p.history.slice();
          history[index] = withEndDetails(past, payload);
          return { ...p, history };
        }
        return unexpected(past ? 'sessionEnded for a session that already ended' : 'sessionEnded for an unknown session', id);
      }
      case 'statusChanged': {
        const status = fieldsOf(payload)?.['status'];
        if (!PLATFORM_AGENT_STATUSES.includes(status as PlatformAgentStatus)) return unexpected('statusChanged without a known status');
        const agent = p.agent;
        // The platform reports a status only for a signed-in agent: a status means online.
        if (agent.status === status && agent.online) return p;
        const next: AgentState = { status: status as PlatformAgentStatus, online: true };
        if (status === 'rest' && agent.restReason !== undefined) next.restReason = agent.restReason;
        return { ...p, agent: next };
      }
      case 'ready':
      case 'sessionCompleted':
      case 'tokenExpired':
        // Nothing in the session model: the loader handles ready/tokenExpired, and after-call work
        // shows in the agent's status.
        return p;
      default:
        return unexpected('an event the desk does not know');
    }
  }

  /** Apply `step` to the live session the payload names; unknown ids and refused steps are unexpected. */
  function onSession(
    p: StateParts,
    name: string,
    payload: unknown,
    step: (current: DeskSession) => StateParts | undefined,
  ): EventResult {
    const id = sessionIdOf(payload);
    if (id === undefined) return unexpected(`${name} without a sessionId`);
    const current = pmGet(p.table, id);
    if (!current) return unexpected(`${name} for ${inHistory(p, id) ? 'a session that already ended' : 'an unknown session'}`, id);
    return step(current) ?? unexpected(`${name} for a ${current.status} session`, id);
  }

  // -------------------------------------------------------------------------------------------
  // The three ways a live session changes

  function open(p: StateParts, session: DeskSession): StateParts {
    // The same contact offered again (e.g. transferred back): it is live, so not history.
    const history = inHistory(p, session.id) ? p.history.filter((s) => s.id !== session.id) : p.history;
    return withActive({
      ...p,
      table: pmSet(p.table, session.id, session),
      order: listPush(p.order, session.id),
      liveCount: p.liveCount + 1,
      history,
    });
  }

  function update(p: StateParts, current: DeskSession, next: DeskSession): StateParts {
    if (next === current) return p;
    let engaged = p.engaged;
    // Becoming `talking` (answered, or off hold) makes it the most recently engaged.
    if (next.status === 'talking' && current.status !== 'talking' && engaged?.id !== next.id) {
      // Only a held session is in the list already; a ringing/dialing one is not (skip the walk).
      engaged = listPush(current.status === 'held' ? listRemove(engaged, next.id) : engaged, next.id);
    }
    return withActive({ ...p, table: pmSet(p.table, next.id, next), engaged });
  }

  function close(p: StateParts, current: DeskSession, final: DeskSession): StateParts {
    const id = current.id;
    return withActive({
      ...p,
      table: pmRemove(p.table, id),
      order: listRemove(p.order, id),
      liveCount: p.liveCount - 1,
      engaged: isEngaged(current.status) ? listRemove(p.engaged, id) : p.engaged,
      history: prepend(p.history, final, historySize),
    });
  }

  function inHistory(p: StateParts, id: string): boolean {
    return p.history.some((s) => s.id === id);
  }
}

/**
 * The active session: the most recently engaged talking/held one, else the most recently offered
 * ringing/dialing one (every live session that is not engaged is ringing or dialing).
 */
function withActive(p: StateParts): StateParts {
  p.activeSessionId = p.engaged?.id ?? p.order?.id ?? null;
  return p;
}

/** Newest first, at most `size`. */
function prepend(history: readonly DeskSession[], session: DeskSession, size: number): readonly DeskSession[] {
  const length = Math.min(history.length + 1, size);
  if (length <= 0) return history;
  const next = new Array<DeskSession>(length);
  next[0] = session;
  for (let i = 1; i < length; i++) next[i] = history[i - 1];
  return next;
}

/** The new state, or the same one when the step changed nothing. */
function commit(state: DeskState, before: StateParts, after: StateParts): DeskState {
  return after === before ? state : makeState(after);
}

function withLifecycle(state: DeskState, lifecycle: Lifecycle): DeskState {
  return makeState({ ...partsOf(state), lifecycle });
}

function withAgent(state: DeskState, agent: AgentState): DeskState {
  const a = state.agent;
  if (a.status === agent.status && a.online === agent.online && a.restReason === agent.restReason) return state;
  return makeState({ ...partsOf(state), agent });
}

function unexpected(reason: string, sessionId?: string): Unexpected {
  return sessionId === undefined ? { unexpected: reason } : { unexpected: reason, sessionId };
}
