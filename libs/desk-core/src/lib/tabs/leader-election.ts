/**
 * One leader per lock name among the tabs of a browser profile, with the Web Locks API: the
 * leader holds an exclusive lock for as long as it leads; every other tab waits in the lock's
 * queue, so when the leader's tab closes or crashes the browser releases the lock and the next
 * tab in line is granted it, with no message needed. `steal()` ("Use it here") takes the lock
 * from the holder, whose request then fails with an AbortError: it steps down and queues again.
 */
import type { TabLocks } from './tab-environment';

export type ElectionRole = 'leader' | 'follower';

export interface Election {
  /** Take the lock from whoever holds it (this tab becomes leader at once). */
  steal(): void;
  /** Let go of the lock (if held) and leave the queue. Idempotent. */
  stop(): void;
}

export function startElection(options: {
  locks: TabLocks;
  name: string;
  onRole: (role: ElectionRole) => void;
  /** The lock manager refused (anything but an AbortError, e.g. a SecurityError in a sandboxed iframe): no election can run. */
  onUnavailable?: (error: unknown) => void;
}): Election {
  const { locks, name, onRole, onUnavailable } = options;
  let stopped = false;
  /** Ends the lock callback of the grant we hold (releasing the lock). */
  let release: (() => void) | null = null;
  /** Leaves the queue (aborts our waiting request). */
  let leaveQueue: (() => void) | null = null;
  /** Counts grants actually received (the id of a grant is taken in its own callback, never at request time). */
  let grant = 0;

  /** A request; one that throws instead of answering (a polyfill, a bad lock manager) fails like a refusal. */
  function request(options: Parameters<TabLocks['request']>[1], callback: (lock: unknown) => unknown): Promise<unknown> {
    try {
      return Promise.resolve(locks.request(name, options, callback));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  function hold(mine: number): Promise<void> {
    return new Promise<void>((resolve) => {
      release = () => {
        if (grant === mine) release = null;
        resolve();
      };
      if (stopped) release();
      else onRole('leader');
    });
  }

  /** A request failed: stolen (AbortError: step down if it was our current grant) or refused (no election possible). */
  function failed(error: unknown, mine: number): void {
    if (stopped) return;
    if (!isAbortError(error)) {
      stopped = true;
      leaveQueue?.();
      leaveQueue = null;
      release?.();
      onUnavailable?.(error);
      return;
    }
    lost(mine);
  }

  /** Our grant ended without our say (stolen): step down and wait in line again. */
  function lost(mine: number): void {
    if (stopped || mine < 0 || grant !== mine) return;
    release = null;
    grant++;
    onRole('follower');
    queue();
  }

  function queue(): void {
    const abort = new AbortController();
    leaveQueue = () => abort.abort();
    let mine = -1;
    request({ mode: 'exclusive', signal: abort.signal }, () => {
      leaveQueue = null;
      return hold((mine = ++grant));
    }).catch((error: unknown) => {
      if (abort.signal.aborted && mine < 0) return; // we left the queue ourselves
      failed(error, mine);
    });
  }

  let first = -1;
  request({ mode: 'exclusive', ifAvailable: true }, (lock) => {
    if (lock) return hold((first = ++grant));
    if (!stopped) {
      onRole('follower');
      queue();
    }
    return undefined;
  }).catch((error: unknown) => failed(error, first));

  return {
    steal() {
      if (stopped || release) return;
      leaveQueue?.();
      leaveQueue = null;
      let mine = -1;
      request({ mode: 'exclusive', steal: true }, () => hold((mine = ++grant))).catch((error: unknown) => failed(error, mine));
    },
    stop() {
      if (stopped) return;
      stopped = true;
      leaveQueue?.();
      leaveQueue = null;
      release?.();
    },
  };
}

function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
