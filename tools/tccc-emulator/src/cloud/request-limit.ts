// Tencent's documented frequency limit for CreateSDKLoginToken: "默认接口请求频率限制：20次/秒"
// (product doc 679/49227). Enforced per SecretId and action over a sliding one-second window: a
// request that would be the 21st accepted within any 1,000 ms gets RequestLimitExceeded. Tencent
// does not document how it counts; the emulator's choices (sliding window, only accepted requests
// count, per SecretId and action) are listed in its README.
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
  private readonly accepted = new Map<string, number[]>();
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
    const times = (this.accepted.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
    if (this.limitPerSecond > 0 && times.length >= this.limitPerSecond) {
      this.accepted.set(key, times);
      this.refusedCount += 1;
      return false;
    }
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
    this.peak = 0;
    this.refusedCount = 0;
  }
}
