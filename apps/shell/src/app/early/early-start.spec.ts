import { loadRemote, registerRemotes } from '@module-federation/enhanced/runtime';
import { BehaviorSubject } from 'rxjs';

jest.mock('@module-federation/enhanced/runtime', () => ({
  loadRemote: jest.fn(),
  registerPlugins: jest.fn(),
  registerRemotes: jest.fn(),
}));

const load = loadRemote as jest.MockedFunction<typeof loadRemote>;

/** What the early start watches of a desk: its lifecycle and which tab owns it. */
function progress(status: 'idle' | 'authenticating' = 'authenticating') {
  return { lifecycle$: new BehaviorSubject({ status }), tab$: new BehaviorSubject({ role: 'leader' }) };
}

function respond(body: unknown): Response {
  return { ok: true, status: 200, json: async () => body } as Response;
}

/** A fresh copy of the module (its start is once per page). */
function freshEarlyStart(): typeof import('./early-start') {
  let module!: typeof import('./early-start');
  jest.isolateModules(() => {
    module = jest.requireActual('./early-start');
  });
  return module;
}

describe('startEarly', () => {
  const fetchMock = jest.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    load.mockReset();
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    fetchMock.mockImplementation(async (url: string) => {
      if (url === '/runtime-config.json') return respond({ idpTokenUrl: 'http://idp/token', apiBase: 'https://api.example.com' });
      if (url === '/desk.manifest.json') return respond({ tccc_remote: 'http://localhost:4201/mf-manifest.json' });
      if (url === 'http://idp/token') return respond({ access_token: 'jwt-early', expires_in: 600 });
      throw new Error(`unexpected ${url}`);
    });
  });
  afterEach(() => sessionStorage.clear());

  it('with a remembered person: the token, ./desk and connect() start before Angular; the token is handed over once', async () => {
    sessionStorage.setItem('tccc-shell.dev-user', 'alice');
    const connect = jest.fn(() => new Promise<void>(() => undefined)); // resolves at ready: not awaited
    const getDesk = jest.fn(() => ({ connect, ...progress() }));
    load.mockImplementation(async (id: string) =>
      id === 'tccc_remote/desk' ? { getDesk, hasPageDesk: () => false, CONTRACT_VERSION: '1.3.0' } : { DeskComponent: class {} },
    );
    const early = freshEarlyStart();

    const started = await early.startEarly();
    expect(started.signedIn).toBe('alice');
    expect(started.runtime.apiBase).toBe('https://api.example.com');
    await early.earlyLoginSent(1000);
    expect(load.mock.calls.map(([id]) => id)).toEqual(['tccc_remote/desk', 'tccc_remote/DeskComponent']);
    expect(connect).toHaveBeenCalledTimes(1);
    const options = (getDesk.mock.calls[0] as unknown as [{ getAccessToken: () => Promise<string>; apiBase: string }])[0];
    expect(options.apiBase).toBe('https://api.example.com');
    await expect(options.getAccessToken()).resolves.toBe('jwt-early');

    expect(early.takeEarlyToken('bob')).toBeNull();
    await expect(early.takeEarlyToken('alice')).resolves.toMatchObject({ value: 'jwt-early' });
    expect(early.takeEarlyToken('alice')).toBeNull();
    expect(early.startEarly()).toBe(early.startEarly());
  });

  it('Angular waits for the login request itself (lifecycle past idle), not only for connect() to be called, up to the cap', async () => {
    sessionStorage.setItem('tccc-shell.dev-user', 'alice');
    const desk = { connect: jest.fn(() => new Promise<void>(() => undefined)), ...progress('idle') };
    load.mockImplementation(async (id: string) => (id === 'tccc_remote/desk' ? { getDesk: () => desk, hasPageDesk: () => false, CONTRACT_VERSION: '1.3.0' } : {}) as never);
    const early = freshEarlyStart();
    await early.startEarly();
    let sent = false;
    const waiting = early.earlyLoginSent(60_000).then(() => (sent = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(desk.connect).toHaveBeenCalledTimes(1);
    expect(sent).toBe(false); // the tab lock is not granted yet: no request is out
    desk.lifecycle$.next({ status: 'authenticating' });
    await waiting;
    expect(sent).toBe(true);
    // With a desk that never gets there, the cap lets Angular start.
    const stuck = { connect: jest.fn(() => new Promise<void>(() => undefined)), ...progress('idle') };
    load.mockImplementation(async (id: string) => (id === 'tccc_remote/desk' ? { getDesk: () => stuck, hasPageDesk: () => false, CONTRACT_VERSION: '1.3.0' } : {}) as never);
    const again = freshEarlyStart();
    await again.startEarly();
    const before = Date.now();
    await again.earlyLoginSent(50);
    expect(Date.now() - before).toBeGreaterThanOrEqual(45);
  });

  it('reads the deploy-time files in the cache mode that takes index.html\'s preloads', async () => {
    const early = freshEarlyStart();
    await early.startEarly();
    expect(fetchMock).toHaveBeenCalledWith('/runtime-config.json', expect.objectContaining({ cache: 'default' }));
    expect(fetchMock).toHaveBeenCalledWith('/desk.manifest.json', expect.objectContaining({ cache: 'default' }));
  });

  it('signed out while ./desk loads: no desk is made; signed out after: the early desk signs out', async () => {
    sessionStorage.setItem('tccc-shell.dev-user', 'alice');
    let arrive!: (entry: unknown) => void;
    const getDesk = jest.fn(() => ({ connect: () => new Promise<void>(() => undefined), signOut: jest.fn(), destroy: jest.fn(), ...progress() }));
    const entry = { getDesk, hasPageDesk: () => false, CONTRACT_VERSION: '1.3.0' };
    load.mockImplementation((id: string) => (id === 'tccc_remote/desk' ? new Promise((resolve) => (arrive = resolve)) : Promise.resolve({})) as never);
    const early = freshEarlyStart();
    await early.startEarly();
    early.releaseEarlyUnless('alice'); // alice herself: nothing stops
    early.releaseEarlyUnless(null); // sign-out before ./desk arrived
    arrive(entry);
    await early.earlyLoginSent(1000);
    expect(getDesk).not.toHaveBeenCalled();
    expect(early.takeEarlyToken('alice')).toBeNull();

    // Again, with the desk made before someone else signs in: it signs out.
    load.mockImplementation(async (id: string) => (id === 'tccc_remote/desk' ? entry : {}) as never);
    const again = freshEarlyStart();
    await again.startEarly();
    await again.earlyLoginSent(1000);
    const desk = (getDesk.mock.results[0] as { value: { signOut: jest.Mock } }).value;
    again.releaseEarlyUnless('bob');
    expect(desk.signOut).toHaveBeenCalledTimes(1);
  });

  it('an early start that throws resolves with the defaults, so Angular still boots', async () => {
    sessionStorage.setItem('tccc-shell.dev-user', 'alice');
    (registerRemotes as jest.Mock).mockImplementationOnce(() => {
      throw new Error('federation runtime refused the remotes');
    });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const early = freshEarlyStart();
    await expect(early.startEarly()).resolves.toMatchObject({ signedIn: null, manifest: { ok: false } });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('early start failed: federation runtime refused the remotes'));
    warn.mockRestore();
  });

  it('does not connect a remote of another contract major', async () => {
    sessionStorage.setItem('tccc-shell.dev-user', 'alice');
    const getDesk = jest.fn();
    load.mockImplementation(async (id: string) => (id === 'tccc_remote/desk' ? { getDesk, CONTRACT_VERSION: '2.0.0' } : {}));
    const early = freshEarlyStart();
    await early.startEarly();
    await early.earlyLoginSent(1000);
    expect(getDesk).not.toHaveBeenCalled();
  });

  it('without a remembered person: only the deploy-time files, nothing of the desk', async () => {
    const early = freshEarlyStart();
    const started = await early.startEarly();
    expect(started.signedIn).toBeNull();
    expect(started.manifest.ok).toBe(true);
    await early.earlyLoginSent(1000);
    expect(load).not.toHaveBeenCalled();
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/runtime-config.json', '/desk.manifest.json']);
    expect(early.takeEarlyToken('alice')).toBeNull();
  });
});

describe('index.html', () => {
  it('preloads exactly the deploy-time files the early start reads, in a mode fetch() can take', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { join } = require('node:path') as typeof import('node:path');
    const html = readFileSync(join(__dirname, '../../index.html'), 'utf8');
    const preloads = [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin="anonymous" \/>/g)].map((match) => match[1]);
    const { RUNTIME_CONFIG_URL } = jest.requireActual('../config/load-runtime-config') as typeof import('../config/load-runtime-config');
    const { DESK_MANIFEST_URL } = jest.requireActual('../federation/desk-manifest') as typeof import('../federation/desk-manifest');
    expect(preloads).toEqual([RUNTIME_CONFIG_URL, DESK_MANIFEST_URL]);
  });
});
