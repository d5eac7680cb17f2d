/**
 * Host interceptors around the desk's commands (`desk.intercept`): a list per command, run in
 * registration order by `runCommand` (commands.ts, with interceptor-chain.ts), so every row of command-specs.ts gets them
 * the same way. `before` may change the arguments or refuse the command; `after` sees the outcome.
 * An interceptor that throws (or answers something unusable) fails that one command with
 * `interceptor_failed`: host code never breaks the desk.
 */
import { COMMAND_NAMES, COMMAND_NAME_SET } from './command-names';
import type { CommandInterceptor, DeskCommandName } from './desk.types';
import { invalidArgument } from './errors';

type AnyInterceptor = CommandInterceptor<DeskCommandName>;

export interface Interceptors {
  /** Adds one; the returned function removes it (again: nothing). */
  add(command: unknown, interceptor: unknown): () => void;
  /** The command's interceptors now (a snapshot: one (un)registered meanwhile does not change a running command). */
  of(command: string): readonly AnyInterceptor[];
}

export function createInterceptors(): Interceptors {
  const byCommand = new Map<string, AnyInterceptor[]>();
  const NONE: readonly AnyInterceptor[] = [];

  return {
    add(command, interceptor) {
      if (typeof command !== 'string' || !COMMAND_NAME_SET.has(command)) {
        throw invalidArgument('command', `must be one of the desk's commands (${COMMAND_NAMES.join(', ')})`);
      }
      const hooks = checkInterceptor(interceptor);
      const list = byCommand.get(command) ?? [];
      byCommand.set(command, [...list, hooks]);
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        const now = (byCommand.get(command) ?? []).filter((entry) => entry !== hooks);
        if (now.length) byCommand.set(command, now);
        else byCommand.delete(command);
      };
    },

    of: (command) => byCommand.get(command) ?? NONE,
  };
}

function checkInterceptor(value: unknown): AnyInterceptor {
  if (value === null || typeof value !== 'object') throw invalidArgument('interceptor', 'must be an object with before and/or after');
  const { before, after } = value as Record<string, unknown>;
  if (before !== undefined && typeof before !== 'function') throw invalidArgument('interceptor', 'before must be a function');
  if (after !== undefined && typeof after !== 'function') throw invalidArgument('interceptor', 'after must be a function');
  if (before === undefined && after === undefined) throw invalidArgument('interceptor', 'needs before or after');
  // A copy: a host changing its object later does not change what runs.
  return { before: before as AnyInterceptor['before'], after: after as AnyInterceptor['after'] };
}
