// Probes and metrics: /healthz, /readyz (JWKS reachable, cached briefly), /metrics.
import { createServer } from 'node:http';
import { type RunningEmulator, startEmulator } from '@tccc-desk/tccc-emulator';
import request from 'supertest';
import { createApp, type TokenApp } from '../src/app';
import { captureLogs } from './support/log-capture';
import { accessToken, clearFaults, emulatorConfig, injectFault } from './support/emulator-env';
import { closedPort } from './support/ports';

jest.setTimeout(30_000);

let emulator: RunningEmulator;
let app: TokenApp;
const logger = captureLogs().logger;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: false });
  app = createApp(emulatorConfig(emulator), { logger });
});

afterAll(async () => {
  await emulator.close();
});

describe('GET /healthz', () => {
  it('says the process is up', async () => {
    const response = await request(app.callback()).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});

describe('GET /readyz', () => {
  it('is ready when the JWKS answers', async () => {
    const response = await request(app.callback()).get('/readyz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready', checks: { config: 'ok', jwks: 'ok' } });
  });

  it('is 503 in the error shape when the JWKS is unreachable', async () => {
    const port = await closedPort();
    const unready = createApp(emulatorConfig(emulator, { AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json` }), { logger });
    const response = await request(unready.callback()).get('/readyz');
    expect(response.status).toBe(503);
    expect(response.body.error).toEqual({ code: 'not_ready', message: 'Not ready: JWKS unreachable.', requestId: response.headers['x-request-id'] });
  });

  it('says in the log which check failed, not a cause of type "undefined"', async () => {
    const port = await closedPort();
    const logs = captureLogs();
    const unready = createApp(emulatorConfig(emulator, { AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json` }), { logger: logs.logger });
    const response = await request(unready.callback()).get('/readyz');
    await new Promise((resolve) => setImmediate(resolve));
    const failed = logs.lines().find((line) => line['msg'] === 'request failed' && line['requestId'] === response.headers['x-request-id']);
    expect(failed).toMatchObject({ code: 'not_ready', cause: { message: 'JWKS unreachable' } });
  });

  it('is 503 when the JWKS URL answers something that is not a key set', async () => {
    const wrongPath = createApp(emulatorConfig(emulator, { AUTH_JWKS_URL: `${emulator.url}/healthz-nothing-here` }), { logger });
    expect((await request(wrongPath.callback()).get('/readyz')).status).toBe(503);
  });

  it('caches the answer for a few seconds, then checks again', async () => {
    let now = 1_000_000;
    const port = await closedPort();
    const config = emulatorConfig(emulator, { AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, READINESS_CACHE_MS: '5000' });
    const probed = createApp(config, { logger, clock: () => now });
    expect((await request(probed.callback()).get('/readyz')).status).toBe(503);

    // The identity provider comes up on that port; the cached "not ready" holds until it expires.
    const jwks = createServer((_req, res) => res.setHeader('content-type', 'application/json').end('{"keys":[{"kty":"RSA"}]}'));
    await new Promise<void>((resolve) => jwks.listen(port, '127.0.0.1', resolve));
    try {
      now += 4000;
      expect((await request(probed.callback()).get('/readyz')).status).toBe(503);
      now += 2000;
      expect((await request(probed.callback()).get('/readyz')).status).toBe(200);
    } finally {
      jwks.closeAllConnections();
      await new Promise<void>((resolve) => jwks.close(() => resolve()));
    }
  });
});

describe('GET /metrics', () => {
  it('counts requests by route and status, and upstream latency and errors by code, without user ids', async () => {
    const alice = await accessToken(emulator, 'alice');
    const login = () => request(app.callback()).post('/api/tccc/login').set('Authorization', `Bearer ${alice}`);
    expect((await login()).status).toBe(200);
    await injectFault(emulator, { kind: 'tencentError', code: 'RequestLimitExceeded', count: 1 });
    // Retried after slowing down: the agent never sees Tencent's limit.
    expect((await login()).status).toBe(200);
    await injectFault(emulator, { kind: 'http500', count: 1 });
    expect((await login()).status).toBe(502);
    await clearFaults(emulator);
    await request(app.callback()).get('/no/such/route');

    const response = await request(app.callback()).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.text;
    expect(text).toMatch(/http_requests_total\{method="POST",route="\/api\/tccc\/login",status="200"\} 2\n/);
    expect(text).toMatch(/http_requests_total\{method="POST",route="\/api\/tccc\/login",status="502"\} 1\n/);
    expect(text).toMatch(/http_requests_total\{method="GET",route="unmatched",status="404"\} 1\n/);
    expect(text).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/api\/tccc\/login",status="200"\} 2\n/);
    expect(text).toMatch(/tccc_upstream_request_duration_seconds_count\{action="CreateSDKLoginToken",outcome="ok"\} 2\n/);
    expect(text).toMatch(/tccc_upstream_calls_total 4\n/);
    expect(text).toMatch(/tccc_upstream_request_limit_exceeded_total 1\n/);
    expect(text).toMatch(/token_api_login_queue_length 0\n/);
    expect(text).toMatch(/token_api_login_queue_wait_seconds_count 4\n/);
    expect(text).toMatch(
      /tccc_upstream_errors_total\{action="CreateSDKLoginToken",code="upstream_rate_limited",upstream_code="RequestLimitExceeded"\} 1\n/,
    );
    expect(text).toMatch(/token_api_login_attempts_total\{outcome="issued"\} 2\n/);
    expect(text).toMatch(/process_cpu_user_seconds_total/);
    expect(text).not.toMatch(/alice|example\.com|no\/such\/route/);
  });

  it('keeps each app’s metrics in its own registry', async () => {
    const other = createApp(emulatorConfig(emulator), { logger });
    const text = (await request(other.callback()).get('/metrics')).text;
    expect(text).not.toMatch(/route="\/api\/tccc\/login"/);
  });
});
