import type { Observable } from 'rxjs';
import { TcccLoadError } from '@tccc-desk/tccc-sdk';
import { createDesk, DeskError, isDeskError, type Desk, type DeskErrorInfo, type LifecycleStatus, type LoginResult } from '../src/index';
import { createFakeLoader, createFakeLogin, createFakeSdk } from './fake-sdk';
import { settle } from './helpers';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function rejectionOf(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(isDeskError(error)).toBe(true);
  return error as DeskError;
}

describe('connect', () => {
  it('is idempotent: concurrent calls share one login and one load; ready resolves at once', async () => {
    const sdk = createFakeSdk();
    const login = createFakeLogin();
    const loader = createFakeLoader(sdk);
    const desk = createDesk({ login, loader, clock: () => 7 });
    const statuses: LifecycleStatus[] = [];
    desk.lifecycle$.subscribe((l) => statuses.push(l.status));

    const attempts = [desk.connect(), desk.connect(), desk.retry(), desk.connect()];
    expect(new Set(attempts).size).toBe(1);
    await Promise.all(attempts);
    expect(login.calls).toBe(1);
    expect(loader.loads).toBe(1);
    expect(statuses).toEqual(['idle', 'authenticating', 'loading', 'ready']);

    await desk.connect();
    await desk.retry(); // nothing to retry when ready
    expect(login.calls).toBe(1);
    let lifecycle: unknown;
    desk.lifecycle$.subscribe((l) => (lifecycle = l));
    expect(lifecycle).toEqual({ status: 'ready', readyAt: 7 });
    desk.destroy();
  });

  it('listens to the SDK only once it is ready, then hears its events', async () => {
    const sdk = createFakeSdk();
    const desk = createDesk({ login: createFakeLogin(), loader: createFakeLoader(sdk) });
    expect(sdk.listenerCount()).toBe(0);
    await desk.connect();
    expect(sdk.listenerCount()).toBe(11); // one per documented event
    desk.destroy();
    expect(sdk.listenerCount()).toBe(0);
  });
});

describe('connection failures and retry', () => {
  it('a DeskError from login passes through; connect stays failed; retry logs in afresh and gets ready', async () => {
    const sdk = createFakeSdk();
    const loader = createFakeLoader(sdk);
    const urls: string[] = [];
    const realLoad = loader.load.bind(loader);
    loader.load = (url) => {
      urls.push(url);
      return realLoad(url);
    };
    let calls = 0;
    const login = (): Promise<LoginResult> => {
      calls++;
      if (calls === 1) return Promise.reject(new DeskError({ code: 'no_seat', message: 'You have no TCCC seat.', retryable: false }));
      return Promise.resolve({ sdkUrl: `https://sdk.example.test/tccc.js?token=fresh-token-${calls}` });
    };
    const desk = createDesk({ login, loader });
    const errors: DeskErrorInfo[] = [];
    desk.errors$.subscribe((e) => errors.push(e));
    const lifecycles: unknown[] = [];
    desk.lifecycle$.subscribe((l) => lifecycles.push(l));

    const error = await rejectionOf(desk.connect());
    expect(error).toMatchObject({ code: 'no_seat', retryable: false });
    expect(lifecycles.at(-1)).toEqual({ status: 'error', error: { code: 'no_seat', message: 'You have no TCCC seat.', retryable: false } });
    expect(errors).toEqual([{ code: 'no_seat', message: 'You have no TCCC seat.', retryable: false }]);

    // connect() does not log in again on its own: the user retries.
    expect((await rejectionOf(desk.connect())).code).toBe('no_seat');
    expect(calls).toBe(1);

    const teardownsBefore = loader.teardowns;
    await desk.retry();
    expect(loader.teardowns).toBe(teardownsBefore + 1);
    expect(calls).toBe(2);
    expect(lifecycles.map((l) => (l as { status: string }).status)).toEqual(['idle', 'authenticating', 'error', 'authenticating', 'loading', 'ready']);
    expect(urls).toEqual(['https://sdk.example.test/tccc.js?token=fresh-token-2']);
    desk.destroy();
  });

  it.each([
    ['a plain Error', () => Promise.reject(new Error('HTTP 502')), 'login_failed', 'Logging in to TCCC failed: HTTP 502.'],
    ['a non-Error', () => Promise.reject('nope'), 'login_failed', 'Logging in to TCCC failed.'],
    ['a throw', () => { throw new TypeError('fetch failed'); }, 'login_failed', 'Logging in to TCCC failed: fetch failed.'],
    ['no sdkUrl', () => Promise.resolve({} as LoginResult), 'login_failed', 'The login returned no SdkURL.'],
    ['unauthorized', () => Promise.reject(new DeskError({ code: 'unauthorized', message: 'Sign in again.', retryable: true })), 'unauthorized', 'Sign in again.'],
  ])('login failing with %s → lifecycle error %s', async (_label, login, code, message) => {
    const desk = createDesk({ login: login as () => Promise<LoginResult>, loader: createFakeLoader(createFakeSdk()) });
    const error = await rejectionOf(desk.connect());
    expect(error).toMatchObject({ code, message });
    expect(error.retryable).toBe(true);
    desk.destroy();
  });

  it.each([
    ['script_error', 'script_error'],
    ['timeout', 'load_timeout'],
    ['token_expired', 'token_expired'],
    ['no_global', 'script_error'],
    ['invalid_argument', 'script_error'],
  ] as const)('a TcccLoadError %s → %s, retryable, with the loader’s message', async (loadCode, code) => {
    const sdk = createFakeSdk();
    const loader = createFakeLoader(sdk);
    loader.failWith = new TcccLoadError(loadCode, `loader said ${loadCode}`);
    const login = createFakeLogin();
    const desk = createDesk({ login, loader });
    const error = await rejectionOf(desk.connect());
    expect(error.toJSON()).toEqual({ code, message: `loader said ${loadCode}`, retryable: true });

    loader.failWith = undefined;
    await desk.retry();
    expect(login.calls).toBe(2); // a fresh SdkURL: they are single-use
    desk.destroy();
  });

  it('a custom loader’s error never repeats the SdkURL or its token', async () => {
    const loader = createFakeLoader(createFakeSdk());
    const url = 'https://sdk.example.test/tccc.js?token=super-secret-token-1';
    loader.failWith = new Error(`GET ${url} failed; token super-secret-token-1 rejected`);
    const desk = createDesk({ login: () => Promise.resolve({ sdkUrl: url }), loader });
    const error = await rejectionOf(desk.connect());
    expect(error.code).toBe('script_error');
    expect(error.message).not.toContain('super-secret-token-1');
    expect(error.message).toBe('The TCCC SDK could not be loaded: GET [redacted] failed; token [redacted] rejected.');
    desk.destroy();
  });

  it("says a try-again-later for another reason as a retry, not as a line; a wait for a line after it replaces it", async () => {
    let onWait: ((seconds: number, reason?: 'line' | 'retry') => void) | undefined;
    const desk = createDesk({
      login: (context) => {
        onWait = context?.onWait;
        return new Promise<LoginResult>(() => undefined);
      },
      loader: createFakeLoader(createFakeSdk()),
    });
    const seen: unknown[] = [];
    desk.lifecycle$.subscribe((l) => seen.push(l));
    void desk.connect().catch(() => undefined);
    await settle();
    onWait?.(2.3, 'retry');
    expect(seen.at(-1)).toEqual({ status: 'authenticating', retryingInSeconds: 3 });
    onWait?.(2.3, 'retry');
    expect(seen).toHaveLength(3); // the same wait again: no new state
    onWait?.(4, 'line');
    expect(seen.at(-1)).toEqual({ status: 'authenticating', waitingForLineSeconds: 4 });
    onWait?.(1, 'retry');
    expect(seen.at(-1)).toEqual({ status: 'authenticating', retryingInSeconds: 1 });
    desk.destroy();
  });

  it('once the wait is over, the next try reads as plain signing in (no countdown left at its start)', async () => {
    jest.useFakeTimers();
    try {
      let onWait: ((seconds: number, reason?: 'line' | 'retry') => void) | undefined;
      const desk = createDesk({
        login: (context) => {
          onWait = context?.onWait;
          return new Promise<LoginResult>(() => undefined);
        },
        loader: createFakeLoader(createFakeSdk()),
      });
      const seen: unknown[] = [];
      desk.lifecycle$.subscribe((l) => seen.push(l));
      void desk.connect().catch(() => undefined);
      await jest.advanceTimersByTimeAsync(0);
      onWait?.(2.3, 'retry');
      await jest.advanceTimersByTimeAsync(2_000);
      onWait?.(1.5, 'line'); // a new wait restarts the count
      await jest.advanceTimersByTimeAsync(1_000);
      expect(seen.at(-1)).toEqual({ status: 'authenticating', waitingForLineSeconds: 2 });
      await jest.advanceTimersByTimeAsync(500);
      expect(seen.slice(1)).toEqual([
        { status: 'authenticating' },
        { status: 'authenticating', retryingInSeconds: 3 },
        { status: 'authenticating', waitingForLineSeconds: 2 },
        { status: 'authenticating' },
      ]);
      desk.destroy();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('destroy', () => {
  it('completes every stream, removes every SDK listener, tears the loader down; later calls say destroyed', async () => {
    const sdk = createFakeSdk();
    const loader = createFakeLoader(sdk);
    const desk = createDesk({ login: createFakeLogin(), loader });
    await desk.connect();
    sdk.emit('callIn', { type: 'phone', sessionId: 'i1', timeout: 0, calleePhoneNumber: '1' });

    const completed: string[] = [];
    const streams: Record<string, Observable<unknown>> = {
      state$: desk.state$,
      lifecycle$: desk.lifecycle$,
      agent$: desk.agent$,
      sessions$: desk.sessions$,
      activeSession$: desk.activeSession$,
      history$: desk.history$,
      events$: desk.events$,
      errors$: desk.errors$,
    };
    for (const [name, stream$] of Object.entries(streams)) stream$.subscribe({ complete: () => completed.push(name) });

    desk.destroy();
    expect(completed.sort()).toEqual(Object.keys(streams).sort());
    expect(sdk.listenerCount()).toBe(0);
    expect(loader.teardowns).toBe(1);
    desk.destroy(); // idempotent
    expect(loader.teardowns).toBe(1);

    expect((await rejectionOf(desk.connect())).code).toBe('destroyed');
    expect((await rejectionOf(desk.retry())).code).toBe('destroyed');
  });

  it('during login: connect rejects with destroyed at once, and the late login loads nothing', async () => {
    const sdk = createFakeSdk();
    const loader = createFakeLoader(sdk);
    const pendingLogin = deferred<LoginResult>();
    const desk = createDesk({ login: () => pendingLogin.promise, loader });
    const connecting = desk.connect();
    await settle();
    desk.destroy();
    expect((await rejectionOf(connecting)).code).toBe('destroyed');
    pendingLogin.resolve({ sdkUrl: 'https://sdk.example.test/late.js' });
    await settle();
    expect(loader.loads).toBe(0);
    expect(sdk.listenerCount()).toBe(0);
  });

  it('during login: aborts the login’s signal, so the POST itself is cancelled', async () => {
    let signal: AbortSignal | undefined;
    const login = (context?: { signal: AbortSignal }): Promise<LoginResult> => {
      signal = context?.signal;
      return new Promise(() => undefined); // a POST still in flight
    };
    const loader = createFakeLoader(createFakeSdk());
    const desk = createDesk({ login, loader });
    const connecting = desk.connect();
    await settle();
    expect(signal?.aborted).toBe(false);
    desk.destroy();
    expect(signal?.aborted).toBe(true);
    expect((await rejectionOf(connecting)).code).toBe('destroyed');
    expect(loader.loads).toBe(0);
  });

  it('between the login’s answer and the load: loads nothing', async () => {
    const loader = createFakeLoader(createFakeSdk());
    // The login resolves, then the page destroys the desk before the desk's own code has run.
    const answered = {
      then(resolve: (result: LoginResult) => void) {
        resolve({ sdkUrl: 'https://sdk.example.test/tccc.js?token=t' });
        desk.destroy();
      },
    };
    const desk: Desk = createDesk({ login: () => answered as unknown as Promise<LoginResult>, loader });
    const connecting = desk.connect();
    expect((await rejectionOf(connecting)).code).toBe('destroyed');
    expect(loader.loads).toBe(0);
  });

  it('between the end of the load and the wiring: connect rejects, the loaded SDK is torn down, no listener is left', async () => {
    const sdk = createFakeSdk();
    let teardowns = 0;
    // The load resolves, then the page destroys the desk before the desk's own code has run.
    const loaded = {
      then(resolve: (tccc: typeof sdk.tccc) => void) {
        resolve(sdk.tccc);
        desk.destroy();
      },
    };
    const loader = {
      load: () => loaded as unknown as Promise<typeof sdk.tccc>,
      teardown: () => {
        teardowns++;
      },
    };
    const desk: Desk = createDesk({ login: createFakeLogin(), loader });
    const statuses: string[] = [];
    desk.lifecycle$.subscribe((l) => statuses.push(l.status));
    const connecting = desk.connect();
    expect((await rejectionOf(connecting)).code).toBe('destroyed');
    expect(teardowns).toBeGreaterThanOrEqual(1);
    expect(sdk.listenerCount()).toBe(0);
    expect(statuses).not.toContain('ready');
  });

  it('during load: the loader is torn down and no listener is added', async () => {
    const sdk = createFakeSdk();
    const pendingLoad = deferred<never>();
    let teardowns = 0;
    const loader = {
      load: () => pendingLoad.promise,
      teardown: () => {
        teardowns++;
        pendingLoad.reject(new TcccLoadError('aborted', 'Loading the SDK script was aborted by teardown.'));
      },
    };
    const desk = createDesk({ login: createFakeLogin(), loader });
    const statuses: string[] = [];
    desk.lifecycle$.subscribe((l) => statuses.push(l.status));
    const connecting = desk.connect();
    await settle();
    expect(statuses.at(-1)).toBe('loading');
    desk.destroy();
    expect(teardowns).toBe(1);
    expect((await rejectionOf(connecting)).code).toBe('destroyed');
    expect(sdk.listenerCount()).toBe(0);
  });
});

describe('createDesk options', () => {
  it.each([
    [{}, 'login'],
    [{ login: () => Promise.resolve({ sdkUrl: 'x' }), historySize: -1 }, 'historySize'],
    [{ login: () => Promise.resolve({ sdkUrl: 'x' }), historySize: 1.5 }, 'historySize'],
    [{ login: () => Promise.resolve({ sdkUrl: 'x' }), loader: {} }, 'loader'],
    [{ login: () => Promise.resolve({ sdkUrl: 'x' }), clock: 5 }, 'clock'],
    [{ login: () => Promise.resolve({ sdkUrl: 'x' }), loadTimeoutMs: 0 }, 'loadTimeoutMs'],
    [{ login: () => Promise.resolve({ sdkUrl: 'x' }), loadTimeoutMs: Number.NaN }, 'loadTimeoutMs'],
    [{ login: () => Promise.resolve({ sdkUrl: 'x' }), loadTimeoutMs: 10 * 60_000 }, 'loadTimeoutMs'],
    [{ login: () => Promise.resolve({ sdkUrl: 'x' }), loadTimeoutMs: 5_000, loader: { load: () => Promise.reject(new Error('x')), teardown: () => undefined } }, 'loadTimeoutMs'],
  ])('%p → invalid_argument %s', (options, field) => {
    expect(() => createDesk(options as never)).toThrow(expect.objectContaining({ code: 'invalid_argument', field }));
  });
});

describe('waiting for a line (the token API queues the login)', () => {
  it('shows how long, then moves on to loading; a late wait never rewinds the lifecycle', async () => {
    let onWait: ((seconds: number) => void) | undefined;
    let finish: (value: LoginResult) => void = () => undefined;
    const desk = createDesk({
      login: (context) => {
        onWait = context?.onWait;
        return new Promise<LoginResult>((resolve) => (finish = resolve));
      },
      loader: createFakeLoader(createFakeSdk()),
      clock: () => 7,
    });
    const seen: unknown[] = [];
    desk.lifecycle$.subscribe((l) => seen.push(l));
    const connecting = desk.connect();
    await settle();
    onWait?.(12.4);
    expect(seen.at(-1)).toEqual({ status: 'authenticating', waitingForLineSeconds: 13 });
    finish({ sdkUrl: 'https://sdk.example/tccc.js?token=t' });
    await connecting;
    onWait?.(5);
    expect(seen.at(-1)).toEqual({ status: 'ready', readyAt: 7 });
    expect(seen.map((l) => (l as { status: string }).status)).toEqual(['idle', 'authenticating', 'authenticating', 'loading', 'ready']);
    desk.destroy();
  });
});
