/**
 * Fakes of the browser's Web Locks manager and BroadcastChannel for the tabs protocol: one
 * "browser profile" (a lock manager and a message hub) shared by several "tabs". Messages are
 * structured-cloned and delivered asynchronously, like the real channel; a test can drop some
 * (lost messages) or crash a tab (its lock released, its channel silent, no goodbye).
 */
import type { TabChannel, TabEnvironment, TabLockOptions, TabLocks } from '../src/index';

interface Request {
  tab: string;
  callback: (lock: unknown) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

function abortError(): Error {
  const error = new Error('The lock request was aborted.');
  error.name = 'AbortError';
  return error;
}

export class FakeLocks {
  holder: Request | null = null;
  private readonly queue: Request[] = [];
  /** While true, a granted request's callback waits for runDeferred() ("granted, callback not yet run"). */
  deferCallbacks = false;
  private deferred: Array<() => void> = [];
  /** When set, every request rejects with this error (e.g. a SecurityError in a sandboxed iframe). */
  refuse: Error | null = null;

  /** Run the callbacks of the grants held back by deferCallbacks, in grant order. */
  runDeferred(): void {
    this.deferCallbacks = false;
    for (const run of this.deferred.splice(0)) run();
  }

  forTab(tab: string): TabLocks {
    return { request: (name, options, callback) => this.request(tab, name, options, callback) };
  }

  /** The tab's process died: its lock is released and its queued requests vanish. */
  crash(tab: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].tab === tab) this.queue.splice(i, 1);
    if (this.holder?.tab === tab) {
      this.holder = null;
      this.pump();
    }
  }

  private request(tab: string, _name: string, options: TabLockOptions, callback: (lock: unknown) => unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.refuse) {
        reject(this.refuse);
        return;
      }
      const entry: Request = { tab, callback, resolve, reject };
      if (options.steal) {
        const old = this.holder;
        this.holder = null;
        old?.reject(abortError());
        this.grant(entry);
        return;
      }
      if (options.ifAvailable) {
        if (this.holder || this.queue.length > 0) {
          Promise.resolve()
            .then(() => callback(null))
            .then(resolve, reject);
        } else this.grant(entry);
        return;
      }
      if (options.signal?.aborted) {
        reject(abortError());
        return;
      }
      options.signal?.addEventListener('abort', () => {
        const index = this.queue.indexOf(entry);
        if (index >= 0) {
          this.queue.splice(index, 1);
          reject(abortError());
        }
      });
      this.queue.push(entry);
      this.pump();
    });
  }

  private pump(): void {
    if (this.holder) return;
    const next = this.queue.shift();
    if (next) this.grant(next);
  }

  private grant(entry: Request): void {
    this.holder = entry;
    if (this.deferCallbacks) {
      this.deferred.push(() => this.run(entry));
      return;
    }
    this.run(entry);
  }

  private run(entry: Request): void {
    Promise.resolve()
      .then(() => entry.callback({ name: 'lock' }))
      .then(
        (value) => {
          this.release(entry);
          entry.resolve(value);
        },
        (error: unknown) => {
          this.release(entry);
          entry.reject(error);
        },
      );
  }

  private release(entry: Request): void {
    if (this.holder !== entry) return; // stolen meanwhile, or crashed
    this.holder = null;
    this.pump();
  }
}

type Listener = (event: { data: unknown }) => void;

interface Endpoint {
  tab: string;
  name: string;
  listeners: Set<Listener>;
  closed: boolean;
}

export class FakeChannels {
  private readonly endpoints = new Set<Endpoint>();
  /** Return true to lose a message on its way from one tab to another. */
  drop: (message: Record<string, unknown>, from: string, to: string) => boolean = () => false;
  readonly sent: Array<{ from: string; message: Record<string, unknown> }> = [];

  forTab(tab: string): (name: string) => TabChannel {
    return (name) => {
      const endpoint: Endpoint = { tab, name, listeners: new Set(), closed: false };
      this.endpoints.add(endpoint);
      return {
        postMessage: (message) => {
          if (endpoint.closed) throw new Error('InvalidStateError: the channel is closed');
          const data = structuredClone(message) as Record<string, unknown>;
          this.sent.push({ from: tab, message: data });
          for (const other of this.endpoints) {
            if (other === endpoint || other.name !== name || other.closed) continue;
            if (this.drop(data, tab, other.tab)) continue;
            setTimeout(() => {
              if (!other.closed) for (const listener of other.listeners) listener({ data: structuredClone(data) });
            }, 0);
          }
        },
        addEventListener: (_type, listener) => void endpoint.listeners.add(listener),
        removeEventListener: (_type, listener) => void endpoint.listeners.delete(listener),
        close: () => {
          endpoint.closed = true;
          this.endpoints.delete(endpoint);
        },
      };
    };
  }

  /** The tab's process died: nothing it had open hears or says anything any more. */
  crash(tab: string): void {
    for (const endpoint of [...this.endpoints]) {
      if (endpoint.tab !== tab) continue;
      endpoint.closed = true;
      this.endpoints.delete(endpoint);
    }
  }
}

export class FakeProfile {
  readonly locks = new FakeLocks();
  readonly channels = new FakeChannels();

  environment(tab: string): TabEnvironment {
    return { locks: this.locks.forTab(tab), channel: this.channels.forTab(tab) };
  }

  crash(tab: string): void {
    this.channels.crash(tab);
    this.locks.crash(tab);
  }
}
