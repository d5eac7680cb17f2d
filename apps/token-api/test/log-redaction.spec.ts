// Redaction of whatever reaches a log line, not only known field paths: an upstream error message
// quoting an SdkURL, a bearer token inside a message, a SecretKey-looking string in a nested field.
import { Writable } from 'node:stream';
import { describeError } from '../src/http/error-handler';
import { createLogger } from '../src/logger';

const SDK_TOKEN = 'k3Jq9xW2bP0vZ8mN4tR7yL1cF6hD5sA_-QeUoIiGgHh';
const SDK_URL = `https://conn.example.cdn-go.cn/ccc/sdk.js?token=${SDK_TOKEN}&v=2`;
const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';
const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA';
const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3Cozk1qA'; // 32 characters, the shape of a Tencent SecretKey
const CONFIGURED_SECRET = 'demo-only-secret-key-not-a-real-tencent-key';

function capture(secrets: string[] = []) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination, secrets }), text: () => lines.join('') };
}

it('redacts SdkURL tokens, bearer tokens, JWTs and key-like strings from the message itself', () => {
  const { logger, text } = capture();
  logger.warn(`upstream said: could not load ${SDK_URL}; sent Authorization: Bearer ${JWT}; SecretId ${SECRET_ID} key ${SECRET_KEY}`);
  const line = text();
  for (const secret of [SDK_TOKEN, JWT, SECRET_ID, SECRET_KEY]) expect(line).not.toContain(secret);
  expect(line).toContain('upstream said: could not load https://conn.example.cdn-go.cn/ccc/sdk.js?token=[redacted]&v=2');
  expect(JSON.parse(line)).toMatchObject({ level: 'warn', service: 'token-api' });
});

it('redacts them from any field at any depth, e.g. an upstream error described for the log', () => {
  const { logger, text } = capture();
  const upstream = new Error(`InternalError: failed to mint, SdkURL=${SDK_URL} secretKey=${SECRET_KEY}`);
  logger.error({ requestId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', cause: describeError(upstream), deep: { a: [{ b: JWT }] } }, 'request failed');
  const line = text();
  for (const secret of [SDK_TOKEN, JWT, SECRET_KEY]) expect(line).not.toContain(secret);
  // Request ids and ordinary words stay readable.
  expect(JSON.parse(line)).toMatchObject({ requestId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', msg: 'request failed' });
  expect(line).toContain('InternalError: failed to mint');
});

it('redacts the configured credentials verbatim wherever they appear', () => {
  const { logger, text } = capture([CONFIGURED_SECRET]);
  logger.info({ note: `echoed ${CONFIGURED_SECRET} back` }, `and here: ${CONFIGURED_SECRET}`);
  expect(text()).not.toContain(CONFIGURED_SECRET);
  expect(JSON.parse(text())).toMatchObject({ note: 'echoed [redacted] back', msg: 'and here: [redacted]' });
});

it('keeps the gateway’s request id readable (nginx $request_id: 32 hex digits), so a reported error can be found in the log', () => {
  const { logger, text } = capture();
  const gatewayId = 'ccf5bed39715917ff1e6b580074fc565';
  logger.info({ requestId: gatewayId, note: `key ${SECRET_KEY}` }, 'request');
  expect(JSON.parse(text())).toMatchObject({ requestId: gatewayId, note: 'key [redacted]' });
});
