// Middleware: the caller must present a valid access token; its identity lands in ctx.state.
import type { Middleware } from 'koa';
import { readBearerToken } from './bearer-token';
import type { Identity, TokenVerifier } from './token-verifier';

export interface AuthState {
  identity?: Identity;
}

export function authenticate(verifyToken: TokenVerifier): Middleware<AuthState> {
  return async function authenticateCaller(ctx, next) {
    ctx.state.identity = await verifyToken(readBearerToken(ctx.req));
    await next();
  };
}
