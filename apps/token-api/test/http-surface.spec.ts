// What every response carries: security headers, CORS limited to the configured origins, the
// request id; and how the gateway's forwarding headers are read.
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { createApp, type TokenApp } from '../src/app';
import { loadConfig } from '../src/config';
import { REDACTED_PATHS } from '../src/logger';
import { captureLogs, type LogCapture } from './support/log-capture';
import { DEV_SEATS_FILE } from './support/emulator-env';

const ISSUER = 'http://localhost:4300/dev/idp';
let app: TokenApp;
let logs: LogCapture;
let token: string;
let keys: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256' }] });
  token = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k' }).setIssuer(ISSUER).setAudience('tccc-desk').setSubject('alice').setIssuedAt().setExpirationTime('10m').sign(privateKey);
  logs = captureLogs();
  const config = loadConfig({
    TCCC_SECRET_ID: 'AKIDunit',
    TCCC_SECRET_KEY: 'unit-secret',
    SEAT_DIRECTORY_FILE: DEV_SEATS_FILE,
    CORS_ORIGINS: 'https://crm.example.com',
  });
  // A fake cloud API client: these tests are about the HTTP surface, not the upstream.
  const fakeClient = {
    CreateSDKLoginToken: async () => ({ SdkURL: 'https://sdk.example/tccc.js?token=unit', ExpiredTime: 1_800_000_000 }),
  };
  app = createApp(config, { logger: logs.logger, jwtKeys: keys, cccClientFactory: () => fakeClient });
});

it('sets helmet’s security headers on answers and errors alike', async () => {
  for (const response of [await request(app.callback()).get('/healthz'), await request(app.callback()).get('/nope')]) {
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'referrer-policy': 'no-referrer',
    });
    expect(response.headers['x-powered-by']).toBeUndefined();
  }
});

it('answers CORS preflights for configured origins only', async () => {
  const allowed = await request(app.callback())
    .options('/api/tccc/login')
    .set('Origin', 'https://crm.example.com')
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'authorization,content-type');
  expect(allowed.status).toBe(204);
  expect(allowed.headers['access-control-allow-origin']).toBe('https://crm.example.com');
  expect(allowed.headers['access-control-allow-headers']).toContain('Authorization');
  expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();

  const evil = await request(app.callback())
    .options('/api/tccc/login')
    .set('Origin', 'https://evil.example')
    .set('Access-Control-Request-Method', 'POST');
  expect(evil.headers['access-control-allow-origin']).toBeUndefined();

  const login = await request(app.callback()).post('/api/tccc/login').set('Origin', 'https://crm.example.com').set('Authorization', `Bearer ${token}`);
  expect(login.status).toBe(200);
  expect(login.headers['access-control-allow-origin']).toBe('https://crm.example.com');
  expect(login.headers['access-control-expose-headers']).toContain('X-Request-Id');
});

it('audits the address the gateway saw, not one the client made up', async () => {
  await request(app.callback())
    .post('/api/tccc/login')
    .set('Authorization', `Bearer ${token}`)
    .set('X-Request-Id', 'xff-check')
    // The client sent "1.2.3.4"; the gateway appended the real peer.
    .set('X-Forwarded-For', '1.2.3.4, 203.0.113.7');
  const audit = logs.lines().find((line) => line['requestId'] === 'xff-check' && line['audit']);
  expect(audit).toMatchObject({ ip: '203.0.113.7', outcome: 'issued' });
});

it('with TRUST_PROXY=false, X-Forwarded-For changes neither ctx.ip nor the audited address', async () => {
  const capture = captureLogs();
  const direct = createApp(
    loadConfig({ TCCC_SECRET_ID: 'AKIDunit', TCCC_SECRET_KEY: 'unit-secret', SEAT_DIRECTORY_FILE: DEV_SEATS_FILE, TRUST_PROXY: 'false' }),
    {
      logger: capture.logger,
      jwtKeys: keys,
      cccClientFactory: () => ({ CreateSDKLoginToken: async () => ({ SdkURL: 'https://sdk.example/tccc.js?token=unit', ExpiredTime: 1_800_000_000 }) }),
    },
  );
  const response = await request(direct.callback())
    .post('/api/tccc/login')
    .set('Authorization', `Bearer ${token}`)
    .set('X-Request-Id', 'no-proxy-check')
    .set('X-Forwarded-For', '1.2.3.4, 203.0.113.7');
  expect(response.status).toBe(200);
  const audit = capture.lines().find((line) => line['requestId'] === 'no-proxy-check' && line['audit']);
  // The audit line records ctx.ip. supertest connects over loopback, so the socket peer is the
  // only address a non-proxied app may report.
  expect(audit).toMatchObject({ outcome: 'issued', ip: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$|^::1$/) });
});

it('redacts credentials, tokens and SdkURLs even if an object carrying them reaches the logger', () => {
  const capture = captureLogs();
  capture.logger.info(
    {
      authorization: 'Bearer leaked.jwt.value',
      headers: { authorization: 'Bearer leaked.jwt.value' },
      token: 'leaked-token',
      sdkUrl: 'https://sdk.example/x?token=leaked',
      SdkURL: 'https://sdk.example/y?token=leaked',
      secretKey: 'leaked-secret',
      config: { tccc: { secretKey: 'leaked-secret', secretId: 'leaked-id' } },
    },
    'oops',
  );
  const text = capture.text();
  expect(text).not.toMatch(/leaked/);
  expect(text.match(/\[redacted\]/g)?.length).toBe(8);
  expect(REDACTED_PATHS).toEqual(expect.arrayContaining(['authorization', 'sdkUrl', 'secretKey']));
});
