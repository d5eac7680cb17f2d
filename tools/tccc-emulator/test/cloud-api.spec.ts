import { demoConfig, startEmulator, type RunningEmulator } from '../src';
import { cccClient, rawPost, rejectionOf, tc3Authorization } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const credential = { secretId: demoConfig.secretId, secretKey: demoConfig.secretKey };
const aliceParams = { SdkAppId: demoConfig.sdkAppId, SeatUserId: 'alice@example.com' };

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: false });
});

afterAll(() => emulator.close());

describe('CreateSDKLoginToken through the real tencentcloud-sdk-nodejs client', () => {
  it('returns Token, SdkURL, ExpiredTime (now + 600 s) and a RequestId for a known seat', async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await cccClient(emulator, credential).CreateSDKLoginToken(aliceParams);
    expect(response.Token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(response.SdkURL).toBe(`${emulator.url}/sdk/tccc-sdk.js?token=${response.Token}`);
    expect(response.ExpiredTime).toBeGreaterThanOrEqual(before + 600);
    expect(response.ExpiredTime).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 600);
    expect(response.RequestId).toMatch(UUID);
  });

  it('mints a fresh token and RequestId on every call', async () => {
    const client = cccClient(emulator, credential);
    const [a, b] = [await client.CreateSDKLoginToken(aliceParams), await client.CreateSDKLoginToken(aliceParams)];
    expect(a.Token).not.toBe(b.Token);
    expect(a.RequestId).not.toBe(b.RequestId);
  });

  it.each([
    ['a wrong SecretKey', { ...credential, secretKey: 'not-the-key' }, aliceParams, 'AuthFailure.SignatureFailure'],
    ['an unknown SecretId', { ...credential, secretId: 'AKIDunknown' }, aliceParams, 'AuthFailure.SecretIdNotFound'],
    ['an unknown seat', credential, { ...aliceParams, SeatUserId: 'mallory@example.com' }, 'InvalidParameterValue.AccountNotExist'],
    ['an unknown SdkAppId', credential, { ...aliceParams, SdkAppId: 1400999999 }, 'InvalidParameterValue.InstanceNotExist'],
    ['a missing SeatUserId', credential, { SdkAppId: demoConfig.sdkAppId }, 'MissingParameter'],
  ])('rejects %s with its Tencent error code', async (_case, cred, params, code) => {
    const error = await rejectionOf(cccClient(emulator, cred).CreateSDKLoginToken(params as typeof aliceParams));
    expect(error.code).toBe(code);
    expect(error.requestId).toMatch(UUID);
    expect(error.traceId).toMatch(UUID); // the client's own X-TC-TraceId, echoed back
  });

  it('explains a signature made for the wrong service (endpoint localhost:PORT instead of ccc.localhost:PORT)', async () => {
    const client = cccClient({ ...emulator, cloudEndpoint: `localhost:${emulator.port}` }, credential);
    const error = await rejectionOf(client.CreateSDKLoginToken(aliceParams));
    expect(error.code).toBe('AuthFailure.SignatureFailure');
    expect(error.message).toContain('expected "ccc"');
  });
});

describe('hand-signed requests', () => {
  const body = JSON.stringify(aliceParams);

  function signedHeaders(overrides: Partial<{ timestamp: number; body: string; host: string; contentType: string }> = {}) {
    const timestamp = overrides.timestamp ?? Math.floor(Date.now() / 1000);
    return {
      Host: `ccc.localhost:${emulator.port}`,
      'Content-Type': 'application/json',
      'X-TC-Action': 'CreateSDKLoginToken',
      'X-TC-Version': '2020-02-10',
      'X-TC-Timestamp': String(timestamp),
      'X-TC-TraceId': 'trace-hand-signed-1',
      Authorization: tc3Authorization({
        ...credential,
        timestamp,
        host: overrides.host ?? 'ccc.localhost',
        contentType: overrides.contentType ?? 'application/json',
        body: overrides.body ?? body,
      }),
    };
  }

  async function errorCode(headers: Record<string, string>, sentBody = body): Promise<string | undefined> {
    const response = await rawPost(emulator.port, headers, sentBody);
    expect(response.status).toBe(200);
    return response.json().Response.Error?.Code;
  }

  it('accepts a correctly signed request (the baseline every tampering case departs from)', async () => {
    const response = await rawPost(emulator.port, signedHeaders(), body);
    expect(response.status).toBe(200);
    expect(response.json().Response.Error).toBeUndefined();
    expect(response.json().Response.SdkURL).toEqual(expect.stringContaining('/sdk/tccc-sdk.js?token='));
  });

  it('rejects a tampered body', async () => {
    const tampered = JSON.stringify({ ...aliceParams, SeatUserId: 'bob@example.com' });
    expect(await errorCode(signedHeaders(), tampered)).toBe('AuthFailure.SignatureFailure');
  });

  it('hashes the exact bytes received (whitespace counts)', async () => {
    expect(await errorCode(signedHeaders(), `${body} `)).toBe('AuthFailure.SignatureFailure');
  });

  it('rejects a tampered Host header', async () => {
    const headers = { ...signedHeaders(), Host: `cvm.localhost:${emulator.port}` };
    expect(await errorCode(headers)).toBe('AuthFailure.SignatureFailure');
  });

  it('rejects a tampered Content-Type header', async () => {
    const headers = { ...signedHeaders(), 'Content-Type': 'application/json; charset=utf-8' };
    expect(await errorCode(headers)).toBe('AuthFailure.SignatureFailure');
  });

  it('rejects a tampered X-TC-Timestamp', async () => {
    const headers = signedHeaders();
    headers['X-TC-Timestamp'] = String(Number(headers['X-TC-Timestamp']) - 1);
    expect(await errorCode(headers)).toBe('AuthFailure.SignatureFailure');
  });

  it('accepts a skew within 5 minutes and answers SignatureExpire beyond', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await errorCode(signedHeaders({ timestamp: now - 240 }))).toBeUndefined();
    expect(await errorCode(signedHeaders({ timestamp: now - 360 }))).toBe('AuthFailure.SignatureExpire');
    expect(await errorCode(signedHeaders({ timestamp: now + 360 }))).toBe('AuthFailure.SignatureExpire');
  });

  it.each([
    ['missing', undefined],
    ['another scheme', 'Bearer abc'],
    ['a truncated signature', (h: string) => h.slice(0, -2)],
    ['no SignedHeaders', (h: string) => h.replace(/SignedHeaders=[^,]+, /, '')],
    ['SignedHeaders without host', (h: string) => h.replace('SignedHeaders=content-type;host', 'SignedHeaders=content-type')],
  ])('answers AuthFailure.InvalidAuthorization for %s Authorization', async (_case, change) => {
    const headers: Record<string, string> = signedHeaders();
    if (change === undefined) delete headers.Authorization;
    else headers.Authorization = typeof change === 'string' ? change : change(headers.Authorization);
    expect(await errorCode(headers)).toBe('AuthFailure.InvalidAuthorization');
  });

  it('answers InvalidAction for an unknown action and NoSuchVersion for another version', async () => {
    expect(await errorCode({ ...signedHeaders(), 'X-TC-Action': 'DescribeEverything' })).toBe('InvalidAction');
    expect(await errorCode({ ...signedHeaders(), 'X-TC-Version': '2017-03-12' })).toBe('NoSuchVersion');
  });

  it.each([
    ['SdkAppId not an integer', { ...aliceParams, SdkAppId: 'abc' }, 'InvalidParameter'],
    ['SdkAppId a fraction', { ...aliceParams, SdkAppId: 1.5 }, 'InvalidParameter'],
    ['SeatUserId missing', { SdkAppId: demoConfig.sdkAppId }, 'MissingParameter'],
    ['an unknown parameter', { ...aliceParams, Extra: true }, 'UnknownParameter'],
    ['OnlyOnce not a boolean', { ...aliceParams, OnlyOnce: 'yes' }, 'InvalidParameter'],
  ])('validates parameters: %s', async (_case, params, code) => {
    const sent = JSON.stringify(params);
    expect(await errorCode(signedHeaders({ body: sent }), sent)).toBe(code);
  });

  it('answers InvalidParameter for a body that is not JSON', async () => {
    expect(await errorCode(signedHeaders({ body: 'not json' }), 'not json')).toBe('InvalidParameter');
  });

  it('echoes X-TC-TraceId and gives every answer a fresh RequestId', async () => {
    const first = await rawPost(emulator.port, { ...signedHeaders(), 'X-TC-Action': 'Nope' }, body);
    const second = await rawPost(emulator.port, { ...signedHeaders(), 'X-TC-Action': 'Nope' }, body);
    expect(first.headers['x-tc-traceid']).toBe('trace-hand-signed-1');
    expect(first.json().Response.RequestId).toMatch(UUID);
    expect(first.json().Response.RequestId).not.toBe(second.json().Response.RequestId);
  });

  it('refuses bodies over 64 KB with 413', async () => {
    const huge = JSON.stringify({ ...aliceParams, Padding: 'x'.repeat(70 * 1024) });
    const response = await rawPost(emulator.port, signedHeaders({ body: huge }), huge);
    expect(response.status).toBe(413);
  });
});
