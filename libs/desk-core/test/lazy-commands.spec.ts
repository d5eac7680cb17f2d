import { COMMAND_NAMES } from '../src/lib/command-names';
import { COMMAND_SPECS } from '../src/lib/command-specs';
import { isDeskError } from '../src/lib/errors';
import { createInterceptors } from '../src/lib/interceptors';
import { lazyCommands } from '../src/lib/lazy-commands';
import { createStore } from '../src/lib/store';
import { createDesk } from '../src/index';
import { createFakeLoader, createFakeLogin, createFakeSdk } from './fake-sdk';
import { phoneCallIn, settle } from './helpers';

/** lazyCommands with the commands' chunk failing to load, and what its store reports on errors$. */
function withFailingChunk(destroyed: AbortSignal = new AbortController().signal) {
  jest.resetModules();
  jest.doMock('../src/lib/commands', () => {
    throw new Error('ChunkLoadError: Loading chunk 42 failed.');
  });
  const { lazyCommands: lazy } = jest.requireActual<typeof import('../src/lib/lazy-commands')>('../src/lib/lazy-commands');
  const store = createStore({ historySize: 5 } as never);
  const reported: unknown[] = [];
  store.errors$.subscribe((error) => reported.push(error));
  const { commands } = lazy({ store, clock: () => 1, sdk: () => null, destroyed, interceptors: createInterceptors() } as never, () => true);
  return { commands, reported };
}

describe('commands before their code is loaded', () => {
  it('names every command of command-specs.ts, in its order', () => {
    expect([...COMMAND_NAMES]).toEqual(Object.keys(COMMAND_SPECS));
  });

  it('a failed load rejects that call with a retryable sdk_error, and the next call tries again', async () => {
    const { commands, reported } = withFailingChunk();
    const [failure, second] = await Promise.all([
      commands.call.dial({ phoneNumber: '10086' }).catch((error: unknown) => error),
      commands.call.hangUp('s1').catch((error: unknown) => error),
    ]);
    expect(isDeskError(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'sdk_error', retryable: true });
    expect(second).toBe(failure); // one load for both calls
    // On errors$ like an SDK failure, once for the failed load (review).
    expect(reported).toEqual([expect.objectContaining({ code: 'sdk_error', retryable: true })]);
    jest.dontMock('../src/lib/commands');
    // Loaded now: the command itself answers (not ready: no SDK).
    await expect(commands.call.dial({ phoneNumber: '10086' })).rejects.toMatchObject({ code: 'not_ready' });
    expect(commands.devices.isBrowserSupported()).toBe(true);
  });

  it('a load that fails after destroy() rejects as destroyed, and reports nothing', async () => {
    const lifetime = new AbortController();
    lifetime.abort();
    const { commands, reported } = withFailingChunk(lifetime.signal);
    await expect(commands.call.dial({ phoneNumber: '10086' })).rejects.toMatchObject({ code: 'destroyed' });
    expect(reported).toEqual([]);
    jest.dontMock('../src/lib/commands');
  });

  it('has every command of the API before loading, each returning a promise', () => {
    const ctx = { store: {} as never, clock: () => 1, sdk: () => null, destroyed: new AbortController().signal, interceptors: createInterceptors() };
    const commands = lazyCommands(ctx, () => false).commands as unknown as Record<string, Record<string, unknown>>;
    for (const name of COMMAND_NAMES) {
      const [namespace, verb] = name.split('.') as [string, string];
      expect(typeof commands[namespace]?.[verb]).toBe('function');
    }
  });

  it('prefetch() loads the code, after which a call runs at once (its timing starts when called)', async () => {
    const clock = jest.fn(() => 1);
    const ctx = { store: createStore({ historySize: 5 } as never), clock, sdk: () => null, destroyed: new AbortController().signal, interceptors: createInterceptors(), onCommand: jest.fn() };
    const { commands, prefetch } = lazyCommands(ctx, () => false);
    prefetch();
    await settle();
    const failing = commands.call.dial({ phoneNumber: '10086' });
    expect(clock).toHaveBeenCalledTimes(1); // synchronously: no load in between
    await expect(failing).rejects.toMatchObject({ code: 'not_ready' });
  });

  it('a desk prefetches the commands with its first contact', async () => {
    const sdk = createFakeSdk();
    const clock = jest.fn(() => 42);
    const desk = createDesk({ login: createFakeLogin(), loader: createFakeLoader(sdk), clock });
    await desk.connect();
    sdk.emit('callIn', phoneCallIn('i1'));
    await settle();
    const before = clock.mock.calls.length;
    const accepting = desk.call.accept('i1');
    expect(clock.mock.calls.length).toBeGreaterThan(before); // the command started at once
    await accepting;
    desk.destroy();
  });
});
