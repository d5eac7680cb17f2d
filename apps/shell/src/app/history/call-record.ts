/** Call history rows from the desk's history$: who, when, how long, how it ended. */
import type { DeskSession } from 'tccc_remote/desk';
import { formatClock, type Locale } from '@tccc-desk/i18n';
import type { Customer } from '../customers/customer';
import { findCustomerByPhone } from '../customers/phone-match';
import { crmTranslate, type CrmMessageKey, type CrmTranslate } from '../i18n/crm-i18n.service';

const ENGLISH = crmTranslate('en');

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

const CHANNEL_WHO: Record<DeskSession['channel'], CrmMessageKey> = {
  phone: 'who.unknownCaller',
  voip: 'who.unknownCaller',
  im: 'who.chatVisitor',
  video: 'who.videoVisitor',
  internal: 'who.anotherAgent',
};

const CLOSED_BY: Readonly<Record<string, CrmMessageKey>> = {
  client: 'outcome.client',
  seat: 'outcome.seat',
  admin: 'outcome.admin',
  timer: 'outcome.timer',
};

/** How the contact ended, in the locale of `t` (English by default). */
export function outcomeOf(session: DeskSession, t: CrmTranslate = ENGLISH): string {
  // Live when the page was reloaded: how it ended is not known.
  if (session.interrupted) return t('outcome.interrupted');
  if (session.transferredTo || session.status === 'transferred') {
    if (session.transferredTo?.userId) return t('outcome.transferredTo', { to: session.transferredTo.userId });
    if (session.transferredTo?.skillGroupId) return t('outcome.transferredToSkill', { id: session.transferredTo.skillGroupId });
    return t('outcome.transferred');
  }
  if (!session.answeredAt) return session.direction === 'outbound' || session.placedByAgent ? t('outcome.notAnswered') : t('outcome.missed');
  if (session.channel === 'im' && session.closeBy === 'client') return t('outcome.visitorLeft');
  if (session.channel === 'im' && session.closeBy === 'seat') return t('outcome.agentEndedChat');
  const closed = session.closeBy ? CLOSED_BY[session.closeBy] : undefined;
  // The platform's own end reason (free text) stays as the platform wrote it.
  return closed ? t(closed) : (session.endReason ?? t('outcome.completed'));
}

/** Phone contacts carry a number to match; a chat or video visitor and a colleague do not. */
const HAS_NUMBER: ReadonlySet<DeskSession['channel']> = new Set(['phone', 'voip']);

export function callRecord(session: DeskSession, customers: readonly Customer[], t: CrmTranslate = ENGLISH): CallRecord {
  const phoneNumber = HAS_NUMBER.has(session.channel) ? (session.peer.phoneNumber ?? null) : null;
  const customer = phoneNumber && session.channel === 'phone' ? findCustomerByPhone(customers, phoneNumber) : null;
  const visitor = session.channel === 'im' || session.channel === 'video' ? (session.peer.nickname ?? session.peer.displayName) : undefined;
  const who =
    customer?.name ?? visitor ?? session.peer.displayName ?? phoneNumber ?? session.peer.nickname ?? session.peer.userId ?? t(CHANNEL_WHO[session.channel]);
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
    outcome: outcomeOf(session, t),
  };
}

/** A call's duration as m:ss (h:mm:ss), to the nearest second, digits from Intl for the locale. */
export function formatDuration(ms: number | null, locale: Locale = 'en'): string {
  if (ms === null) return '—';
  return formatClock(Math.round(ms / 1000) * 1000, locale);
}
