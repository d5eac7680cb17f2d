/**
 * What the tabs protocol needs from the browser, as small injectable shapes: the Web Locks
 * manager (`navigator.locks`) and a BroadcastChannel factory. Unit tests pass fakes; a browser
 * without either gets `null` and the desk works alone in that tab.
 */

export interface TabLockOptions {
  mode?: 'exclusive';
  ifAvailable?: boolean;
  steal?: boolean;
  signal?: AbortSignal;
}

/** The part of `LockManager` the election uses. */
export interface TabLocks {
  request(name: string, options: TabLockOptions, callback: (lock: unknown) => unknown): Promise<unknown>;
}

/** The part of `BroadcastChannel` the protocol uses. */
export interface TabChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export type TabChannelFactory = (name: string) => TabChannel;

export interface TabEnvironment {
  locks: TabLocks;
  channel: TabChannelFactory;
}

/** The page's Web Locks and BroadcastChannel, or null when the browser lacks either. */
export function browserTabEnvironment(): TabEnvironment | null {
  try {
    const host = globalThis as { navigator?: { locks?: TabLocks }; BroadcastChannel?: new (name: string) => TabChannel };
    const locks = host.navigator?.locks;
    const Channel = host.BroadcastChannel;
    if (!locks || typeof locks.request !== 'function' || typeof Channel !== 'function') return null;
    return { locks, channel: (name) => new Channel(name) };
  } catch {
    return null;
  }
}
