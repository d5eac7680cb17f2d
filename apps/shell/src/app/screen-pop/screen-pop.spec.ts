import type { DeskSession } from 'tccc_remote/desk';
import { CUSTOMERS, DEMO_CALLERS, generateCustomers } from '../customers/customers.data';
import { findCustomerByPhone, nationalNumber } from '../customers/phone-match';
import { screenPopFor, screenPops } from './screen-pop';

function ringing(overrides: Partial<DeskSession> = {}): DeskSession {
  return {
    id: 's1',
    channel: 'phone',
    direction: 'inbound',
    status: 'ringing',
    muted: false,
    peer: { phoneNumber: DEMO_CALLERS.first },
    offeredAt: 0,
    ivrPath: [],
    raw: {},
    ...overrides,
  };
}

describe('screen pop', () => {
  it('pops the customer whose mobile is calling', () => {
    expect(screenPopFor(ringing(), CUSTOMERS)).toMatchObject({ kind: 'customer', sessionId: 's1', customer: { id: 'c001' } });
  });

  it.each(['+86 138 0013 8000', '008613800138000', '13800138000', '138-0013-8000', '86 13800138000'])(
    'matches the caller number written as %s',
    (phoneNumber) => {
      expect(findCustomerByPhone(CUSTOMERS, phoneNumber)?.id).toBe('c001');
    },
  );

  it('matches an office landline with its trunk prefix', () => {
    expect(findCustomerByPhone(CUSTOMERS, '021-6123-4567')?.id).toBe('c003');
    expect(screenPopFor(ringing({ peer: { phoneNumber: '02161234567' } }), CUSTOMERS)).toMatchObject({
      kind: 'customer',
      customer: { id: 'c003' },
    });
  });

  it('shows a new-caller card for an unknown number', () => {
    expect(screenPopFor(ringing({ peer: { phoneNumber: '+8613099999999' } }), CUSTOMERS)).toEqual({
      kind: 'new-caller',
      title: 'Incoming call',
      channel: 'phone',
      sessionId: 's1',
      phoneNumber: '+8613099999999',
      label: '+8613099999999',
    });
  });

  it('does not match on fragments or empty numbers', () => {
    expect(findCustomerByPhone(CUSTOMERS, '8000')).toBeNull();
    expect(findCustomerByPhone(CUSTOMERS, '')).toBeNull();
    expect(findCustomerByPhone(CUSTOMERS, undefined)).toBeNull();
    expect(screenPopFor(ringing({ peer: { displayName: 'Web visitor' } }), CUSTOMERS)).toMatchObject({
      kind: 'new-caller',
      phoneNumber: null,
      label: 'Web visitor',
    });
  });

  it('pops only inbound contacts that are still ringing', () => {
    const sessions = [
      ringing({ id: 'a' }),
      ringing({ id: 'b', status: 'talking' }),
      ringing({ id: 'c', direction: 'outbound', status: 'ringing' }),
      ringing({ id: 'd', peer: { phoneNumber: DEMO_CALLERS.second } }),
    ];
    expect(screenPops(sessions, CUSTOMERS).map((pop) => [pop.sessionId, pop.kind])).toEqual([
      ['a', 'customer'],
      ['d', 'customer'],
    ]);
  });

  it('a chat or video contact is a visitor (never matched by number), with its channel details', () => {
    expect(screenPopFor(ringing({ channel: 'im', peer: { phoneNumber: DEMO_CALLERS.first, nickname: 'Lily', channelName: 'Shop', peerSource: 'wechat' } }), CUSTOMERS)).toEqual({
      kind: 'visitor',
      channel: 'im',
      sessionId: 's1',
      title: 'Incoming chat',
      label: 'Lily',
      details: 'Shop · wechat',
    });
    expect(screenPopFor(ringing({ channel: 'video', peer: { userId: 'o-1' } }), CUSTOMERS)).toMatchObject({ kind: 'visitor', title: 'Incoming video call', label: 'o-1' });
  });

  it('an internal call from a colleague pops as that seat, ringing with direction internal', () => {
    const internal = ringing({ channel: 'internal', direction: 'internal', peer: { userId: 'alice@example.com' } });
    expect(screenPops([internal], CUSTOMERS)).toEqual([{ channel: 'internal', kind: 'colleague', sessionId: 's1', title: 'Internal call', label: 'alice@example.com' }]);
  });
});

describe('demo customers', () => {
  it('are 50, the same on every generation, with unique numbers', () => {
    expect(CUSTOMERS).toHaveLength(50);
    expect(generateCustomers()).toEqual(CUSTOMERS);
    const numbers = CUSTOMERS.flatMap((c) => (c.office ? [c.mobile, c.office] : [c.mobile])).map(nationalNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(CUSTOMERS.map((c) => c.id)).size).toBe(50);
  });
});
