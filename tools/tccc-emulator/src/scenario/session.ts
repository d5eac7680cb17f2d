// One contact as the emulated platform sees it.
import type { CallInType, TcccEventMap } from '@tccc-desk/tccc-sdk';

export type SessionStatus = 'ringing' | 'dialing' | 'talking' | 'held' | 'ended';
export type SessionDirection = 'inbound' | 'outbound' | 'internal';

export interface Session {
  readonly sessionId: string;
  readonly seatUserId: string;
  readonly type: CallInType;
  readonly direction: SessionDirection;
  status: SessionStatus;
  muted: boolean;
  videoMuted: boolean;
  /** Outbound/internal: `callOuted` has been sent. */
  callOuted: boolean;
  readonly createdAt: number;
  answeredAt?: number;
  endedAt?: number;
  /** Outbound/internal: what `callOuted` carries. */
  callOutedPayload?: () => TcccEventMap['callOuted'];
  /**
   * An internal call between two seats is two sessions, one per seat (an emulator choice: the
   * guide does not say whether both sides share one sessionId): each names the other here.
   */
  linkedSessionId?: string;
  /** Pending timers of this session (callOuted, auto-answer, inbound timeout). */
  readonly cancels: Array<() => void>;
}

export interface SessionSummary {
  sessionId: string;
  seatUserId: string;
  type: CallInType;
  direction: SessionDirection;
  status: SessionStatus;
  muted: boolean;
}

export const isLive = (session: Session): boolean => session.status !== 'ended';
export const isConnected = (session: Session): boolean => session.status === 'talking' || session.status === 'held';

export function summarize(session: Session): SessionSummary {
  const { sessionId, seatUserId, type, direction, status, muted } = session;
  return { sessionId, seatUserId, type, direction, status, muted };
}
