/**
 * Sessions built from, and moved on by, SDK payloads and command results: pure functions from a
 * session (and the payload, read through payload-readers) to the next session.
 */
import type { CallInType, StartOutboundCallData } from '@tccc-desk/tccc-sdk';
import type { DeskSession, DialOptions, SessionDirection, SessionPeer, SessionStatus } from './desk.types';
import {
  callInPeer,
  callOutedPeer,
  channelOf,
  closeByOf,
  endReasonOf,
  fieldsOf,
  ivrPathOf,
  peer,
  text,
  timeoutOf,
  transferTargetOf,
} from './payload-readers';

/** Sessions of these statuses are the agent's conversation (talking, or on hold). */
export const isEngaged = (status: SessionStatus): boolean => status === 'talking' || status === 'held';

/** Grace after an offer's `timeout` before the desk stops waiting for the platform's event. */
export const OFFER_EXPIRY_GRACE_MS = 5_000;

// ---------------------------------------------------------------------------------------------
// Opening

/** `callIn` → a ringing session; undefined when the payload has no usable id or type. */
export function sessionFromCallIn(payload: unknown, at: number): DeskSession | undefined {
  const fields = fieldsOf(payload);
  const id = text(fields?.['sessionId']);
  // A callIn without a type is a phone call (the guide's first table); an unknown type is refused.
  const channel = fields?.['type'] === undefined ? 'phone' : channelOf(payload);
  if (!fields || !id || !channel) return undefined;
  const session: DeskSession = {
    id,
    channel,
    direction: channel === 'internal' ? 'internal' : 'inbound',
    status: 'ringing',
    muted: false,
    peer: callInPeer(channel, fields),
    offeredAt: at,
    ivrPath: ivrPathOf(fields['ivrPath']),
    raw: payload,
  };
  if (channel === 'video') session.videoMuted = false;
  const timeout = timeoutOf(payload);
  if (timeout !== undefined) session.acceptTimeoutS = timeout;
  return session;
}

/** `callOuted` for a session the desk did not dial (e.g. dialled from the SDK's own UI). */
export function sessionFromCallOuted(payload: unknown, at: number): DeskSession | undefined {
  const fields = fieldsOf(payload);
  const id = text(fields?.['sessionId']);
  if (!fields || !id) return undefined;
  return { ...dialing(id, 'phone', 'outbound', callOutedPeer(fields), at), raw: payload };
}

/** `startOutboundCall` resolved: the session is dialing before `callOuted` arrives. */
export function sessionFromDial(options: DialOptions, data: StartOutboundCallData, at: number): DeskSession {
  return { ...dialing(data.sessionId, 'phone', 'outbound', dialPeer(options, data), at), raw: data };
}

function dialPeer(options: DialOptions, data: StartOutboundCallData): SessionPeer {
  const phoneNumber = text(data.calleePhoneNumber) ?? options.phoneNumber;
  return peer({ displayName: text(options.phoneDesc) ?? phoneNumber, phoneNumber, location: text(data.calleeLocation) });
}

/** An internal call to `calleeUserId` (its start answered, or its `callOuted` came first). */
export function sessionFromInternalCall(sessionId: string, calleeUserId: string, raw: unknown, at: number): DeskSession {
  return { ...dialing(sessionId, 'internal', 'internal', { displayName: calleeUserId, userId: calleeUserId }, at), raw };
}

function dialing(id: string, channel: CallInType, direction: SessionDirection, who: SessionPeer, at: number): DeskSession {
  return { id, channel, direction, status: 'dialing', muted: false, peer: who, offeredAt: at, placedByAgent: true, ivrPath: [], raw: undefined };
}

/**
 * A session the desk never saw offered, from a later event (`userAccessed`, `calloutAccepted`,
 * `sessionEnded`; e.g. after a page reload): what the payload knows, the rest a marked guess.
 */
export function adoptedSession(
  id: string,
  payload: unknown,
  status: SessionStatus,
  direction: SessionDirection,
  at: number,
): DeskSession {
  const channel = channelOf(payload);
  const session: DeskSession = {
    id,
    channel: channel ?? 'phone',
    direction: channel === 'internal' ? 'internal' : direction,
    status,
    muted: false,
    peer: {},
    offeredAt: at,
    ivrPath: [],
    adopted: true,
    raw: payload,
  };
  if (status === 'talking') session.answeredAt = at;
  if (channel === undefined) session.channelKnown = false;
  if (channel === 'video') session.videoMuted = false;
  return session;
}

/** An adopted session that the desk knew before a reload: its channel, direction and peer, not guesses. */
export function asKnown(adopted: DeskSession, past: DeskSession): DeskSession {
  const session: DeskSession = { ...adopted, channel: past.channel, direction: past.direction, peer: past.peer, offeredAt: past.offeredAt, ivrPath: past.ivrPath };
  delete session.channelKnown;
  if (past.placedByAgent) session.placedByAgent = true;
  if (past.channel === 'video') session.videoMuted = past.videoMuted ?? false;
  else delete session.videoMuted;
  return session;
}

// ---------------------------------------------------------------------------------------------
// Moving on

/** The payload's peer details fill in what the session does not know yet. */
export function withCallOutedDetails(session: DeskSession, payload: unknown): DeskSession {
  const fields = fieldsOf(payload);
  return fields ? withPeer(session, callOutedPeer(fields)) : session;
}

/** `startOutboundCall` answered for a session already open (its first event came sooner): the agent placed it. */
export function withDialDetails(session: DeskSession, options: DialOptions, data: StartOutboundCallData): DeskSession {
  return placed(withPeer(session, dialPeer(options, data)));
}

/** `startInternalCall` answered for a session already open: it is an internal call to the callee. */
export function asInternalCall(session: DeskSession, calleeUserId: string): DeskSession {
  const next = session.channel === 'internal' && session.direction === 'internal' ? session : { ...session, channel: 'internal' as const, direction: 'internal' as const };
  return placed(withPeer(next, { displayName: calleeUserId, userId: calleeUserId }, true));
}

/** The command's answer proves the agent placed it (a session adopted from an earlier event did not say). */
function placed(session: DeskSession): DeskSession {
  return session.placedByAgent ? session : { ...session, placedByAgent: true };
}

function withPeer(session: DeskSession, extra: SessionPeer, override = false): DeskSession {
  let changed = false;
  const merged: SessionPeer = { ...session.peer };
  for (const [key, value] of Object.entries(extra) as [keyof SessionPeer, string][]) {
    if (merged[key] === undefined || (override && merged[key] !== value)) {
      merged[key] = value;
      changed = true;
    }
  }
  return changed ? { ...session, peer: merged } : session;
}

/**
 * A copy of a session for a transition to finish in place: what `{ ...session }` makes (own
 * enumerable keys in order, then new ones after), by Object.assign, because V8 builds a spread
 * that adds a key (`{ ...session, answeredAt }`, or a key set on the copy afterwards) ~8x slower
 * (~2 µs; it was ~10% of an event's cost). A `__proto__` key (only in a session read back from
 * storage) would be set as the prototype by Object.assign: such a session is spread.
 */
function copyOf(session: DeskSession): DeskSession {
  return Object.hasOwn(session, '__proto__') ? { ...session } : Object.assign({}, session);
}

export function answered(session: DeskSession, at: number): DeskSession {
  const next = copyOf(session);
  next.status = 'talking';
  next.answeredAt = at;
  return next;
}

export function withStatus(session: DeskSession, status: SessionStatus): DeskSession {
  return session.status === status ? session : { ...session, status };
}

export function withMuted(session: DeskSession, muted: boolean): DeskSession {
  return session.muted === muted ? session : { ...session, muted };
}

export function withVideoMuted(session: DeskSession, videoMuted: boolean): DeskSession {
  if (session.videoMuted === videoMuted) return session;
  const next = copyOf(session);
  next.videoMuted = videoMuted;
  return next;
}

/** `sessionEnded`: ended, with who closed it and why. */
export function ended(session: DeskSession, payload: unknown, at: number): DeskSession {
  const next = copyOf(session);
  next.status = 'ended';
  next.endedAt = at;
  return endDetails(next, payload);
}

/** A session that was transferred and later reported ended keeps `transferred`, gains the reason. */
export function withEndDetails(session: DeskSession, payload: unknown): DeskSession {
  return endDetails(copyOf(session), payload);
}

/** Writes the end details into `next`, a copy this step just made. */
function endDetails(next: DeskSession, payload: unknown): DeskSession {
  const closeBy = closeByOf(payload);
  const reason = endReasonOf(payload);
  const fields = fieldsOf(payload);
  const mainReason = text(fields?.['mainReason']);
  const subReason = text(fields?.['subReason']);
  if (closeBy !== undefined) next.closeBy = closeBy;
  if (reason !== undefined) next.endReason = reason;
  // Both as the platform said them, for a call log (endReason is the one to show).
  if (mainReason !== undefined) next.mainReason = mainReason;
  if (subReason !== undefined) next.subReason = subReason;
  return next;
}

/** `transfer` / `autoTransfer`: no longer the agent's. */
export function transferred(session: DeskSession, payload: unknown, at: number): DeskSession {
  const target = transferTargetOf(payload);
  const next = copyOf(session);
  next.status = 'transferred';
  next.endedAt = at;
  if (target) next.transferredTo = target;
  return next;
}

/** When a ringing offer stops being worth waiting for (undefined: never). */
export function offerDeadline(session: DeskSession): number | undefined {
  const timeout = session.acceptTimeoutS;
  if (session.status !== 'ringing' || timeout === undefined || timeout <= 0) return undefined;
  return session.offeredAt + timeout * 1000;
}

/** An offer the desk expired, without what the expiry wrote (its end, `timer`, the reason). */
export function withoutExpiry(session: DeskSession): DeskSession {
  const next = copyOf(session);
  delete next.endedAt;
  delete next.closeBy;
  delete next.endReason;
  return next;
}

/** An expired offer the agent did get after all (a late userAccessed): talking, as it was offered. */
export function revived(session: DeskSession, at: number): DeskSession {
  return answered(withoutExpiry(session), at);
}

/** The offer timed out and the platform said nothing (no autoTransfer, no sessionEnded). */
export function expired(session: DeskSession, at: number): DeskSession {
  const next = copyOf(session);
  next.status = 'ended';
  next.endedAt = at;
  next.closeBy = 'timer';
  next.endReason = 'Not answered within its timeout; the platform sent no event for it.';
  return next;
}
