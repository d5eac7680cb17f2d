// The upstream budget: CreateSDKLoginToken calls are paced to TCCC_UPSTREAM_RPS (Tencent documents
// 20/s, product doc 679/49227, and counts each second per API, region and sub-account, doc
// 1278/109059; the budget is per SecretId, and a RequestLimitExceeded all the same slows it down)
// across every replica. Each call takes a turn, spaced `spacingMs` apart, from one counter: in Redis
// (REDIS_URL) shared by the replicas, else in this process. Turns are handed out first come, first
// served; a login whose turn would come after its wait bound takes none and is refused at once with
// 503 login_busy and a Retry-After, so a shift-start storm is served at Tencent's pace instead of
// turning into RequestLimitExceeded.
import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { dependencyUnavailable } from '../redis/dependency-error';
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
   * its turn would come after `deadline` (ms since the epoch), dependency_unavailable, or
   * client_closed when `signal` aborts before the turn (then `call` never runs).
   */
  run<T>(call: () => Promise<T>, deadline: number, signal?: AbortSignal): Promise<T>;
  /** Tencent said RequestLimitExceeded all the same: leave a quarter second of the budget unused. */
  slowDown(): void;
  /**
   * The replica is stopping: take no more turns (login_busy), and answer now, with login_busy and a
   * Retry-After, every waiting login whose turn comes after `until` (ms since the epoch); the rest
   * are still served at their turn.
   */
  drain(until: number): void;
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

/** The caller went away while waiting (closed tab, reload): its turn is not spent upstream. */
export function loginAbandoned(): AppError {
  return new AppError(499, 'client_closed', 'The caller closed the connection while waiting for its turn.');
}

/**
 * Takes the next turn, or says how far off it is: one atomic step, so a login whose turn would come
 * after its wait bound takes none (nobody's turn is held by a login that then times out), and on
 * Redis' clock (TIME), so a replica whose clock is off neither jumps the queue nor stalls it.
 * KEYS[1] the next free turn (ms); ARGV spacing, the longest wait acceptable, turns to leave empty.
 * Returns {taken 1|0, ms until the turn}.
 */
const TAKE_TURN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local spacing = tonumber(ARGV[1])
local turn = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local wait = turn - now
if wait > tonumber(ARGV[2]) then return {0, wait} end
local nextTurn = turn + spacing * (1 + tonumber(ARGV[3]))
redis.call('SET', KEYS[1], nextTurn, 'PX', nextTurn - now + 60000)
return {1, wait}
`;

type TakeTurn = (maxWaitMs: number, skipTurns: number) => Promise<{ taken: boolean; waitMs: number }>;

/** TCCC_UPSTREAM_RPS=0: every call goes straight through (benchmarks of our own overhead). */
const noBudget: UpstreamBudget = {
  paced: false,
  run: (call) => call(),
  slowDown: () => undefined,
  drain: () => undefined,
  close: async () => undefined,
};

export function createUpstreamBudget(options: UpstreamBudgetOptions): UpstreamBudget {
  if (options.requestsPerSecond === 0) return noBudget;
  const spacing = spacingMs(options.requestsPerSecond);
  // One budget per SecretId and pace: every replica configured alike shares it.
  const key = `tccc-upstream-${createHash('sha256').update(options.secretId).digest('hex').slice(0, 16)}-${options.requestsPerSecond}:next-turn`;

  let waiting = 0;
  let slowUntil = 0;
  let closed = false;
  let draining = false;
  // Each waiting login's way to fail, with when its turn comes (ms since the epoch, local clock).
  const waiters = new Map<(error: AppError) => void, number>();

  let redis: RedisClient | undefined;
  let takeTurn: TakeTurn;
  if (options.redisUrl === undefined) {
    let nextTurn = 0;
    takeTurn = async (maxWaitMs, skipTurns) => {
      const now = Date.now();
      const turn = Math.max(now, nextTurn);
      if (turn - now > maxWaitMs) return { taken: false, waitMs: turn - now };
      nextTurn = turn + spacing * (1 + skipTurns);
      return { taken: true, waitMs: turn - now };
    };
  } else {
    const client = createRedisClient({ url: options.redisUrl, logger: options.logger });
    redis = client;
    // The turns handed out live in Redis: when it goes (or restarts empty), a turn held here may be
    // handed out again. Nobody waiting can be served safely: say so now rather than at the deadline.
    client.on('close', () => {
      for (const fail of [...waiters.keys()]) fail(dependencyUnavailable(new Error('redis connection closed')));
    });
    takeTurn = async (maxWaitMs, skipTurns) => {
      const [taken, waitMs] = (await client.eval(TAKE_TURN, 1, key, spacing, Math.max(0, Math.floor(maxWaitMs)), skipTurns)) as [number, number];
      return { taken: taken === 1, waitMs };
    };
  }

  return {
    paced: true,
    async run(call, deadline, signal) {
      if (closed || draining) throw loginBusy(1);
      if (signal?.aborted) throw loginAbandoned();
      if (redis && !isRedisReady(redis)) throw dependencyUnavailable(new Error('redis not ready'));
      // The turn is `waitMs` after Redis read its clock, which is just after we asked: timed from
      // here, a reply that waited in a busy event loop does not push the call late (and bunch it
      // with other replicas' on-time calls: more than 19 within a sliding second at Tencent).
      const askedAt = Date.now();
      const maxWaitMs = deadline - askedAt;
      let turn: { taken: boolean; waitMs: number };
      try {
        turn = await takeTurn(maxWaitMs, 0);
      } catch (error) {
        throw dependencyUnavailable(error);
      }
      // Come back in half the queue's length: it then has room again for as many as it served
      // meanwhile, and those turned away do not all return the next second (nor idle the budget).
      if (!turn.taken) throw loginBusy(turn.waitMs / 2000);

      const enqueuedAt = Date.now();
      const turnAt = askedAt + turn.waitMs;
      waiting += 1;
      options.metrics.loginQueueLength.set(waiting);
      try {
        await new Promise<void>((resolve, reject) => {
          const fail = (error: AppError) => {
            clearTimeout(timer);
            waiters.delete(fail);
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          };
          const onAbort = () => fail(loginAbandoned());
          const timer = setTimeout(() => {
            waiters.delete(fail);
            signal?.removeEventListener('abort', onAbort);
            resolve();
          }, Math.max(0, turnAt - Date.now()));
          waiters.set(fail, turnAt);
          signal?.addEventListener('abort', onAbort, { once: true });
          // It may have gone while the turn was being taken (a Redis round trip): an abort that
          // already happened fires no listener.
          if (signal?.aborted) onAbort();
        });
      } finally {
        waiting -= 1;
        options.metrics.loginQueueLength.set(waiting);
      }
      options.metrics.loginQueueWait.observe((Date.now() - enqueuedAt) / 1000);
      options.metrics.upstreamCalls.inc();
      return call();
    },

    slowDown() {
      options.metrics.upstreamLimitExceeded.inc();
      // At most every 250 ms per replica: leave a quarter second of the shared budget unused (turns
      // nobody takes), so Tencent's one-second window clears. Nothing to restore.
      if (Date.now() < slowUntil) return;
      slowUntil = Date.now() + 250;
      takeTurn(Number.MAX_SAFE_INTEGER, Math.ceil(options.requestsPerSecond / 4)).catch(() => undefined);
    },

    drain(until) {
      draining = true;
      // Their turns are spent either way; answered now, the desk retries after Retry-After instead
      // of having its connection cut at SHUTDOWN_TIMEOUT_MS and re-sent to queue again elsewhere.
      const now = Date.now();
      for (const [fail, turnAt] of [...waiters]) if (turnAt > until) fail(loginBusy((turnAt - now) / 2000));
    },

    async close() {
      closed = true;
      for (const fail of [...waiters.keys()]) fail(loginBusy(1));
      redis?.disconnect();
    },
  };
}
