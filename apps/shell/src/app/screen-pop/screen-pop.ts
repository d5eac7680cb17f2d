/**
 * Which card to pop for a ringing contact: the customer whose number calls, a new caller, or, for
 * chat and video (a visitor, not a phone number to match) and internal calls (a colleague), who
 * they are as the channel describes them.
 */
import type { DeskSession } from 'tccc_remote/desk';
import type { Customer } from '../customers/customer';
import { findCustomerByPhone } from '../customers/phone-match';

export type ScreenPop = { sessionId: string; title: string; channel: DeskSession['channel'] } & (
  | { kind: 'customer'; customer: Customer; phoneNumber: string }
  | { kind: 'new-caller'; phoneNumber: string | null; label: string }
  | { kind: 'visitor'; channel: 'im' | 'video'; label: string; details: string }
  | { kind: 'colleague'; label: string }
);

const TITLE: Record<DeskSession['channel'], string> = {
  phone: 'Incoming call',
  voip: 'Incoming audio call',
  im: 'Incoming chat',
  video: 'Incoming video call',
  internal: 'Internal call',
};

/** Contacts the agent has not answered yet: offered to them (inbound, or a colleague calling). */
export function isRingingInbound(session: DeskSession): boolean {
  return session.status === 'ringing' && session.direction !== 'outbound';
}

export function screenPopFor(session: DeskSession, customers: readonly Customer[]): ScreenPop {
  const { peer } = session;
  const base = { sessionId: session.id, title: TITLE[session.channel], channel: session.channel };
  if (session.channel === 'im' || session.channel === 'video') {
    const label = peer.nickname ?? peer.displayName ?? peer.userId ?? (session.channel === 'im' ? 'Chat visitor' : 'Video visitor');
    const details = [peer.channelName, peer.peerSource].filter(Boolean).join(' · ');
    return { ...base, kind: 'visitor', channel: session.channel, label, details };
  }
  if (session.channel === 'internal') return { ...base, kind: 'colleague', label: peer.userId ?? peer.displayName ?? 'Another agent' };
  const phoneNumber = peer.phoneNumber ?? null;
  // Only a phone call has a caller number to look up.
  const customer = session.channel === 'phone' ? findCustomerByPhone(customers, phoneNumber ?? undefined) : null;
  if (customer && phoneNumber) return { ...base, kind: 'customer', customer, phoneNumber };
  const label = phoneNumber ?? peer.displayName ?? peer.nickname ?? peer.userId ?? 'Unknown caller';
  return { ...base, kind: 'new-caller', phoneNumber, label };
}

export function screenPops(sessions: readonly DeskSession[], customers: readonly Customer[]): ScreenPop[] {
  return sessions.filter(isRingingInbound).map((session) => screenPopFor(session, customers));
}
