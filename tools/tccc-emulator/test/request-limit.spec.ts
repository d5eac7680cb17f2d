// Tencent's documented 20 CreateSDKLoginToken requests per second, seen through the real client.
import { demoConfig, startEmulator, type RunningEmulator } from '../src';
import { RequestLimit } from '../src/cloud/request-limit';
import { cccClient, rejectionOf } from './helpers';

const credential = { secretId: demoConfig.secretId, secretKey: demoConfig.secretKey };
const aliceParams = { SdkAppId: demoConfig.sdkAppId, SeatUserId: 'alice@example.com' };

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: false });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  const reset = await fetch(`${emulator.url}/control/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
  expect(reset.status).toBe(204);
  await putSettings({ requestLimitPerSecond: 20 });
});

function putSettings(body: unknown, contentType = 'application/json'): Promise<Response> {
  return fetch(`${emulator.url}/control/cloud/settings`, {
    method: 'PUT',
    headers: { 'content-type': contentType },
    body: JSON.stringify(body),
  });
}

const counters = async () => (await (await fetch(`${emulator.url}/control/counters`)).json()) as {
  requestLimit: { limitPerSecond: number; peakPerSecond: number; refused: number };
  errorsByCode: Record<string, number>;
};

/** Tencent counts per calendar second: start a burst early in one, so it does not span two. */
async function atStartOfSecond(): Promise<void> {
  const intoSecond = Date.now() % 1000;
  if (intoSecond > 300) await new Promise((resolve) => setTimeout(resolve, 1000 - intoSecond + 5));
}

async function burst(n: number) {
  await atStartOfSecond();
  const client = cccClient(emulator, credential);
  return Promise.allSettled(Array.from({ length: n }, () => client.CreateSDKLoginToken(aliceParams)));
}

describe('the documented 20 requests per second', () => {
  it('is on by default', async () => {
    const fresh = await startEmulator({ port: 0, logger: false });
    try {
      const settings = await (await fetch(`${fresh.url}/control/cloud/settings`)).json();
      expect(settings).toEqual({ requestLimitPerSecond: 20 });
    } finally {
      await fresh.close();
    }
  });

  it('answers the 21st request within a second with RequestLimitExceeded, in Tencent’s error shape', async () => {
    const results = await burst(25);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(20);
    expect(refused).toHaveLength(5);
    for (const r of refused) expect((r.reason as { code?: string }).code).toBe('RequestLimitExceeded');
    const seen = await counters();
    expect(seen.requestLimit).toEqual({ limitPerSecond: 20, peakPerSecond: 20, refused: 5 });
    expect(seen.errorsByCode['RequestLimitExceeded']).toBe(5);
  });

  it('counts each second’s first 20, as Tencent documents (doc 1278/109059), per SecretId and action', () => {
    let now = 1_700_000_000_990; // 10 ms before a second begins
    const limit = new RequestLimit(() => now, 20);
    const accepted = (n: number, secretId = 'AKIDa', action = 'CreateSDKLoginToken') =>
      Array.from({ length: n }, () => limit.tryAccept(secretId, action)).filter(Boolean).length;
    expect(accepted(21)).toBe(20);
    // Another SecretId, or another action, is counted apart.
    expect(accepted(1, 'AKIDb')).toBe(1);
    expect(accepted(1, 'AKIDa', 'DescribeTelCdr')).toBe(1);
    now += 20; // 10 ms into the next second: its first 20 pass too
    expect(accepted(21)).toBe(20);
    now += 970; // 980 ms into it: still that second
    expect(accepted(1)).toBe(0);
    now += 30; // the next one
    expect(accepted(1)).toBe(1);
    // The sliding measure a caller's pacing is held to sees the 40 within 20 ms.
    expect(limit.stats()).toEqual({ limitPerSecond: 20, peakPerSecond: 40, refused: 3 });
  });

  it('accepts again once the window has moved on', async () => {
    await burst(20);
    const rejection = await rejectionOf(cccClient(emulator, credential).CreateSDKLoginToken(aliceParams));
    expect(rejection.code).toBe('RequestLimitExceeded');
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
    await expect(cccClient(emulator, credential).CreateSDKLoginToken(aliceParams)).resolves.toHaveProperty('SdkURL');
  });

  it('paced at 20 per second, nothing is refused', async () => {
    const client = cccClient(emulator, credential);
    for (let i = 0; i < 30; i += 1) {
      await client.CreateSDKLoginToken(aliceParams);
      await new Promise((resolve) => setTimeout(resolve, 52));
    }
    expect((await counters()).requestLimit.refused).toBe(0);
  });

  it('can be set through the control API, 0 = off', async () => {
    expect((await putSettings({ requestLimitPerSecond: 0 })).status).toBe(200);
    const results = await burst(40);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect((await counters()).requestLimit.peakPerSecond).toBe(40);
  });

  it('rejects settings it cannot apply, and keeps the old ones', async () => {
    for (const bad of [{ requestLimitPerSecond: -1 }, { requestLimitPerSecond: 1.5 }, { requestLimitPerSecond: '20' }, {}, { requestLimitPerSecond: 5, extra: 1 }]) {
      const response = await putSettings(bad);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toBe('invalid_request');
    }
    const settings = await (await fetch(`${emulator.url}/control/cloud/settings`)).json();
    expect(settings).toEqual({ requestLimitPerSecond: 20 });
  });
});
