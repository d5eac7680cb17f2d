// Readiness: the configuration was valid (or the process would not be running) and the identity
// provider's JWKS answers, fetched with a short timeout. The answer is cached for a few seconds so
// probes from every replica and load balancer do not hammer the identity provider, and concurrent
// probes share one fetch.
import http from 'node:http';
import https from 'node:https';
import type { Clock } from './clock';

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

function fetchJwks(url: string, agent: http.Agent, timeoutMs: number): Promise<ReadinessReport['checks']['jwks']> {
  const get = url.startsWith('https:') ? https.get : http.get;
  return new Promise((resolve) => {
    const request = get(url, { agent, timeout: timeoutMs, headers: { accept: 'application/json' } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        resolve('unreachable');
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > 256 * 1024) request.destroy();
        else chunks.push(chunk);
      });
      response.on('end', () => {
        try {
          const keys = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { keys?: unknown }).keys;
          resolve(Array.isArray(keys) && keys.length > 0 ? 'ok' : 'invalid');
        } catch {
          resolve('invalid');
        }
      });
      response.on('error', () => resolve('unreachable'));
    });
    request.on('timeout', () => request.destroy(new Error('JWKS readiness probe timed out')));
    request.on('error', () => resolve('unreachable'));
  });
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
