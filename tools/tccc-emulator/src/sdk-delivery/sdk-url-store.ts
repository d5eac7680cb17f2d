// One-time SdkURL tokens: minted by CreateSDKLoginToken, redeemed once by GET /sdk/tccc-sdk.js,
// refused when reused or unknown; older than 10 minutes, the login is handed back as expired (the
// script route serves an SDK that reports tokenExpired). Bounded: old entries are swept on every
// call and the map never grows past `maxEntries`. A token that can still be redeemed is never
// dropped to make room: when every entry is live, minting is refused instead.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

export const SDK_URL_TTL_MS = 10 * 60 * 1000;

export interface SdkLogin {
  sdkAppId: number;
  seatUserId: string;
}

export type RedeemResult =
  | { ok: true; login: SdkLogin }
  | { ok: false; reason: 'unknown' | 'used' }
  | { ok: false; reason: 'expired'; login: SdkLogin };

export type MintResult = { ok: true; token: string; expiresAt: number } | { ok: false; reason: 'full' };

interface Entry {
  login: SdkLogin;
  expiresAt: number;
  used: boolean;
}

export interface SdkUrlStoreOptions {
  clock: Clock;
  ttlMs?: number;
  maxEntries?: number;
}

const DEFAULT_MAX_ENTRIES = 250_000;

export class SdkUrlStore {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: Clock;
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(options: SdkUrlStoreOptions) {
    this.clock = options.clock;
    this.ttlMs = options.ttlMs ?? SDK_URL_TTL_MS;
    // Every minted SdkURL stays redeemable for 10 minutes, so the bound must hold 10 minutes of the
    // heaviest local load (the token-api benchmark mints ~3,000/s for ~40 s): ~200 B an entry.
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  }

  get size(): number {
    return this.entries.size;
  }

  mint(login: SdkLogin): MintResult {
    this.sweep();
    if (this.entries.size >= this.maxEntries) this.forgetSpent();
    if (this.entries.size >= this.maxEntries) return { ok: false, reason: 'full' };
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.clock() + this.ttlMs;
    this.entries.set(token, { login, expiresAt, used: false });
    return { ok: true, token, expiresAt };
  }

  redeem(token: string): RedeemResult {
    this.sweep();
    const entry = this.entries.get(token);
    if (!entry) return { ok: false, reason: 'unknown' };
    if (entry.used) return { ok: false, reason: 'used' };
    if (this.clock() >= entry.expiresAt) return { ok: false, reason: 'expired', login: entry.login };
    entry.used = true;
    return { ok: true, login: entry.login };
  }

  /**
   * Under pressure only: forgets every entry that can no longer be redeemed (expired or used). A
   * late fetch of one is then told "unknown" rather than "expired"/"used", which is still a 403.
   */
  private forgetSpent(): void {
    const now = this.clock();
    for (const [token, entry] of this.entries) {
      if (entry.used || now >= entry.expiresAt) this.entries.delete(token);
    }
  }

  /**
   * Forgets entries one TTL after they expired: kept that long only so a late fetch is told
   * "expired" or "used" rather than "unknown". Entries are in mint order, so stop at the first keeper.
   */
  private sweep(): void {
    const forgetBefore = this.clock() - this.ttlMs;
    for (const [token, entry] of this.entries) {
      if (entry.expiresAt > forgetBefore) break;
      this.entries.delete(token);
    }
  }
}
