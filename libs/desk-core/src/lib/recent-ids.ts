/**
 * A bounded memory of ids (the sessions that ended lately), so that an event arriving late for
 * one of them (a duplicate callIn, a dial's answer after its sessionEnded) is recognised even when
 * `history` is small or 0. Two generations of a persistent map: when the current one is full it
 * becomes the previous one, so the last `limit` ids are always remembered, at O(log n) per step.
 */
import { pmGet, pmSet, type PersistentMap } from './persistent-map';

export const RECENT_IDS_LIMIT = 1_000;

export class RecentIds {
  static readonly EMPTY = new RecentIds(undefined, undefined, 0);

  private constructor(
    private readonly current: PersistentMap<true>,
    private readonly previous: PersistentMap<true>,
    private readonly count: number,
  ) {}

  has(id: string): boolean {
    return pmGet(this.current, id) !== undefined || pmGet(this.previous, id) !== undefined;
  }

  add(id: string, limit = RECENT_IDS_LIMIT): RecentIds {
    if (pmGet(this.current, id) !== undefined) return this;
    if (this.count >= limit) return new RecentIds(pmSet(undefined, id, true), this.current, 1);
    return new RecentIds(pmSet(this.current, id, true), this.previous, this.count + 1);
  }
}
