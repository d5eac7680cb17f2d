// Timers of the emulated call center (callOuted delay, inbound timeout, callee auto-answer).
// Injected next to the Clock so tests can drive time; `TimerSet` tracks what is pending so
// reset and close() cancel everything.

export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemScheduler: Scheduler = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.(); // a pending scenario timer never holds the process open
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** A group of timers that can be cancelled together. Each runs at most once. */
export class TimerSet {
  private readonly pending = new Map<number, unknown>();
  private nextId = 1;

  constructor(private readonly scheduler: Scheduler) {}

  get size(): number {
    return this.pending.size;
  }

  /** Returns a cancel function. */
  after(ms: number, callback: () => void): () => void {
    const id = this.nextId++;
    const handle = this.scheduler.setTimeout(() => {
      if (!this.pending.delete(id)) return;
      callback();
    }, Math.max(0, ms));
    this.pending.set(id, handle);
    return () => {
      const live = this.pending.get(id);
      if (live === undefined) return;
      this.pending.delete(id);
      this.scheduler.clearTimeout(live);
    };
  }

  clear(): void {
    for (const handle of this.pending.values()) this.scheduler.clearTimeout(handle);
    this.pending.clear();
  }
}
