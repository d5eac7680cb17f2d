// Per-identity rate limit (keyed by the token's `sub`, so one person cannot starve the others and
// a shared gateway IP does not matter). In memory for one replica; in Redis (REDIS_URL) so the
// limit holds across every replica. Redis down: the login fails with 503 dependency_unavailable
// rather than skipping the limit.
import type { Middleware } from 'koa';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AuthState } from '../auth/authenticate';
import { AppError } from '../errors';
import type { RedisClient } from '../redis/redis-client';
import { dependencyUnavailable } from '../redis/dependency-error';

export interface IdentityRateLimitOptions {
  points: number;
  durationSeconds: number;
  /** Shared state across replicas; undefined = this process only. */
  redis?: RedisClient;
}

export function createIdentityRateLimiter(options: IdentityRateLimitOptions): RateLimiterAbstract {
  const common = { keyPrefix: 'tccc-login', points: options.points, duration: options.durationSeconds };
  if (!options.redis) return new RateLimiterMemory(common);
  return new RateLimiterRedis({ ...common, storeClient: options.redis, rejectIfRedisNotReady: true });
}

export function rateLimitByIdentity(limiter: RateLimiterAbstract): Middleware<AuthState> {
  return async function limitPerIdentity(ctx, next) {
    const sub = ctx.state.identity?.sub;
    if (sub === undefined) throw new Error('rateLimitByIdentity runs after authenticate');
    try {
      await limiter.consume(sub);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw dependencyUnavailable(rejection);
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError(429, 'rate_limited', 'Too many login attempts; retry later.', {
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
    await next();
  };
}
