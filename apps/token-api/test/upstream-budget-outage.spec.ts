// Redis going away and coming back must never crash the replica: logins waiting for a turn when the
// connection drops, and turns asked for while it is down, must not become unhandled rejections
// (token-api exits on one), and the budget serves again once Redis is back.
import { createMetrics } from '../src/metrics';
import { createUpstreamBudget } from '../src/tccc/upstream-budget';
import { captureLogs } from './support/log-capture';
import { type RedisServer, startRedisServer } from './support/redis-server';

jest.setTimeout(30_000);

let redis: RedisServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  redis = await startRedisServer();
  process.on('unhandledRejection', onUnhandled);
});

afterAll(async () => {
  process.removeListener('unhandledRejection', onUnhandled);
  await redis.stop();
});

/** A budget on the test's Redis server. */
function sharedBudget(secretId: string, requestsPerSecond: number, maxWaitMs: number) {
  return createUpstreamBudget({ requestsPerSecond, maxWaitMs, secretId, redisUrl: redis.url, metrics: createMetrics(), logger: captureLogs().logger });
}

it('Redis down and back, several times: no unhandled rejection, and the budget serves again', async () => {
  const budget = sharedBudget('outage-restarts', 20, 2_000);
  try {
    await until(() => budget.run(async () => true, Date.now() + 2_000).catch(() => false), 10_000);
    for (let round = 0; round < 5; round += 1) {
      await redis.stop();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await redis.start();
      // Serves again without a restart (ioredis reconnected; the next turn is one EVAL away).
      await until(() => budget.run(async () => true, Date.now() + 2_000).catch(() => false), 10_000);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(unhandled.map((reason) => (reason instanceof Error ? reason.message : String(reason)))).toEqual([]);
  } finally {
    await budget.close();
  }
});

it('a login waiting for its turn when Redis goes: refused at once with dependency_unavailable, never sent upstream', async () => {
  const budget = sharedBudget('outage-waiting', 2, 5_000);
  try {
    await until(() => budget.run(async () => true, Date.now() + 5_000).catch(() => false), 10_000);
    let calls = 0;
    // The turn just taken above leaves this one ~550 ms to wait.
    const waiting = budget.run(async () => (calls += 1), Date.now() + 5_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stoppedAt = Date.now();
    await redis.stop();
    await expect(waiting).rejects.toMatchObject({ code: 'dependency_unavailable' });
    expect(Date.now() - stoppedAt).toBeLessThan(400);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(calls).toBe(0);
  } finally {
    await redis.start();
    await budget.close();
  }
});

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
