import { demoConfig, startEmulator, type RunningEmulator } from '../src';
import { cccClient, rejectionOf } from './helpers';

const credential = { secretId: demoConfig.secretId, secretKey: demoConfig.secretKey };
const aliceParams = { SdkAppId: demoConfig.sdkAppId, SeatUserId: 'alice@example.com' };

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: false });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  expect((await fetch(`${emulator.url}/control/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } })).status).toBe(204);
});

function control(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${emulator.url}/control${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function addFault(spec: object): Promise<string> {
  const response = await control('POST', '/faults', spec);
  expect(response.status).toBe(201);
  return (await response.json()).id;
}

const login = () => cccClient(emulator, credential).CreateSDKLoginToken(aliceParams);

describe('cloud API faults, observed through the real client', () => {
  it('latency delays the answer, then handles the request normally', async () => {
    await addFault({ kind: 'latency', latencyMs: 400, count: 1 });
    const started = performance.now();
    const response = await login();
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(response.SdkURL).toEqual(expect.any(String));
  });

  it('latency longer than the client timeout surfaces as a client timeout', async () => {
    await addFault({ kind: 'latency', latencyMs: 3000, count: 1 });
    const error = await rejectionOf(cccClient(emulator, credential, 1).CreateSDKLoginToken(aliceParams));
    expect(error.message).toMatch(/timeout/i);
  });

  it('http500 answers a plain gateway 500 page: the client reports httpCode 500', async () => {
    await addFault({ kind: 'http500', count: 1 });
    const error = await rejectionOf(login());
    expect(error.httpCode).toBe(500);
    expect(error.code).toBeUndefined();
    await expect(login()).resolves.toHaveProperty('Token'); // count 1: the next one goes through
  });

  it('reset destroys the connection: the client fails with a network error', async () => {
    await addFault({ kind: 'reset', count: 1 });
    const error = await rejectionOf(login());
    expect(error.message).toMatch(/socket hang up|ECONNRESET|EPIPE/);
    expect(error.httpCode).toBeUndefined();
  });

  it('tencentError answers that code in Tencent shape (HTTP 200, RequestId, TraceId)', async () => {
    await addFault({ kind: 'tencentError', code: 'RequestLimitExceeded', count: 1 });
    const limited = await rejectionOf(login());
    expect(limited).toMatchObject({ code: 'RequestLimitExceeded', message: expect.stringContaining('limit') });
    expect(limited.requestId).toEqual(expect.any(String));
    expect(limited.traceId).toEqual(expect.any(String));

    await addFault({ kind: 'tencentError', code: 'InternalError', message: 'backend on fire', count: 1 });
    await expect(rejectionOf(login())).resolves.toMatchObject({ code: 'InternalError', message: 'backend on fire' });
  });

  it('a fault with count applies to exactly that many requests', async () => {
    await addFault({ kind: 'tencentError', code: 'AuthFailure.SignatureFailure', count: 2 });
    expect((await rejectionOf(login())).code).toBe('AuthFailure.SignatureFailure');
    expect((await rejectionOf(login())).code).toBe('AuthFailure.SignatureFailure');
    await expect(login()).resolves.toHaveProperty('Token');
  });

  it('a fault without count stays until cleared', async () => {
    await addFault({ kind: 'http500' });
    for (let i = 0; i < 3; i += 1) expect((await rejectionOf(login())).httpCode).toBe(500);
    expect((await (await control('GET', '/faults')).json()).faults).toHaveLength(1);
    expect((await control('DELETE', '/faults')).status).toBe(204);
    await expect(login()).resolves.toHaveProperty('Token');
  });

  it('faults apply one per request in the order they were added; one can be removed by id', async () => {
    const first = await addFault({ kind: 'tencentError', code: 'InternalError', count: 1 });
    await addFault({ kind: 'tencentError', code: 'RequestLimitExceeded', count: 1 });
    const third = await addFault({ kind: 'http500', count: 1 });
    expect((await control('DELETE', `/faults/${third}`)).status).toBe(204);
    expect((await control('DELETE', `/faults/${first}`)).status).toBe(204);
    expect((await control('DELETE', `/faults/${first}`)).status).toBe(404);
    expect((await rejectionOf(login())).code).toBe('RequestLimitExceeded');
    await expect(login()).resolves.toHaveProperty('Token');
  });
});

describe('counters and reset', () => {
  it('counts cloud requests, errors, signature failures and applied faults', async () => {
    await login();
    await rejectionOf(cccClient(emulator, { ...credential, secretKey: 'wrong' }).CreateSDKLoginToken(aliceParams));
    await rejectionOf(cccClient(emulator, { ...credential, secretId: 'AKIDnobody' }).CreateSDKLoginToken(aliceParams));
    await addFault({ kind: 'http500', count: 1 });
    await rejectionOf(login());

    const counters = await (await control('GET', '/counters')).json();
    expect(counters).toEqual({
      cloudRequests: 4,
      cloudErrors: 2,
      signatureFailures: 1,
      authFailures: 1,
      sdkUrlsMinted: 1,
      sdkUrlsServed: 0,
      sdkUrlsRefused: 0,
      faultsApplied: 1,
      idpTokensIssued: 0,
      errorsByCode: { 'AuthFailure.SignatureFailure': 1, 'AuthFailure.SecretIdNotFound': 1 },
      requestLimit: { limitPerSecond: 20, peakPerSecond: 1, refused: 0 },
    });
  });

  it('POST /control/reset clears faults and counters', async () => {
    await addFault({ kind: 'http500' });
    await rejectionOf(login());
    expect((await control('POST', '/reset')).status).toBe(204);
    expect((await (await control('GET', '/faults')).json()).faults).toEqual([]);
    expect((await (await control('GET', '/counters')).json()).cloudRequests).toBe(0);
    await expect(login()).resolves.toHaveProperty('Token');
  });
});

describe('control API input validation', () => {
  it.each([
    ['an unknown kind', { kind: 'explode' }],
    ['latency without latencyMs', { kind: 'latency' }],
    ['a negative latency', { kind: 'latency', latencyMs: -1 }],
    ['count 0', { kind: 'http500', count: 0 }],
    ['a fractional count', { kind: 'reset', count: 1.5 }],
    ['tencentError without code', { kind: 'tencentError' }],
    ['a code that is not a Tencent code', { kind: 'tencentError', code: 'no spaces allowed' }],
    ['an unknown field', { kind: 'http500', when: 'now' }],
    ['an empty body', undefined],
  ])('rejects %s with 400 and a readable message', async (_case, body) => {
    const response = await control('POST', '/faults', body);
    expect(response.status).toBe(400);
    const error = await response.json();
    expect(error.error).toBe('invalid_request');
    expect(error.message.length).toBeGreaterThan(5);
  });

  it('rejects a body that is not JSON', async () => {
    const response = await control('POST', '/faults', '{kind:');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_json' });
  });
});

describe('cross-site requests (a page a developer visits must not drive the emulator)', () => {
  // What a foreign page can send without a CORS preflight: text/plain, form-encoded, or no type.
  const simpleRequests: [string, Record<string, string>, string | undefined][] = [
    ['text/plain', { 'content-type': 'text/plain;charset=UTF-8' }, JSON.stringify({ kind: 'http500' })],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 'kind=http500'],
    ['no content type', {}, undefined],
  ];

  it.each(simpleRequests)('answers %s on POST /control/faults with 415 and queues nothing', async (_case, headers, body) => {
    const response = await fetch(`${emulator.url}/control/faults`, { method: 'POST', headers: { origin: 'https://evil.example', ...headers }, body });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: 'unsupported_media_type' });
    expect((await (await control('GET', '/faults')).json()).faults).toEqual([]);
  });

  it('answers text/plain with 415 on every state-changing control route (reset, SDK scenario)', async () => {
    await addFault({ kind: 'http500' });
    for (const path of ['/control/reset', '/control/sdk/inbound', '/control/sdk/fail-next', '/control/sdk/token-expired']) {
      const response = await fetch(`${emulator.url}${path}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
      expect({ path, status: response.status }).toEqual({ path, status: 415 });
    }
    const settings = await fetch(`${emulator.url}/control/sdk/settings`, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(settings.status).toBe(415);
    // The reset above was refused: the fault is still queued.
    expect((await (await control('GET', '/faults')).json()).faults).toHaveLength(1);
  });

  it('sends no CORS headers on the control API, preflight included, so browsers cannot call it cross-origin', async () => {
    const preflight = await fetch(`${emulator.url}/control/faults`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const counters = await fetch(`${emulator.url}/control/counters`, { headers: { origin: 'https://evil.example' } });
    expect(counters.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('shutdown', () => {
  it('close() does not wait for a pending latency fault', async () => {
    const own = await startEmulator({ port: 0, logger: false });
    await fetch(`${own.url}/control/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'latency', latencyMs: 60_000 }) });
    const pending = rejectionOf(cccClient(own, credential).CreateSDKLoginToken(aliceParams));
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the request reach the fault
    const started = performance.now();
    await own.close();
    expect(performance.now() - started).toBeLessThan(10_000);
    expect((await pending).message).toMatch(/socket hang up|ECONNRESET/);
  });
});
