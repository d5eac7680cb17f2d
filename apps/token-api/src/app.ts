// Builds the Koa app without listening: tests drive `app.callback()`, main.ts owns the server.
// Long-lived collaborators (cloud API client, JWKS cache, rate limiter, metrics) are created here
// once per app, never per request.
import cors from '@koa/cors';
import Router from '@koa/router';
import type { JWTVerifyGetKey } from 'jose';
import Koa from 'koa';
import helmet from 'koa-helmet';
import { authenticate } from './auth/authenticate';
import { createRemoteKeySet } from './auth/remote-key-set';
import { createTokenVerifier } from './auth/token-verifier';
import { type Clock, systemClock } from './clock';
import type { Config } from './config';
import { describeError, errorHandler } from './http/error-handler';
import { notFoundAsJson } from './http/not-found';
import { observe } from './http/observe';
import { createIdentityRateLimiter, rateLimitByIdentity } from './http/rate-limit';
import { requestId } from './http/request-id';
import { createLogger, type Logger } from './logger';
import { createMetrics, type Metrics } from './metrics';
import { createOutboundAgent } from './net/agents';
import { createReadinessCheck } from './readiness';
import { createRedisClient } from './redis/redis-client';
import { withRedisReadiness } from './redis/redis-readiness';
import { healthRoutes } from './routes/health';
import { loginRoutes } from './routes/login';
import { type CccClient, type CccClientOptions, createCccClient } from './tccc/ccc-client';
import { createSdkLoginMinter } from './tccc/login-tokens';
import { createUpstreamBudget } from './tccc/upstream-budget';

export interface AppDeps {
  logger?: Logger;
  clock?: Clock;
  /** Builds the cloud API client (called once). Unit tests hand in a fake. */
  cccClientFactory?: (options: CccClientOptions) => CccClient;
  /** The key set used to verify access tokens; default the configured remote JWKS. */
  jwtKeys?: JWTVerifyGetKey;
}

export type TokenApp = Koa & {
  metrics: Metrics;
  /** The process is stopping: logins whose turn comes after `until` are answered login_busy now. */
  drain(until: number): void;
  /** Releases what the app holds beyond requests: the Redis connection, the budget's timers. */
  close(): Promise<void>;
};

export function createApp(config: Config, deps: AppDeps = {}): TokenApp {
  const logger = deps.logger ?? createLogger({ level: config.logLevel, secrets: [config.tccc.secretId, config.tccc.secretKey] });
  const clock = deps.clock ?? systemClock;
  const metrics = createMetrics();
  const jwksAgent = createOutboundAgent(new URL(config.auth.jwksUrl).protocol as 'http:' | 'https:');

  const jwtKeys =
    deps.jwtKeys ??
    createRemoteKeySet({
      url: config.auth.jwksUrl,
      agent: jwksAgent,
      deadlineMs: config.auth.jwksTimeoutMs,
      cooldownMs: 30_000,
      cacheMaxAgeMs: 10 * 60_000,
      clock,
    });
  const verifyToken = createTokenVerifier({
    keys: jwtKeys,
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    algorithms: config.auth.algorithms,
    clockToleranceSeconds: config.auth.clockToleranceSeconds,
    tokenType: config.auth.tokenType,
    maxTokenAgeSeconds: config.auth.maxTokenAgeSeconds,
    deadlineMs: config.auth.jwksTimeoutMs,
    clock,
  });

  const redis = config.redisUrl === undefined ? undefined : createRedisClient({ url: config.redisUrl, logger });
  const budget = createUpstreamBudget({
    ...config.upstreamBudget,
    secretId: config.tccc.secretId,
    ...(config.redisUrl === undefined ? {} : { redisUrl: config.redisUrl }),
    metrics,
    logger,
  });
  const cccClient = (deps.cccClientFactory ?? createCccClient)(config.tccc);
  const mintSdkLogin = createSdkLoginMinter(cccClient, metrics, {
    onlyOnce: config.tccc.onlyOnce,
    budget,
    maxWaitMs: config.upstreamBudget.maxWaitMs,
  });
  const checkJwks = createReadinessCheck({
    jwksUrl: config.auth.jwksUrl,
    timeoutMs: config.readiness.timeoutMs,
    cacheMs: config.readiness.cacheMs,
    agent: jwksAgent,
    clock,
  });
  const checkReadiness = redis ? withRedisReadiness(checkJwks, redis, config.readiness.timeoutMs) : checkJwks;

  const router = new Router();
  loginRoutes(router, {
    authenticate: authenticate(verifyToken),
    rateLimit: rateLimitByIdentity(createIdentityRateLimiter({ ...config.rateLimit, ...(redis ? { redis } : {}) })),
    seats: config.seats,
    mintSdkLogin,
    logger,
    metrics,
  });
  healthRoutes(router, { checkReadiness, metrics });

  const allowedOrigins = new Set(config.corsOrigins);
  // Behind the gateway (TRUST_PROXY, the default): trust X-Forwarded-*, but only the hop the
  // gateway added (maxIpsCount 1), so a client cannot choose the IP that lands in the audit log.
  // Reached directly (TRUST_PROXY=false), the socket peer is the only address worth believing.
  const app = new Koa({ proxy: config.trustProxy, maxIpsCount: 1 }) as TokenApp;
  app.metrics = metrics;
  app.drain = (until) => budget.drain(until);
  app.close = async () => {
    await budget.close();
    redis?.disconnect();
  };
  // Koa only emits here for failures outside the middleware chain (e.g. a client socket error).
  app.on('error', (error: unknown) => logger.warn({ cause: describeError(error) }, 'koa error'));
  app.use(errorHandler(logger));
  app.use(requestId());
  app.use(observe(logger, metrics));
  app.use(helmet());
  app.use(
    cors({
      // An unknown origin gets no CORS headers at all, so the browser blocks the response.
      origin: (ctx) => {
        const origin = ctx.get('Origin');
        return allowedOrigins.has(origin) ? origin : '';
      },
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      exposeHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    }),
  );
  app.use(notFoundAsJson());
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
