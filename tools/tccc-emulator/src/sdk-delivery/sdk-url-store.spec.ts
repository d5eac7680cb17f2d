import { SDK_URL_TTL_MS, SdkUrlStore } from './sdk-url-store';

const login = { sdkAppId: 1400000001, seatUserId: 'alice@example.com' };

describe('SdkUrlStore', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = 1_700_000_000_000;
  });

  it('redeems a token once, then reports it used', () => {
    const store = new SdkUrlStore({ clock });
    const { token, expiresAt } = store.mint(login);
    expect(expiresAt).toBe(now + SDK_URL_TTL_MS);
    expect(store.redeem(token)).toEqual({ ok: true, login });
    expect(store.redeem(token)).toEqual({ ok: false, reason: 'used' });
  });

  it('reports expired at the TTL and unknown once the entry is forgotten', () => {
    const store = new SdkUrlStore({ clock });
    const { token } = store.mint(login);
    now += SDK_URL_TTL_MS;
    expect(store.redeem(token)).toEqual({ ok: false, reason: 'expired' });
    now += SDK_URL_TTL_MS;
    expect(store.redeem(token)).toEqual({ ok: false, reason: 'unknown' });
    expect(store.size).toBe(0);
  });

  it('forgets old entries as new ones are minted, so it does not grow with time', () => {
    const store = new SdkUrlStore({ clock });
    for (let i = 0; i < 1000; i += 1) {
      store.mint(login);
      now += 60_000; // one a minute: only the last 20 minutes are kept
    }
    expect(store.size).toBeLessThanOrEqual(21);
  });

  it('never holds more than maxEntries, dropping the oldest first', () => {
    const store = new SdkUrlStore({ clock, maxEntries: 3 });
    const tokens = [1, 2, 3, 4].map(() => store.mint(login).token);
    expect(store.size).toBe(3);
    expect(store.redeem(tokens[0])).toEqual({ ok: false, reason: 'unknown' });
    expect(store.redeem(tokens[3]).ok).toBe(true);
  });
});
