// Every request gets an id, echoed in X-Request-Id and in every error body and log line. An id
// from the gateway is kept only if it is a short plain token: anything else (CR/LF, quotes,
// oversized values) could forge log lines or headers, so it is replaced.
import { randomUUID } from 'node:crypto';
import type { Context, Middleware } from 'koa';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export interface RequestIdState {
  requestId?: string;
}

export function acceptRequestId(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The request's id, assigning one if the request-id middleware has not run yet. */
export function requestIdOf(ctx: Context): string {
  const state = ctx.state as RequestIdState;
  if (state.requestId === undefined) {
    state.requestId = acceptRequestId(ctx.req.headers['x-request-id']);
    ctx.set('X-Request-Id', state.requestId);
  }
  return state.requestId;
}

export function requestId(): Middleware {
  return async function assignRequestId(ctx, next) {
    requestIdOf(ctx);
    await next();
  };
}
