/**
 * Everything that changes the desk's state, as typed actions for the one reducer: SDK events,
 * lifecycle transitions, and the command results the SDK announces with no event (dial's session
 * id, mute, hold, agent status). Times come with the action so the reducer stays pure.
 */
import type { AgentSetStatus, StartOutboundCallData } from '@tccc-desk/tccc-sdk';
import type { DeskErrorInfo, DeskEvent, DialOptions } from './desk.types';

export type DeskAction =
  /** An SDK event as received (its payload unwrapped from `{ data }`, otherwise unchecked). */
  | { type: 'sdk/event'; event: DeskEvent }
  | { type: 'lifecycle/authenticating' }
  | { type: 'lifecycle/loading' }
  | { type: 'lifecycle/ready'; at: number }
  | { type: 'lifecycle/error'; error: DeskErrorInfo }
  /** `startOutboundCall` succeeded: the session exists before `callOuted` arrives. */
  | { type: 'call/dialed'; options: DialOptions; data: StartOutboundCallData; at: number }
  /** `startInternalCall` succeeded (`data` is what the SDK returned). */
  | { type: 'call/internalStarted'; sessionId: string; calleeUserId: string; data: unknown; at: number }
  /** muteMic / unmuteMic succeeded, or isMicMuted answered. */
  | { type: 'session/muted'; sessionId: string; muted: boolean }
  /** hold / unHold succeeded. */
  | { type: 'session/held'; sessionId: string; held: boolean }
  | { type: 'agent/statusSet'; status: AgentSetStatus; restReason?: string }
  | { type: 'agent/online'; online: boolean };

export type DeskActionType = DeskAction['type'];

export const sdkEvent = (event: DeskEvent): DeskAction => ({ type: 'sdk/event', event });
export const authenticating = (): DeskAction => ({ type: 'lifecycle/authenticating' });
export const loading = (): DeskAction => ({ type: 'lifecycle/loading' });
export const ready = (at: number): DeskAction => ({ type: 'lifecycle/ready', at });
export const failed = (error: DeskErrorInfo): DeskAction => ({ type: 'lifecycle/error', error });
export const dialed = (options: DialOptions, data: StartOutboundCallData, at: number): DeskAction => ({
  type: 'call/dialed',
  options,
  data,
  at,
});
export const internalStarted = (sessionId: string, calleeUserId: string, at: number, data: unknown = { sessionId }): DeskAction => ({
  type: 'call/internalStarted',
  sessionId,
  calleeUserId,
  data,
  at,
});
export const muted = (sessionId: string, isMuted: boolean): DeskAction => ({ type: 'session/muted', sessionId, muted: isMuted });
export const held = (sessionId: string, isHeld: boolean): DeskAction => ({ type: 'session/held', sessionId, held: isHeld });
export const statusSet = (status: AgentSetStatus, restReason?: string): DeskAction =>
  restReason === undefined ? { type: 'agent/statusSet', status } : { type: 'agent/statusSet', status, restReason };
export const online = (isOnline: boolean): DeskAction => ({ type: 'agent/online', online: isOnline });
