/**
 * Everything that changes the desk's state, as typed actions for the one reducer: SDK events,
 * lifecycle transitions, and what commands learn with no event (dial's session id, mute, hold,
 * a status request; those creators are in command-actions.ts). Times come with the action so the
 * reducer stays pure.
 */
import type { AgentSetStatus, StartOutboundCallData } from '@tccc-desk/tccc-sdk';
import type { DeskErrorInfo, DeskEvent, DeskSession, DialOptions, LoginWaitReason } from './desk.types';

export type DeskAction =
  /** An SDK event as received (its payload unwrapped from `{ data }`, otherwise unchecked). */
  | { type: 'sdk/event'; event: DeskEvent }
  | { type: 'lifecycle/authenticating'; waitingForLineSeconds?: number; retryingInSeconds?: number }
  | { type: 'lifecycle/loading' }
  | { type: 'lifecycle/ready'; at: number }
  | { type: 'lifecycle/error'; error: DeskErrorInfo }
  /** `startOutboundCall` succeeded: the session exists before `callOuted` arrives. */
  | { type: 'call/dialed'; options: DialOptions; data: StartOutboundCallData; at: number }
  /** `startInternalCall` is about to be called: its `callOuted` may outrun the answer. */
  | { type: 'call/internalRequested'; calleeUserId: string }
  /** `startInternalCall` succeeded (`sessionId` when the SDK returned one). */
  | { type: 'call/internalStarted'; sessionId?: string; calleeUserId: string; data: unknown; at: number }
  | { type: 'call/internalFailed'; calleeUserId: string }
  /** muteMic / unmuteMic succeeded, or isMicMuted answered. */
  | { type: 'session/muted'; sessionId: string; muted: boolean }
  /** muteVideo / unmuteVideo succeeded. */
  | { type: 'session/videoMuted'; sessionId: string; videoMuted: boolean }
  /** hold / unHold succeeded. */
  | { type: 'session/held'; sessionId: string; held: boolean }
  /** deleteCall succeeded: the ended session leaves history. */
  | { type: 'session/deleted'; sessionId: string }
  /** A ringing session's offer timeout passed (plus a grace) without any event. */
  | { type: 'session/expired'; sessionId: string; at: number }
  /** `setStatus` is being sent: pending until the platform's `statusChanged`. */
  | { type: 'agent/statusRequested'; status: AgentSetStatus; restReason?: string }
  | { type: 'agent/statusRequestFailed'; status: AgentSetStatus }
  | { type: 'agent/online'; online: boolean }
  /**
   * The seat's stored history (after a reload, or in a new tab), oldest last: appended after what
   * the desk has; `replace`: another seat's login in this desk, so what the desk has goes first.
   */
  | { type: 'history/restored'; sessions: readonly DeskSession[]; replace?: true };

export type DeskActionType = DeskAction['type'];

export const sdkEvent = (event: DeskEvent): DeskAction => ({ type: 'sdk/event', event });
/** Signing in; with `waitSeconds`, waiting that long before the next try, for a line or another reason. */
export const authenticating = (waitSeconds?: number, reason: LoginWaitReason = 'line'): DeskAction =>
  waitSeconds === undefined
    ? { type: 'lifecycle/authenticating' }
    : reason === 'retry'
      ? { type: 'lifecycle/authenticating', retryingInSeconds: waitSeconds }
      : { type: 'lifecycle/authenticating', waitingForLineSeconds: waitSeconds };
export const loading = (): DeskAction => ({ type: 'lifecycle/loading' });
export const ready = (at: number): DeskAction => ({ type: 'lifecycle/ready', at });
export const failed = (error: DeskErrorInfo): DeskAction => ({ type: 'lifecycle/error', error });
export const expiredOffer = (sessionId: string, at: number): DeskAction => ({ type: 'session/expired', sessionId, at });
export const historyRestored = (sessions: readonly DeskSession[], replace = false): DeskAction =>
  replace ? { type: 'history/restored', sessions, replace: true } : { type: 'history/restored', sessions };
