// `npm run bench:login-storm`: the shift start. N agents (default 500) open the CRM within one
// second. Ours: Redis, two token-api replicas behind the nginx gateway, the emulator enforcing
// Tencent's documented 20 CreateSDKLoginToken/s. Then the same N against the vendor-style bare
// app (the token-api bench's baseline) and the same emulator. Each simulated desk behaves like the
// remote's login client: it honours Retry-After on 429/503 (bounded), the bare snippet has none.
// Prints per-phase numbers; the last line is one JSON object. A script that prints, not a test.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoConfig } from '@tccc-desk/tccc-emulator';
import { loadConfig } from '../src/config';
import { closedPort } from '../test/support/ports';
import { startRedisServer } from '../test/support/redis-server';
import { createBareApp } from './bare-app';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const N = Number(process.env['LOGIN_STORM_N'] ?? 500);
const SPREAD_MS = 1000;
const CLIENT_MAX_WAIT_MS = 120_000;
const UPSTREAM_RPS = 20;
// Every k-th desk (k = 1 / LOGIN_STORM_ABANDON; 0 = none) closes its connection after
// LOGIN_STORM_ABANDON_AFTER_MS while queued (a closed tab, a reload), and does not come back.
const ABANDON = Number(process.env['LOGIN_STORM_ABANDON'] ?? 0);
const ABANDON_AFTER_MS = Number(process.env['LOGIN_STORM_ABANDON_AFTER_MS'] ?? 5000);

interface Outcome {
  ok: boolean;
  code: string;
  seconds: number;
  retries: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function spawnService(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  return child;
}

async function waitFor(url: string, timeoutMs: number, insecure = false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await send(url, { method: 'GET', insecure }).then((r) => r.status, () => 0);
    if (status === 200) return;
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 1024 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 1024, rejectUnauthorized: false });

function send(
  url: string,
  options: { method: string; body?: string; headers?: Record<string, string>; insecure?: boolean; abandonAfterMs?: number },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const target = new URL(url);
  const isHttps = target.protocol === 'https:';
  const make = isHttps ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = make(
      target,
      { method: options.method, headers: options.headers, agent: isHttps ? httpsAgent : httpAgent, timeout: 150_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    if (options.abandonAfterMs !== undefined) {
      const timer = setTimeout(() => req.destroy(new Error('abandoned')), options.abandonAfterMs);
      req.on('close', () => clearTimeout(timer));
    }
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = (body: unknown) => ({ 'content-type': 'application/json', body: JSON.stringify(body) });

async function control(emulatorUrl: string, method: string, path: string, body: unknown = {}): Promise<unknown> {
  const { body: payload, ...headers } = json(body);
  const response = await send(`${emulatorUrl}${path}`, { method, headers, body: method === 'GET' ? undefined : payload });
  return response.body ? JSON.parse(response.body) : undefined;
}

/** One desk's login, as the remote's client does it: Retry-After on 429/503 is waited out. */
async function deskLogin(url: string, token: string | undefined, started: number, abandonAfterMs?: number): Promise<Outcome> {
  let retries = 0;
  let waited = 0;
  for (;;) {
    let response;
    try {
      response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: '{}',
        ...(abandonAfterMs === undefined ? {} : { abandonAfterMs }),
      });
    } catch (error) {
      if ((error as Error).message === 'abandoned') return { ok: false, code: 'abandoned', seconds: (Date.now() - started) / 1000, retries };
      return { ok: false, code: `network:${(error as Error).message}`, seconds: (Date.now() - started) / 1000, retries };
    }
    const seconds = () => (Date.now() - started) / 1000;
    if (response.status === 200) {
      const body = JSON.parse(response.body) as { sdkUrl?: string; SdkURL?: string };
      const sdkUrl = body.sdkUrl ?? body.SdkURL;
      return { ok: typeof sdkUrl === 'string' && sdkUrl.includes('token='), code: 'ok', seconds: seconds(), retries };
    }
    let code = `http_${response.status}`;
    try {
      code = (JSON.parse(response.body) as { error?: { code?: string } }).error?.code ?? code;
    } catch {
      // not JSON (the bare snippet's Koa 500)
    }
    const retryAfter = Number(response.headers['retry-after']);
    if ((response.status === 429 || response.status === 503) && Number.isFinite(retryAfter) && retryAfter >= 0) {
      const waitMs = retryAfter * 1000 * (1 + 0.3 * Math.random());
      if (waited + waitMs <= CLIENT_MAX_WAIT_MS) {
        await sleep(waitMs);
        waited += waitMs;
        retries += 1;
        continue;
      }
    }
    return { ok: false, code, seconds: seconds(), retries };
  }
}

/** The logins, and the seconds from the storm's start until the last one ended (served or not). */
async function storm(urlFor: (i: number) => string, tokens: (string | undefined)[]): Promise<{ outcomes: Outcome[]; total_s: number }> {
  const started = Date.now();
  const outcomes = await Promise.all(
    tokens.map(async (token, i) => {
      await sleep((i * SPREAD_MS) / tokens.length);
      const abandons = ABANDON > 0 && i % Math.round(1 / ABANDON) === 0;
      return deskLogin(urlFor(i), token, Date.now(), abandons ? ABANDON_AFTER_MS : undefined);
    }),
  );
  return { outcomes, total_s: (Date.now() - started) / 1000 };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function summarise(name: string, { outcomes, total_s }: { outcomes: Outcome[]; total_s: number }, upstreamLimitErrors: number) {
  const served = outcomes.filter((o) => o.ok);
  const abandoned = outcomes.filter((o) => o.code === 'abandoned').length;
  const failedByCode: Record<string, number> = {};
  for (const o of outcomes) if (!o.ok && o.code !== 'abandoned') failedByCode[o.code] = (failedByCode[o.code] ?? 0) + 1;
  const times = served.map((o) => o.seconds).sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  const line = {
    served: served.length,
    failed: outcomes.length - served.length - abandoned,
    abandoned,
    failedByCode,
    upstreamRequestLimitExceeded: upstreamLimitErrors,
    retries: outcomes.reduce((sum, o) => sum + o.retries, 0),
    total_s: round(total_s),
    p50_s: round(quantile(times, 0.5)),
    p95_s: round(quantile(times, 0.95)),
    p99_s: round(quantile(times, 0.99)),
    max_s: round(times.at(-1) ?? NaN),
  };
  console.log(`${name}: ${JSON.stringify(line)}`);
  return line;
}

async function main(): Promise<void> {
  const benchStarted = Date.now();
  const gatewayModule = join(ROOT, 'tools/gateway/gateway.mjs');
  if (!existsSync(gatewayModule)) throw new Error('tools/gateway/gateway.mjs is missing: the bench runs through the gateway');
  const { startGateway } = (await import(gatewayModule)) as {
    startGateway: (o: { port: number; upstreams: number[]; sdkOrigins: string[] }) => Promise<{ url: string; stop(): Promise<void> }>;
  };

  // Bench-only configuration: N generated agents, for the emulator and for token-api alike.
  const dir = mkdtempSync(join(tmpdir(), 'login-storm-'));
  const agents = Array.from({ length: N }, (_, i) => `agent${String(i + 1).padStart(4, '0')}`);
  const emulatorConfigFile = join(dir, 'emulator.json');
  const seatFile = join(dir, 'seats.json');
  writeFileSync(
    emulatorConfigFile,
    JSON.stringify({
      sdkAppId: demoConfig.sdkAppId,
      secretId: demoConfig.secretId,
      secretKey: demoConfig.secretKey,
      seats: agents.map((sub) => ({ userId: `${sub}@example.com`, name: sub })),
      portalUsers: agents.map((sub) => ({ sub, name: sub, seatUserId: `${sub}@example.com` })),
    }),
  );
  writeFileSync(seatFile, JSON.stringify(Object.fromEntries(agents.map((sub) => [sub, { sdkAppId: demoConfig.sdkAppId, seatUserId: `${sub}@example.com` }]))));

  const children: ChildProcess[] = [];
  const cleanUp: (() => Promise<void>)[] = [];
  try {
    const redis = await startRedisServer();
    cleanUp.push(() => redis.stop());
    const emulatorPort = await closedPort();
    const emulatorUrl = `http://localhost:${emulatorPort}`;
    children.push(
      spawnService('emulator', [TSX, 'tools/tccc-emulator/src/main.ts'], {
        PORT: String(emulatorPort),
        EMULATOR_CONFIG_FILE: emulatorConfigFile,
        CLOUD_REQUEST_LIMIT_PER_SECOND: String(UPSTREAM_RPS),
        LOG_LEVEL: 'warn',
      }),
    );
    await waitFor(`${emulatorUrl}/`, 60_000);

    const built = join(ROOT, 'dist/apps/token-api/main.js');
    const tokenApiArgs = existsSync(built) ? [built] : [TSX, 'apps/token-api/src/main.ts'];
    const replicaPorts = [await closedPort(), await closedPort()];
    const tokenApiEnv = {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TCCC_SECRET_ID: demoConfig.secretId,
      TCCC_SECRET_KEY: demoConfig.secretKey,
      TCCC_ENDPOINT: `ccc.localhost:${emulatorPort}`,
      TCCC_PROTOCOL: 'http',
      AUTH_JWKS_URL: `${emulatorUrl}/.well-known/jwks.json`,
      AUTH_ISSUER: `${emulatorUrl}/dev/idp`,
      SEAT_DIRECTORY_FILE: seatFile,
      REDIS_URL: redis.url,
      TCCC_UPSTREAM_RPS: String(UPSTREAM_RPS),
    };
    for (const port of replicaPorts) {
      children.push(spawnService(`token-api:${port}`, tokenApiArgs, { ...tokenApiEnv, PORT: String(port) }));
    }
    for (const port of replicaPorts) await waitFor(`http://127.0.0.1:${port}/readyz`, 60_000);
    const gateway = await startGateway({ port: await closedPort(), upstreams: replicaPorts, sdkOrigins: [emulatorUrl] });
    cleanUp.push(() => gateway.stop());

    const tokens: string[] = [];
    for (const sub of agents) {
      const { body, ...headers } = json({ sub });
      const response = await send(`${emulatorUrl}/dev/idp/token`, { method: 'POST', headers, body });
      tokens.push((JSON.parse(response.body) as { access_token: string }).access_token);
    }

    // Ours.
    await control(emulatorUrl, 'POST', '/control/reset');
    console.log(`ours: ${N} logins within ${SPREAD_MS} ms through ${gateway.url} → 2 replicas (Redis) → emulator at ${UPSTREAM_RPS}/s`);
    const ours = await storm(() => `${gateway.url}/api/tccc/login`, tokens);
    // Let what the abandoned desks left queued run out before counting what was minted.
    if (ABANDON > 0) await sleep(35_000);
    const oursCounters = (await control(emulatorUrl, 'GET', '/control/counters')) as {
      sdkUrlsMinted: number;
      requestLimit: { refused: number; peakPerSecond: number };
    };
    const oursLine = summarise('ours', ours, oursCounters.requestLimit.refused);
    console.log(`ours: peak CreateSDKLoginToken calls in any one second at the emulator: ${oursCounters.requestLimit.peakPerSecond}; SdkURLs minted ${oursCounters.sdkUrlsMinted} for ${oursLine.served} served`);

    // The vendor-style bare app against the same emulator (its one seat; the limit is per SecretId).
    await sleep(1100); // a fresh second at the emulator
    await control(emulatorUrl, 'POST', '/control/reset');
    const bareConfig = loadConfig({ ...tokenApiEnv, REDIS_URL: '' });
    const bare = createBareApp(bareConfig.tccc, { sdkAppId: demoConfig.sdkAppId, seatUserId: `${agents[0]}@example.com` });
    const bareServer = bare.listen(0, '127.0.0.1');
    await new Promise((resolve) => bareServer.once('listening', resolve));
    cleanUp.push(() => new Promise((resolve) => bareServer.close(() => resolve())));
    const barePort = (bareServer.address() as AddressInfo).port;
    console.log(`bare: ${N} logins within ${SPREAD_MS} ms straight to the vendor-style /loginTCCC`);
    const bareOutcomes = await storm(() => `http://127.0.0.1:${barePort}/loginTCCC`, agents.map(() => undefined));
    const bareCounters = (await control(emulatorUrl, 'GET', '/control/counters')) as { requestLimit: { refused: number } };
    const bareLine = summarise('bare', bareOutcomes, bareCounters.requestLimit.refused);

    const limitS = N / UPSTREAM_RPS;
    console.log(`physical limit: ${N} / ${UPSTREAM_RPS} per second = ${limitS} s; target ours_max_s ≤ ${(limitS * 1.1 + 2).toFixed(1)} s; bench took ${((Date.now() - benchStarted) / 1000).toFixed(1)} s`);
    console.log(
      JSON.stringify({
        n: N,
        ours_served: oursLine.served,
        ours_failed: oursLine.failed,
        ours_max_s: oursLine.max_s,
        ours_total_s: oursLine.total_s,
        ours_p50_s: oursLine.p50_s,
        ours_p95_s: oursLine.p95_s,
        ours_failed_by_code: oursLine.failedByCode,
        ours_peak_per_s: oursCounters.requestLimit.peakPerSecond,
        ours_abandoned: oursLine.abandoned,
        ours_minted_for_nobody: oursCounters.sdkUrlsMinted - oursLine.served,
        bare_served: bareLine.served,
        bare_failed: bareLine.failed,
        upstream_limit_errors: oursLine.upstreamRequestLimitExceeded,
        limit_s: limitS,
      }),
    );
  } finally {
    for (const stop of cleanUp.reverse()) await stop().catch(() => undefined);
    for (const child of children) child.kill('SIGTERM');
    httpAgent.destroy();
    httpsAgent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
