/** Call history rows from the desk's history$: who, when, how long, how it ended. */
import type { DeskSession } from 'tccc_remote/desk';
import type { Customer } from '../customers/customer';
import { findCustomerByPhone } from '../customers/phone-match';

export interface CallRecord {
  id: string;
  direction: DeskSession['direction'];
  channel: DeskSession['channel'];
  who: string;
  customer: Customer | null;
  phoneNumber: string | null;
  startedAt: number;
  /** Talk time in ms; null if never answered. */
  durationMs: number | null;
  outcome: string;
}

const CHANNEL_WHO: Record<DeskSession['channel'], string> = {
  phone: 'Unknown caller',
  voip: 'Unknown caller',
  im: 'Chat visitor',
  video: 'Video visitor',
  internal: 'Another agent',
};

const CLOSED_BY: Record<string, string> = {
  client: 'Caller hung up',
  seat: 'Agent hung up',
  admin: 'Ended by an administrator',
  timer: 'Timed out',
};

export function outcomeOf(session: DeskSession): string {
  if (session.transferredTo || session.status === 'transferred') {
    const to = session.transferredTo?.userId ?? (session.transferredTo?.skillGroupId ? `skill group ${session.transferredTo.skillGroupId}` : null);
    return to ? `Transferred to ${to}` : 'Transferred';
  }
  if (!session.answeredAt) return session.direction === 'outbound' ? 'Not answered' : 'Missed';
  if (session.channel === 'im' && session.closeBy === 'client') return 'Visitor left the chat';
  if (session.channel === 'im' && session.closeBy === 'seat') return 'Agent ended the chat';
  const closed = session.closeBy ? CLOSED_BY[session.closeBy] : undefined;
  return closed ?? session.endReason ?? 'Completed';
}

/** Phone contacts carry a number to match; a chat or video visitor and a colleague do not. */
const HAS_NUMBER: ReadonlySet<DeskSession['channel']> = new Set(['phone', 'voip']);

export function callRecord(session: DeskSession, customers: readonly Customer[]): CallRecord {
  const phoneNumber = HAS_NUMBER.has(session.channel) ? (session.peer.phoneNumber ?? null) : null;
  const customer = phoneNumber && session.channel === 'phone' ? findCustomerByPhone(customers, phoneNumber) : null;
  const visitor = session.channel === 'im' || session.channel === 'video' ? (session.peer.nickname ?? session.peer.displayName) : undefined;
  const who =
    customer?.name ?? visitor ?? session.peer.displayName ?? phoneNumber ?? session.peer.nickname ?? session.peer.userId ?? CHANNEL_WHO[session.channel];
  const durationMs = session.answeredAt && session.endedAt ? Math.max(0, session.endedAt - session.answeredAt) : null;
  return {
    id: session.id,
    direction: session.direction,
    channel: session.channel,
    who,
    customer,
    phoneNumber,
    startedAt: session.offeredAt,
    durationMs,
    outcome: outcomeOf(session),
  };
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
