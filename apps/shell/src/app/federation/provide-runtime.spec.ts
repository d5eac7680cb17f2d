import { BUNDLER_RUNTIME_GLOBAL, forRemotes, provideFederationRuntime } from './provide-runtime';

type Instance = { options: { name?: string; version?: string; id?: string }; initOptions: jest.Mock };

function fakeRuntime(instances: Instance[]) {
  return {
    getInstance: (finder: (instance: Instance) => boolean) => instances.find(finder) ?? null,
    createInstance: jest.fn((options: Instance['options']) => {
      const created = { options, initOptions: jest.fn() };
      instances.push(created);
      return created;
    }),
    loadRemote: () => 'loadRemote',
  };
}

describe('forRemotes', () => {
  it("never hands a remote the shell's instance (the shell's build id is not the remote's)", () => {
    const shell: Instance = { options: { name: 'shell', id: 'shell:build-id' }, initOptions: jest.fn() };
    const runtime = fakeRuntime([shell]);
    const remoteRuntime = forRemotes(runtime as never);
    const remote = remoteRuntime.init({ name: 'tccc_remote' });
    expect(remote).not.toBe(shell);
    expect(runtime.createInstance).toHaveBeenCalledWith({ name: 'tccc_remote', id: '' });
    expect(shell.initOptions).not.toHaveBeenCalled();
    // A second container init of the same remote reuses its instance.
    expect(remoteRuntime.init({ name: 'tccc_remote' })).toBe(remote);
    expect((remote as unknown as Instance).initOptions).toHaveBeenCalledWith({ name: 'tccc_remote', id: '' });
    expect(runtime.createInstance).toHaveBeenCalledTimes(1);
    expect((remoteRuntime as unknown as { loadRemote: () => string }).loadRemote()).toBe('loadRemote');
  });

  it('matches by version when one is given', () => {
    const runtime = fakeRuntime([{ options: { name: 'tccc_remote', version: '1' }, initOptions: jest.fn() }]);
    forRemotes(runtime as never).init({ name: 'tccc_remote', version: '2' });
    expect(runtime.createInstance).toHaveBeenCalledTimes(1);
  });
});

describe('provideFederationRuntime', () => {
  const federation = { runtime: fakeRuntime([]), bundlerRuntime: { remotes: () => undefined }, attachShareScopeMap: () => undefined };

  it("publishes the shell's bundler runtime with empty per-build fields", () => {
    const page: Record<string, unknown> = {};
    expect(provideFederationRuntime(page, federation)).toBe(true);
    expect(page[BUNDLER_RUNTIME_GLOBAL]).toEqual({
      runtime: expect.objectContaining({ init: expect.any(Function), loadRemote: federation.runtime.loadRemote }),
      // initContainerEntry: the real one (a pure host's build has it as undefined).
      bundlerRuntime: { ...federation.bundlerRuntime, initContainerEntry: expect.any(Function) },
      attachShareScopeMap: federation.attachShareScopeMap,
      instance: undefined,
      initOptions: undefined,
      bundlerRuntimeOptions: {},
    });
  });

  it('keeps a runtime the page already has', () => {
    const existing = { runtime: 'theirs' };
    const page: Record<string, unknown> = { [BUNDLER_RUNTIME_GLOBAL]: existing };
    expect(provideFederationRuntime(page, federation)).toBe(true);
    expect(page[BUNDLER_RUNTIME_GLOBAL]).toBe(existing);
  });

  it('says so when there is no runtime to give (not built with Module Federation)', () => {
    const page: Record<string, unknown> = {};
    expect(provideFederationRuntime(page, null)).toBe(false);
    expect(provideFederationRuntime(page, { runtime: {} })).toBe(false);
    expect(provideFederationRuntime(page, { bundlerRuntime: {} })).toBe(false);
    expect(page[BUNDLER_RUNTIME_GLOBAL]).toBeUndefined();
  });
});
