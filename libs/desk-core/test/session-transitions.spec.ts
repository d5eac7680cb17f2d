import type { DeskSession } from '../src/index';
import { answered, ended, expired, transferred, withEndDetails, withVideoMuted } from '../src/lib/session-transitions';

const ringing = (): DeskSession => {
  const s: DeskSession = { id: 's1', channel: 'video', direction: 'inbound', status: 'ringing', muted: false, peer: { displayName: 'Mei' }, offeredAt: 1, ivrPath: [], raw: { a: 1 } };
  s.acceptTimeoutS = 30;
  return s;
};
// What each transition makes, as object spreads (the way they were written): same keys, same order.
const entries = (o: object) => Object.entries(o);

describe('session transitions copy sessions as a spread would', () => {
  it('keys, order and values, the source untouched', () => {
    const s = ringing();
    const before = entries(s);
    expect(entries(answered(s, 5))).toEqual(entries({ ...s, status: 'talking', answeredAt: 5 }));
    const end = ended(answered(s, 5), { sessionId: 's1', closeBy: 'client', mainReason: 'hung up' }, 9);
    expect(entries(end)).toEqual(entries({ ...s, status: 'ended', answeredAt: 5, endedAt: 9, closeBy: 'client', endReason: 'hung up', mainReason: 'hung up' }));
    expect(entries(transferred(s, { userId: 'bob' }, 7))).toEqual(entries({ ...s, status: 'transferred', endedAt: 7, transferredTo: { userId: 'bob' } }));
    expect(entries(expired(s, 8))).toMatchObject(entries({ ...s, status: 'ended', endedAt: 8, closeBy: 'timer', endReason: expect.any(String) }));
    expect(entries(withVideoMuted(s, true))).toEqual(entries({ ...s, videoMuted: true }));
    expect(entries(s)).toEqual(before);
    expect(Object.getPrototypeOf(answered(s, 5))).toBe(Object.prototype);
  });

  it('a session read back from storage with a "__proto__" key keeps it as a key, not as its prototype', () => {
    const stored = JSON.parse('{"id":"s2","channel":"phone","direction":"inbound","status":"transferred","muted":false,"peer":{},"offeredAt":1,"ivrPath":[],"__proto__":{"polluted":true}}') as DeskSession;
    const next = withEndDetails(stored, { closeBy: 'seat' });
    expect(Object.getPrototypeOf(next)).toBe(Object.prototype);
    expect(Object.hasOwn(next, '__proto__')).toBe(true);
    expect((next as { polluted?: boolean }).polluted).toBeUndefined();
    expect(next.closeBy).toBe('seat');
  });
});
