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

export function startElection(options: { locks: TabLocks; name: string; onRole: (role: ElectionRole) => void }): Election {
  const { locks, name, onRole } = options;
  let stopped = false;
  /** Ends the lock callback of the grant we hold (releasing the lock). */
  let release: (() => void) | null = null;
  /** Leaves the queue (aborts our waiting request). */
  let leaveQueue: (() => void) | null = null;
  let grant = 0;

  function hold(): Promise<void> {
    const mine = ++grant;
    return new Promise<void>((resolve) => {
      release = () => {
        if (grant === mine) release = null;
        resolve();
      };
      if (stopped) release();
      else onRole('leader');
    });
  }

  /** Our grant ended without our say (stolen): step down and wait in line again. */
  function lost(mine: number): void {
    if (stopped || grant !== mine) return;
    release = null;
    grant++;
    onRole('follower');
    queue();
  }

  function queue(): void {
    const abort = new AbortController();
    leaveQueue = () => abort.abort();
    const mine = grant + 1;
    locks
      .request(name, { mode: 'exclusive', signal: abort.signal }, () => {
        leaveQueue = null;
        return hold();
      })
      .catch(() => {
        if (abort.signal.aborted) return; // we left the queue ourselves
        lost(mine);
      });
  }

  locks
    .request(name, { mode: 'exclusive', ifAvailable: true }, (lock) => {
      if (lock) return hold();
      if (!stopped) {
        onRole('follower');
        queue();
      }
      return undefined;
    })
    .catch(() => lost(grant));

  return {
    steal() {
      if (stopped || release) return;
      leaveQueue?.();
      leaveQueue = null;
      const mine = grant + 1;
      locks.request(name, { mode: 'exclusive', steal: true }, () => hold()).catch(() => lost(mine));
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
