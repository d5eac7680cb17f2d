import {
  createTcccLoader,
  isTcccLoadError,
  loadTcccSdk,
  SDK_ROOT_ATTRIBUTE,
  tcccSdkPhase,
  teardownTcccSdk,
  TcccLoadError,
  type TcccGlobal,
} from '../src/index';
import { createFakeTccc } from './fake-sdk';
import { appendDiv, failScript, flush, observe, onlyScript, page, resetPage, runScript, scripts, sdkUrl } from './page';

afterEach(() => {
  jest.useRealTimers();
  resetPage();
});

async function loadError(promise: Promise<unknown>): Promise<TcccLoadError> {
  try {
    await promise;
  } catch (error) {
    if (isTcccLoadError(error)) return error;
    throw error;
  }
  throw new Error('expected the load to fail');
}

/** The loader left nothing behind and a new load could start. */
function expectCleanPage(script?: HTMLScriptElement): void {
  expect(scripts()).toHaveLength(0);
  if (script) {
    expect(script.isConnected).toBe(false);
    // Moved to an inert document, so a late download cannot run it.
    expect(script.ownerDocument).not.toBe(document);
  }
  expect(page.tccc).toBeUndefined();
  expect(tcccSdkPhase()).toBe('idle');
}

describe('loading', () => {
  it('injects the script as the guide does and resolves only after load and ready', async () => {
    const url = sdkUrl();
    const loading = observe(loadTcccSdk(url));
    const script = onlyScript();
    expect(script.getAttribute('src')).toBe(url);
    expect(script.getAttribute('crossorigin')).toBe('anonymous');
    expect(script.parentElement).toBe(document.body);
    expect(tcccSdkPhase()).toBe('loading');

    const fake = createFakeTccc();
    runScript(script, fake);
    await flush();
    expect(loading.settled).toBe(false); // loaded, not ready
    expect(fake.listenerCount('ready')).toBe(1);
    expect(fake.listenerCount('tokenExpired')).toBe(1);

    fake.emit('ready', {});
    await flush();
    expect(loading).toEqual({ settled: true, value: fake.tccc });
    expect(tcccSdkPhase()).toBe('ready');
    // The loader needs no listener once ready; the script stays until teardown.
    expect(fake.listenerCount()).toBe(0);
    expect(onlyScript()).toBe(script);
  });

  it('accepts a ready event fired synchronously from tccc.on, without leaking the listener', async () => {
    const loading = loadTcccSdk(sdkUrl());
    const fake = createFakeTccc({ readyOnSubscribe: true });
    runScript(onlyScript(), fake);
    await expect(loading).resolves.toBe(fake.tccc);
    expect(fake.listenerCount()).toBe(0);
  });

  it('listens on the names in tccc.events, as the guide does', async () => {
    const loading = loadTcccSdk(sdkUrl());
    const fake = createFakeTccc();
    // An SDK build whose event strings differ from the keys.
    (fake.tccc as { events: unknown }).events = { ...fake.tccc.events, ready: 'sdk:ready' };
    runScript(onlyScript(), fake);
    fake.emit('ready' as never, {} as never);
    await flush();
    expect(fake.listenerCount('sdk:ready' as never)).toBe(1);
    fake.emit('sdk:ready' as never, {} as never);
    await expect(loading).resolves.toBe(fake.tccc);
  });
});

describe('single instance per page', () => {
  it('returns the same promise and injects one script for concurrent calls', async () => {
    const first = loadTcccSdk(sdkUrl());
    const second = loadTcccSdk(sdkUrl()); // a different, unused SdkURL
    expect(second).toBe(first);
    expect(scripts()).toHaveLength(1);

    const fake = createFakeTccc();
    runScript(onlyScript(), fake);
    fake.emit('ready', {});
    await expect(first).resolves.toBe(fake.tccc);

    // Once loaded, still the same instance and still one script.
    await expect(loadTcccSdk(sdkUrl())).resolves.toBe(fake.tccc);
    expect(scripts()).toHaveLength(1);
  });

  it('holds across two copies of the library on the page', async () => {
    let copyB!: typeof import('../src/index');
    await jest.isolateModulesAsync(async () => {
      copyB = await import('../src/index');
    });
    expect(copyB.loadTcccSdk).not.toBe(loadTcccSdk); // really a second copy
    expect(copyB.TcccLoadError).not.toBe(TcccLoadError);

    const fromA = loadTcccSdk(sdkUrl());
    const fromB = copyB.loadTcccSdk(sdkUrl());
    expect(fromB).toBe(fromA);
    expect(scripts()).toHaveLength(1);
    expect(copyB.tcccSdkPhase()).toBe('loading');

    const fake = createFakeTccc();
    runScript(onlyScript(), fake);
    fake.emit('ready', {});
    await expect(fromB).resolves.toBe(fake.tccc);
    await expect(copyB.loadTcccSdk(sdkUrl())).resolves.toBe(fake.tccc);
    expect(scripts()).toHaveLength(1);

    // Either copy can tear down what the other loaded.
    copyB.teardownTcccSdk();
    expect(scripts()).toHaveLength(0);
    expect(page.tccc).toBeUndefined();
    expect(tcccSdkPhase()).toBe('idle');

    // Errors from the other copy's class are still recognised.
    const failing = copyB.loadTcccSdk(sdkUrl());
    failScript(onlyScript());
    const error = await loadError(failing);
    expect(error).not.toBeInstanceOf(TcccLoadError);
    expect(error).toBeInstanceOf(copyB.TcccLoadError);
    expect(isTcccLoadError(error)).toBe(true);
  });

  it('keeps its state on a versioned Symbol.for slot that later versions can extend', async () => {
    const key = Symbol.for('tccc-desk.sdk-loader');
    const loading = loadTcccSdk(sdkUrl());
    const slot = (globalThis as Record<symbol, { version: number; active: { promise: unknown } | null }>)[key];
    expect(slot?.version).toBe(1);
    expect(slot?.active?.promise).toBe(loading);

    // A newer copy's slot: v1 fields are still honoured.
    teardownTcccSdk();
    await loading.catch(() => undefined);
    const newer = { version: 2, active: null, somethingNew: true };
    (globalThis as Record<symbol, unknown>)[key] = newer;
    const again = loadTcccSdk(sdkUrl());
    expect(newer.active).not.toBeNull();
    expect(loadTcccSdk(sdkUrl())).toBe(again);
    teardownTcccSdk();
    await again.catch(() => undefined);

    // Something unrecognisable under the key is replaced, not trusted.
    (globalThis as Record<symbol, unknown>)[key] = { active: 'nonsense' };
    void loadTcccSdk(sdkUrl()).catch(() => undefined);
    expect((globalThis as Record<symbol, { version: number }>)[key]?.version).toBe(1);
  });

  it('adopts a tccc global loaded by hand as ready, and never injects a second SDK', async () => {
    const fake = createFakeTccc();
    page.tccc = fake.tccc;
    await expect(loadTcccSdk(sdkUrl())).resolves.toBe(fake.tccc);
    expect(scripts()).toHaveLength(0);
    expect(tcccSdkPhase()).toBe('ready');
    expect(fake.listenerCount()).toBe(0);

    // Not ours to remove: teardown only releases it.
    teardownTcccSdk();
    expect(tcccSdkPhase()).toBe('idle');
    expect(page.tccc).toBe(fake.tccc);
  });

  it('injects (and later restores) when window.tccc holds something that is not the SDK', async () => {
    page.tccc = 42;
    const loading = loadTcccSdk(sdkUrl());
    failScript(onlyScript());
    expect((await loadError(loading)).code).toBe('script_error');
    expect(page.tccc).toBe(42);
  });
});

describe('failures clean up and allow a fresh attempt', () => {
  it('script error → script_error, the element removed, and a later load works', async () => {
    const failing = loadTcccSdk(sdkUrl());
    const script = onlyScript();
    failScript(script);
    const error = await loadError(failing);
    expect(error.code).toBe('script_error');
    expect(error.retryable).toBe(true);
    expectCleanPage(script);

    const retry = loadTcccSdk(sdkUrl());
    expect(retry).not.toBe(failing);
    const fake = createFakeTccc();
    runScript(onlyScript(), fake);
    fake.emit('ready', {});
    await expect(retry).resolves.toBe(fake.tccc);
  });

  it('timeout counted from the injection → timeout, with the SDK’s global, DOM and listeners removed', async () => {
    jest.useFakeTimers();
    const loading = observe(loadTcccSdk(sdkUrl(), { timeoutMs: 5_000 }));
    const script = onlyScript();
    const fake = createFakeTccc();
    jest.advanceTimersByTime(3_000);
    runScript(script, fake, { addDom: () => appendDiv('sdk-root') }); // loads, never gets ready
    expect(fake.listenerCount()).toBe(2);

    jest.advanceTimersByTime(1_999);
    await flush();
    expect(loading.settled).toBe(false);
    jest.advanceTimersByTime(1);
    await flush();
    expect(isTcccLoadError(loading.error) && loading.error.code).toBe('timeout');
    expect(fake.listenerCount()).toBe(0);
    expect(document.getElementById('sdk-root')).toBeNull();
    expectCleanPage(script);
  });

  it('times out after 20 s by default when the script never arrives', async () => {
    jest.useFakeTimers();
    const loading = observe(loadTcccSdk(sdkUrl()));
    const script = onlyScript();
    jest.advanceTimersByTime(19_999);
    await flush();
    expect(loading.settled).toBe(false);
    jest.advanceTimersByTime(1);
    await flush();
    expect((loading.error as TcccLoadError).code).toBe('timeout');
    expect((loading.error as TcccLoadError).message).toContain('20000 ms');
    expectCleanPage(script);

    // A late `load` event on the abandoned script is ignored.
    script.dispatchEvent(new Event('load'));
    await flush();
    expect(tcccSdkPhase()).toBe('idle');
    expect(scripts()).toHaveLength(0);
  });

  it('tokenExpired before ready → token_expired carrying the SDK’s message', async () => {
    const loading = loadTcccSdk(sdkUrl());
    const script = onlyScript();
    const fake = createFakeTccc();
    runScript(script, fake, { addDom: () => appendDiv('sdk-root', { [SDK_ROOT_ATTRIBUTE]: '' }) });
    fake.emit('tokenExpired', { data: { message: 'token expired at 2024-05-01T10:00:00Z' } });
    const error = await loadError(loading);
    expect(error.code).toBe('token_expired');
    expect(error.message).toContain('token expired at 2024-05-01T10:00:00Z');
    expect(fake.listenerCount()).toBe(0);
    expect(document.getElementById('sdk-root')).toBeNull();
    expectCleanPage(script);
  });

  it('script loaded without a usable tccc global → no_global', async () => {
    const bare = loadTcccSdk(sdkUrl());
    const script = onlyScript();
    runScript(script, null);
    expect((await loadError(bare)).code).toBe('no_global');
    expectCleanPage(script);

    const partial = loadTcccSdk(sdkUrl());
    page.tccc = { events: {} }; // no on/off
    onlyScript().dispatchEvent(new Event('load'));
    expect((await loadError(partial)).code).toBe('no_global');
    expectCleanPage();
  });
});

describe('teardown', () => {
  it('removes listeners, the script, the SDK’s DOM and the global; re-initialisation works', async () => {
    const hostBefore = appendDiv('host-before');
    const loading = loadTcccSdk(sdkUrl());
    const script = onlyScript();
    const fake = createFakeTccc();
    runScript(script, fake, { addDom: () => appendDiv('sdk-workbench') }); // unmarked, like the real SDK
    expect(fake.listenerCount()).toBe(2);
    fake.emit('ready', {});
    await loading;
    const markedLater = appendDiv('sdk-popup', { [SDK_ROOT_ATTRIBUTE]: '' }); // marked, like the emulator's
    const hostLater = appendDiv('host-overlay'); // the shell's, added after ready

    teardownTcccSdk();
    expect(fake.listenerCount()).toBe(0);
    expect(document.getElementById('sdk-workbench')).toBeNull();
    expect(markedLater.isConnected).toBe(false);
    expect(hostBefore.isConnected).toBe(true);
    expect(hostLater.isConnected).toBe(true);
    expectCleanPage(script);
    teardownTcccSdk(); // idempotent

    const again = loadTcccSdk(sdkUrl());
    expect(scripts()).toHaveLength(1);
    const second = createFakeTccc();
    runScript(onlyScript(), second);
    second.emit('ready', {});
    await expect(again).resolves.toBe(second.tccc);
  });

  it("with trackSdkDom 'until-teardown', also removes what appeared in <body> after ready", async () => {
    const loading = loadTcccSdk(sdkUrl(), { trackSdkDom: 'until-teardown' });
    const fake = createFakeTccc();
    runScript(onlyScript(), fake);
    fake.emit('ready', {});
    await loading;
    const lazyRoot = appendDiv('sdk-lazy-root');
    teardownTcccSdk();
    expect(lazyRoot.isConnected).toBe(false);
  });

  it('during loading → aborted, listeners removed, nothing left', async () => {
    const beforeScript = loadTcccSdk(sdkUrl());
    const first = onlyScript();
    teardownTcccSdk();
    const error = await loadError(beforeScript);
    expect(error.code).toBe('aborted');
    expectCleanPage(first);

    const afterScript = loadTcccSdk(sdkUrl());
    const second = onlyScript();
    const fake = createFakeTccc();
    runScript(second, fake, { addDom: () => appendDiv('sdk-root') });
    teardownTcccSdk();
    expect((await loadError(afterScript)).code).toBe('aborted');
    expect(fake.listenerCount()).toBe(0);
    expect(document.getElementById('sdk-root')).toBeNull();
    expectCleanPage(second);
    fake.emit('ready', {}); // too late: nothing listens
  });
});

describe('AbortSignal', () => {
  it("the starter's signal aborts the load for everyone", async () => {
    const controller = new AbortController();
    const started = loadTcccSdk(sdkUrl(), { signal: controller.signal });
    const joined = loadTcccSdk(sdkUrl());
    controller.abort();
    expect((await loadError(started)).code).toBe('aborted');
    expect((await loadError(joined)).code).toBe('aborted');
    expectCleanPage();
  });

  it("a joiner's signal only ends its own wait", async () => {
    const started = loadTcccSdk(sdkUrl());
    const controller = new AbortController();
    const joined = loadTcccSdk(sdkUrl(), { signal: controller.signal });
    controller.abort();
    expect((await loadError(joined)).code).toBe('aborted');
    const fake = createFakeTccc();
    runScript(onlyScript(), fake);
    fake.emit('ready', {});
    await expect(started).resolves.toBe(fake.tccc);
  });

  it('an already aborted signal injects nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await loadError(loadTcccSdk(sdkUrl(), { signal: controller.signal }))).code).toBe('aborted');
    expectCleanPage();
  });
});

describe('input validation', () => {
  it.each([
    ['an empty string', ''],
    ['not a URL', 'tccc sdk please'],
    ['a relative URL', '/sdk/tccc-sdk.js?token=abc'],
    ['a protocol-relative URL', '//ccc.example.test/sdk.js'],
    ['plain http to a remote host', 'http://ccc.example.test/sdk.js?token=abc'],
    ['http to a host that only starts like localhost', 'http://localhost.example.test/sdk.js'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/javascript,alert(1)'],
    ['ftp:', 'ftp://ccc.example.test/sdk.js'],
    ['not a string', 42 as unknown as string],
  ])('rejects %s with invalid_argument and injects nothing', async (_label, url) => {
    const error = await loadError(loadTcccSdk(url));
    expect(error.code).toBe('invalid_argument');
    expect(error.retryable).toBe(false);
    expectCleanPage();
  });

  it.each(['http://localhost:4300/sdk.js', 'http://127.0.0.1:4300/sdk.js', 'http://ccc.localhost:4300/sdk.js', 'https://tccc.qcloud.com/sdk.js'])(
    'accepts %s',
    (url) => {
      void loadTcccSdk(url).catch(() => undefined);
      expect(onlyScript().getAttribute('src')).toBe(url);
    },
  );

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '5000' as unknown as number])(
    'rejects timeoutMs %p',
    async (timeoutMs) => {
      expect((await loadError(loadTcccSdk(sdkUrl(), { timeoutMs }))).code).toBe('invalid_argument');
      expectCleanPage();
    },
  );

  it('rejects an unknown trackSdkDom, and bad options already when a loader is created', async () => {
    const bad = { trackSdkDom: 'forever' } as never;
    expect((await loadError(loadTcccSdk(sdkUrl(), bad))).code).toBe('invalid_argument');
    expect(() => createTcccLoader({ timeoutMs: -5 })).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });
});

describe('the SdkURL is a credential', () => {
  const token = 'tok_S3CRET_0123456789abcdef';
  const url = `https://ccc.example.test/sdk/tccc-sdk.js?sdkAppId=1400000000&token=${token}`;

  function expectNoSecret(error: TcccLoadError): void {
    for (const text of [error.message, String(error), error.stack ?? '', JSON.stringify(error)]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(url);
      expect(text).not.toContain('ccc.example.test');
    }
  }

  it('appears in no error message, whatever the failure', async () => {
    jest.useFakeTimers();
    const errors: TcccLoadError[] = [];

    const scriptFailure = loadTcccSdk(url);
    failScript(onlyScript());
    errors.push(await loadError(scriptFailure));

    const timeout = loadTcccSdk(url, { timeoutMs: 10 });
    jest.advanceTimersByTime(10);
    errors.push(await loadError(timeout));

    const noGlobal = loadTcccSdk(url);
    runScript(onlyScript(), null);
    errors.push(await loadError(noGlobal));

    const expired = loadTcccSdk(url);
    const fake = createFakeTccc();
    runScript(onlyScript(), fake);
    // An SDK message that quotes the URL and the token back.
    fake.emit('tokenExpired', { message: `token ${token} expired; reload ${url}` });
    const expiredError = await loadError(expired);
    expect(expiredError.message).toContain('[redacted]');
    errors.push(expiredError);

    const aborted = loadTcccSdk(url);
    teardownTcccSdk();
    errors.push(await loadError(aborted));

    const insecure = url.replace('https:', 'http:');
    errors.push(await loadError(loadTcccSdk(insecure)));

    expect(errors.map((error) => error.code)).toEqual([
      'script_error',
      'timeout',
      'no_global',
      'token_expired',
      'aborted',
      'invalid_argument',
    ]);
    errors.forEach(expectNoSecret);
  });
});

describe('createTcccLoader', () => {
  async function readyInstance(load: Promise<TcccGlobal>): Promise<TcccGlobal> {
    const fake = createFakeTccc();
    runScript(onlyScript(), fake);
    fake.emit('ready', {});
    return load;
  }

  it('loads with its options and tears down what it loaded', async () => {
    jest.useFakeTimers();
    const loader = createTcccLoader({ timeoutMs: 1_000 });
    const timedOut = loader.load(sdkUrl());
    jest.advanceTimersByTime(1_000);
    expect((await loadError(timedOut)).code).toBe('timeout');

    const instance = await readyInstance(loader.load(sdkUrl()));
    expect(page.tccc).toBe(instance);
    loader.teardown();
    expectCleanPage();
  });

  it('shares the page instance between loaders, and a stale teardown spares a newer instance', async () => {
    const a = createTcccLoader();
    const b = createTcccLoader();
    const first = await readyInstance(a.load(sdkUrl()));
    await expect(b.load(sdkUrl())).resolves.toBe(first);

    a.teardown(); // one SDK per page: this ends it for b too
    expectCleanPage();
    const second = await readyInstance(a.load(sdkUrl()));

    b.teardown(); // b's instance is gone already: no effect on a's new one
    expect(page.tccc).toBe(second);
    expect(tcccSdkPhase()).toBe('ready');

    createTcccLoader().teardown(); // a loader that never loaded tears down nothing
    expect(tcccSdkPhase()).toBe('ready');
  });

  it('tells the other consumers when one tears the shared instance down (onUnload), not the one that did', async () => {
    const a = createTcccLoader();
    const b = createTcccLoader();
    await readyInstance(a.load(sdkUrl()));
    await b.load(sdkUrl());
    const heardByA = jest.fn();
    const heardByB = jest.fn();
    const stopA = a.onUnload(heardByA);
    b.onUnload(heardByB);
    stopA(); // a is about to tear down itself: it does not need the news
    a.teardown();
    await flush();
    expect(heardByB).toHaveBeenCalledTimes(1);
    expect(heardByA).not.toHaveBeenCalled();
  });

  it('accepts a global without the undocumented `off`, and tears it down without calling it', async () => {
    const fake = createFakeTccc();
    delete (fake.tccc as { off?: unknown }).off;
    const loader = createTcccLoader();
    const load = loader.load(sdkUrl());
    runScript(onlyScript(), fake);
    fake.emit('ready', {});
    await expect(load).resolves.toBe(fake.tccc);
    expect(() => loader.teardown()).not.toThrow();
    expectCleanPage();
  });
});
