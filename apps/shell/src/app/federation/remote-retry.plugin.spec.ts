import type { ModuleFederationRuntimePlugin } from '@module-federation/enhanced/runtime';
import { isRemoteFallback, remoteRetryPlugin, type RemoteRetryOptions } from './remote-retry.plugin';

type Hook = NonNullable<ModuleFederationRuntimePlugin['errorLoadRemote']>;

/**
 * A stand-in for the federation runtime's loadRemote: each attempt runs `load`; a failure goes
 * through the plugin's errorLoadRemote, and a truthy answer is returned instead (as the runtime does).
 */
function fakeRuntime(plugin: ModuleFederationRuntimePlugin, load: (attempt: number) => Promise<unknown>) {
  let attempts = 0;
  const hook = plugin.errorLoadRemote as Hook;
  const origin = {
    async loadRemote(id: string): Promise<unknown> {
      attempts += 1;
      try {
        return await load(attempts);
      } catch (error) {
        const failOver = await hook({ id, error, from: 'runtime', lifecycle: 'onLoad', origin } as never);
        if (!failOver) throw error;
        return failOver;
      }
    },
  };
  return { origin, attempts: () => attempts };
}

function setup(load: (attempt: number) => Promise<unknown>, options: RemoteRetryOptions = {}) {
  const delays: number[] = [];
  const failures: Array<{ attempt: number; willRetry: boolean }> = [];
  const plugin = remoteRetryPlugin({
    sleep: async (ms) => void delays.push(ms),
    onFailure: ({ attempt, willRetry }) => failures.push({ attempt, willRetry }),
    ...options,
  });
  return { ...fakeRuntime(plugin, load), delays, failures, plugin };
}

const down = () => Promise.reject(new Error('remoteEntry.js: net::ERR_CONNECTION_REFUSED'));

describe('remoteRetryPlugin', () => {
  it('retries twice with backoff, then resolves with a fallback instead of throwing', async () => {
    const { origin, attempts, delays, failures } = setup(down, { baseDelayMs: 100 });
    const result = await origin.loadRemote('tccc_remote/desk');

    expect(isRemoteFallback(result)).toBe(true);
    expect(result).toMatchObject({ id: 'tccc_remote/desk' });
    expect(attempts()).toBe(3);
    expect(delays).toEqual([100, 200]);
    expect(failures).toEqual([
      { attempt: 1, willRetry: true },
      { attempt: 2, willRetry: true },
      { attempt: 3, willRetry: false },
    ]);
  });

  it('returns the module when a retry succeeds', async () => {
    const module = { getDesk: () => 'desk' };
    const { origin, attempts } = setup((attempt) => (attempt < 2 ? down() : Promise.resolve(module)));
    await expect(origin.loadRemote('tccc_remote/desk')).resolves.toBe(module);
    expect(attempts()).toBe(2);
  });

  it('starts the count afresh for the next load of the same module', async () => {
    let healthy = false;
    const { origin, attempts } = setup(() => (healthy ? Promise.resolve('ok') : down()));
    expect(isRemoteFallback(await origin.loadRemote('tccc_remote/desk'))).toBe(true);
    expect(attempts()).toBe(3);

    healthy = true; // the remote is back: the header's retry loads it
    await expect(origin.loadRemote('tccc_remote/desk')).resolves.toBe('ok');
    expect(attempts()).toBe(4);

    healthy = false;
    expect(isRemoteFallback(await origin.loadRemote('tccc_remote/desk'))).toBe(true);
    expect(attempts()).toBe(7);
  });

  it('leaves other lifecycles to the runtime', async () => {
    const plugin = remoteRetryPlugin({ sleep: async () => undefined });
    const hook = plugin.errorLoadRemote as Hook;
    await expect(
      hook({ id: 'http://x/mf-manifest.json', error: new Error('x'), from: 'runtime', lifecycle: 'afterResolve', origin: {} } as never),
    ).resolves.toBeUndefined();
  });

  it('can be told not to retry at all', async () => {
    const { origin, attempts, delays } = setup(down, { retries: 0 });
    expect(isRemoteFallback(await origin.loadRemote('tccc_remote/DeskComponent'))).toBe(true);
    expect(attempts()).toBe(1);
    expect(delays).toEqual([]);
  });
});
