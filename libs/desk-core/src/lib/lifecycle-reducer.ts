/**
 * The lifecycle and the agent: idle → authenticating → loading → ready | error, and the agent's
 * status. The platform's `statusChanged` is the agent's status; a `setStatus` is only `pending`
 * until the platform confirms it (any statusChanged that names a status) or the command fails.
 * Online is the agent's sign-in: true once the SDK is ready, then whatever `online()`/`offline()`
 * last did (a status from the platform does not sign anyone in).
 */
import { PLATFORM_AGENT_STATUSES, type PlatformAgentStatus } from '@tccc-desk/tccc-sdk';
import type { DeskAction } from './actions';
import type { AgentState, Lifecycle } from './desk.types';
import { tokenExpiredError } from './errors';
import { fieldsOf } from './payload-readers';
import { withParts, type StateParts } from './state';

/** Why an event was set aside (a class, so the reducer tells it from parts with one `instanceof`). */
export class Unexpected {
  constructor(
    readonly unexpected: string,
    readonly sessionId?: string,
  ) {}
}

export type EventResult = StateParts | Unexpected;

export function unexpected(reason: string, sessionId?: string): Unexpected {
  return new Unexpected(reason, sessionId);
}

/** A lifecycle or agent action → the next parts; the same parts when nothing changed. */
export function reduceLifecycle(p: StateParts, action: DeskAction): StateParts {
  switch (action.type) {
    case 'lifecycle/authenticating': {
      const { waitingForLineSeconds: line, retryingInSeconds: retry } = action;
      const next: Lifecycle =
        line !== undefined
          ? { status: 'authenticating', waitingForLineSeconds: line }
          : retry !== undefined
            ? { status: 'authenticating', retryingInSeconds: retry }
            : { status: 'authenticating' };
      // Compared as it would be stored (an action naming both waits keeps the line's only).
      const current = p.lifecycle;
      if (current.status === 'authenticating' && current.waitingForLineSeconds === next.waitingForLineSeconds && current.retryingInSeconds === next.retryingInSeconds) return p;
      return withParts(p, { lifecycle: next });
    }
    case 'lifecycle/loading':
      return p.lifecycle.status === 'loading' ? p : withParts(p, { lifecycle: { status: 'loading' } });
    case 'lifecycle/ready':
      if (p.lifecycle.status === 'ready') return p;
      // The SDK logs the seat in: from now on the platform offers it contacts.
      return withAgent(withParts(p, { lifecycle: { status: 'ready', readyAt: action.at } }), { ...p.agent, online: true });
    case 'lifecycle/error':
      return withParts(p, { lifecycle: { status: 'error', error: action.error } });
    case 'agent/statusRequested': {
      const pending: NonNullable<AgentState['pending']> = { status: action.status };
      if (action.restReason !== undefined) pending.restReason = action.restReason;
      return withAgent(p, { ...p.agent, pending });
    }
    case 'agent/statusRequestFailed': {
      if (p.agent.pending?.status !== action.status) return p;
      const { pending: _dropped, ...agent } = p.agent;
      return withAgent(p, agent);
    }
    case 'agent/online':
      return p.agent.online === action.online ? p : withAgent(p, { ...p.agent, online: action.online });
    default:
      return p;
  }
}

/** `statusChanged`: the platform's word, which settles any pending request. */
export function onStatusChanged(p: StateParts, payload: unknown): EventResult {
  const fields = fieldsOf(payload);
  if (!fields) return unexpected('statusChanged without a payload object');
  const status = fields['status'];
  // `status` is optional on the vendor's event page: without one there is nothing to learn.
  if (status === undefined) return p;
  if (!PLATFORM_AGENT_STATUSES.includes(status as PlatformAgentStatus)) return unexpected('statusChanged with an unknown status');
  const before = p.agent;
  const next: AgentState = { status: status as PlatformAgentStatus, online: before.online };
  if (status === 'rest') {
    const reason = before.pending?.status === 'rest' ? before.pending.restReason : before.restReason;
    if (reason !== undefined) next.restReason = reason;
  }
  return withAgent(p, next);
}

/** `tokenExpired` once ready: the SDK's login is gone; a visible, retryable error. */
export function onTokenExpired(p: StateParts): StateParts {
  if (p.lifecycle.status !== 'ready') return p; // while loading, the loader reports it
  // The SDK's own message is not shown: it may quote the token.
  const error = tokenExpiredError().toJSON();
  return withParts(p, { lifecycle: { status: 'error', error } satisfies Lifecycle });
}

function withAgent(p: StateParts, agent: AgentState): StateParts {
  const a = p.agent;
  const same =
    a.status === agent.status &&
    a.online === agent.online &&
    a.restReason === agent.restReason &&
    a.pending?.status === agent.pending?.status &&
    a.pending?.restReason === agent.pending?.restReason;
  return same ? p : withParts(p, { agent });
}
