/**
 * The page-wide single-instance guard. It lives on `globalThis` under a registered symbol, so every
 * copy of this library on the page (a shell and a remote that each bundled it) finds the same
 * state, and at most one SDK script is ever injected.
 *
 * The shape is versioned. Version 1 is `{ version, active }` with the `GuardEntry` fields below;
 * later versions may only add fields, so any copy can keep using the version-1 fields it knows.
 */
import type { TcccGlobal } from './tccc.types';

export const GUARD_KEY: unique symbol = Symbol.for('tccc-desk.sdk-loader');
export const GUARD_VERSION = 1;

export interface GuardEntry {
  /** Settles once: the ready SDK, or a TcccLoadError (of whichever copy started the load). */
  readonly promise: Promise<TcccGlobal>;
  phase: 'loading' | 'ready';
  /** `injected`: a loader added the script. `adopted`: a `tccc` global was already on the page. */
  readonly origin: 'injected' | 'adopted';
  /** Undo what the entry did and free the guard; a pending load rejects with `aborted`. Idempotent. */
  teardown(): void;
  /**
   * Added later (still version 1: fields are only ever added). Resolves once a ready SDK was torn
   * down, by whichever consumer, so the others sharing it learn that it is gone.
   */
  readonly closed?: Promise<void>;
}

export interface GuardSlot {
  readonly version: number;
  active: GuardEntry | null;
}

type GlobalWithGuard = { [GUARD_KEY]?: unknown };

function isSlot(value: unknown): value is GuardSlot {
  if (typeof value !== 'object' || value === null) return false;
  const { version } = value as { version?: unknown };
  return typeof version === 'number' && version >= 1 && 'active' in value;
}

function isEntry(value: unknown): value is GuardEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<GuardEntry>;
  return entry.promise instanceof Promise && typeof entry.teardown === 'function';
}

/** The page's slot, created on first use. Anything unrecognisable under our key is replaced. */
export function guardSlot(): GuardSlot {
  const host = globalThis as GlobalWithGuard;
  const existing = host[GUARD_KEY];
  if (isSlot(existing)) return existing;
  const slot: GuardSlot = { version: GUARD_VERSION, active: null };
  Object.defineProperty(host, GUARD_KEY, { value: slot, configurable: true, writable: true, enumerable: false });
  return slot;
}

/** The SDK instance (loading or ready) that owns the page, if any. */
export function activeEntry(slot: GuardSlot = guardSlot()): GuardEntry | null {
  return isEntry(slot.active) ? slot.active : null;
}

/** Free the guard, but only if `entry` still holds it (a newer load may have taken over). */
export function releaseEntry(slot: GuardSlot, entry: GuardEntry): void {
  if (slot.active === entry) slot.active = null;
}
