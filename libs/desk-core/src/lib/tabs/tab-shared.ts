/** Helpers both halves of the tabs' protocol use (tab-desk.ts, and tab-peers.ts when loaded). */
import type { Desk, DeskErrorInfo } from '../desk.types';
import { isDeskError } from '../errors';

/** Runs a forwarded command ('connect', 'call.accept', ...) on a desk. */
export function invoke(desk: Desk, path: string, args: unknown[]): Promise<unknown> | unknown {
  const [namespace, verb] = path.split('.') as [string, string | undefined];
  const owner = (verb === undefined ? desk : (desk as unknown as Record<string, unknown>)[namespace]) as Record<string, unknown>;
  const fn = owner[verb ?? namespace] as (...a: unknown[]) => unknown;
  return fn.apply(owner, args);
}

/** A result as plain data (MediaDeviceInfo and the like have a toJSON). */
export function plain(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

export function errorInfo(error: unknown): DeskErrorInfo {
  if (isDeskError(error)) return error.toJSON();
  const message = error instanceof Error && error.message ? error.message.slice(0, 300) : 'The command failed in the tab that owns the desk.';
  return { code: 'sdk_error', message, retryable: false };
}
