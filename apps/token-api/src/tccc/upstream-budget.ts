// The upstream budget: CreateSDKLoginToken calls are paced to TCCC_UPSTREAM_RPS (Tencent documents
// 20/s, product doc 679/49227, not how it counts; the budget is per SecretId, and a
// RequestLimitExceeded all the same slows it down) across every replica. Bottleneck spaces calls `minTime`
// apart; with Redis (REDIS_URL) its clustering shares that spacing between replicas. Calls beyond
// the budget wait first come, first served; a call that could not start within the wait bound is
// refused with 503 login_busy and a Retry-After, so a shift-start storm is served at Tencent's pace
// instead of turning into RequestLimitExceeded for most agents.
import { createHash } from 'node:crypto';
import Bottleneck from 'bottleneck';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { dependencyUnavailable } from '../redis/dependency-error';
import { redactRedisUrl } from '../redis/redact-url';
import { createRedisClient, isRedisReady, type RedisClient } from '../redis/redis-client';

export interface UpstreamBudgetOptions {
  /** Calls per second allowed to the cloud API for this SecretId, across replicas. */
  requestsPerSecond: number;
  /** How long a login may wait for its turn before 503 login_busy. */
  maxWaitMs: number;
  /** Keys the shared budget: every replica using the same SecretId shares one. */
  secretId: string;
  /** Shares the budget between replicas; undefined = this process only. */
  redisUrl?: string;
  metrics: Metrics;
  logger: Logger;
}

export interface UpstreamBudget {
  /** False for TCCC_UPSTREAM_RPS=0: calls are not paced, so nothing would space out a retry. */
  readonly paced: boolean;
  /**
   * Runs `call` when the budget allows, at most once. Rejects with AppError 503 login_busy when
   * its turn would come after `deadline` (ms since the epoch), or dependency_unavailable.
   */
  run<T>(call: () => Promise<T>, deadline: number): Promise<T>;
  /** Tencent said RequestLimitExceeded all the same: leave a quarter second of the budget unused. */
  slowDown(): void;
  close(): Promise<void>;
}

/**
 * The spacing between calls, with a 10 % margin: a call that leaves a busy replica a little late
 * must not make 21 arrive within one second (21 calls then span 1,100 ms, not 1,000).
 */
export function spacingMs(requestsPerSecond: number): number {
  return Math.ceil((1000 / requestsPerSecond) * 1.1);
}

export function loginBusy(retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError(503, 'login_busy', `Many agents are signing in right now; retry in about ${seconds} s.`, {
    expose: true,
    headers: { 'Retry-After': String(seconds) },
  });
}

class Cancelled extends Error {}

/**
 * One Bottleneck, with Redis over a connection of its own (Bottleneck quits the connection it is
 * given, and the subscriber it made from it, when it disconnects).
 */
interface Generation {
  limiter: Bottleneck;
  redis?: RedisClient;
  connection?: Bottleneck.IORedisConnection;
}

/** TCCC_UPSTREAM_RPS=0: every call goes straight through (benchmarks of our own overhead). */
const noBudget: UpstreamBudget = {
  paced: false,
  run: (call) => call(),
  slowDown: () => undefined,
  close: async () => undefined,
};

export function createUpstreamBudget(options: UpstreamBudgetOptions): UpstreamBudget {
  if (options.requestsPerSecond === 0) return noBudget;
  const baseSpacing = spacingMs(options.requestsPerSecond);
  // One budget per SecretId and pace: every replica configured alike shares it. (Bottleneck keeps
  // the first settings it stored under an id, so a changed pace gets an id of its own.)
  const id = `tccc-upstream-${createHash('sha256').update(options.secretId).digest('hex').slice(0, 16)}-${options.requestsPerSecond}`;
  const reportError = (error: unknown) => {
    options.logger.warn(
      { type: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? redactRedisUrl(error.message.slice(0, 200)) : '' },
      'upstream budget error',
    );
  };

  let waiting = 0;
  let slowUntil = 0;
  let closed = false;
  const waiters = new Set<(error: AppError) => void>();

  function start(): Generation {
    if (options.redisUrl === undefined) return { limiter: new Bottleneck({ id, minTime: baseSpacing, maxConcurrent: null }) };
    const redis = createRedisClient({ url: options.redisUrl, logger: options.logger });
    const connection = new Bottleneck.IORedisConnection({ client: redis });
    const limiter = new Bottleneck({
      id,
      minTime: baseSpacing,
      maxConcurrent: null,
      datastore: 'ioredis',
      clearDatastore: false,
      connection,
    });
    limiter.on('error', reportError);
    // Its set-up may fail if Redis goes away meanwhile; run() checks readiness itself.
    limiter.ready().catch(reportError);
    let lost = false;
    redis.on('close', () => {
      lost = true;
      // Nobody waiting can be served until Redis is back: say so now rather than at the deadline.
      for (const fail of [...waiters]) fail(dependencyUnavailable(new Error('redis connection closed')));
    });
    // Back after an outage: start afresh. Bottleneck 2.19 re-creates its keys only when Redis says
    // SETTINGS_KEY_NOT_FOUND verbatim, and Redis 7 prefixes script errors with "ERR ".
    redis.on('ready', () => {
      if (!lost || closed || current.redis !== redis) return;
      const old = current;
      current = start();
      void dispose(old);
    });
    return { limiter, redis, connection };
  }

  async function dispose(generation: Generation): Promise<void> {
    await generation.limiter.stop({ dropWaitingJobs: true }).catch(() => undefined);
    // A limiter handed a connection leaves it open on disconnect: quit it (client and subscriber) here.
    await Promise.resolve(generation.connection?.disconnect(false)).catch(() => undefined);
    generation.redis?.disconnect();
  }

  let current = start();

  async function estimatedWaitMs({ limiter, redis }: Generation): Promise<number> {
    const queued = redis ? await limiter.clusterQueued() : limiter.queued();
    return (queued + 1) * baseSpacing;
  }

  return {
    paced: true,
    async run(call, deadline) {
      if (closed) throw loginBusy(1);
      const { limiter, redis } = current;
      if (redis && !isRedisReady(redis)) throw dependencyUnavailable(new Error('redis not ready'));
      let estimate: number;
      try {
        estimate = await estimatedWaitMs(current);
      } catch (error) {
        throw dependencyUnavailable(error);
      }
      if (Date.now() + estimate > deadline) throw loginBusy(estimate / 1000);

      const enqueuedAt = Date.now();
      waiting += 1;
      options.metrics.loginQueueLength.set(waiting);
      let settled = false;
      try {
        return await new Promise((resolve, reject) => {
          const fail = (error: AppError) => {
            if (settled) return;
            settled = true;
            reject(error);
          };
          waiters.add(fail);
          const timer = setTimeout(() => fail(loginBusy(baseSpacing * Math.max(1, limiter.queued()) / 1000)), Math.max(0, deadline - Date.now()));
          limiter
            .schedule(async () => {
              // Its turn came after the caller gave up: spend nothing upstream.
              if (settled) throw new Cancelled();
              settled = true;
              clearTimeout(timer);
              waiters.delete(fail);
              options.metrics.loginQueueWait.observe((Date.now() - enqueuedAt) / 1000);
              options.metrics.upstreamCalls.inc();
              return call();
            })
            .then(
              (value) => resolve(value as never),
              (error: unknown) => {
                clearTimeout(timer);
                waiters.delete(fail);
                if (error instanceof Cancelled) return;
                if (!settled) {
                  // Bottleneck itself failed (Redis): the call never ran.
                  fail(dependencyUnavailable(error));
                  return;
                }
                reject(error);
              },
            );
        });
      } finally {
        waiting -= 1;
        options.metrics.loginQueueLength.set(waiting);
      }
    },

    slowDown() {
      options.metrics.upstreamLimitExceeded.inc();
      // At most every 250 ms per replica: leave a quarter second of the shared budget unused (empty
      // turns at the head of the queue), so Tencent's one-second window clears. Nothing to restore.
      if (Date.now() < slowUntil) return;
      slowUntil = Date.now() + 250;
      for (let i = 0; i < Math.ceil(options.requestsPerSecond / 4); i += 1) {
        current.limiter.schedule({ priority: 0 }, async () => undefined).catch(() => undefined);
      }
    },

    async close() {
      closed = true;
      for (const fail of [...waiters]) fail(loginBusy(1));
      await dispose(current);
    },
  };
}
