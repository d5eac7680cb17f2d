/**
 * Sessions: SDK events and command results → the live table and the bounded history. The rules
 * that keep ghosts out:
 * - a session that ended is remembered (`ended`, beyond `history`): a late or repeated callIn,
 *   callOuted, dial answer or accept for it changes nothing;
 * - an event for a session the desk never saw offered (`userAccessed`, `calloutAccepted`,
 *   `sessionEnded`, e.g. after a page reload) is adopted, so the agent can still hang up and the
 *   contact reaches history;
 * - a ringing offer whose timeout passed with no event leaves the live list (`session/expired`).
 */
import type { DeskAction } from './actions';
import type { DeskSession, SessionDirection } from './desk.types';
import { unexpected, type EventResult } from './lifecycle-reducer';
import { sessionIdOf } from './payload-readers';
import {
  adoptedSession,
  answered,
  asInternalCall,
  asKnown,
  ended,
  expired,
  isEngaged,
  revived,
  withoutExpiry,
  offerDeadline,
  sessionFromCallIn,
  sessionFromCallOuted,
  sessionFromDial,
  sessionFromInternalCall,
  transferred,
  withCallOutedDetails,
  withDialDetails,
  withEndDetails,
  withMuted,
  withStatus,
  withVideoMuted,
} from './session-transitions';
import { withParts, type StateParts } from './state';

export interface SessionReducer {
  /** An SDK event about a session. */
  onEvent(p: StateParts, name: string, payload: unknown, at: number): EventResult;
  /** A command's result, or the offer timer; the same parts when nothing changed. */
  onAction(p: StateParts, action: DeskAction): StateParts;
}

export function createSessionReducer(historySize: number): SessionReducer {
  // -------------------------------------------------------------------------------------------
  // The three ways a live session changes

  function open(p: StateParts, session: DeskSession): StateParts {
    // The same contact offered again after a transfer: it is live, so not history.
    const history = inHistory(p, session.id) ? p.history.filter((s) => s.id !== session.id) : p.history;
    return withParts(p, { live: p.live.open(session), history });
  }

  function update(p: StateParts, next: DeskSession): StateParts {
    const live = p.live.update(next);
    return live === p.live ? p : withParts(p, { live });
  }

  function close(p: StateParts, final: DeskSession): StateParts {
    return withParts(p, {
      live: p.live.close(final.id),
      history: prepend(p.history, final, historySize),
      // A transferred contact may be offered back; an ended one never comes back.
      ended: final.status === 'ended' ? p.ended.add(final.id) : p.ended,
    });
  }

  const inHistory = (p: StateParts, id: string): boolean => p.history.some((s) => s.id === id);

  /** The history entry of an offer the desk expired and the platform has not spoken of since. */
  function expiredByDesk(p: StateParts, id: string): { past: DeskSession; index: number } | undefined {
    if (!p.expired.has(id) || p.ended.has(id)) return undefined;
    const index = p.history.findIndex((s) => s.id === id);
    const past = index < 0 ? undefined : p.history[index];
    return past?.status === 'ended' ? { past, index } : undefined;
  }

  /** Apply `step` to the live session the payload names; otherwise `orElse` (adoption) or unexpected. */
  function onLive(
    p: StateParts,
    name: string,
    payload: unknown,
    step: (current: DeskSession) => StateParts | undefined,
    orElse?: (id: string) => EventResult,
  ): EventResult {
    const id = sessionIdOf(payload);
    if (id === undefined) return unexpected(`${name} without a sessionId`);
    const current = p.live.get(id);
    if (current) return step(current) ?? unexpected(`${name} for a ${current.status} session`, id);
    if (p.ended.has(id)) return unexpected(`${name} for a session that already ended`, id);
    return orElse ? orElse(id) : unexpected(`${name} for ${inHistory(p, id) ? 'a session that already ended' : 'an unknown session'}`, id);
  }

  /**
   * A talking session the desk did not see offered. One in history was either transferred away
   * (a late event: it stays there, the contact is no longer the agent's) or interrupted by a
   * reload (live again, with the channel and peer the desk already knew, not a guess).
   */
  function adopt(p: StateParts, name: string, id: string, payload: unknown, direction: SessionDirection, at: number): EventResult {
    const gaveUp = expiredByDesk(p, id);
    // The agent got it after all (their accept outran the desk's expiry): it is live again.
    if (gaveUp) return open(p, revived(gaveUp.past, at));
    const past = p.history.find((s) => s.id === id);
    if (past && !past.interrupted) return unexpected(`${name} for a session that ${past.status === 'transferred' ? 'was transferred away' : 'already ended'}`, id);
    const session = adoptedSession(id, payload, 'talking', direction, at);
    return open(p, past ? asKnown(session, past) : session);
  }

  function onEvent(p: StateParts, name: string, payload: unknown, at: number): EventResult {
    switch (name) {
      case 'callIn': {
        const session = sessionFromCallIn(payload, at);
        if (!session) return unexpected('callIn without a usable sessionId and type', sessionIdOf(payload));
        if (p.live.get(session.id)) return unexpected('a second callIn for a live session', session.id);
        if (p.ended.has(session.id) || p.expired.has(session.id)) return unexpected('callIn for a session that already ended', session.id);
        return open(p, session);
      }
      case 'userAccessed':
        return onLive(
          p,
          name,
          payload,
          (current) =>
            current.status === 'ringing' || (current.status === 'dialing' && current.channel === 'internal')
              ? update(p, answered(current, at))
              : undefined,
          (id) => adopt(p, name, id, payload, 'inbound', at),
        );
      case 'calloutAccepted':
        return onLive(
          p,
          name,
          payload,
          (current) => (current.status === 'dialing' ? update(p, answered(current, at)) : undefined),
          (id) => adopt(p, name, id, payload, 'outbound', at),
        );
      case 'autoTransfer':
        return onLive(
          p,
          name,
          payload,
          (current) => (current.status === 'ringing' ? close(p, transferred(current, payload, at)) : undefined),
          (id) => {
            // Moved on late, after the desk gave up on it: history says where it went.
            const gaveUp = expiredByDesk(p, id);
            if (!gaveUp) return unexpected(`${name} for ${inHistory(p, id) ? 'a session that already ended' : 'an unknown session'}`, id);
            const history = p.history.slice();
            history[gaveUp.index] = transferred(withoutExpiry(gaveUp.past), payload, gaveUp.past.endedAt ?? at);
            return withParts(p, { history });
          },
        );
      case 'transfer':
        return onLive(p, name, payload, (current) => close(p, transferred(current, payload, at)));
      case 'callOuted':
        return onLive(
          p,
          name,
          payload,
          // Confirms a session the desk dialled: only fills in what it did not know.
          (current) => (current.status === 'dialing' ? update(p, withCallOutedDetails(current, payload)) : undefined),
          (id) => {
            if (inHistory(p, id)) return p; // transferred away meanwhile: nothing to dial
            const [callee, ...rest] = p.pendingInternal;
            // An internal call being started: its callOuted outran startInternalCall's answer.
            if (callee !== undefined) return open(withParts(p, { pendingInternal: rest }), sessionFromInternalCall(id, callee, payload, at));
            return open(p, sessionFromCallOuted(payload, at) as DeskSession);
          },
        );
      case 'sessionEnded':
        return onLive(
          p,
          name,
          payload,
          (current) => close(p, ended(current, payload, at)),
          (id) => {
            const index = p.history.findIndex((s) => s.id === id);
            const past = index < 0 ? undefined : p.history[index];
            if (!past) return close(p, ended(adoptedSession(id, payload, 'ended', 'inbound', at), payload, at));
            // A transferred session may still be reported ended: keep why, once. One the desk
            // expired ends as the platform says (its who and why, not the desk's guess).
            const history = p.history.slice();
            history[index] = expiredByDesk(p, id) ? ended(withoutExpiry(past), payload, past.endedAt ?? at) : withEndDetails(past, payload);
            return withParts(p, { history, ended: p.ended.add(id) });
          },
        );
      default:
        return unexpected('an event the desk does not know');
    }
  }

  function onAction(p: StateParts, action: DeskAction): StateParts {
    switch (action.type) {
      case 'call/dialed': {
        const id = action.data.sessionId;
        const current = p.live.get(id);
        if (current) return update(p, withDialDetails(current, action.options, action.data));
        // Already over (its events outran the command's answer): do not bring it back.
        if (p.ended.has(id) || inHistory(p, id)) return p;
        return open(p, sessionFromDial(action.options, action.data, action.at));
      }
      case 'call/internalRequested':
        return withParts(p, { pendingInternal: [...p.pendingInternal, action.calleeUserId] });
      case 'call/internalFailed':
      case 'call/internalStarted': {
        const at = p.pendingInternal.indexOf(action.calleeUserId);
        const next = at < 0 ? p : withParts(p, { pendingInternal: p.pendingInternal.filter((_, i) => i !== at) });
        if (action.type === 'call/internalFailed' || action.sessionId === undefined) return next;
        const id = action.sessionId;
        const current = next.live.get(id);
        if (current) return update(next, asInternalCall(current, action.calleeUserId));
        if (next.ended.has(id) || inHistory(next, id)) return next;
        return open(next, sessionFromInternalCall(id, action.calleeUserId, action.data, action.at));
      }
      case 'session/muted': {
        const current = p.live.get(action.sessionId);
        return current ? update(p, withMuted(current, action.muted)) : p;
      }
      case 'session/videoMuted': {
        const current = p.live.get(action.sessionId);
        return current ? update(p, withVideoMuted(current, action.videoMuted)) : p;
      }
      case 'session/held': {
        const current = p.live.get(action.sessionId);
        if (!current || !isEngaged(current.status)) return p;
        return update(p, withStatus(current, action.held ? 'held' : 'talking'));
      }
      case 'session/deleted':
        return inHistory(p, action.sessionId) ? withParts(p, { history: p.history.filter((s) => s.id !== action.sessionId) }) : p;
      case 'session/expired': {
        const current = p.live.get(action.sessionId);
        const deadline = current && offerDeadline(current);
        if (!current || deadline === undefined || action.at < deadline) return p;
        // Not `ended`: the platform has not said so (expiredByDesk).
        const next = close(p, expired(current, action.at));
        return withParts(next, { ended: p.ended, expired: p.expired.add(current.id) });
      }
      case 'history/restored': {
        // Another seat's login: nothing of the previous seat's history stays on screen.
        if (action.replace) {
          const next = historySize <= 0 ? [] : action.sessions.filter((s) => !p.live.get(s.id)).slice(0, historySize);
          let ended = p.ended;
          for (const s of next) if (s.status === 'ended' && !s.interrupted) ended = ended.add(s.id);
          return next.length === 0 && p.history.length === 0 ? p : withParts(p, { history: next, ended });
        }
        // Kept after what this page saw itself; never a session that is live or already shown.
        const known = new Set(p.history.map((s) => s.id));
        const added = action.sessions.filter((s) => !known.has(s.id) && !p.live.get(s.id));
        if (added.length === 0 || historySize <= 0) return p;
        let ended = p.ended;
        // A call interrupted by the reload may still be live on the platform: its events are adopted.
        for (const s of added) if (s.status === 'ended' && !s.interrupted) ended = ended.add(s.id);
        return withParts(p, { history: [...p.history, ...added].slice(0, historySize), ended });
      }
      default:
        return p;
    }
  }

  return { onEvent, onAction };
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
