import { TestBed } from '@angular/core/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { Desk, DeskSession } from 'tccc_remote/desk';
import { fakeDesk } from '../../testing/fake-desk';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import type { ManifestResult } from '../federation/desk-manifest';
import { DESK_MANIFEST, REMOTE_LOADER, type RemoteLoader } from '../federation/remote-loader';
import { remoteFallback } from '../federation/remote-retry.plugin';
import { DeskService } from './desk.service';

class FakeComponent {}

const OK_MANIFEST: ManifestResult = { ok: true, remotes: [{ name: 'tccc_remote', entry: 'http://localhost:4201/mf-manifest.json' }] };

function setup(manifest: ManifestResult, modules: Record<string, () => Promise<unknown>>) {
  const fake = fakeDesk();
  const getDesk = jest.fn((_options?: { getAccessToken: () => Promise<string> | string; apiBase?: string }): Desk => fake.asDesk);
  const loader: RemoteLoader & { load: jest.Mock; refreshManifest: jest.Mock } = {
    load: jest.fn((id: string) => (modules[id] ?? (() => Promise.resolve(null)))()),
    refreshManifest: jest.fn(async () => OK_MANIFEST),
  };
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      { provide: REMOTE_LOADER, useValue: loader },
      { provide: DESK_MANIFEST, useValue: manifest },
      { provide: RUNTIME_CONFIG, useValue: { idpTokenUrl: 'http://idp/token', apiBase: 'https://api.example.com' } },
    ],
  });
  return { service: TestBed.inject(DeskService), fake, getDesk, loader };
}

const healthy = (getDesk: jest.Mock, contractVersion: string | null = '1.5.0') => ({
  'tccc_remote/desk': async () => ({ getDesk, hasPageDesk: () => true, CONTRACT_VERSION: contractVersion }),
  'tccc_remote/DeskComponent': async () => ({ DeskComponent: FakeComponent }),
});

describe('DeskService', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('boots without a manifest: desk unavailable, nothing loaded, retry re-reads the manifest', async () => {
    const { service, loader } = setup({ ok: false, remotes: [], problem: 'The desk manifest could not be loaded (HTTP 404).' }, {});
    await service.start(() => 'token');

    expect(service.status()).toEqual({ kind: 'unavailable', text: 'Desk unavailable: The desk manifest could not be loaded (HTTP 404).' });
    expect(loader.load).not.toHaveBeenCalled();

    loader.refreshManifest.mockResolvedValueOnce({ ok: false, remotes: [], problem: 'The desk manifest timed out.' });
    await service.retry();
    expect(service.status()).toMatchObject({ kind: 'unavailable', text: 'Desk unavailable: The desk manifest timed out.' });
    expect(loader.load).not.toHaveBeenCalled();
  });

  it('loads the desk entry and the component in parallel, and connects with the token source', async () => {
    const { service, fake, getDesk, loader } = setup(OK_MANIFEST, {});
    let resolveComponent!: (module: unknown) => void;
    loader.load.mockImplementation((id: string) =>
      id === 'tccc_remote/desk'
        ? Promise.resolve({ getDesk, hasPageDesk: () => true, CONTRACT_VERSION: '1.0.0' })
        : new Promise((resolve) => (resolveComponent = resolve)),
    );

    const started = service.start(() => 'jwt-1');
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The login started while the component's chunks are still loading.
    expect(loader.load.mock.calls.map(([id]) => id)).toEqual(['tccc_remote/desk', 'tccc_remote/DeskComponent']);
    expect(fake.desk.connect).toHaveBeenCalledTimes(1);
    const options = getDesk.mock.calls[0]![0]!;
    expect(options.apiBase).toBe('https://api.example.com');
    await expect(Promise.resolve(options.getAccessToken())).resolves.toBe('jwt-1');

    resolveComponent({ DeskComponent: FakeComponent });
    await started;
    await settle();
    expect(service.deskComponent()).toBe(FakeComponent);
  });

  it('says why a login waits: its turn for a line, or a try-again-later of the login service', async () => {
    const { service, fake, getDesk } = setup(OK_MANIFEST, {});
    (TestBed.inject(REMOTE_LOADER) as unknown as { load: jest.Mock }).load.mockImplementation((id: string) =>
      healthy(getDesk)[id as keyof ReturnType<typeof healthy>](),
    );
    fake.desk.connect.mockImplementation(async () => undefined);
    await service.start(() => 'jwt');
    fake.lifecycle$.next({ status: 'authenticating', waitingForLineSeconds: 7 });
    await settle();
    expect(service.status()).toEqual({ kind: 'starting', text: 'Waiting for a line to the contact center (about 7 s)' });
    fake.lifecycle$.next({ status: 'authenticating', retryingInSeconds: 2 });
    await settle();
    expect(service.status()).toEqual({ kind: 'starting', text: 'Retrying the sign-in in about 2 s' });
    fake.lifecycle$.next({ status: 'authenticating' });
    await settle();
    expect(service.status()).toEqual({ kind: 'starting', text: 'Signing in to the contact center…' });
  });

  it('follows the desk lifecycle: ready, then an error with its message and code', async () => {
    const { service, fake, getDesk } = setup(OK_MANIFEST, {});
    (TestBed.inject(REMOTE_LOADER) as unknown as { load: jest.Mock }).load.mockImplementation((id: string) =>
      healthy(getDesk)[id as keyof ReturnType<typeof healthy>](),
    );
    await service.start(() => 'jwt');
    await settle();
    expect(service.status()).toEqual({ kind: 'ready', text: 'Desk connected' });

    fake.lifecycle$.next({ status: 'error', error: { code: 'no_seat', message: 'You have no contact center seat.', retryable: false } });
    await settle();
    expect(service.status()).toEqual({ kind: 'unavailable', text: 'Desk unavailable: You have no contact center seat.', code: 'no_seat' });

    await service.retry();
    expect(fake.desk.retry).toHaveBeenCalledTimes(1);
  });

  it('falls back to "unavailable" when the remote cannot be loaded, and loads it on retry', async () => {
    const { service, getDesk, loader } = setup(OK_MANIFEST, {});
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined); // the runtime's details go there
    loader.load.mockImplementation(async (id: string) => remoteFallback(id, new Error('Failed to get manifest. #RUNTIME-003')));
    await service.start(() => 'jwt');
    expect(service.status()).toEqual({ kind: 'unavailable', text: 'Desk unavailable: the desk could not be loaded from its server.' });
    expect(service.componentProblem()).toMatch(/could not be loaded/);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();

    loader.load.mockImplementation((id: string) => healthy(getDesk)[id as keyof ReturnType<typeof healthy>]());
    await service.retry();
    await settle();
    expect(service.status().kind).toBe('ready');
    expect(service.deskComponent()).toBe(FakeComponent);
  });

  it.each([
    ['2.0.0', 'The desk was updated and this page needs a newer version.'],
    ['0.9.0', 'This page was updated and needs a newer version of the desk.'],
    [null, 'This page was updated and needs a newer version of the desk.'],
  ])('does not use a remote of contract %s: says so, never calls getDesk, nothing throws', async (version, message) => {
    const { service, getDesk, loader } = setup(OK_MANIFEST, {});
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    loader.load.mockImplementation((id: string) => healthy(getDesk, version)[id as keyof ReturnType<typeof healthy>]());
    await expect(service.start(() => 'jwt')).resolves.toBeUndefined();
    await settle();
    expect(getDesk).not.toHaveBeenCalled();
    expect(service.desk()).toBeNull();
    expect(service.incompatible()).toBe(message);
    expect(service.status()).toEqual({ kind: 'unavailable', text: message, code: 'incompatible_contract' });
    await expect(service.dial('+8613800138000')).rejects.toThrow('not available');
    warn.mockRestore();
  });

  it('signs out by destroying the desk; click-to-dial then refuses', async () => {
    const { service, fake, getDesk, loader } = setup(OK_MANIFEST, {});
    loader.load.mockImplementation((id: string) => healthy(getDesk)[id as keyof ReturnType<typeof healthy>]());
    await service.start(() => 'jwt');
    await service.dial('+8613800138000');
    expect(fake.desk.call.dial).toHaveBeenCalledWith({ phoneNumber: '+8613800138000' });

    service.stop();
    expect(fake.desk.destroy).toHaveBeenCalled();
    expect(service.status().kind).toBe('signed-out');
    await expect(service.dial('+8613800138000')).rejects.toThrow('not available');
  });

  it('accepts each contact through its channel: chat → desk.chat, video → desk.video, phone → desk.call', async () => {
    const { service, fake, getDesk, loader } = setup(OK_MANIFEST, {});
    loader.load.mockImplementation((id: string) => healthy(getDesk)[id as keyof ReturnType<typeof healthy>]());
    await service.start(() => 'jwt');
    await settle();
    const contact = (id: string, channel: DeskSession['channel']): DeskSession =>
      ({ id, channel, direction: 'inbound', status: 'ringing', muted: false, peer: {}, offeredAt: 0, ivrPath: [], raw: {} }) as DeskSession;
    fake.sessions$.next([contact('c1', 'im'), contact('v1', 'video'), contact('p1', 'phone')]);
    await settle();
    await service.accept('c1');
    await service.accept('v1');
    await service.accept('p1');
    expect(fake.desk.chat.accept).toHaveBeenCalledWith('c1');
    expect(fake.desk.video.accept).toHaveBeenCalledWith('v1');
    expect(fake.desk.call.accept).toHaveBeenCalledWith('p1');
    expect(fake.desk.call.accept).toHaveBeenCalledTimes(1);
  });
});

/** Let toObservable's effect and the switchMap'd streams catch up (zoneless). */
async function settle(): Promise<void> {
  TestBed.tick();
  await new Promise((resolve) => setTimeout(resolve, 0));
  TestBed.tick();
}
