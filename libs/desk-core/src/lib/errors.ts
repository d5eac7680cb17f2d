/**
 * DeskError: the one error type the desk rejects with and reports. Messages are written for people
 * and never carry an SdkURL (a one-time login credential that would end up in logs and toasts).
 */
import { isTcccLoadError, redactSdkUrl, type TcccLoadErrorCode } from '@tccc-desk/tccc-sdk';
import type { DeskErrorCode, DeskErrorInfo } from './desk.types';

// A registered symbol, so errors from another copy of this library (e.g. a shell and a remote
// each bundling it) are still recognised.
const BRAND = Symbol.for('tccc-desk.DeskError');

export class DeskError extends Error implements DeskErrorInfo {
  override readonly name = 'DeskError';
  readonly code: DeskErrorCode;
  readonly field?: string;
  readonly retryable: boolean;

  constructor(info: DeskErrorInfo, options?: { cause?: unknown }) {
    super(info.message, options);
    this.code = info.code;
    if (info.field !== undefined) this.field = info.field;
    this.retryable = info.retryable;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The plain, serialisable info (what `errors$` and `lifecycle$` carry). */
  toJSON(): DeskErrorInfo {
    return toInfo(this);
  }
}

export function isDeskError(value: unknown): value is DeskError {
  return value instanceof Error && (value as unknown as Record<symbol, unknown>)[BRAND] === true;
}

function toInfo(error: DeskErrorInfo): DeskErrorInfo {
  const info: DeskErrorInfo = { code: error.code, message: error.message, retryable: error.retryable };
  if (error.field !== undefined) info.field = error.field;
  return info;
}

// ---------------------------------------------------------------------------------------------
// Arguments (the errors only the SDK commands reject with are in command-errors.ts)

export function invalidArgument(field: string, message: string): DeskError {
  return new DeskError({ code: 'invalid_argument', message: `${field}: ${message}`, field, retryable: false });
}

export function sdkUnloaded(): DeskError {
  return new DeskError({
    code: 'sdk_unloaded',
    message: 'The TCCC SDK was removed from this page (another desk on the page shut it down). Retry to load it again.',
    retryable: true,
  });
}

export function tokenExpiredError(): DeskError {
  return new DeskError({
    code: 'token_expired',
    message: 'The TCCC login has expired. Retry to log in again.',
    retryable: true,
  });
}

export function destroyedError(): DeskError {
  return new DeskError({ code: 'destroyed', message: 'The desk has been destroyed.', retryable: false });
}

// ---------------------------------------------------------------------------------------------
// Connecting: what login and the loader threw, as DeskErrorInfo

const MAX_MESSAGE = 300;

/** A DeskError from `login()` passes through (no_seat, unauthorized, …); anything else is login_failed. */
export function loginFailure(error: unknown): DeskError {
  if (isDeskError(error)) return error;
  const detail = error instanceof Error && error.message ? `: ${clip(error.message)}` : '';
  return new DeskError({ code: 'login_failed', message: `Logging in to TCCC failed${detail}.`, retryable: true }, { cause: error });
}

const LOAD_CODES: Record<TcccLoadErrorCode, DeskErrorCode> = {
  script_error: 'script_error',
  timeout: 'load_timeout',
  token_expired: 'token_expired',
  no_global: 'script_error',
  aborted: 'script_error',
  // An SdkURL the loader cannot use, or no page to load into: the message says which.
  invalid_argument: 'script_error',
};

/**
 * The loader's errors mapped to the desk's codes (its messages are already scrubbed of the URL).
 * Anything else a custom loader throws gets a generic message with the SdkURL removed.
 */
export function loadFailure(error: unknown, sdkUrl: string): DeskError {
  if (isDeskError(error)) return error;
  if (isTcccLoadError(error)) {
    const code = LOAD_CODES[error.code] ?? 'script_error';
    return new DeskError({ code, message: error.message, retryable: true }, { cause: error });
  }
  const detail = error instanceof Error && error.message ? `: ${clip(redactSdkUrl(error.message, sdkUrl))}` : '';
  return new DeskError({ code: 'script_error', message: `The TCCC SDK could not be loaded${detail}.`, retryable: true }, { cause: error });
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

