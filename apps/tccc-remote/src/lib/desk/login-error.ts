import { DeskError, type DeskErrorCode } from '@tccc-desk/desk-core';

export type LoginErrorCode = Extract<DeskErrorCode, 'unauthorized' | 'no_seat' | 'login_failed'>;

/**
 * A failed login through the token API: a DeskError, so desk-core reports its code and message as
 * they are (no_seat, unauthorized, …) instead of a generic login_failed.
 */
export class DeskLoginError extends DeskError {
  declare readonly code: LoginErrorCode;
  /** The token API's request id, for support. */
  readonly requestId?: string;

  constructor(code: LoginErrorCode, message: string, retryable: boolean, requestId?: string) {
    super({ code, message, retryable });
    if (requestId !== undefined) this.requestId = requestId;
  }
}
