/**
 * Host interceptors around the desk's commands (`desk.intercept`): a list per command, run in
 * registration order by `runCommand` (commands.ts), so every row of command-specs.ts gets them
 * the same way. `before` may change the arguments or refuse the command; `after` sees the outcome.
 * An interceptor that throws (or answers something unusable) fails that one command with
 * `interceptor_failed`: host code never breaks the desk.
 */
import { COMMAND_NAMES, COMMAND_NAME_SET } from './command-names';
import type { CommandInterceptor, CommandOutcome, DeskCommandName, DeskErrorInfo } from './desk.types';
import { DeskError, invalidArgument, isDeskError } from './errors';

type AnyInterceptor = CommandInterceptor<DeskCommandName>;
type AnyOutcome = CommandOutcome<DeskCommandName>;

const MAX_REASON = 300;

export interface Interceptors {
  /** Adds one; the returned function removes it (again: nothing). */
  add(command: unknown, interceptor: unknown): () => void;
  /** The command's interceptors now (a snapshot: one (un)registered meanwhile does not change a running command). */
  of(command: string): readonly AnyInterceptor[];
  /** Runs every `before` in order; resolves the arguments to use, or rejects with a DeskError. */
  before(chain: readonly AnyInterceptor[], command: string, args: unknown[]): Promise<unknown[]>;
  /** Runs every `after` in order; rejects with `interceptor_failed` if one throws. */
  after(chain: readonly AnyInterceptor[], outcome: AnyOutcome): Promise<void>;
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

    async before(chain, command, args) {
      let current = args;
      for (const interceptor of chain) {
        if (!interceptor.before) continue;
        let decision: unknown;
        try {
          decision = await interceptor.before({ command: command as DeskCommandName, args: current as never });
        } catch (error) {
          throw interceptorFailed(command, 'before', error);
        }
        if (decision === undefined || decision === null) continue;
        if (typeof decision === 'object' && 'block' in decision) throw commandBlocked(command, (decision as { block: unknown }).block);
        if (typeof decision === 'object' && 'args' in decision && Array.isArray((decision as { args: unknown }).args)) {
          current = [...(decision as { args: unknown[] }).args];
          continue;
        }
        throw interceptorFailed(command, 'before', new Error('it returned neither nothing, { args: [...] } nor { block: reason }'));
      }
      return current;
    },

    async after(chain, outcome) {
      for (const interceptor of chain) {
        if (!interceptor.after) continue;
        try {
          await interceptor.after(outcome);
        } catch (error) {
          throw interceptorFailed(outcome.command, 'after', error);
        }
      }
    },
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

function clip(text: string): string {
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}…` : text;
}

/** The host refused the command: its reason, for the agent to read. */
export function commandBlocked(command: string, reason: unknown): DeskError {
  const why = typeof reason === 'string' && reason.trim() ? clip(reason.trim()) : 'no reason given';
  return new DeskError({ code: 'command_blocked', message: `${command} was blocked: ${why}`, retryable: false });
}

export function interceptorFailed(command: string, stage: 'before' | 'after', error: unknown): DeskError {
  const detail = error instanceof Error && error.message ? clip(error.message) : 'it threw without a message';
  const done = stage === 'after' ? ' (the command itself went through)' : ' (the SDK was not called)';
  return new DeskError(
    { code: 'interceptor_failed', message: `An interceptor (${stage}) of ${command} failed${done}: ${detail}`, retryable: false },
    { cause: error },
  );
}

export function outcomeError(error: unknown): DeskErrorInfo {
  if (isDeskError(error)) return error.toJSON();
  return { code: 'sdk_error', message: error instanceof Error ? error.message : 'The command failed.', retryable: false };
}
