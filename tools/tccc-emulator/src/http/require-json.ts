// State-changing requests to the control API and the dev IdP must say Content-Type: application/json.
// A page on another origin can send text/plain, a form or no type at all without a CORS preflight
// (a "simple request"); application/json always needs one, and only approved origins pass it.
// So a site a developer happens to visit cannot inject faults, reset the emulator or mint tokens.
import type { Middleware } from 'koa';
import { HttpError } from './http-error';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const requireJson: Middleware = async function requireJsonContentType(ctx, next) {
  // DELETE cannot be sent cross-origin without a preflight, so a bodyless DELETE needs no type.
  const bodyless = ctx.method === 'DELETE' && !ctx.request.length && !ctx.get('transfer-encoding');
  if (STATE_CHANGING.has(ctx.method) && !bodyless && !ctx.is('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the request with Content-Type: application/json');
  }
  await next();
};
