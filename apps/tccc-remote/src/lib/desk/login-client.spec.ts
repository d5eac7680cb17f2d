import { LOGIN_PATH, requestSdkLogin, retryAfterSeconds } from './login-client';
import { DeskLoginError } from './login-error';

const SDK_URL = 'http://localhost:4300/sdk/tccc-sdk.js?token=secret-one-time-token';

// jsdom has no fetch Response: the client only reads ok, status and json().
function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => lower[name.toLowerCase()] ?? null },
    json: async () => body,
  } as unknown as Response;
}

function unreadable(status: number): Response {
  return { ok: false, status, headers: { get: () => null }, json: async () => JSON.parse('<html>502 Bad Gateway</html>') } as unknown as Response;
}

async function failure(promise: Promise<unknown>): Promise<DeskLoginError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the login to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskLoginError);
  return error as DeskLoginError;
}

describe('requestSdkLogin', () => {
  it('posts the bearer token to the token API and returns the SdkURL', async () => {
    const fetch = jest.fn(async (_url: string, _init?: RequestInit) =>
      answer(200, { sdkUrl: SDK_URL, expiresAt: '2030-01-01T00:00:00.000Z', seatUserId: 'alice@example.com', sdkAppId: 1400000001 }),
    );
    const login = await requestSdkLogin({ getAccessToken: async () => 'jwt-abc', apiBase: 'https://desk.example.com/', fetch: fetch as unknown as typeof globalThis.fetch });

    expect(login).toEqual({ sdkUrl: SDK_URL, expiresAt: '2030-01-01T00:00:00.000Z', seatUserId: 'alice@example.com', sdkAppId: 1400000001 });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`https://desk.example.com${LOGIN_PATH}`);
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['Authorization']).toBe('Bearer jwt-abc');
    expect(init?.cache).toBe('no-store');
  });

  it('passes the desk abort signal to fetch, so destroy() cancels a login in flight', async () => {
    const controller = new AbortController();
    const fetch = jest.fn(async (_url: string, _init?: RequestInit) => answer(200, { sdkUrl: SDK_URL }));
    await requestSdkLogin({ getAccessToken: () => 't', apiBase: '', fetch: fetch as unknown as typeof globalThis.fetch, signal: controller.signal });
    expect(fetch.mock.calls[0]![1]?.signal).toBe(controller.signal);
  });

  it.each([
    [401, { code: 'unauthorized', message: 'The access token has expired.' }, 'unauthorized', 'The access token has expired.', true],
    [403, { code: 'no_seat', message: 'You have no contact center seat.' }, 'no_seat', 'You have no contact center seat.', false],
    [403, { code: 'seat_forbidden', message: 'You may only log in to your own seat.' }, 'login_failed', 'You may only log in to your own seat.', false],
    [404, { code: 'seat_not_found', message: 'Your seat does not exist in the contact center.' }, 'no_seat', 'Your seat does not exist in the contact center.', false],
    [400, { code: 'invalid_body', message: 'Invalid request body.' }, 'login_failed', 'Invalid request body.', false],
    [415, { code: 'unsupported_media_type', message: 'Send JSON.' }, 'login_failed', 'Send JSON.', false],
    [429, { code: 'rate_limited', message: 'Too many requests.' }, 'login_failed', 'Too many requests.', true],
    [502, { code: 'upstream_error', message: 'Tencent Cloud refused.' }, 'login_failed', 'Tencent Cloud refused.', true],
    [504, { code: 'upstream_timeout', message: 'Tencent Cloud did not answer in time.' }, 'login_failed', 'Tencent Cloud did not answer in time.', true],
  ])('maps HTTP %i %j to %s with the server message', async (status, error, code, message, retryable) => {
    const fetch = jest.fn(async () => answer(status, { error: { ...error, requestId: 'req-1' } }));
    const thrown = await failure(requestSdkLogin({ getAccessToken: () => 't', apiBase: '', fetch: fetch as unknown as typeof globalThis.fetch }));
    expect(thrown).toMatchObject({ code, message, retryable, requestId: 'req-1' });
  });

  it('uses a readable message when the error body is not JSON', async () => {
    const fetch = jest.fn(async () => unreadable(502));
    const thrown = await failure(requestSdkLogin({ getAccessToken: () => 't', apiBase: '', fetch: fetch as unknown as typeof globalThis.fetch }));
    expect(thrown.code).toBe('login_failed');
    expect(thrown.message).toMatch(/unavailable/);
  });

  it('fails as unauthorized without a token, without calling the API', async () => {
    const fetch = jest.fn();
    const thrown = await failure(requestSdkLogin({ getAccessToken: () => '  ', apiBase: '', fetch }));
    expect(thrown.code).toBe('unauthorized');
    expect(fetch).not.toHaveBeenCalled();
    expect((await failure(requestSdkLogin({ getAccessToken: undefined, apiBase: '', fetch }))).code).toBe('unauthorized');
    const rejecting = () => Promise.reject(new Error('sso down'));
    expect((await failure(requestSdkLogin({ getAccessToken: rejecting, apiBase: '', fetch }))).code).toBe('unauthorized');
  });

  it('reports an unreachable API as login_failed', async () => {
    const fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const thrown = await failure(requestSdkLogin({ getAccessToken: () => 't', apiBase: '', fetch: fetch as unknown as typeof globalThis.fetch }));
    expect(thrown).toMatchObject({ code: 'login_failed', retryable: true });
  });

  it('rejects an answer without an SdkURL', async () => {
    const fetch = jest.fn(async () => answer(200, { expiresAt: 'x' }));
    const thrown = await failure(requestSdkLogin({ getAccessToken: () => 't', apiBase: '', fetch: fetch as unknown as typeof globalThis.fetch }));
    expect(thrown.code).toBe('login_failed');
  });

  it('never writes the SdkURL to the console', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => jest.spyOn(console, level).mockImplementation(() => undefined));
    const fetch = jest.fn(async () => answer(200, { sdkUrl: SDK_URL }));
    await requestSdkLogin({ getAccessToken: () => 't', apiBase: '', fetch: fetch as unknown as typeof globalThis.fetch });
    for (const spy of spies) {
      expect(JSON.stringify(spy.mock.calls)).not.toContain('secret-one-time-token');
      spy.mockRestore();
    }
  });
});

describe('requestSdkLogin at a shift start: Retry-After', () => {
  const ok = () => answer(200, { sdkUrl: SDK_URL, expiresAt: '2030-01-01T00:00:00.000Z', seatUserId: 'alice@example.com', sdkAppId: 1400000001 });
  const busy = (seconds: string) => answer(503, { error: { code: 'login_busy', message: 'Many agents are signing in right now.' } }, { 'Retry-After': seconds });

  function client(responses: Response[], extra: Partial<Parameters<typeof requestSdkLogin>[0]> = {}) {
    const fetch = jest.fn(async () => responses.shift() ?? ok());
    const waits: number[] = [];
    const reasons: string[] = [];
    const slept: number[] = [];
    const run = requestSdkLogin({
      getAccessToken: () => 'jwt',
      apiBase: '',
      fetch: fetch as unknown as typeof globalThis.fetch,
      onWait: (seconds, reason) => {
        waits.push(seconds);
        reasons.push(reason);
      },
      sleep: async (ms) => {
        slept.push(ms);
      },
      random: () => 0.5,
      ...extra,
    });
    return { run, fetch, waits, reasons, slept };
  }

  it('waits as told (with jitter on top, never less), says so, and tries again', async () => {
    const { run, fetch, waits, reasons, slept } = client([busy('3'), busy('1')]);
    await expect(run).resolves.toMatchObject({ sdkUrl: SDK_URL });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(slept).toEqual([3450, 1150]);
    expect(waits).toEqual([3.45, 1.15]);
    expect(reasons).toEqual(['line', 'line']);
  });

  it.each([
    [429, 'rate_limited'],
    [503, 'dependency_unavailable'],
    [503, 'auth_unavailable'],
    [503, 'token_api_unreachable'],
    [429, 'login_busy'], // a rate limit, whatever its body says: only a 503 is the line
  ])('waits out a %s %s with a Retry-After too, told as a retry, not as waiting for a line', async (status, code) => {
    const { run, fetch, waits, reasons, slept } = client([answer(status, { error: { code, message: 'm' } }, { 'Retry-After': '2' }), busy('1')]);
    await expect(run).resolves.toMatchObject({ sdkUrl: SDK_URL });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(slept).toEqual([2300, 1150]);
    expect(waits).toEqual([2.3, 1.15]);
    expect(reasons).toEqual(['retry', 'line']);
  });

  it('a Retry-After of 0 or an HTTP date already past still waits a second (with jitter), so the bound ends a server that always says so', async () => {
    const past = new Date(Date.now() - 60_000).toUTCString();
    const { run, slept } = client([busy('0'), busy(past)]);
    await expect(run).resolves.toMatchObject({ sdkUrl: SDK_URL });
    expect(slept).toEqual([1150, 1150]);

    const always = jest.fn(async () => busy('0'));
    const endless = client([], { fetch: always as unknown as typeof globalThis.fetch, maxWaitMs: 5_000 });
    await expect(failure(endless.run)).resolves.toMatchObject({ code: 'login_failed', retryable: true });
    expect(endless.slept).toEqual([1150, 1150, 1150, 1150]);
    expect(always).toHaveBeenCalledTimes(5);
  });

  it('asks for the access token before each try (a wait can outlast it)', async () => {
    const tokens = ['jwt-1', 'jwt-2'];
    const { run, fetch } = client([busy('1')], { getAccessToken: () => tokens.shift() ?? 'jwt-none' });
    await expect(run).resolves.toMatchObject({ sdkUrl: SDK_URL });
    const sent = (fetch.mock.calls as unknown as [string, RequestInit][]).map(([, init]) => (init.headers as Record<string, string>)['Authorization']);
    expect(sent).toEqual(['Bearer jwt-1', 'Bearer jwt-2']);
  });

  it('gives up past the total bound and shows the server’s reason, retryable', async () => {
    const { run, fetch, slept } = client([busy('20'), busy('20'), busy('20')], { maxWaitMs: 30_000 });
    const error = await failure(run);
    expect(error).toMatchObject({ code: 'login_failed', retryable: true });
    expect(error.message).toBe('Many agents are signing in right now.');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(slept).toEqual([23_000]);
  });

  it('does not wait without a Retry-After, nor for other statuses', async () => {
    const first = client([answer(503, { error: { code: 'dependency_unavailable' } })]);
    await expect(failure(first.run)).resolves.toMatchObject({ code: 'login_failed' });
    expect(first.slept).toEqual([]);
    const second = client([answer(502, { error: { code: 'upstream_error' } }, { 'Retry-After': '1' })]);
    await failure(second.run);
    expect(second.fetch).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when the desk is destroyed', async () => {
    const abort = new AbortController();
    const { run, fetch } = client([busy('5')], {
      signal: abort.signal,
      sleep: (_ms, signal) => new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    });
    setTimeout(() => abort.abort(new Error('destroyed')), 10);
    await expect(failure(run)).resolves.toMatchObject({ code: 'login_failed' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds('7')).toBe(7);
    expect(retryAfterSeconds(null)).toBeUndefined();
    expect(retryAfterSeconds('soon')).toBeUndefined();
    expect(retryAfterSeconds(new Date(10_000).toUTCString(), 4_000)).toBe(6);
  });
});
