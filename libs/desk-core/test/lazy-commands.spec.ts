import { COMMAND_NAMES } from '../src/lib/command-names';
import { COMMAND_SPECS } from '../src/lib/command-specs';
import { isDeskError } from '../src/lib/errors';
import { createInterceptors } from '../src/lib/interceptors';
import { lazyCommands } from '../src/lib/lazy-commands';
import { createStore } from '../src/lib/store';

describe('commands before their code is loaded', () => {
  it('names every command of command-specs.ts, in its order', () => {
    expect([...COMMAND_NAMES]).toEqual(Object.keys(COMMAND_SPECS));
  });

  it('a failed load rejects that call with a retryable sdk_error, and the next call tries again', async () => {
    jest.resetModules();
    jest.doMock('../src/lib/commands', () => {
      throw new Error('ChunkLoadError: Loading chunk 42 failed.');
    });
    const { lazyCommands: lazy } = jest.requireActual<typeof import('../src/lib/lazy-commands')>('../src/lib/lazy-commands');
    const ctx = { store: createStore({ historySize: 5 } as never), clock: () => 1, sdk: () => null, destroyed: new AbortController().signal, interceptors: createInterceptors() };
    const commands = lazy(ctx as never, () => true);
    const failure = await commands.call.dial({ phoneNumber: '10086' }).catch((error: unknown) => error);
    expect(isDeskError(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'sdk_error', retryable: true });
    jest.dontMock('../src/lib/commands');
    // Loaded now: the command itself answers (not ready: no SDK).
    await expect(commands.call.dial({ phoneNumber: '10086' })).rejects.toMatchObject({ code: 'not_ready' });
    expect(commands.devices.isBrowserSupported()).toBe(true);
  });

  it('has every command of the API before loading, each returning a promise', () => {
    const ctx = { store: {} as never, clock: () => 1, sdk: () => null, destroyed: new AbortController().signal, interceptors: createInterceptors() };
    const commands = lazyCommands(ctx, () => false) as unknown as Record<string, Record<string, unknown>>;
    for (const name of COMMAND_NAMES) {
      const [namespace, verb] = name.split('.') as [string, string];
      expect(typeof commands[namespace]?.[verb]).toBe('function');
    }
  });
});
