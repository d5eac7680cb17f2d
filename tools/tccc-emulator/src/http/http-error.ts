import type { Middleware } from 'koa';
import type { Logger } from '../logger';

/** An expected failure of a JSON route: the client sees `{ error: code, message }` with `status`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The one error middleware of the JSON routes (control API, dev IdP). The cloud API answers its own errors. */
export function errorHandler(logger: Logger): Middleware {
  return async function handleErrors(ctx, next) {
    try {
      await next();
    } catch (error) {
      if (error instanceof HttpError) {
        ctx.status = error.status;
        ctx.body = { error: error.code, message: error.message };
        return;
      }
      logger.warn({ err: error, path: ctx.path }, 'unexpected error');
      ctx.status = 500;
      ctx.body = { error: 'internal_error', message: 'Internal error' };
    }
  };
}
