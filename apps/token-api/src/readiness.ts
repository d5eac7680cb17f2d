// Readiness: the configuration was valid (or the process would not be running) and the identity
// provider's JWKS answers in full within one short deadline (a stalled body cannot hold the probe). The answer is cached for a few seconds so
// probes from every replica and load balancer do not hammer the identity provider, and concurrent
// probes share one fetch.
import type http from 'node:http';
import type { Clock } from './clock';
import { FetchJsonError, fetchJsonWithin } from './net/fetch-json-within';

export interface ReadinessReport {
  ready: boolean;
  checks: { config: 'ok'; jwks: 'ok' | 'unreachable' | 'invalid' };
}

export interface ReadinessOptions {
  jwksUrl: string;
  timeoutMs: number;
  cacheMs: number;
  agent: http.Agent;
  clock: Clock;
}

async function fetchJwks(url: string, agent: http.Agent, timeoutMs: number): Promise<ReadinessReport['checks']['jwks']> {
  try {
    const json = await fetchJsonWithin(url, { agent, deadlineMs: timeoutMs, maxBytes: 256 * 1024 });
    const keys = (json as { keys?: unknown } | null)?.keys;
    return Array.isArray(keys) && keys.length > 0 ? 'ok' : 'invalid';
  } catch (error) {
    return error instanceof FetchJsonError && error.reason === 'invalid' ? 'invalid' : 'unreachable';
  }
}

export function createReadinessCheck(options: ReadinessOptions): () => Promise<ReadinessReport> {
  let cached: { report: ReadinessReport; at: number } | undefined;
  let inFlight: Promise<ReadinessReport> | undefined;

  return function checkReadiness() {
    if (cached && options.clock() - cached.at < options.cacheMs) return Promise.resolve(cached.report);
    inFlight ??= fetchJwks(options.jwksUrl, options.agent, options.timeoutMs)
      .then((jwks) => {
        const report: ReadinessReport = { ready: jwks === 'ok', checks: { config: 'ok', jwks } };
        cached = { report, at: options.clock() };
        return report;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}
