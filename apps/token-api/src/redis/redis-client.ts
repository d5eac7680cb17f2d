// A replica's Redis connections (REDIS_URL): one for the per-person login limits and readiness, one
// of its own for the upstream budget (its 'close' fails the logins waiting for a turn). Commands
// never queue while Redis is unreachable (enableOfflineQueue: false): a login then fails at once
// with dependency_unavailable instead of hanging, and ioredis keeps reconnecting in the
// background, so the service recovers without a restart.
import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { redactRedisUrl } from './redact-url';

export type RedisClient = Redis;

export interface RedisOptions {
  url: string;
  logger: Logger;
  /** Connect and per-command bound, so no Redis call can hold a login for long. */
  commandTimeoutMs?: number;
}

export function createRedisClient(options: RedisOptions): RedisClient {
  const client = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    // Reconnect quickly at first, then every 2 s at most: recovery within seconds of Redis returning.
    retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
    lazyConnect: false,
    // No re-SUBSCRIBE on reconnect: ioredis sends it without handling its failure, and with no
    // offline queue it fails when the connection drops again meanwhile (an unhandled rejection, and
    // token-api exits on one). Nothing here subscribes (the upstream budget is one EVAL per turn).
    autoResubscribe: false,
  });
  let down = false;
  // ioredis emits 'error' on every failed reconnect; one line when it goes and one when it returns.
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    options.logger.error({ type: error.name, message: redactRedisUrl(error.message) }, 'redis unavailable');
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    options.logger.info('redis available again');
  });
  return client;
}

export function isRedisReady(client: RedisClient): boolean {
  return client.status === 'ready';
}


/** Readiness: Redis answers PING within the bound. */
export async function pingRedis(client: RedisClient, timeoutMs: number): Promise<'ok' | 'unreachable'> {
  if (!isRedisReady(client)) return 'unreachable';
  let timer: NodeJS.Timeout | undefined;
  try {
    const pong = await Promise.race([
      client.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('redis ping timed out')), timeoutMs);
      }),
    ]);
    return pong === 'PONG' ? 'ok' : 'unreachable';
  } catch {
    return 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}
