/**
 * Why loading the SDK failed. Messages are written for people and never carry the SdkURL: it is a
 * one-time login credential, and error messages end up in logs, toasts and bug reports.
 */
export type TcccLoadErrorCode =
  /** sdkUrl or an option is unusable; nothing was injected. */
  | 'invalid_argument'
  /** The SDK script failed to load (network error, or the SdkURL was refused, e.g. used a second time). */
  | 'script_error'
  /** The script did not load and fire `ready` within `timeoutMs` of its injection. */
  | 'timeout'
  /** The SDK fired `tokenExpired` before `ready` (its token had expired at initialisation): request a fresh SdkURL. */
  | 'token_expired'
  /** The script loaded but put no usable `tccc` global on the page. */
  | 'no_global'
  /** The load was aborted (teardown while loading, or the caller's AbortSignal). */
  | 'aborted';

export const TCCC_LOAD_ERROR_CODES: readonly TcccLoadErrorCode[] = [
  'invalid_argument',
  'script_error',
  'timeout',
  'token_expired',
  'no_global',
  'aborted',
];

// A registered symbol, so a second copy of this library on the page recognises our errors.
const BRAND = Symbol.for('tccc-desk.TcccLoadError');

export class TcccLoadError extends Error {
  override readonly name = 'TcccLoadError';

  constructor(
    readonly code: TcccLoadErrorCode,
    message: string,
  ) {
    super(message);
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Whether a new attempt (with a fresh SdkURL) can help. */
  get retryable(): boolean {
    return this.code !== 'invalid_argument';
  }
}

/**
 * `instanceof TcccLoadError` only knows this copy's class; a load started by another copy of the
 * library on the page rejects with that copy's class. This check works across copies.
 */
export function isTcccLoadError(value: unknown): value is TcccLoadError {
  return value instanceof Error && (value as unknown as Record<symbol, unknown>)[BRAND] === true;
}
