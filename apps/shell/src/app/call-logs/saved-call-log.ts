/**
 * The CRM's own copy of a desk CallLog, attached to a customer (matched by number, or by visitor
 * id for a chat or video visitor), kept in this browser's storage: the demo CRM's "database".
 */
import type { CallLog } from 'tccc_remote/desk';
import type { Customer } from '../customers/customer';
import { findCustomerByPhone } from '../customers/phone-match';

export interface SavedCallLog {
  id: string;
  customerId: string | null;
  channel: CallLog['channel'];
  direction: CallLog['direction'];
  /** As logged, except a contact the agent placed and nobody answered: not answered, not missed. */
  outcome: CallLog['outcome'] | 'notAnswered';
  who: string;
  phoneNumber: string | null;
  startedAt: number;
  durationS: number;
  endedBy: string | null;
  notes: string;
  savedAt: number;
}

export function matchCustomer(log: CallLog, customers: readonly Customer[]): Customer | null {
  const byNumber = log.peer.phoneNumber ? findCustomerByPhone(customers, log.peer.phoneNumber) : null;
  if (byNumber) return byNumber;
  // A chat or video visitor signed in on the website carries the customer id.
  const visitor = log.peer.userId ?? log.peer.clientData;
  return customers.find((customer) => customer.id === visitor) ?? null;
}

export function toSaved(log: CallLog, customers: readonly Customer[], savedAt: number): SavedCallLog {
  const customer = matchCustomer(log, customers);
  return {
    id: log.id,
    customerId: customer?.id ?? null,
    channel: log.channel,
    direction: log.direction,
    outcome: log.outcome === 'missed' && (log.direction === 'outbound' || log.placedByAgent) ? 'notAnswered' : log.outcome,
    who: customer?.name ?? log.peer.displayName ?? log.peer.nickname ?? log.peer.phoneNumber ?? 'Unknown',
    phoneNumber: log.peer.phoneNumber ?? null,
    startedAt: log.offeredAt,
    durationS: log.durationS,
    endedBy: [log.closeBy, log.mainReason].filter(Boolean).join(': ') || null,
    notes: log.notes,
    savedAt,
  };
}
