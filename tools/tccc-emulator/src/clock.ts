/** Milliseconds since the epoch. Injected so tests can move time (expiry, signature skew) without waiting. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export function unixSeconds(clock: Clock): number {
  return Math.floor(clock() / 1000);
}
