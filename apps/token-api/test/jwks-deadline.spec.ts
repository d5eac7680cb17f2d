// A JWKS server that sends its headers and then stalls, or drips a byte at a time, must not hold
// a login or a readiness probe past the configured timeout: one overall deadline covers the key
// retrieval and the verification. Real local HTTP servers, real app, real dev IdP tokens.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RunningEmulator, startEmulator } from '@tccc-desk/tccc-emulator';
import request from 'supertest';
import { createApp } from '../src/app';
import { captureLogs } from './support/log-capture';
import { accessToken, emulatorConfig } from './support/emulator-env';

jest.setTimeout(20_000);

type Behaviour = 'stall' | 'drip';

let emulator: RunningEmulator;
let alice: string;
const servers: Server[] = [];
const timers: NodeJS.Timeout[] = [];

/** A JWKS endpoint that answers 200 with JSON headers, then never finishes the body. */
async function brokenJwks(behaviour: Behaviour): Promise<string> {
  const server = createServer((_req, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"keys":[');
    if (behaviour === 'drip') {
      // A byte every 100 ms resets any idle timer, so only an overall deadline ends it.
      const timer = setInterval(() => res.write(' '), 100);
      timers.push(timer);
      res.on('close', () => clearInterval(timer));
    }
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
}

/** How long `call` took, failing the test instead of hanging when it exceeds `limitMs`. */
async function within<T>(limitMs: number, call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const overdue = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${limitMs} ms`)), limitMs);
  });
  try {
    const result = await Promise.race([call(), overdue]);
    return { result, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: false });
  alice = await accessToken(emulator, 'alice');
});

afterAll(async () => {
  for (const timer of timers) clearInterval(timer);
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await emulator.close();
});

describe.each<Behaviour>(['stall', 'drip'])('a JWKS server that sends headers and then %ss', (behaviour) => {
  it('fails the login with 503 auth_unavailable within AUTH_JWKS_TIMEOUT_MS, and again on the next login', async () => {
    const jwksUrl = await brokenJwks(behaviour);
    const app = createApp(emulatorConfig(emulator, { AUTH_JWKS_URL: jwksUrl, AUTH_JWKS_TIMEOUT_MS: '800' }), {
      logger: captureLogs().logger,
    });
    const login = () => request(app.callback()).post('/api/tccc/login').set('Authorization', `Bearer ${alice}`);

    const first = await within(4_000, login);
    expect(first.result.status).toBe(503);
    expect(first.result.body.error.code).toBe('auth_unavailable');
    expect(first.result.headers['retry-after']).toBe('5');
    expect(first.ms).toBeGreaterThanOrEqual(700);
    expect(first.ms).toBeLessThan(2_000);

    // The abandoned fetch must not be shared by later logins and hang them.
    const second = await within(4_000, login);
    expect(second.result.status).toBe(503);
    expect(second.ms).toBeLessThan(2_000);
  });

  it('makes /readyz answer 503 within READINESS_TIMEOUT_MS', async () => {
    const jwksUrl = await brokenJwks(behaviour);
    const app = createApp(emulatorConfig(emulator, { AUTH_JWKS_URL: jwksUrl, READINESS_TIMEOUT_MS: '500' }), {
      logger: captureLogs().logger,
    });
    const { result, ms } = await within(4_000, () => request(app.callback()).get('/readyz'));
    expect(result.status).toBe(503);
    expect(result.body.error.code).toBe('not_ready');
    expect(ms).toBeLessThan(1_500);
  });
});
