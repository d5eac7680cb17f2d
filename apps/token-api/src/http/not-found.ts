// Turns the router's empty 404/405/501 answers into the JSON error contract.
import type { Middleware } from 'koa';
import { AppError } from '../errors';

export function notFoundAsJson(): Middleware {
  return async function answerUnknownRoutes(ctx, next) {
    await next();
    if (ctx.body !== undefined && ctx.body !== null) return;
    if (ctx.status === 404) throw new AppError(404, 'not_found', 'No such endpoint.');
    // The router answers 501 for methods it does not know at all; to a client both mean "not here".
    if (ctx.status === 405 || ctx.status === 501) {
      const allow = ctx.response.get('Allow');
      throw new AppError(405, 'method_not_allowed', `Use ${allow || 'another method'}.`, { headers: allow ? { Allow: allow } : {} });
    }
  };
}
