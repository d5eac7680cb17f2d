// The upstream budget's queue at a shift start, with a real redis-server: what happens to the turns
// of logins that could not be served in time, or whose caller went away.
import { Redis } from 'ioredis';
import { AppError } from '../src/errors';
import { createMetrics } from '../src/metrics';
import { createUpstreamBudget, type UpstreamBudget } from '../src/tccc/upstream-budget';
import { captureLogs } from './support/log-capture';
import { type RedisServer, startRedisServer } from './support/redis-server';

jest.setTimeout(30_000);

let redis: RedisServer;
const budgets: UpstreamBudget[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});

beforeEach(async () => {
  const client = new Redis(redis.url, { lazyConnect: true });
  await client.connect();
  await client.flushall();
  client.disconnect();
});

afterEach(async () => {
  await Promise.all(budgets.splice(0).map((budget) => budget.close()));
});

afterAll(() => redis.stop());

function budget(requestsPerSecond: number, maxWaitMs: number): UpstreamBudget {
  const created = createUpstreamBudget({
    requestsPerSecond,
    maxWaitMs,
    secretId: 'queue-spec',
    redisUrl: redis.url,
    metrics: createMetrics(),
    logger: captureLogs().logger,
  });
  budgets.push(created);
  return created;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ready(b: UpstreamBudget): Promise<void> {
  for (let i = 0; i < 50; i += 1) {
    try {
      await b.run(async () => undefined, Date.now() + 5_000);
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error('budget not ready');
}

it('the turns of logins refused at the wait bound are not kept from later logins', async () => {
  // 5/s: a turn every 220 ms; 1 s of wait allows about 5 of 20 logins arriving at once.
  const b = budget(5, 1_000);
  await ready(b);
  await sleep(300);
  let calls = 0;
  const storm = await Promise.allSettled(Array.from({ length: 20 }, () => b.run(async () => (calls += 1), Date.now() + 1_000)));
  const busy = storm.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(busy.length).toBeGreaterThanOrEqual(12);
  for (const r of busy) expect((r.reason as AppError).code).toBe('login_busy');
  const served = calls;
  // Nobody is waiting any more, so nothing calls Tencent: the next login gets a turn at once.
  await sleep(500);
  const started = Date.now();
  await expect(b.run(async () => 'in', Date.now() + 1_000)).resolves.toBe('in');
  expect(Date.now() - started).toBeLessThan(500);
  expect(calls).toBe(served);
});

it('a login whose turn would come after its wait bound is refused at once, told when there is room again', async () => {
  // 5/s, 3 s of wait: about 14 of 25 logins arriving at once get a turn.
  const b = budget(5, 3_000);
  await ready(b);
  await sleep(300);
  const started = Date.now();
  const refusedAfter: number[] = [];
  const storm = Array.from({ length: 25 }, () =>
    b.run(async () => undefined, Date.now() + 3_000).catch((error: unknown) => {
      refusedAfter.push(Date.now() - started);
      throw error;
    }),
  );
  const settled = await Promise.race([Promise.allSettled(storm), sleep(1_000).then(() => undefined)]);
  // Not held until the bound, then refused: answered while the first turns are still being served.
  expect(refusedAfter.length).toBeGreaterThanOrEqual(8);
  expect(Math.max(...refusedAfter)).toBeLessThan(500);
  const busy = (settled ?? (await Promise.allSettled(storm))).filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  for (const r of busy) expect((r.reason as AppError).code).toBe('login_busy');
  const retryAfter = Number((busy[0]!.reason as AppError).headers['Retry-After']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(3);
  // Coming back as told, a login finds room within the bound.
  await sleep(retryAfter * 1_000 - (Date.now() - started));
  await expect(b.run(async () => 'in', Date.now() + 3_000)).resolves.toBe('in');
});

it.each([
  // Before its turn, while it waits.
  ['before its turn', 100],
  // While the turn's EVAL is on its way to Redis (one round trip): an abort already made fires no listener.
  ['while its turn is being taken from Redis', 0],
])('a login whose caller went away %s is not sent upstream', async (_when, abortAfterMs) => {
  const b = budget(2, 5_000);
  await ready(b);
  let calls = 0;
  const first = b.run(async () => (calls += 1), Date.now() + 5_000);
  const gone = new AbortController();
  const second = b.run(async () => (calls += 1), Date.now() + 5_000, gone.signal);
  if (abortAfterMs > 0) await sleep(abortAfterMs);
  gone.abort();
  await expect(second).rejects.toMatchObject({ code: 'client_closed' });
  await first;
  await sleep(1_200);
  expect(calls).toBe(1);
});

it('replicas whose clocks disagree keep one pace: a replica 2 s ahead does not jump the queue', async () => {
  const a = budget(20, 10_000);
  const b = budget(20, 10_000);
  await Promise.all([ready(a), ready(b)]);
  await sleep(200);
  const calledAt: number[] = [];
  const call = async () => {
    calledAt.push(performance.now());
  };
  const first = Array.from({ length: 12 }, () => a.run(call, Date.now() + 10_000));
  await sleep(20);
  // From here on this process's clock reads 2 s ahead (what replica b's clock would say).
  const realNow = Date.now.bind(Date);
  const skewed = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 2_000);
  try {
    const second = Array.from({ length: 12 }, () => b.run(call, Date.now() + 10_000));
    await Promise.all([...first, ...second]);
  } finally {
    skewed.mockRestore();
  }
  calledAt.sort((x, y) => x - y);
  // 24 calls 55 ms apart span 1.27 s: at most 20 within any one second (Tencent's limit).
  const mostInOneSecond = Math.max(...calledAt.map((at) => calledAt.filter((other) => other >= at && other < at + 1000).length));
  expect(mostInOneSecond).toBeLessThanOrEqual(20);
});

it('a turn comes when Redis set it, not later when a busy event loop read the reply late', async () => {
  // 5/s: turns 220 ms apart. Both logins ask at once; their replies wait out a 150 ms busy loop.
  const b = budget(5, 5_000);
  await ready(b);
  await sleep(300);
  const asked = Date.now();
  const calledAt: number[] = [];
  const both = Promise.all([0, 1].map(() => b.run(async () => calledAt.push(Date.now() - asked), Date.now() + 5_000)));
  const busyUntil = Date.now() + 150;
  while (Date.now() < busyUntil) {
    // the event loop is busy (JSON, TLS, GC): the Redis replies sit unread
  }
  await both;
  // The second turn is 220 ms after the first: not 220 ms after the loop got round to the reply.
  expect(calledAt[1]).toBeGreaterThanOrEqual(200);
  expect(calledAt[1]).toBeLessThan(300);
});

it('a slowDown on one replica pauses every replica now, not after the turns already handed out', async () => {
  // 5/s: turns 220 ms apart, a pause of two turns (440 ms). Four logins wait, on two replicas.
  const a = budget(5, 10_000);
  const b = budget(5, 10_000);
  await Promise.all([ready(a), ready(b)]);
  await sleep(500); // the readiness checks' turns are past
  const started = Date.now();
  const calledAt: number[] = [];
  const call = async () => calledAt.push(Date.now() - started);
  const all = Promise.all([a.run(call, started + 10_000), b.run(call, started + 10_000), a.run(call, started + 10_000), b.run(call, started + 10_000)]);
  await sleep(100);
  a.slowDown(); // the first call came back RequestLimitExceeded, say
  await all;
  calledAt.sort((x, y) => x - y);
  // The turn due at 220 ms comes after the pause (660 ms); spacing holds after it.
  expect(calledAt[0]).toBeLessThan(150);
  // Lower bounds only: a loaded machine makes calls late, never early.
  expect(calledAt[1]).toBeGreaterThanOrEqual(620);
  expect(calledAt[2]).toBeGreaterThanOrEqual(840);
  expect(calledAt[3]).toBeGreaterThanOrEqual(1_060);
});

/** In this process (no REDIS_URL): the same turns and pauses. */
function localBudget(requestsPerSecond: number, maxWaitMs: number): UpstreamBudget {
  const created = createUpstreamBudget({ requestsPerSecond, maxWaitMs, secretId: 'queue-spec-local', metrics: createMetrics(), logger: captureLogs().logger });
  budgets.push(created);
  return created;
}

// 5/s: turns 220 ms apart, a pause of 440 ms: the second login's turn moves from 220 to 660 ms.
it.each([
  ['that a pause would keep past its wait bound is answered login_busy, not served late', { waitMs: 300 }],
  ['that a pause moved past a stopping replica\'s grace is answered login_busy', { drainAfterMs: 400 }],
])('a login %s', async (_what, { waitMs, drainAfterMs }: { waitMs?: number; drainAfterMs?: number }) => {
  const b = localBudget(5, 10_000);
  let calls = 0;
  const started = Date.now();
  const first = b.run(async () => (calls += 1), started + 10_000);
  const second = b.run(async () => (calls += 1), started + (waitMs ?? 10_000));
  await sleep(50);
  b.slowDown();
  if (drainAfterMs !== undefined) b.drain(started + drainAfterMs);
  await expect(second).rejects.toMatchObject({ code: 'login_busy' });
  await first;
  expect(calls).toBe(1);
});
