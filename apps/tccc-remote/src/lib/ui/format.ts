import type { AgentState, DeskSession, Lifecycle } from '@tccc-desk/desk-core';
import type { MessageParams } from '@tccc-desk/i18n';
import { ERROR_MESSAGE, type MessageKey } from '../i18n/messages';

/** A translation function in the current locale (DeskI18n.t). */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function peerLabel(t: Translate, session: DeskSession): string {
  const { peer } = session;
  const fallback = session.channel === 'im' ? t('peer.chatVisitor') : session.channel === 'video' ? t('peer.videoVisitor') : t('peer.unknownCaller');
  return peer.displayName || peer.nickname || peer.phoneNumber || peer.userId || fallback;
}

const CHANNEL: Record<DeskSession['channel'], MessageKey> = {
  phone: 'channel.phone',
  voip: 'channel.voip',
  im: 'channel.im',
  video: 'channel.video',
  internal: 'channel.internal',
};

export function channelLabel(t: Translate, session: DeskSession): string {
  return t(CHANNEL[session.channel]);
}

const DIRECTION: Record<DeskSession['direction'], MessageKey> = {
  inbound: 'direction.inbound',
  outbound: 'direction.outbound',
  internal: 'direction.internal',
};

export function directionLabel(t: Translate, session: DeskSession): string {
  return t(DIRECTION[session.direction]);
}

const INCOMING: Record<DeskSession['channel'], MessageKey> = {
  phone: 'incoming.phone',
  voip: 'incoming.voip',
  im: 'incoming.im',
  video: 'incoming.video',
  internal: 'incoming.internal',
};

/** "Incoming chat from Lily", for the screen-reader announcement. */
export function incomingText(t: Translate, session: DeskSession): string {
  return t(INCOMING[session.channel], { from: peerLabel(t, session) });
}

/** What the session card shows under the name, per channel: the details that channel carries. */
export function sessionDetails(t: Translate, session: DeskSession): Array<{ key: string; label: string; value: string }> {
  const { peer } = session;
  const rows: Array<{ key: string; label: string; value: string | undefined }> = [];
  switch (session.channel) {
    case 'im':
      rows.push(
        { key: 'nickname', label: t('detail.visitor'), value: peer.nickname },
        { key: 'channel', label: t('detail.channel'), value: peer.channelName },
        { key: 'source', label: t('detail.source'), value: peer.peerSource },
      );
      break;
    case 'video':
      rows.push(
        { key: 'nickname', label: t('detail.visitor'), value: peer.nickname ?? peer.userId },
        { key: 'camera', label: t('detail.camera'), value: session.videoMuted ? t('detail.cameraOff') : t('detail.cameraOn') },
      );
      break;
    case 'internal':
      rows.push({ key: 'seat', label: t('detail.seat'), value: peer.userId });
      break;
    case 'voip':
      rows.push({ key: 'entry', label: t('detail.entry'), value: peer.callee }, { key: 'source', label: t('detail.source'), value: peer.peerSource });
      break;
    case 'phone':
      rows.push({ key: 'location', label: t('detail.location'), value: peer.location });
      break;
  }
  if (session.adopted) rows.push({ key: 'adopted', label: t('detail.note'), value: t('detail.adopted') });
  return rows.filter((row): row is { key: string; label: string; value: string } => !!row.value);
}

const SESSION_STATUS: Record<DeskSession['status'], MessageKey> = {
  ringing: 'session.ringing',
  dialing: 'session.dialing',
  talking: 'session.talking',
  held: 'session.held',
  transferred: 'session.transferred',
  ended: 'session.ended',
};

export function sessionStatusLabel(t: Translate, session: DeskSession): string {
  // A chat is connected, not on a call ("Talking" / 通话中 would say a call).
  if (session.channel === 'im' && session.status === 'talking') return t('session.chatting');
  return t(SESSION_STATUS[session.status]);
}

/** The shift-start storm: the login service queues us, and the desk waits by itself. */
export function waitingForLineText(t: Translate, seconds: number): string {
  return t('lifecycle.waitingForLine', { seconds: Math.max(1, Math.round(seconds)) });
}

const LIFECYCLE: Record<Lifecycle['status'], MessageKey> = {
  idle: 'lifecycle.idle',
  authenticating: 'lifecycle.authenticating',
  loading: 'lifecycle.loading',
  ready: 'lifecycle.ready',
  error: 'lifecycle.error',
};

export function lifecycleLabel(t: Translate, lifecycle: Lifecycle): string {
  if (lifecycle.status === 'authenticating' && lifecycle.waitingForLineSeconds !== undefined) {
    return waitingForLineText(t, lifecycle.waitingForLineSeconds);
  }
  // The login service said "later" for another reason (briefly unavailable, too many attempts).
  if (lifecycle.status === 'authenticating' && lifecycle.retryingInSeconds !== undefined) {
    return t('lifecycle.retrying', { seconds: Math.max(1, Math.round(lifecycle.retryingInSeconds)) });
  }
  return t(LIFECYCLE[lifecycle.status]);
}

/** Agent statuses and requests (the platform's `busy`, `arrange`, and what the agent may ask for). */
export const AGENT_STATUS: Readonly<Record<string, MessageKey>> = {
  free: 'agent.free',
  busy: 'agent.busy',
  rest: 'agent.rest',
  arrange: 'agent.arrange',
  notReady: 'agent.notReady',
  stopNotReady: 'agent.stopNotReady',
  unknown: 'agent.unknown',
  offline: 'agent.offline',
};

function statusName(t: Translate, status: string): string {
  const key = AGENT_STATUS[status];
  return key ? t(key) : status;
}

const DEFAULT_REASON: Readonly<Record<string, MessageKey>> = {
  Break: 'restReason.Break',
  Lunch: 'restReason.Lunch',
  Meeting: 'restReason.Meeting',
  Training: 'restReason.Training',
};

/** A rest reason as shown: the default ones translated, a host's own as the host wrote it. */
export function restReasonLabel(t: Translate, reason: string): string {
  const key = DEFAULT_REASON[reason];
  return key ? t(key) : reason;
}

/** The platform's status (the truth), with a request it has not confirmed yet. */
export function agentStatusLabel(t: Translate, agent: AgentState): string {
  const label = statusName(t, agent.status);
  const status = agent.status === 'rest' && agent.restReason ? t('agent.withReason', { status: label, reason: restReasonLabel(t, agent.restReason) }) : label;
  const shown = agent.online ? status : t('agent.offline');
  return agent.pending ? t('agent.pending', { status: shown, pending: statusName(t, agent.pending.status) }) : shown;
}

/**
 * What to tell the agent about a desk error: the message for its code in their language, and the
 * original (English, from desk-core or the token API) as detail when it says more.
 */
export function errorText(t: Translate, error: unknown): { message: string; detail: string | null } {
  const code = error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : null;
  const original = error && typeof error === 'object' && 'message' in error && typeof error.message === 'string' && error.message ? error.message : null;
  // Sent to the tab that holds the desk and not answered: it may have run, so no "Try again".
  const outcomeUnknown = code === 'tab_leader_unavailable' && (error as { retryable?: unknown }).retryable === false;
  const key: MessageKey = outcomeUnknown
    ? 'errors.tab_leader_outcome_unknown'
    : code && Object.hasOwn(ERROR_MESSAGE, code)
      ? ERROR_MESSAGE[code as keyof typeof ERROR_MESSAGE]
      : 'errors.unknown';
  const message = t(key);
  return { message, detail: original && original !== message ? original : null };
}
