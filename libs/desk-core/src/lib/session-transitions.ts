/**
 * Sessions built from, and moved on by, SDK payloads and command results. Payloads are the SDK's
 * data: typed as documented, but every field is checked here so that a malformed one yields
 * `undefined` (and an `unexpected_event`), never an exception.
 */
import { CALL_IN_TYPES, type CallInType, type CloseBy, type IvrStep, type StartOutboundCallData } from '@tccc-desk/tccc-sdk';
import type { DeskSession, DialOptions, SessionPeer, SessionStatus } from './desk.types';

const CLOSE_BY: readonly CloseBy[] = ['client', 'seat', 'admin', 'timer'];
const MAX_IVR_STEPS = 100;

type Fields = Record<string, unknown>;

export function fieldsOf(payload: unknown): Fields | undefined {
  return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Fields) : undefined;
}

/** A non-empty string, or undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function sessionIdOf(payload: unknown): string | undefined {
  return text(fieldsOf(payload)?.['sessionId']);
}

/** Sessions of these statuses are the agent's conversation (talking, or on hold). */
export const isEngaged = (status: SessionStatus): boolean => status === 'talking' || status === 'held';

// ---------------------------------------------------------------------------------------------
// Opening

/** `callIn` → a ringing session; undefined when the payload has no usable id or type. */
export function sessionFromCallIn(payload: unknown, at: number): DeskSession | undefined {
  const fields = fieldsOf(payload);
  const id = text(fields?.['sessionId']);
  const type = fields?.['type'] === undefined ? 'phone' : fields['type'];
  if (!fields || !id || !CALL_IN_TYPES.includes(type as CallInType)) return undefined;
  const channel = type as CallInType;
  const timeout = fields['timeout'];
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
  if (typeof timeout === 'number' && Number.isFinite(timeout) && timeout >= 0) session.acceptTimeoutS = timeout;
  return session;
}

function callInPeer(channel: CallInType, f: Fields): SessionPeer {
  switch (channel) {
    case 'phone': {
      const phoneNumber = text(f['callerPhoneNumber']) ?? text(f['protectedCaller']);
      return peer({ displayName: phoneNumber, phoneNumber, location: text(f['callerLocation']) });
    }
    case 'im':
      return peer({
        displayName: text(f['nickname']),
        nickname: text(f['nickname']),
        avatar: text(f['avatar']),
        peerSource: text(f['peerSource']),
      });
    case 'voip':
      return peer({
        displayName: text(f['nickname']) ?? text(f['userId']),
        userId: text(f['userId']),
        nickname: text(f['nickname']),
        avatar: text(f['avatar']),
        peerSource: text(f['peerSource']),
      });
    case 'video':
      return peer({
        displayName: text(f['nickname']) ?? text(f['userId']),
        userId: text(f['userId']),
        nickname: text(f['nickname']),
        avatar: text(f['avatar']),
      });
    case 'internal':
      return peer({ displayName: text(f['peerUserId']), userId: text(f['peerUserId']) });
  }
}

/** `callOuted` for a session the desk did not dial (e.g. dialled from the SDK's own UI). */
export function sessionFromCallOuted(payload: unknown, at: number): DeskSession | undefined {
  const fields = fieldsOf(payload);
  const id = text(fields?.['sessionId']);
  if (!fields || !id) return undefined;
  return {
    id,
    channel: 'phone',
    direction: 'outbound',
    status: 'dialing',
    muted: false,
    peer: callOutedPeer(fields),
    offeredAt: at,
    ivrPath: [],
    raw: payload,
  };
}

function callOutedPeer(f: Fields): SessionPeer {
  const phoneNumber = text(f['calleePhoneNumber']) ?? text(f['protectedCallee']);
  return peer({ displayName: phoneNumber, phoneNumber });
}

/** `startOutboundCall` resolved: the session is dialing before `callOuted` arrives. */
export function sessionFromDial(options: DialOptions, data: StartOutboundCallData, at: number): DeskSession {
  return {
    id: data.sessionId,
    channel: 'phone',
    direction: 'outbound',
    status: 'dialing',
    muted: false,
    peer: dialPeer(options, data),
    offeredAt: at,
    ivrPath: [],
    raw: data,
  };
}

function dialPeer(options: DialOptions, data: StartOutboundCallData): SessionPeer {
  const phoneNumber = text(data.calleePhoneNumber) ?? options.phoneNumber;
  return peer({ displayName: text(options.phoneDesc) ?? phoneNumber, phoneNumber, location: text(data.calleeLocation) });
}

/** `startInternalCall` resolved with `data`. */
export function sessionFromInternalCall(sessionId: string, calleeUserId: string, data: unknown, at: number): DeskSession {
  return {
    id: sessionId,
    channel: 'internal',
    direction: 'internal',
    status: 'dialing',
    muted: false,
    peer: { displayName: calleeUserId, userId: calleeUserId },
    offeredAt: at,
    ivrPath: [],
    raw: data,
  };
}

// ---------------------------------------------------------------------------------------------
// Moving on

/** The payload's peer details fill in what the session does not know yet. */
export function withCallOutedDetails(session: DeskSession, payload: unknown): DeskSession {
  const fields = fieldsOf(payload);
  return fields ? withPeer(session, callOutedPeer(fields)) : session;
}

export function withDialDetails(session: DeskSession, options: DialOptions, data: StartOutboundCallData): DeskSession {
  return withPeer(session, dialPeer(options, data));
}

function withPeer(session: DeskSession, extra: SessionPeer): DeskSession {
  let changed = false;
  const merged: SessionPeer = { ...session.peer };
  for (const [key, value] of Object.entries(extra) as [keyof SessionPeer, string][]) {
    if (merged[key] === undefined) {
      merged[key] = value;
      changed = true;
    }
  }
  return changed ? { ...session, peer: merged } : session;
}

export function answered(session: DeskSession, at: number): DeskSession {
  return { ...session, status: 'talking', answeredAt: at };
}

export function withStatus(session: DeskSession, status: SessionStatus): DeskSession {
  return session.status === status ? session : { ...session, status };
}

export function withMuted(session: DeskSession, muted: boolean): DeskSession {
  return session.muted === muted ? session : { ...session, muted };
}

/** `sessionEnded`: ended, with who closed it and why. */
export function ended(session: DeskSession, payload: unknown, at: number): DeskSession {
  return withEndDetails({ ...session, status: 'ended', endedAt: at }, payload);
}

/** A session that was transferred and later reported ended keeps `transferred`, gains the reason. */
export function withEndDetails(session: DeskSession, payload: unknown): DeskSession {
  const fields = fieldsOf(payload);
  const closeBy = fields?.['closeBy'];
  const reason = text(fields?.['mainReason']) ?? text(fields?.['subReason']);
  const next: DeskSession = { ...session };
  if (CLOSE_BY.includes(closeBy as CloseBy)) next.closeBy = closeBy as CloseBy;
  if (reason !== undefined) next.endReason = reason;
  return next;
}

/** `transfer` / `autoTransfer`: no longer the agent's. */
export function transferred(session: DeskSession, payload: unknown, at: number): DeskSession {
  const fields = fieldsOf(payload);
  const target = targetOf({ skillGroupId: text(fields?.['skillGroupId']), userId: text(fields?.['userId']) });
  const next: DeskSession = { ...session, status: 'transferred', endedAt: at };
  if (target) next.transferredTo = target;
  return next;
}

// ---------------------------------------------------------------------------------------------

function ivrPathOf(value: unknown): IvrStep[] {
  if (!Array.isArray(value)) return [];
  const steps: IvrStep[] = [];
  for (const item of value.slice(0, MAX_IVR_STEPS)) {
    const step = fieldsOf(item);
    const key = step?.['key'];
    const label = step?.['label'];
    if (typeof key === 'string' && typeof label === 'string') steps.push({ key, label });
  }
  return steps;
}

/** Drop undefined fields, so sessions compare and serialise cleanly. */
function peer(fields: { [K in keyof SessionPeer]: string | undefined }): SessionPeer {
  const out: SessionPeer = {};
  for (const [key, value] of Object.entries(fields) as [keyof SessionPeer, string | undefined][]) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function targetOf(target: { skillGroupId?: string; userId?: string }): { skillGroupId?: string; userId?: string } | undefined {
  const out: { skillGroupId?: string; userId?: string } = {};
  if (target.skillGroupId !== undefined) out.skillGroupId = target.skillGroupId;
  if (target.userId !== undefined) out.userId = target.userId;
  return out.skillGroupId === undefined && out.userId === undefined ? undefined : out;
}
