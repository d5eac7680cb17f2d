import { SDK_URL_TTL_MS, SdkUrlStore } from './sdk-url-store';

const login = { sdkAppId: 1400000001, seatUserId: 'alice@example.com' };

function mintToken(store: SdkUrlStore): string {
  const minted = store.mint(login);
  if (!minted.ok) throw new Error('expected the store to mint');
  return minted.token;
}

describe('SdkUrlStore', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = 1_700_000_000_000;
  });

  it('redeems a token once, then reports it used', () => {
    const store = new SdkUrlStore({ clock });
    const minted = store.mint(login);
    expect(minted).toEqual({ ok: true, token: expect.any(String), expiresAt: now + SDK_URL_TTL_MS });
    const token = minted.ok ? minted.token : '';
    expect(store.redeem(token)).toEqual({ ok: true, login });
    expect(store.redeem(token)).toEqual({ ok: false, reason: 'used' });
  });

  it('reports expired at the TTL and unknown once the entry is forgotten', () => {
    const store = new SdkUrlStore({ clock });
    const token = mintToken(store);
    now += SDK_URL_TTL_MS;
    expect(store.redeem(token)).toEqual({ ok: false, reason: 'expired', login }); // the route still needs whose login it was
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

  it('when full of live tokens, refuses to mint and keeps every live token redeemable', () => {
    const store = new SdkUrlStore({ clock, maxEntries: 3 });
    const tokens = [1, 2, 3].map(() => mintToken(store));
    expect(store.mint(login)).toEqual({ ok: false, reason: 'full' });
    expect(store.size).toBe(3);
    for (const token of tokens) expect(store.redeem(token)).toEqual({ ok: true, login });
  });

  it('when full, makes room by forgetting only tokens that can no longer be redeemed', () => {
    const store = new SdkUrlStore({ clock, maxEntries: 3 });
    const expired = mintToken(store);
    now += SDK_URL_TTL_MS / 2;
    const used = mintToken(store);
    expect(store.redeem(used).ok).toBe(true);
    const live = mintToken(store);
    now += SDK_URL_TTL_MS / 2; // `expired` just expired; `used` and `live` have 5 minutes left

    const fresh = mintToken(store);
    expect(store.size).toBe(2);
    expect(store.redeem(expired)).toEqual({ ok: false, reason: 'unknown' });
    expect(store.redeem(used)).toEqual({ ok: false, reason: 'unknown' });
    expect(store.redeem(live)).toEqual({ ok: true, login });
    expect(store.redeem(fresh)).toEqual({ ok: true, login });
  });
});
