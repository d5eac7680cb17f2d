import type { CallLog } from 'tccc_remote/desk';
import { CUSTOMERS } from '../customers/customers.data';
import { toSaved } from './saved-call-log';

const unanswered = (overrides: Partial<CallLog>): CallLog => ({
  id: 's1',
  sessionId: 's1',
  channel: 'internal',
  direction: 'internal',
  outcome: 'missed',
  peer: { userId: 'bob@example.com' },
  offeredAt: 1_000,
  endedAt: 9_000,
  loggedAt: 9_500,
  durationS: 0,
  transfers: [],
  notes: '',
  ...overrides,
});

describe('a saved call log nobody answered', () => {
  it('is not answered when the agent placed it (a call out, an internal call to a colleague), missed when it was offered to the agent', () => {
    expect(toSaved(unanswered({ placedByAgent: true }), CUSTOMERS, 10_000).outcome).toBe('notAnswered');
    expect(toSaved(unanswered({ channel: 'phone', direction: 'outbound', placedByAgent: true }), CUSTOMERS, 10_000).outcome).toBe('notAnswered');
    expect(toSaved(unanswered({}), CUSTOMERS, 10_000).outcome).toBe('missed');
    expect(toSaved(unanswered({ outcome: 'ended', placedByAgent: true, durationS: 30 }), CUSTOMERS, 10_000).outcome).toBe('ended');
  });
});
