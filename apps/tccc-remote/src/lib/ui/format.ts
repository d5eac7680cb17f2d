import type { AgentState, DeskSession, Lifecycle } from '@tccc-desk/desk-core';

export function peerLabel(session: DeskSession): string {
  const { peer } = session;
  const fallback = session.channel === 'im' ? 'Chat visitor' : session.channel === 'video' ? 'Video visitor' : 'Unknown caller';
  return peer.displayName || peer.nickname || peer.phoneNumber || peer.userId || fallback;
}

const CHANNEL: Record<DeskSession['channel'], string> = {
  phone: 'Phone',
  voip: 'Audio',
  im: 'Chat',
  video: 'Video',
  internal: 'Internal',
};

export function channelLabel(session: DeskSession): string {
  return CHANNEL[session.channel];
}

/** What the session card shows under the name, per channel: the details that channel carries. */
export function sessionDetails(session: DeskSession): Array<{ key: string; label: string; value: string }> {
  const { peer } = session;
  const rows: Array<{ key: string; label: string; value: string | undefined }> = [];
  switch (session.channel) {
    case 'im':
      rows.push(
        { key: 'nickname', label: 'Visitor', value: peer.nickname },
        { key: 'channel', label: 'Channel', value: peer.channelName },
        { key: 'source', label: 'Source', value: peer.peerSource },
      );
      break;
    case 'video':
      rows.push(
        { key: 'nickname', label: 'Visitor', value: peer.nickname ?? peer.userId },
        { key: 'camera', label: 'Camera', value: session.videoMuted ? 'off' : 'on' },
      );
      break;
    case 'internal':
      rows.push({ key: 'seat', label: 'Seat', value: peer.userId });
      break;
    case 'voip':
      rows.push({ key: 'entry', label: 'Entry', value: peer.callee }, { key: 'source', label: 'Source', value: peer.peerSource });
      break;
    case 'phone':
      rows.push({ key: 'location', label: 'Location', value: peer.location });
      break;
  }
  if (session.adopted) rows.push({ key: 'adopted', label: 'Note', value: 'Restored: the desk did not see this contact offered' });
  return rows.filter((row): row is { key: string; label: string; value: string } => !!row.value);
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

/** The shift-start storm: the login service queues us, and the desk waits by itself. */
export function waitingForLineText(seconds: number): string {
  return `Waiting for a line to the contact center (about ${Math.max(1, Math.round(seconds))} s)`;
}

const LIFECYCLE: Record<Lifecycle['status'], string> = {
  idle: 'Not connected',
  authenticating: 'Signing in…',
  loading: 'Loading the desk…',
  ready: 'Connected',
  error: 'Unavailable',
};

export function lifecycleLabel(lifecycle: Lifecycle): string {
  if (lifecycle.status === 'authenticating' && lifecycle.waitingForLineSeconds !== undefined) {
    return waitingForLineText(lifecycle.waitingForLineSeconds);
  }
  return LIFECYCLE[lifecycle.status];
}

const AGENT_STATUS: Record<string, string> = {
  free: 'Available',
  busy: 'Busy',
  rest: 'On a break',
  arrange: 'After-call work',
  notReady: 'Not ready',
  unknown: 'Signed in',
};

const REQUEST: Record<string, string> = {
  free: 'Available',
  rest: 'On a break',
  arrange: 'After-call work',
  notReady: 'Not ready',
  stopNotReady: 'Ready again',
};

/** The platform's status (the truth), with a request it has not confirmed yet. */
export function agentStatusLabel(agent: AgentState): string {
  const label = AGENT_STATUS[agent.status] ?? agent.status;
  const status = agent.status === 'rest' && agent.restReason ? `${label}: ${agent.restReason}` : label;
  const pending = agent.pending ? ` → ${REQUEST[agent.pending.status] ?? agent.pending.status}…` : '';
  return agent.online ? `${status}${pending}` : `Offline${pending}`;
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
