// The login endpoint against the running emulator, over real HTTP, through the real
// tencentcloud-sdk-nodejs client: happy path, the error contract, upstream faults and recovery.
import { demoConfig, type RunningEmulator, startEmulator } from '@tccc-desk/tccc-emulator';
import request from 'supertest';
import { createApp, type TokenApp } from '../src/app';
import { type LogCapture, captureLogs } from './support/log-capture';
import { accessToken, clearFaults, counters, emulatorConfig, injectFault } from './support/emulator-env';

jest.setTimeout(30_000);

let emulator: RunningEmulator;
let app: TokenApp;
let logs: LogCapture;
let alice: string;
let bob: string;
let carol: string;
const issuedTokens: string[] = [];
const issuedSdkUrls: string[] = [];

function login(token: string, path = '/api/tccc/login') {
  return request(app.callback()).post(path).set('Authorization', `Bearer ${token}`);
}

function expectError(response: request.Response, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(typeof response.body.error.message).toBe('string');
  expect(response.body.error.requestId).toBe(response.headers['x-request-id']);
  expect(JSON.stringify(response.body)).not.toContain(demoConfig.secretKey);
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: false });
  logs = captureLogs();
  app = createApp(emulatorConfig(emulator), { logger: logs.logger });
  [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((sub) => accessToken(emulator, sub)));
  issuedTokens.push(alice!, bob!, carol!);
});

afterEach(async () => {
  await clearFaults(emulator);
});

afterAll(async () => {
  await emulator.close();
});

describe('POST /api/tccc/login: happy path', () => {
  it('returns a one-time SdkURL for the caller’s own seat, never cacheable', async () => {
    const before = Date.now();
    const response = await login(alice);

    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body).toEqual({
      sdkUrl: expect.stringMatching(/^http:\/\/localhost:\d+\//),
      expiresAt: expect.any(String),
      seatUserId: 'alice@example.com',
      sdkAppId: demoConfig.sdkAppId,
    });
    issuedSdkUrls.push(response.body.sdkUrl);
    // About ten minutes ahead, as an ISO timestamp.
    const expiresAt = Date.parse(response.body.expiresAt);
    expect(new Date(expiresAt).toISOString()).toBe(response.body.expiresAt);
    expect(expiresAt - before).toBeGreaterThan(8 * 60_000);
    expect(expiresAt - before).toBeLessThan(11 * 60_000);

    // The script loads exactly once.
    const first = await fetch(response.body.sdkUrl);
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const second = await fetch(response.body.sdkUrl);
    expect(second.status).toBe(403);
    await second.arrayBuffer();
  });

  it('mints a fresh SdkURL on every call (nothing is cached or reused)', async () => {
    const [first, second] = [await login(bob), await login(bob)];
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.body.sdkUrl).not.toBe(second.body.sdkUrl);
    issuedSdkUrls.push(first.body.sdkUrl, second.body.sdkUrl);
  });

  it('answers on the vendor guide’s /loginTCCC alias too', async () => {
    const response = await login(bob, '/loginTCCC');
    expect(response.status).toBe(200);
    expect(response.body.seatUserId).toBe('bob@example.com');
    issuedSdkUrls.push(response.body.sdkUrl);
  });

  it('accepts a body naming the caller’s own seat, and an empty JSON object', async () => {
    const named = await login(alice).send({ seatUserId: 'alice@example.com' });
    expect(named.status).toBe(200);
    const empty = await login(alice).send({});
    expect(empty.status).toBe(200);
    issuedSdkUrls.push(named.body.sdkUrl, empty.body.sdkUrl);
  });

  it('keeps a sane incoming X-Request-Id', async () => {
    const response = await login(alice).set('X-Request-Id', 'gw-1234.abcd');
    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).toBe('gw-1234.abcd');
    issuedSdkUrls.push(response.body.sdkUrl);
  });

  it('signs with the `ccc` scope so the emulator verifies every request', async () => {
    const seen = await counters(emulator);
    expect(seen).toMatchObject({ signatureFailures: 0, authFailures: 0 });
  });
});

describe('POST /api/tccc/login: error contract', () => {
  it('401 without a token, with a WWW-Authenticate challenge', async () => {
    const response = await request(app.callback()).post('/api/tccc/login');
    expectError(response, 401, 'missing_token');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="tccc-desk"');
  });

  it('401 for an expired token', async () => {
    const expired = await accessToken(emulator, 'alice', { ttlSeconds: -60 });
    issuedTokens.push(expired);
    const response = await login(expired);
    expectError(response, 401, 'token_expired');
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('401 for the wrong issuer or audience', async () => {
    const wrongIssuer = await accessToken(emulator, 'alice', { issuer: 'https://evil.example/idp' });
    const wrongAudience = await accessToken(emulator, 'alice', { audience: 'another-app' });
    issuedTokens.push(wrongIssuer, wrongAudience);
    expectError(await login(wrongIssuer), 401, 'invalid_token');
    expectError(await login(wrongAudience), 401, 'invalid_token');
  });

  it('403 no_seat for a person without a seat', async () => {
    expectError(await login(carol), 403, 'no_seat');
  });

  it('403 seat_forbidden when naming another person’s seat', async () => {
    expectError(await login(alice).send({ seatUserId: 'bob@example.com' }), 403, 'seat_forbidden');
  });

  it('400 for malformed JSON, wrong types and unknown fields; 415 for a non-JSON body', async () => {
    expectError(await login(alice).set('Content-Type', 'application/json').send('{"seatUserId":'), 400, 'invalid_json');
    expectError(await login(alice).send({ seatUserId: 42 }), 400, 'invalid_body');
    expectError(await login(alice).send({ sdkAppId: 1 }), 400, 'invalid_body');
    expectError(await login(alice).send({ seatUserId: 'x'.repeat(5000) }), 400, 'body_too_large');
    expectError(await login(alice).set('Content-Type', 'text/plain').send('alice'), 415, 'unsupported_media_type');
  });

  it('404 seat_not_found when the contact center does not know the seat', async () => {
    const { createSeatDirectory } = await import('../src/seats/seat-directory');
    const config = emulatorConfig(emulator);
    const ghostApp = createApp(
      { ...config, seats: createSeatDirectory({ alice: { sdkAppId: demoConfig.sdkAppId, seatUserId: 'ghost@example.com' } }) },
      { logger: logs.logger },
    );
    const response = await request(ghostApp.callback()).post('/api/tccc/login').set('Authorization', `Bearer ${alice}`);
    expectError(response, 404, 'seat_not_found');
  });

  it('404 and 405 for unknown routes and methods, in the same JSON shape', async () => {
    expectError(await request(app.callback()).get('/api/nope'), 404, 'not_found');
    const wrongMethod = await request(app.callback()).get('/api/tccc/login');
    expectError(wrongMethod, 405, 'method_not_allowed');
    expect(wrongMethod.headers['allow']).toContain('POST');
  });

  it('429 with Retry-After once a person exceeds the limit, without affecting others', async () => {
    const limited = createApp(emulatorConfig(emulator, { RATE_LIMIT_POINTS: '2', RATE_LIMIT_DURATION_SECONDS: '60' }), {
      logger: logs.logger,
    });
    const asAlice = () => request(limited.callback()).post('/api/tccc/login').set('Authorization', `Bearer ${alice}`);
    const first = await asAlice();
    const second = await asAlice();
    issuedSdkUrls.push(first.body.sdkUrl, second.body.sdkUrl);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await asAlice();
    expectError(third, 429, 'rate_limited');
    const retryAfter = Number(third.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const otherPerson = await request(limited.callback()).post('/api/tccc/login').set('Authorization', `Bearer ${bob}`);
    expect(otherPerson.status).toBe(200);
    issuedSdkUrls.push(otherPerson.body.sdkUrl);
  });
});

describe('POST /api/tccc/login: upstream faults', () => {
  it('504 upstream_timeout when the cloud API is slower than the 1 s timeout, within timeout + 1 s', async () => {
    await injectFault(emulator, { kind: 'latency', latencyMs: 4000, count: 1 });
    const started = Date.now();
    const response = await login(alice);
    const elapsed = Date.now() - started;
    expectError(response, 504, 'upstream_timeout');
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(2000);
  });

  it.each([
    ['http500', { kind: 'http500', count: 1 } as const, 'upstream_error'],
    ['connection reset', { kind: 'reset', count: 1 } as const, 'upstream_error'],
    ['AuthFailure.SignatureFailure', { kind: 'tencentError', code: 'AuthFailure.SignatureFailure', count: 1 } as const, 'upstream_auth_failed'],
    ['AuthFailure.SecretIdNotFound', { kind: 'tencentError', code: 'AuthFailure.SecretIdNotFound', count: 1 } as const, 'upstream_auth_failed'],
    ['InternalError', { kind: 'tencentError', code: 'InternalError', count: 1 } as const, 'upstream_error'],
  ])('502 for %s', async (_name, fault, code) => {
    await injectFault(emulator, fault);
    const response = await login(alice);
    expectError(response, 502, code);
    // The upstream's own words stay in our log, not in the answer.
    expect(response.body.error.message).not.toMatch(/nginx|SignatureFailure|RequestLimitExceeded/);
  });

  it('recovers fully once the faults are cleared', async () => {
    await injectFault(emulator, { kind: 'http500' });
    expectError(await login(alice), 502, 'upstream_error');
    expectError(await login(bob), 502, 'upstream_error');
    await clearFaults(emulator);
    const [a, b] = [await login(alice), await login(bob)];
    expect([a.status, b.status]).toEqual([200, 200]);
    issuedSdkUrls.push(a.body.sdkUrl, b.body.sdkUrl);
  });

  it('ignores http_proxy: the explicit agent talks to the endpoint directly', async () => {
    const saved = process.env['http_proxy'];
    process.env['http_proxy'] = 'http://127.0.0.1:9'; // discard port: any proxied request would fail
    try {
      const direct = createApp(emulatorConfig(emulator), { logger: logs.logger });
      const response = await request(direct.callback()).post('/api/tccc/login').set('Authorization', `Bearer ${alice}`);
      expect(response.status).toBe(200);
      issuedSdkUrls.push(response.body.sdkUrl);
    } finally {
      if (saved === undefined) delete process.env['http_proxy'];
      else process.env['http_proxy'] = saved;
    }
  });
});

describe('logging', () => {
  it('writes one audit line per login attempt and one access line per request', async () => {
    const response = await login(bob).set('X-Request-Id', 'audit-check-1');
    issuedSdkUrls.push(response.body.sdkUrl);
    const lines = logs.lines().filter((line) => line['requestId'] === 'audit-check-1');
    const audit = lines.filter((line) => line['audit'] === 'tccc_login');
    expect(audit).toEqual([
      expect.objectContaining({ sub: 'bob', seatUserId: 'bob@example.com', sdkAppId: demoConfig.sdkAppId, outcome: 'issued' }),
    ]);
    expect(lines.filter((line) => line['msg'] === 'request')).toEqual([
      expect.objectContaining({ method: 'POST', path: '/api/tccc/login', status: 200 }),
    ]);
  });

  it('audits refused attempts with who, which seat and the outcome', async () => {
    await login(alice).set('X-Request-Id', 'audit-check-2').send({ seatUserId: 'bob@example.com' });
    const audit = logs.lines().filter((line) => line['requestId'] === 'audit-check-2' && line['audit']);
    expect(audit).toEqual([
      expect.objectContaining({ sub: 'alice', requestedSeatUserId: 'bob@example.com', outcome: 'seat_forbidden' }),
    ]);
  });

  it('never contains the SecretKey, a bearer token or an SdkURL', () => {
    const text = logs.text();
    expect(issuedSdkUrls.length).toBeGreaterThan(5);
    expect(text.length).toBeGreaterThan(1000);
    expect(text).not.toContain(demoConfig.secretKey);
    for (const token of issuedTokens) expect(text).not.toContain(token);
    for (const sdkUrl of issuedSdkUrls) {
      expect(text).not.toContain(sdkUrl);
      expect(text).not.toContain(new URL(sdkUrl).searchParams.get('token'));
    }
  });
});
