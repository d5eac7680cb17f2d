import { demoConfig, startEmulator, type RunningEmulator } from '../src';
import { cccClient } from './helpers';
import { pageConfigOf } from './sdk-page';

const credential = { secretId: demoConfig.secretId, secretKey: demoConfig.secretKey };

describe('one-time SdkURL', () => {
  let emulator: RunningEmulator;
  let now = Date.now();

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, logger: false, clock: () => now });
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    now = Date.now();
  });

  async function mintSdkUrl(seatUserId = 'alice@example.com'): Promise<string> {
    const response = await cccClient(emulator, credential).CreateSDKLoginToken({ SdkAppId: demoConfig.sdkAppId, SeatUserId: seatUserId });
    return response.SdkURL as string;
  }

  it('serves the script once with the headers a cross-origin <script> needs, then 403', async () => {
    const sdkUrl = await mintSdkUrl();
    const first = await fetch(sdkUrl);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(await first.text()).toContain('window.__TCCC_EMULATOR__ = ');

    const second = await fetch(sdkUrl);
    expect(second.status).toBe(403);
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect(await second.text()).toMatch(/already used/);
  });

  it('answers HEAD (link checkers, proxies) with 405 and leaves the one-time SdkURL unused', async () => {
    const sdkUrl = await mintSdkUrl();
    const head = await fetch(sdkUrl, { method: 'HEAD' });
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('GET');
    expect(head.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(sdkUrl, { method: 'POST' })).status).toBe(405);

    const get = await fetch(sdkUrl);
    expect(get.status).toBe(200);
    expect(await get.text()).toContain('window.__TCCC_EMULATOR__ = ');
  });

  // The vendor's event page: tokenExpired is "fired when the token had already expired at
  // initialisation", so an SdkURL past its 10 minutes still loads and its SDK says so.
  it('loads an SdkURL older than 10 minutes as an SDK that fires tokenExpired instead of ready, with no page behind it', async () => {
    const sdkUrl = await mintSdkUrl();
    now += 10 * 60 * 1000 + 1;
    const response = await fetch(sdkUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const config = pageConfigOf(await response.text());
    expect(config).toMatchObject({ seatUserId: 'alice@example.com', tokenExpiredOnLoad: true, neverReady: false, pageKey: '' });
    // An expired login commands nothing.
    const rpc = await fetch(`${emulator.url}/sdk/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: config.pageKey, method: 'Agent.online' }),
    });
    expect(rpc.status).toBe(400); // no page key at all
  });

  it('still serves an SdkURL just under 10 minutes old', async () => {
    const sdkUrl = await mintSdkUrl();
    now += 10 * 60 * 1000 - 1000;
    expect((await fetch(sdkUrl)).status).toBe(200);
  });

  it('refuses unknown and missing tokens', async () => {
    const unknown = await fetch(`${emulator.url}/sdk/tccc-sdk.js?token=${'A'.repeat(43)}`);
    expect(unknown.status).toBe(403);
    expect(await unknown.text()).toMatch(/unknown/);
    expect((await fetch(`${emulator.url}/sdk/tccc-sdk.js`)).status).toBe(403);
  });

  it('counts minted, served and refused SdkURLs', async () => {
    await fetch(`${emulator.url}/control/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    const sdkUrl = await mintSdkUrl();
    await fetch(sdkUrl);
    await fetch(sdkUrl);
    const counters = await (await fetch(`${emulator.url}/control/counters`)).json();
    expect(counters).toMatchObject({ sdkUrlsMinted: 1, sdkUrlsServed: 1, sdkUrlsRefused: 1 });
  });

  it('embeds this login (seat, SdkAppId, emulator URL) before the bundled SDK', async () => {
    const script = await (await fetch(await mintSdkUrl('bob@example.com'))).text();
    expect(pageConfigOf(script)).toMatchObject({ baseUrl: emulator.url, sdkAppId: demoConfig.sdkAppId, seatUserId: 'bob@example.com', pageKey: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) });
    expect(script.indexOf('window.__TCCC_EMULATOR__')).toBe(0); // the config comes before the SDK reads it
  });
});
