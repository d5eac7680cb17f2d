/**
 * Reading the SDK's data. Payloads and command responses are typed as documented, but they come
 * from outside: every reader here checks the field it takes and yields `undefined` (never throws)
 * for anything malformed.
 */
import { CALL_IN_TYPES, type CallInType, type CloseBy, type IvrStep } from '@tccc-desk/tccc-sdk';
import type { SessionPeer } from './desk.types';

export type Fields = Record<string, unknown>;

const CLOSE_BY: readonly CloseBy[] = ['client', 'seat', 'admin', 'timer'];
const MAX_IVR_STEPS = 100;

/** A plain object's fields, or undefined. */
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

/** The payload's `type` when it is one of the documented channels. */
export function channelOf(payload: unknown): CallInType | undefined {
  const type = fieldsOf(payload)?.['type'];
  return CALL_IN_TYPES.includes(type as CallInType) ? (type as CallInType) : undefined;
}

export function closeByOf(payload: unknown): CloseBy | undefined {
  const closeBy = fieldsOf(payload)?.['closeBy'];
  return CLOSE_BY.includes(closeBy as CloseBy) ? (closeBy as CloseBy) : undefined;
}

export function endReasonOf(payload: unknown): string | undefined {
  const fields = fieldsOf(payload);
  return text(fields?.['mainReason']) ?? text(fields?.['subReason']);
}

/** Seconds the agent has to accept; undefined unless a finite number ≥ 0. */
export function timeoutOf(payload: unknown): number | undefined {
  const timeout = fieldsOf(payload)?.['timeout'];
  return typeof timeout === 'number' && Number.isFinite(timeout) && timeout >= 0 ? timeout : undefined;
}

export function ivrPathOf(value: unknown): IvrStep[] {
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

/** Who is on the other side of a `callIn`, per channel (the guide's five tables). */
export function callInPeer(channel: CallInType, f: Fields): SessionPeer {
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
        channelName: text(f['channelName']),
        clientData: text(f['clientData']),
      });
    case 'voip':
      return peer({
        displayName: text(f['nickname']) ?? text(f['userId']),
        userId: text(f['userId']),
        nickname: text(f['nickname']),
        avatar: text(f['avatar']),
        peerSource: text(f['peerSource']),
        callee: text(f['callee']),
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

/** The callee of a `callOuted`. */
export function callOutedPeer(f: Fields): SessionPeer {
  const phoneNumber = text(f['calleePhoneNumber']) ?? text(f['protectedCallee']);
  return peer({ displayName: phoneNumber, phoneNumber });
}

/** A transfer's target, when the payload names one. */
export function transferTargetOf(payload: unknown): { skillGroupId?: string; userId?: string } | undefined {
  const fields = fieldsOf(payload);
  const out: { skillGroupId?: string; userId?: string } = {};
  const skillGroupId = text(fields?.['skillGroupId']);
  const userId = text(fields?.['userId']);
  if (skillGroupId !== undefined) out.skillGroupId = skillGroupId;
  if (userId !== undefined) out.userId = userId;
  return skillGroupId === undefined && userId === undefined ? undefined : out;
}

/** Drop undefined fields, so sessions compare and serialise cleanly. */
export function peer(fields: { [K in keyof SessionPeer]: string | undefined }): SessionPeer {
  const out: SessionPeer = {};
  // for…in over an own-keys literal: no entries arrays per call (this runs on every offer).
  for (const key in fields) {
    const value = fields[key as keyof SessionPeer];
    if (value !== undefined) out[key as keyof SessionPeer] = value;
  }
  return out;
}
