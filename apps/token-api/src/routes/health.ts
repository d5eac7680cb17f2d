// Probes and metrics. Not under /api/: the gateway does not expose them to browsers.
import type Router from '@koa/router';
import { AppError } from '../errors';
import type { Metrics } from '../metrics';
import type { ReadinessReport } from '../readiness';

const CHECK_NAMES: Record<string, string> = { jwks: 'JWKS', redis: 'Redis' };

export function healthRoutes(router: Router, deps: { checkReadiness: () => Promise<ReadinessReport>; metrics: Metrics }): void {
  router.get('/healthz', function reportAlive(ctx) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ok' };
  });

  router.get('/readyz', async function reportReady(ctx) {
    const report = await deps.checkReadiness();
    if (!report.ready) {
      const failing = Object.entries(report.checks).filter(([, value]) => value !== 'ok');
      const summary = failing.map(([name, value]) => `${CHECK_NAMES[name] ?? name} ${value}`).join(', ');
      // The cause is for the log line: which check failed, where the operator looks first.
      throw new AppError(503, 'not_ready', `Not ready: ${summary}.`, { expose: true, cause: new Error(summary) });
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ready', checks: report.checks };
  });

  router.get('/metrics', async function exposeMetrics(ctx) {
    ctx.type = deps.metrics.registry.contentType;
    ctx.body = await deps.metrics.registry.metrics();
  });
}
