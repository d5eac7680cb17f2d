import type { DeskSession } from 'tccc_remote/desk';
import { CUSTOMERS, DEMO_CALLERS } from '../customers/customers.data';
import { callRecord, formatDuration } from './call-record';

const past = (overrides: Partial<DeskSession>): DeskSession => ({
  id: 'h1',
  channel: 'phone',
  direction: 'inbound',
  status: 'ended',
  muted: false,
  peer: {},
  offeredAt: 0,
  answeredAt: 1_000,
  endedAt: 61_000,
  ivrPath: [],
  raw: {},
  ...overrides,
});

describe('call history records', () => {
  it('a call live when the page reloaded says it was interrupted', () => {
    expect(callRecord(past({ interrupted: true, restored: true, closeBy: 'client' }), CUSTOMERS).outcome).toBe('Interrupted by reload');
    expect(callRecord(past({ closeBy: 'client' }), CUSTOMERS).outcome).toBe('Caller hung up');
  });

  it('a phone call is matched to the customer by number', () => {
    expect(callRecord(past({ peer: { phoneNumber: DEMO_CALLERS.first } }), CUSTOMERS)).toMatchObject({ who: expect.any(String), customer: { id: 'c001' }, durationMs: 60_000 });
  });

  it('a chat visitor is named by nickname, never matched as a phone number', () => {
    const record = callRecord(past({ channel: 'im', closeBy: 'client', peer: { nickname: 'Lily', phoneNumber: DEMO_CALLERS.first } }), CUSTOMERS);
    expect(record).toMatchObject({ who: 'Lily', customer: null, phoneNumber: null, channel: 'im', outcome: 'Visitor left the chat' });
  });

  it('a video visitor without a nickname, and a colleague, get a channel label', () => {
    expect(callRecord(past({ channel: 'video', peer: {} }), CUSTOMERS).who).toBe('Video visitor');
    expect(callRecord(past({ channel: 'internal', direction: 'internal', peer: { userId: 'bob@example.com' } }), CUSTOMERS).who).toBe('bob@example.com');
  });

  it('an unanswered internal call says who did not answer: the colleague (placed by the agent), or the agent', () => {
    const unanswered = { channel: 'internal', direction: 'internal', peer: { userId: 'bob@example.com' }, answeredAt: undefined } as const;
    expect(callRecord(past({ ...unanswered, placedByAgent: true }), CUSTOMERS).outcome).toBe('Not answered');
    expect(callRecord(past(unanswered), CUSTOMERS).outcome).toBe('Missed');
  });
});

describe('formatDuration', () => {
  it('is m:ss to the nearest second, h:mm:ss past an hour, with the locale’s digits', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_725_000, 'zh-CN')).toBe('1:02:05');
    expect(formatDuration(59_600, 'en')).toBe('1:00');
  });
});
