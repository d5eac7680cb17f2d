/** Call history rows from the desk's history$: who, when, how long, how it ended. */
import type { DeskSession } from '@tccc-desk/desk-core';
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
  const closed = session.closeBy ? CLOSED_BY[session.closeBy] : undefined;
  return closed ?? session.endReason ?? 'Completed';
}

export function callRecord(session: DeskSession, customers: readonly Customer[]): CallRecord {
  const phoneNumber = session.peer.phoneNumber ?? null;
  const customer = phoneNumber ? findCustomerByPhone(customers, phoneNumber) : null;
  const who = customer?.name ?? session.peer.displayName ?? phoneNumber ?? session.peer.nickname ?? session.peer.userId ?? 'Unknown';
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
