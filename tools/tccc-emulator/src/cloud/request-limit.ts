// Tencent's documented frequency limit for CreateSDKLoginToken: "默认接口请求频率限制：20次/秒"
// (product doc 679/49227). How Tencent counts is in its API guide (doc 1278/109059, "API 频率限制说明"):
// per API + access region + sub-account, "每一秒钟的前20次请求都能成功到达业务后端" (each second's first 20
// requests pass, the rest are refused), timed at arrival at the server. So the emulator counts per
// SecretId (one access region) and action within each calendar second of its clock: 20 at x.990 and
// 20 more at (x+1).010 both pass, as they would at Tencent. `peakPerSecond` still reports the most
// accepted within any 1,000 ms (sliding), the stricter measure a caller's own pacing is held to.
import type { Clock } from '../clock';

export const DOCUMENTED_REQUESTS_PER_SECOND = 20;
const WINDOW_MS = 1000;

export interface RequestLimitStats {
  /** Requests per second allowed per SecretId and action; 0 = unlimited. */
  limitPerSecond: number;
  /** The most requests accepted within any 1,000 ms so far (since start or reset). */
  peakPerSecond: number;
  /** Requests refused with RequestLimitExceeded. */
  refused: number;
}

export class RequestLimit {
  /** Accepted request times of the last second, per key: for peakPerSecond only. */
  private readonly accepted = new Map<string, number[]>();
  /** The calendar second being counted, and how many it accepted, per key: the limit itself. */
  private readonly seconds = new Map<string, { second: number; count: number }>();
  private peak = 0;
  private refusedCount = 0;

  constructor(
    private readonly clock: Clock,
    private limitPerSecond: number = DOCUMENTED_REQUESTS_PER_SECOND,
  ) {
    RequestLimit.check(limitPerSecond);
  }

  static check(limitPerSecond: number): void {
    if (!Number.isInteger(limitPerSecond) || limitPerSecond < 0 || limitPerSecond > 100_000) {
      throw new RangeError(`limitPerSecond must be an integer from 0 to 100000, got ${String(limitPerSecond)}`);
    }
  }

  setLimit(limitPerSecond: number): void {
    RequestLimit.check(limitPerSecond);
    this.limitPerSecond = limitPerSecond;
  }

  /** Records the request and returns true when it is within the limit. */
  tryAccept(secretId: string, action: string): boolean {
    const now = this.clock();
    const key = `${secretId}\u0000${action}`;
    const second = Math.floor(now / 1000);
    const counted = this.seconds.get(key);
    const inThisSecond = counted?.second === second ? counted.count : 0;
    if (this.limitPerSecond > 0 && inThisSecond >= this.limitPerSecond) {
      this.refusedCount += 1;
      return false;
    }
    this.seconds.set(key, { second, count: inThisSecond + 1 });
    const times = (this.accepted.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
    times.push(now);
    this.accepted.set(key, times);
    this.peak = Math.max(this.peak, times.length);
    return true;
  }

  stats(): RequestLimitStats {
    return { limitPerSecond: this.limitPerSecond, peakPerSecond: this.peak, refused: this.refusedCount };
  }

  /** Forgets what was counted (the limit itself stays). */
  reset(): void {
    this.accepted.clear();
    this.seconds.clear();
    this.peak = 0;
    this.refusedCount = 0;
  }
}
