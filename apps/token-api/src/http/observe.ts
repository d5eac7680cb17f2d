// One access-log line and the HTTP metrics for every request. Only the path is logged (never the
// query string, where a careless client may put a token) and never a header.
import type { Middleware } from 'koa';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { methodLabel, type Metrics } from '../metrics';
import type { RequestIdState } from './request-id';

function statusOf(thrown: unknown, fallback: number): number {
  if (thrown === undefined) return fallback;
  return thrown instanceof AppError ? thrown.status : 500;
}

export function observe(logger: Logger, metrics: Metrics): Middleware<RequestIdState> {
  return async function observeRequest(ctx, next) {
    const started = process.hrtime.bigint();
    let thrown: unknown;
    try {
      await next();
    } catch (error) {
      thrown = error;
      throw error;
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = statusOf(thrown, ctx.status);
      // The route template, never the raw path: unknown URLs must not grow the label set.
      const route = (ctx as { _matchedRoute?: unknown })._matchedRoute;
      const labels = { method: methodLabel(ctx.method), route: typeof route === 'string' ? route : 'unmatched', status: String(status) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      logger.info(
        {
          requestId: ctx.state.requestId,
          method: ctx.method,
          path: ctx.path.slice(0, 200),
          status,
          ms: Math.round(seconds * 1e4) / 10,
          ...(thrown instanceof AppError ? { code: thrown.code } : {}),
        },
        'request',
      );
    }
  };
}
