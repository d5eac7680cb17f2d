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
  /**
   * Tencent said RequestLimitExceeded all the same: pause every replica's calls for a quarter second
   * from now (turns already handed out move back too), so Tencent's one-second window clears.
   */
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
 * KEYS[1] the next free turn (ms), KEYS[2] the pauses so far (ms); ARGV spacing, the longest wait
 * acceptable. Returns {taken 1|0, ms until the turn, the pauses so far}.
 */
const TAKE_TURN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local turn = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local wait = turn - now
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if wait > tonumber(ARGV[2]) then return {0, wait, paused} end
local nextTurn = turn + tonumber(ARGV[1])
redis.call('SET', KEYS[1], nextTurn, 'PX', nextTurn - now + 60000)
return {1, wait, paused}
`;

/**
 * A pause of ARGV[1] ms from now: the next free turn moves back by it and so does every turn handed
 * out (each waiter adds the pauses made since it took its turn). Returns the pauses so far, a key
 * kept without expiry (one per SecretId and pace), so no waiter's count outlives it.
 */
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local gap = tonumber(ARGV[1])
local nextTurn = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0')) + gap
redis.call('SET', KEYS[1], nextTurn, 'PX', nextTurn - now + 60000)
return redis.call('INCRBY', KEYS[2], gap)
`;

/** How long before its turn a waiter reads the pauses (one Redis round trip, in a busy event loop). */
const PAUSE_CHECK_AHEAD_MS = 50;

/** The shared counters: a turn (or how far off it is), a pause, the pauses so far. */
interface Turns {
  take(maxWaitMs: number): Promise<{ taken: boolean; waitMs: number; paused: number }>;
  pause(gapMs: number): Promise<unknown>;
  paused(): Promise<number>;
}

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
  const base = `tccc-upstream-${createHash('sha256').update(options.secretId).digest('hex').slice(0, 16)}-${options.requestsPerSecond}`;
  const keys = [`${base}:next-turn`, `${base}:paused`];
  // A quarter second of the budget left unused after a RequestLimitExceeded.
  const pauseMs = Math.ceil(options.requestsPerSecond / 4) * spacing;

  let waiting = 0;
  let slowUntil = 0;
  let closed = false;
  let draining = false;
  /** Set by drain(): a waiter whose turn comes later is answered login_busy. */
  let drainUntil: number | undefined;
  // Each waiting login's way to fail, with when its turn comes (ms since the epoch, local clock).
  const waiters = new Map<(error: AppError) => void, number>();

  let redis: RedisClient | undefined;
  let turns: Turns;
  if (options.redisUrl === undefined) {
    let nextTurn = 0;
    let paused = 0;
    turns = {
      take: async (maxWaitMs) => {
        const now = Date.now();
        const turn = Math.max(now, nextTurn);
        if (turn - now > maxWaitMs) return { taken: false, waitMs: turn - now, paused };
        nextTurn = turn + spacing;
        return { taken: true, waitMs: turn - now, paused };
      },
      pause: async (gapMs) => {
        nextTurn = Math.max(Date.now(), nextTurn) + gapMs;
        paused += gapMs;
      },
      paused: async () => paused,
    };
  } else {
    const client = createRedisClient({ url: options.redisUrl, logger: options.logger });
    redis = client;
    // The turns handed out live in Redis: when it goes (or restarts empty), a turn held here may be
    // handed out again. Nobody waiting can be served safely: say so now rather than at the deadline.
    client.on('close', () => {
      for (const fail of [...waiters.keys()]) fail(dependencyUnavailable(new Error('redis connection closed')));
    });
    turns = {
      take: async (maxWaitMs) => {
        const [taken, waitMs, paused] = (await client.eval(TAKE_TURN, 2, ...keys, spacing, Math.max(0, Math.floor(maxWaitMs)))) as [number, number, number];
        return { taken: taken === 1, waitMs, paused };
      },
      pause: (gapMs) => client.eval(PAUSE, 2, ...keys, gapMs),
      paused: async () => Number((await client.get(keys[1])) ?? 0),
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
      let turn: { taken: boolean; waitMs: number; paused: number };
      try {
        turn = await turns.take(maxWaitMs);
      } catch (error) {
        throw dependencyUnavailable(error);
      }
      // Come back in half the queue's length: it then has room again for as many as it served
      // meanwhile, and those turned away do not all return the next second (nor idle the budget).
      if (!turn.taken) throw loginBusy(turn.waitMs / 2000);

      const enqueuedAt = Date.now();
      let turnAt = askedAt + turn.waitMs;
      let pausedBefore = turn.paused;
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
          const served = () => {
            waiters.delete(fail);
            signal?.removeEventListener('abort', onAbort);
            resolve();
          };
          const atTurn = () => {
            timer = setTimeout(served, Math.max(0, turnAt - Date.now()));
          };
          // Just before the turn: a pause made meanwhile (slowDown on any replica) moves it back by as
          // much. Read ahead, so the call still leaves on time when there was none.
          const checkPauses = () => {
            turns.paused().then(
              (paused) => {
                if (!waiters.has(fail)) return; // failed (closed, drained, caller gone) meanwhile
                // Smaller: the counter was lost (a failover); nothing to add, count from it.
                if (paused > pausedBefore) turnAt += paused - pausedBefore;
                pausedBefore = paused;
                waiters.set(fail, turnAt);
                // Paused past what it may wait, or past a stopping replica's grace: answered now.
                if (turnAt > deadline || (drainUntil !== undefined && turnAt > drainUntil)) return fail(loginBusy((turnAt - Date.now()) / 2000));
                if (turnAt - Date.now() > PAUSE_CHECK_AHEAD_MS) timer = setTimeout(checkPauses, turnAt - Date.now() - PAUSE_CHECK_AHEAD_MS);
                else atTurn();
              },
              () => waiters.has(fail) && atTurn(), // the pause is advice: without it, keep the turn
            );
          };
          let timer = setTimeout(checkPauses, Math.max(0, turnAt - Date.now() - PAUSE_CHECK_AHEAD_MS));
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
      // At most every 250 ms per replica: a quarter second from now with no call, on every replica,
      // so Tencent's one-second window clears. Nothing to restore.
      if (Date.now() < slowUntil) return;
      slowUntil = Date.now() + 250;
      turns.pause(pauseMs).catch(() => undefined);
    },

    drain(until) {
      draining = true;
      drainUntil = until;
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
