// Prometheus metrics in a registry of the app's own (two apps in one process, as in tests and the
// bench, never collide). Labels are bounded: route templates, status, mapped codes; never user ids.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  upstreamDuration: Histogram<'action' | 'outcome'>;
  upstreamErrors: Counter<'action' | 'code' | 'upstream_code'>;
  logins: Counter<'outcome'>;
  loginQueueLength: Gauge;
  loginQueueWait: Histogram;
  upstreamCalls: Counter;
  upstreamLimitExceeded: Counter;
}

const QUEUE_WAIT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60];

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests handled, by route template and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency, by route template and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    upstreamDuration: new Histogram({
      name: 'tccc_upstream_request_duration_seconds',
      help: 'Latency of CCC cloud API calls, by action and outcome (ok or our error code).',
      labelNames: ['action', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    upstreamErrors: new Counter({
      name: 'tccc_upstream_errors_total',
      help: 'Failed CCC cloud API calls, by our error code and the upstream code or failure kind.',
      labelNames: ['action', 'code', 'upstream_code'],
      registers,
    }),
    logins: new Counter({
      name: 'token_api_login_attempts_total',
      help: 'Login attempts, by outcome (issued or the error code).',
      labelNames: ['outcome'],
      registers,
    }),
    loginQueueLength: new Gauge({
      name: 'token_api_login_queue_length',
      help: 'Logins of this replica waiting for the upstream budget (CreateSDKLoginToken pace).',
      registers,
    }),
    loginQueueWait: new Histogram({
      name: 'token_api_login_queue_wait_seconds',
      help: 'How long logins waited for the upstream budget before their CreateSDKLoginToken call.',
      buckets: QUEUE_WAIT_BUCKETS,
      registers,
    }),
    upstreamCalls: new Counter({
      name: 'tccc_upstream_calls_total',
      help: 'CreateSDKLoginToken calls sent to the cloud API (rate() of it: calls per second; budget TCCC_UPSTREAM_RPS).',
      registers,
    }),
    upstreamLimitExceeded: new Counter({
      name: 'tccc_upstream_request_limit_exceeded_total',
      help: 'RequestLimitExceeded answers from the cloud API despite the budget (another system shares the SecretId?).',
      registers,
    }),
  };
}

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Arbitrary methods would be unbounded label values. */
export function methodLabel(method: string): string {
  return KNOWN_METHODS.has(method) ? method : 'OTHER';
}
