// Readiness with shared state: not ready while Redis does not answer, so the gateway and the
// orchestrator stop sending logins to a replica that could only refuse them.
import type { ReadinessReport } from '../readiness';
import { pingRedis, type RedisClient } from './redis-client';

export type ReadinessWithRedis = ReadinessReport & { checks: ReadinessReport['checks'] & { redis?: 'ok' | 'unreachable' } };

export function withRedisReadiness(
  check: () => Promise<ReadinessReport>,
  redis: RedisClient,
  timeoutMs: number,
): () => Promise<ReadinessWithRedis> {
  return async function checkReadinessWithRedis() {
    const [report, redisCheck] = await Promise.all([check(), pingRedis(redis, timeoutMs)]);
    return { ready: report.ready && redisCheck === 'ok', checks: { ...report.checks, redis: redisCheck } };
  };
}
