/**
 * The actions only the SDK commands dispatch (command-specs.ts: what the desk learns when a
 * command succeeds): with the commands' chunk. actions.ts has the union and the desk's own.
 */
import type { AgentSetStatus, StartOutboundCallData } from '@tccc-desk/tccc-sdk';
import type { DeskAction } from './actions';
import type { DialOptions } from './desk.types';

export const dialed = (options: DialOptions, data: StartOutboundCallData, at: number): DeskAction => ({
  type: 'call/dialed',
  options,
  data,
  at,
});
export const internalRequested = (calleeUserId: string): DeskAction => ({ type: 'call/internalRequested', calleeUserId });
export const internalStarted = (sessionId: string | undefined, calleeUserId: string, at: number, data: unknown = { sessionId }): DeskAction =>
  sessionId === undefined
    ? { type: 'call/internalStarted', calleeUserId, data, at }
    : { type: 'call/internalStarted', sessionId, calleeUserId, data, at };
export const internalFailed = (calleeUserId: string): DeskAction => ({ type: 'call/internalFailed', calleeUserId });
export const muted = (sessionId: string, isMuted: boolean): DeskAction => ({ type: 'session/muted', sessionId, muted: isMuted });
export const videoMuted = (sessionId: string, isMuted: boolean): DeskAction => ({ type: 'session/videoMuted', sessionId, videoMuted: isMuted });
export const held = (sessionId: string, isHeld: boolean): DeskAction => ({ type: 'session/held', sessionId, held: isHeld });
export const deleted = (sessionId: string): DeskAction => ({ type: 'session/deleted', sessionId });
export const statusRequested = (status: AgentSetStatus, restReason?: string): DeskAction =>
  restReason === undefined ? { type: 'agent/statusRequested', status } : { type: 'agent/statusRequested', status, restReason };
export const statusRequestFailed = (status: AgentSetStatus): DeskAction => ({ type: 'agent/statusRequestFailed', status });
export const online = (isOnline: boolean): DeskAction => ({ type: 'agent/online', online: isOnline });
