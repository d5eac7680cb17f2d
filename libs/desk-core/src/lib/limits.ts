/** The commands' input limits (validation.ts), public as COMMAND_LIMITS without the checks' code. */
export const LIMITS = {
  sessionId: 128,
  /** Digits of a phone number, after separators are removed (E.164 allows 15; prefixes add some). */
  phoneDigitsMin: 3,
  phoneDigitsMax: 20,
  phoneDesc: 64,
  uui: 1024,
  id: 128,
  servingNumberGroupIds: 32,
  digits: 32,
  restReason: 64,
} as const;
