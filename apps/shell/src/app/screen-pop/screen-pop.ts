/** Which card to pop for a ringing contact: the customer whose number calls, or a new caller. */
import type { DeskSession } from '@tccc-desk/desk-core';
import type { Customer } from '../customers/customer';
import { findCustomerByPhone } from '../customers/phone-match';

export type ScreenPop =
  | { kind: 'customer'; sessionId: string; customer: Customer; phoneNumber: string }
  | { kind: 'new-caller'; sessionId: string; phoneNumber: string | null; label: string };

/** Inbound contacts the agent has not answered yet (phone first: they have a caller number). */
export function isRingingInbound(session: DeskSession): boolean {
  return session.status === 'ringing' && session.direction === 'inbound';
}

export function screenPopFor(session: DeskSession, customers: readonly Customer[]): ScreenPop {
  const phoneNumber = session.peer.phoneNumber ?? null;
  const customer = session.channel === 'phone' ? findCustomerByPhone(customers, phoneNumber ?? undefined) : null;
  if (customer && phoneNumber) return { kind: 'customer', sessionId: session.id, customer, phoneNumber };
  const label = phoneNumber ?? session.peer.displayName ?? session.peer.nickname ?? session.peer.userId ?? 'Unknown caller';
  return { kind: 'new-caller', sessionId: session.id, phoneNumber, label };
}

export function screenPops(sessions: readonly DeskSession[], customers: readonly Customer[]): ScreenPop[] {
  return sessions.filter(isRingingInbound).map((session) => screenPopFor(session, customers));
}
