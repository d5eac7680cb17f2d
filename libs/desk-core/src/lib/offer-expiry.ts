/**
 * Ringing offers with a timeout, watched with one timer: if the platform says nothing about an
 * offer by its deadline (plus a grace), `expire(id, now)` is called so the reducer can take it off
 * the live list. One timer for all offers (set for the earliest deadline), not one per offer:
 * a Map write per offer and per answer is all an event costs.
 */
import type { DeskSession } from './desk.types';
import { OFFER_EXPIRY_GRACE_MS, offerDeadline } from './session-transitions';

export interface OfferExpiry {
  /** After an event about `session` (undefined: it is no longer live). */
  track(sessionId: string, session: DeskSession | undefined): void;
  stop(): void;
}

export function createOfferExpiry(clock: () => number, expire: (sessionId: string, at: number) => void): OfferExpiry {
  /** Offer id → when to give up on it (deadline + grace). */
  const due = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;
  let stopped = false;

  function schedule(at: number): void {
    if (at >= timerAt) return;
    if (timer !== undefined) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(fire, Math.max(0, at - clock()));
    // In Node (tests, SSR) a pending offer must not keep the process alive.
    (timer as { unref?: () => void }).unref?.();
  }

  function fire(): void {
    timer = undefined;
    timerAt = Infinity;
    if (stopped) return;
    const now = clock();
    let next = Infinity;
    for (const [id, at] of due) {
      if (at <= now) {
        due.delete(id);
        expire(id, now);
      } else if (at < next) {
        next = at;
      }
    }
    if (next !== Infinity && !stopped) schedule(next);
  }

  return {
    track(sessionId, session) {
      const deadline = session && offerDeadline(session);
      if (deadline === undefined) {
        due.delete(sessionId);
        return;
      }
      if (due.has(sessionId)) return;
      const at = deadline + OFFER_EXPIRY_GRACE_MS;
      due.set(sessionId, at);
      schedule(at);
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      due.clear();
    },
  };
}
