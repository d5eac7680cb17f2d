import type { AgentState, DeskSession, Lifecycle } from '@tccc-desk/desk-core';

export function peerLabel(session: DeskSession): string {
  const { peer } = session;
  return peer.displayName || peer.nickname || peer.phoneNumber || peer.userId || 'Unknown caller';
}

const SESSION_STATUS: Record<DeskSession['status'], string> = {
  ringing: 'Ringing',
  dialing: 'Dialing',
  talking: 'Talking',
  held: 'On hold',
  transferred: 'Transferred',
  ended: 'Ended',
};

export function sessionStatusLabel(session: DeskSession): string {
  return SESSION_STATUS[session.status];
}

const LIFECYCLE: Record<Lifecycle['status'], string> = {
  idle: 'Not connected',
  authenticating: 'Signing in…',
  loading: 'Loading the desk…',
  ready: 'Connected',
  error: 'Unavailable',
};

export function lifecycleLabel(lifecycle: Lifecycle): string {
  return LIFECYCLE[lifecycle.status];
}

const AGENT_STATUS: Record<string, string> = {
  free: 'Available',
  busy: 'Busy',
  rest: 'On a break',
  arrange: 'After-call work',
  notReady: 'Not ready',
  stopNotReady: 'Not ready (ending)',
  unknown: 'Unknown',
};

export function agentStatusLabel(agent: AgentState): string {
  if (!agent.online) return 'Offline';
  const label = AGENT_STATUS[agent.status] ?? agent.status;
  return agent.status === 'rest' && agent.restReason ? `${label}: ${agent.restReason}` : label;
}

/** m:ss or h:mm:ss. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** The message of whatever a desk command rejected with. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string' && error.message) {
    return error.message;
  }
  return 'The desk could not do that.';
}
