/**
 * The desk's commands before their code is here: the same API (every command is async), each
 * method loading commands.ts with command-specs.ts and the argument checks on its first call (a
 * chunk of its own in a browser build: a desk gets to `ready` without it). Once loaded, a call goes
 * straight through. A chunk that cannot load rejects that call with `sdk_error`; the next call
 * tries again. `prefetch()` starts the load ahead of a likely first command (the desk's first contact).
 */
import { COMMAND_NAMES } from './command-names';
import type { CommandContext, DeskCommands } from './commands';
import { DeskError, destroyedError } from './errors';

type Method = (...args: unknown[]) => Promise<unknown>;

export interface LazyCommands {
  readonly commands: DeskCommands;
  /** Loads the commands' code now, if it is not here (a failure is left to the next call). */
  prefetch(): void;
}

export function lazyCommands(ctx: CommandContext, isBrowserSupported: () => boolean): LazyCommands {
  let commands: DeskCommands | null = null;
  let loading: Promise<DeskCommands> | null = null;

  function load(): Promise<DeskCommands> {
    loading ??= import('./commands').then(
      ({ createCommands }) => (commands = createCommands(ctx)),
      (error: unknown) => {
        loading = null;
        if (ctx.destroyed.aborted) throw destroyedError();
        const failure = new DeskError({ code: 'sdk_error', message: 'The desk could not load its commands (network?): try again.', retryable: true }, { cause: error });
        // Reported like an SDK failure (logs, banners), once per failed load, not once per waiting call.
        ctx.store.reportError(failure.toJSON());
        throw failure;
      },
    );
    return loading;
  }

  const method = (loaded: DeskCommands, namespace: string, verb: string): Method =>
    (loaded as unknown as Record<string, Record<string, Method>>)[namespace]![verb]!;

  const api: Record<string, Record<string, unknown>> = {};
  for (const name of COMMAND_NAMES) {
    const [namespace, verb] = name.split('.') as [string, string];
    (api[namespace] ??= {})[verb] = (...args: unknown[]) =>
      commands ? method(commands, namespace, verb)(...args) : load().then((loaded) => method(loaded, namespace, verb)(...args));
  }
  (api['devices'] as Record<string, unknown>)['isBrowserSupported'] = isBrowserSupported;
  return {
    commands: api as unknown as DeskCommands,
    prefetch: () => void load().catch(() => undefined),
  };
}
