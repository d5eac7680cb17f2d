// Per-identity rate limit (keyed by the token's `sub`, so one person cannot starve the others and
// a shared gateway IP does not matter). In memory: with more than one replica it moves to Redis
// (RateLimiterRedis has the same interface).
import type { Middleware } from 'koa';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AuthState } from '../auth/authenticate';
import { AppError } from '../errors';

export function createIdentityRateLimiter(options: { points: number; durationSeconds: number }): RateLimiterAbstract {
  return new RateLimiterMemory({ keyPrefix: 'tccc-login', points: options.points, duration: options.durationSeconds });
}

export function rateLimitByIdentity(limiter: RateLimiterAbstract): Middleware<AuthState> {
  return async function limitPerIdentity(ctx, next) {
    const sub = ctx.state.identity?.sub;
    if (sub === undefined) throw new Error('rateLimitByIdentity runs after authenticate');
    try {
      await limiter.consume(sub);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError(429, 'rate_limited', 'Too many login attempts; retry later.', {
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
    await next();
  };
}
