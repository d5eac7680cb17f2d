/**
 * The chunks a first contact needs (the contact list, the call controls: one chunk in the build,
 * rspack.config.mjs), fetched once the desk is ready and the page is idle, and again a few times if
 * that fails. They stay off the way to
 * `ready`, but a contact never waits for them, and their `@defer` blocks never meet a failed fetch
 * (Angular does not retry a `@defer` whose load failed: the desk would have no controls until a
 * reload).
 */
export type ChunkLoad = () => Promise<unknown>;

const loadFirstContactChunks: ChunkLoad = () => Promise.all([import('./session-list.component'), import('./session-controls.component')]);

/** Waits after the first try and each failure (ms); then gives up (the `@defer` tries once more on the first contact). */
export const WARM_UP_DELAYS_MS: readonly number[] = [0, 5_000, 20_000, 60_000];

/** Resolves true once loaded, false when it gave up or was aborted. Never rejects. */
export async function warmFirstContactChunks(
  signal: AbortSignal,
  load: ChunkLoad = loadFirstContactChunks,
  delaysMs: readonly number[] = WARM_UP_DELAYS_MS,
  idle: (run: () => void) => void = whenIdle,
): Promise<boolean> {
  for (const delay of delaysMs) {
    await new Promise<void>((resolve) => setTimeout(() => idle(resolve), delay));
    if (signal.aborted) return false;
    try {
      await load();
      return true;
    } catch {
      // A network drop or a removed file: the next try, or the @defer's own on the first contact.
    }
  }
  return false;
}

function whenIdle(run: () => void): void {
  const host = globalThis as { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number };
  if (typeof host.requestIdleCallback === 'function') host.requestIdleCallback(run, { timeout: 2_000 });
  else setTimeout(run, 0);
}
