// Reading and removing `window.tccc`. The SDK may define it as a plain property or with a
// top-level `var` (non-deletable): removal copes with both.
import type { TcccGlobal } from './tccc.types';

export type TcccHost = { tccc?: unknown };

/** Enough of the documented shape to wait for `ready` on it (`on` and `events`; `off` is not documented). */
export function isTcccGlobal(value: unknown): value is TcccGlobal {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof TcccGlobal, unknown>>;
  return (
    typeof candidate.on === 'function' &&
    typeof candidate.events === 'object' &&
    candidate.events !== null
  );
}

/** Put `window.tccc` back to `previous` (usually: absent). */
export function restoreTcccGlobal(host: TcccHost, previous: unknown): void {
  if (host.tccc === previous) return;
  if (previous !== undefined) {
    host.tccc = previous;
    return;
  }
  try {
    delete host.tccc;
  } catch {
    // Non-configurable (a top-level `var`): fall through and blank it.
  }
  if (host.tccc !== undefined) {
    try {
      host.tccc = undefined;
    } catch {
      // Read-only as well: nothing more we can do; a later load will treat it as an existing global.
    }
  }
}
