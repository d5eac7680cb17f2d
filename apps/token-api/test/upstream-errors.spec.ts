// Upstream answers the emulator does not produce, from a bare fake endpoint, through the real
// tencentcloud-sdk-nodejs client: each vendor error shape must map to the contract.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../src/errors';
import { createMetrics } from '../src/metrics';
import { createCccClient } from '../src/tccc/ccc-client';
import { createSdkLoginMinter } from '../src/tccc/login-tokens';
import { mapUpstreamError } from '../src/tccc/upstream-errors';
import { createUpstreamBudget, type UpstreamBudget } from '../src/tccc/upstream-budget';
import { closedPort } from './support/ports';
import { captureLogs } from './support/log-capture';

const budgets: UpstreamBudget[] = [];
afterAll(() => Promise.all(budgets.map((budget) => budget.close())));

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let port: number;
let handler: Handler;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function minter(endpointPort = port, requestsPerSecond = 1000) {
  const client = createCccClient({
    secretId: 'AKIDtest',
    secretKey: 'test-secret-key',
    endpoint: `ccc.localhost:${endpointPort}`,
    protocol: 'http://',
    region: '',
    timeoutSeconds: 1,
  });
  const metrics = createMetrics();
  const budget = createUpstreamBudget({ requestsPerSecond, maxWaitMs: 1000, secretId: 'AKIDtest', metrics, logger: captureLogs().logger });
  budgets.push(budget);
  return createSdkLoginMinter(client, metrics, { onlyOnce: true, budget, maxWaitMs: 1000 });
}

const seat = { sdkAppId: 1400000001, seatUserId: 'alice@example.com' };

async function failureOf(mint: ReturnType<typeof minter>): Promise<Pick<AppError, 'status' | 'code' | 'message'>> {
  const error = await mint(seat).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { status: error.status, code: error.code, message: error.message };
}

const json = (body: unknown): Handler => (_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
};

it('maps a successful answer and sends the request the way Tencent expects', async () => {
  handler = json({ Response: { Token: 't', ExpiredTime: 1_800_000_000, SdkURL: 'https://sdk.example/x?token=t', RequestId: 'r' } });
  await expect(minter()(seat)).resolves.toEqual({ sdkUrl: 'https://sdk.example/x?token=t', expiresAt: new Date(1_800_000_000_000) });
  const req = seen[seen.length - 1]!;
  expect(req.headers['x-tc-action']).toBe('CreateSDKLoginToken');
  expect(req.headers['authorization']).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDtest\/\d{4}-\d{2}-\d{2}\/ccc\/tc3_request/);
});

it('502 upstream_error for a 200 that is not JSON (node-fetch FetchError invalid-json)', async () => {
  handler = (_req, res) => res.end('<html>maintenance</html>');
  expect(await failureOf(minter())).toMatchObject({ status: 502, code: 'upstream_error' });
});

it('502 upstream_error for JSON without Response (TypeError inside the client)', async () => {
  handler = json({ hello: 'world' });
  expect(await failureOf(minter())).toMatchObject({ status: 502, code: 'upstream_error' });
});

it('502 upstream_error for a success without SdkURL', async () => {
  handler = json({ Response: { RequestId: 'r' } });
  expect(await failureOf(minter())).toMatchObject({ status: 502, code: 'upstream_error' });
});

it('502 upstream_error for a non-200 status', async () => {
  handler = (_req, res) => {
    res.statusCode = 503;
    res.end('busy');
  };
  expect(await failureOf(minter())).toMatchObject({ status: 502, code: 'upstream_error' });
});

it('404 seat_not_found for InvalidParameterValue.AccountNotExist', async () => {
  handler = json({ Response: { Error: { Code: 'InvalidParameterValue.AccountNotExist', Message: 'no' }, RequestId: 'r' } });
  expect(await failureOf(minter())).toMatchObject({ status: 404, code: 'seat_not_found' });
});

// Every code shared/reference/ccc-cloud-api.md lists (the action's own, then the common ones), as
// the real client reports it; the label keeps the code for metrics and logs.
it.each([
  ['InternalError', 502, 'upstream_error'],
  ['InternalError.DBError', 502, 'upstream_error'],
  ['InvalidParameter.InstanceNotExist', 502, 'upstream_error'],
  ['InvalidParameterValue.AccountNotExist', 404, 'seat_not_found'],
  ['InvalidParameterValue.InstanceNotExist', 502, 'upstream_error'],
  ['OperationDenied.UinDisabled', 502, 'upstream_error'],
  ['AuthFailure.InvalidAuthorization', 502, 'upstream_auth_failed'],
  ['AuthFailure.InvalidSecretId', 502, 'upstream_auth_failed'],
  ['AuthFailure.SecretIdNotFound', 502, 'upstream_auth_failed'],
  ['AuthFailure.SignatureExpire', 502, 'upstream_auth_failed'],
  ['AuthFailure.SignatureFailure', 502, 'upstream_auth_failed'],
  ['AuthFailure.TokenFailure', 502, 'upstream_auth_failed'],
  ['AuthFailure.UnauthorizedOperation', 502, 'upstream_auth_failed'],
  ['RequestLimitExceeded', 502, 'upstream_rate_limited'],
])('documented %s → %i %s', async (tencentCode, status, code) => {
  handler = json({ Response: { Error: { Code: tencentCode, Message: 'upstream words' }, RequestId: 'r' } });
  const thrown = await minter(port, 0)(seat).catch((error: unknown) => error);
  expect(thrown).toMatchObject({ status, code });
  expect((thrown as Error).message).not.toContain('upstream words');
  expect(mapUpstreamError((thrown as AppError).cause).upstreamCode).toBe(tencentCode);
});

it('504 upstream_timeout when no answer comes within reqTimeout', async () => {
  handler = () => undefined; // never answers
  const started = Date.now();
  expect(await failureOf(minter())).toMatchObject({ status: 504, code: 'upstream_timeout' });
  expect(Date.now() - started).toBeLessThan(2500);
});

it('502 upstream_rate_limited at once without a budget (TCCC_UPSTREAM_RPS=0): nothing paces a retry', async () => {
  handler = json({ Response: { Error: { Code: 'RequestLimitExceeded', Message: 'slow down' }, RequestId: 'r' } });
  const before = seen.length;
  expect(await failureOf(minter(port, 0))).toMatchObject({ status: 502, code: 'upstream_rate_limited' });
  expect(seen.length - before).toBe(1);
});

it('502 upstream_error when the connection is refused', async () => {
  expect(await failureOf(minter(await closedPort()))).toMatchObject({ status: 502, code: 'upstream_error' });
});

it('labels failures with a bounded upstream code', () => {
  const weird = Object.assign(new Error('x'), { name: 'Whatever' });
  expect(mapUpstreamError(weird).upstreamCode).toBe('unknown');
  expect(mapUpstreamError(Object.assign(new Error('socket hang up'), { name: 'FetchError', type: 'system' })).upstreamCode).toBe(
    'connection_reset',
  );
});
