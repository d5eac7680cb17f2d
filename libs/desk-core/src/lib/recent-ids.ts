/**
 * A bounded memory of ids (the sessions that ended lately), so that an event arriving late for
 * one of them (a duplicate callIn, a dial's answer after its sessionEnded) is recognised even when
 * `history` is small or 0. Two generations: when the current one is full it becomes the previous
 * one, so the last `limit` ids are always remembered.
 *
 * Immutable to its users (every version stays valid: the reducer is pure), but a generation is an
 * append-only log shared by the versions made from it: a version sees the first `count` ids of
 * its log, so adding to the newest version appends (a Map write, no copy), and only adding to an
 * older one copies what that version sees. A persistent hash trie here copied a path of 32-slot
 * arrays per ended session.
 */

export const RECENT_IDS_LIMIT = 1_000;

/** Append-only: id → its position, in the order added. */
class Log {
  readonly at = new Map<string, number>();
  length = 0;

  /** The first `count` ids of `from` (a version that is not the newest branches off). */
  static copy(from: Log, count: number): Log {
    const log = new Log();
    for (const [id, at] of from.at) if (at < count) log.at.set(id, at);
    log.length = count;
    return log;
  }

  has(id: string, count: number): boolean {
    const at = this.at.get(id);
    return at !== undefined && at < count;
  }

  append(id: string): void {
    this.at.set(id, this.length++);
  }
}

export class RecentIds {
  static readonly EMPTY = new RecentIds(null, 0, null, 0);

  private constructor(
    private readonly current: Log | null,
    private readonly count: number,
    private readonly previous: Log | null,
    private readonly previousCount: number,
  ) {}

  has(id: string): boolean {
    return (this.current !== null && this.current.has(id, this.count)) || (this.previous !== null && this.previous.has(id, this.previousCount));
  }

  add(id: string, limit = RECENT_IDS_LIMIT): RecentIds {
    if (this.current !== null && this.current.has(id, this.count)) return this;
    if (this.current === null || this.count >= limit) {
      const log = new Log();
      log.append(id);
      return new RecentIds(log, 1, this.current, this.count);
    }
    const log = this.current.length === this.count ? this.current : Log.copy(this.current, this.count);
    log.append(id);
    return new RecentIds(log, this.count + 1, this.previous, this.previousCount);
  }
}
