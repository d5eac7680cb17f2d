/**
 * Running the host's interceptors around one command (interceptors.ts keeps the lists): used by
 * commands.ts only, so it comes with the commands' chunk.
 */
import type { CommandInterceptor, CommandOutcome, DeskCommandName, DeskErrorInfo } from './desk.types';
import { DeskError, isDeskError } from './errors';

type AnyInterceptor = CommandInterceptor<DeskCommandName>;
type AnyOutcome = CommandOutcome<DeskCommandName>;

const MAX_REASON = 300;

/** Runs every `before` in order; resolves the arguments to use, or rejects with a DeskError. */
export async function runBefore(chain: readonly AnyInterceptor[], command: string, args: unknown[]): Promise<unknown[]> {
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
}

/** Runs every `after` in order; rejects with `interceptor_failed` if one throws. */
export async function runAfter(chain: readonly AnyInterceptor[], outcome: AnyOutcome): Promise<void> {
  for (const interceptor of chain) {
    if (!interceptor.after) continue;
    try {
      await interceptor.after(outcome);
    } catch (error) {
      throw interceptorFailed(outcome.command, 'after', error);
    }
  }
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
