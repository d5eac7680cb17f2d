// The one error middleware, first in the chain: every failure leaves as
// `{ "error": { code, message, requestId } }`. Expected errors (AppError with expose) show their
// message; anything else is a generic 500 whose details go to the log only, once.
import type { Middleware } from 'koa';
import { AppError, type ErrorBody } from '../errors';
import type { Logger } from '../logger';
import { requestIdOf } from './request-id';

const GENERIC = new AppError(500, 'internal_error', 'Something went wrong on our side.', { expose: false });

/** What may be logged about an error: no request data, nothing from credentials. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code, httpCode, requestId, type } = error as Error & Record<string, unknown>;
  return {
    type: error.name,
    message: error.message.slice(0, 300),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof httpCode === 'number' ? { httpCode } : {}),
    ...(typeof type === 'string' ? { fetchType: type } : {}),
    ...(typeof requestId === 'string' && requestId ? { upstreamRequestId: requestId } : {}),
  };
}

export function errorHandler(logger: Logger): Middleware {
  return async function renderErrors(ctx, next) {
    try {
      await next();
    } catch (thrown) {
      const error = thrown instanceof AppError ? thrown : GENERIC;
      const requestId = requestIdOf(ctx);
      if (error.status >= 500) {
        const cause = thrown instanceof AppError ? thrown.cause : thrown;
        const stack = thrown instanceof AppError ? undefined : (thrown as Error | undefined)?.stack;
        logger.error({ requestId, code: error.code, cause: describeError(cause), stack }, 'request failed');
      }
      ctx.status = error.status;
      for (const [name, value] of Object.entries(error.headers)) ctx.set(name, value);
      ctx.set('Cache-Control', 'no-store');
      const body: ErrorBody = {
        error: { code: error.code, message: error.expose ? error.message : GENERIC.message, requestId },
      };
      ctx.body = body;
    }
  };
}
