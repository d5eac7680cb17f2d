// The one error type the service throws on purpose. The error middleware turns it into the JSON
// contract; anything else becomes a generic 500 so internals never reach a client.

export interface AppErrorOptions {
  /** Show `message` to the client (true for expected errors; false hides it behind a generic one). */
  expose?: boolean;
  /** Extra response headers (WWW-Authenticate, Retry-After, Allow). */
  headers?: Record<string, string>;
  /** The underlying error, for the server log only. */
  cause?: unknown;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly expose: boolean;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.expose = options.expose ?? status < 500;
    this.headers = options.headers ?? {};
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; requestId: string };
}
