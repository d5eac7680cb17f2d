/* global AbortSignal */
// The local stack on its fixed ports: emulator :4300, token-api :3333, remote :4201, shell :4200 and
// the plain-page example :4202. Backs `npm start` (start.mjs) and the end-to-end suite (apps/e2e).
//   mode 'dev'   shell and remote on @rspack/dev-server (`npm run serve` of each), token-api from source
//   mode 'prod'  the production builds in dist/, token-api from dist/ as two replicas (:3333, :3334)
//                sharing a redis-server (free port), and the gateway (nginx) at https://localhost:8443
//                in front of them; the builds also stay on :4200/:4201 as in dev
//   backendOnly  emulator and token-api only (plus Redis and the second replica in prod mode)
// Every service runs in its own process group, so stopping it stops its children too.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createConnection, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const PORTS = Object.freeze({ emulator: 4300, 'token-api': 3333, 'token-api-2': 3334, remote: 4201, shell: 4200, examples: 4202, gateway: 8443 });

export const URLS = Object.freeze({
  emulator: 'http://localhost:4300',
  tokenApi: 'http://localhost:3333',
  remote: 'http://localhost:4201',
  shell: 'http://localhost:4200',
  examples: 'http://localhost:4202',
  gateway: 'https://localhost:8443',
});

/** The configuration files a stack runs on (start.mjs names them on its first line). */
export function configurationFiles(environment = process.env) {
  return {
    tokenApi: 'apps/token-api/.env.example (defaults where the environment sets nothing)',
    emulator: isSet(environment, 'EMULATOR_CONFIG_FILE') ? environment.EMULATOR_CONFIG_FILE : 'tools/tccc-emulator/demo-config.json',
  };
}

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const REDIS_SERVER = '/usr/bin/redis-server';
const RSPACK = join(ROOT, 'node_modules', '@rspack', 'cli', 'bin', 'rspack.js');

/** Set in `environment` (empty counts as unset, as token-api reads it). */
const isSet = (environment, name) => environment[name] !== undefined && environment[name] !== '';

/**
 * token-api's environment: .env.example's defaults plus the emulator's demo keys, each only where
 * the operator's environment does not set it (a real TCCC_SECRET_KEY or `RATE_LIMIT_POINTS=100
 * npm start` wins); `overrides` (the launcher's own, e.g. its PORT or a test's limit) win over both.
 */
export function tokenApiEnv(overrides = {}, environment = process.env) {
  const defaults = {};
  for (const line of readFileSync(join(ROOT, 'apps/token-api/.env.example'), 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match && match[2] !== '') defaults[match[1]] = match[2];
  }
  const demo = JSON.parse(readFileSync(join(ROOT, 'tools/tccc-emulator/demo-config.json'), 'utf8'));
  Object.assign(defaults, { TCCC_SECRET_ID: demo.secretId, TCCC_SECRET_KEY: demo.secretKey });
  const unset = Object.fromEntries(Object.entries(defaults).filter(([name]) => !isSet(environment, name)));
  return { ...unset, ...overrides };
}

/** The token-api settings the gateway's read timeout follows (LOGIN_TIMING in tools/gateway/gateway.mjs; a test keeps both alike). */
export const GATEWAY_LOGIN_TIMING = Object.freeze(['LOGIN_QUEUE_MAX_WAIT_MS', 'TCCC_TIMEOUT_SECONDS', 'AUTH_JWKS_TIMEOUT_MS']);

/** Those settings as the replicas get them (overrides included). */
function loginTiming(overrides) {
  const env = { ...process.env, ...tokenApiEnv(overrides) };
  return Object.fromEntries(GATEWAY_LOGIN_TIMING.filter((name) => isSet(env, name)).map((name) => [name, env[name]]));
}

/** What a service's process gets: this process's environment, then the spec's (defaults already left out). */
export function serviceEnv(spec) {
  return { ...process.env, ...spec.env };
}

/**
 * What to run for each service, in start order (later ones need the earlier ones). `tokenApi`:
 * extra token-api environment (e.g. a higher RATE_LIMIT_POINTS for a test run that logs in often).
 */
export function serviceSpecs({ mode = 'dev', backendOnly = false, logLevel, tokenApi = {}, redisPort = 6390 } = {}) {
  const prod = mode === 'prod';
  const tokenApiBuilt = join(ROOT, 'dist/apps/token-api/main.js');
  const tokenApiPorts = prod ? [PORTS['token-api'], PORTS['token-api-2']] : [PORTS['token-api']];
  const specs = [];
  if (prod) {
    specs.push({
      name: 'redis',
      port: redisPort,
      command: REDIS_SERVER,
      // A scratch store: no snapshots, no append-only file, loopback only.
      args: ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      env: {},
      readyUrl: `redis://127.0.0.1:${redisPort}`,
      probe: () => canConnect(redisPort),
      readyTimeoutMs: 15_000,
    });
  }
  specs.push(
    {
      name: 'emulator',
      port: PORTS.emulator,
      command: process.execPath,
      args: [TSX, 'tools/tccc-emulator/src/main.ts'],
      env: { PORT: String(PORTS.emulator), ...(logLevel ? { LOG_LEVEL: logLevel } : {}) },
      readyUrl: `${URLS.emulator}/`,
      readyTimeoutMs: 60_000,
    },
    ...tokenApiPorts.map((port, index) => ({
      name: index === 0 ? 'token-api' : `token-api-${index + 1}`,
      port,
      command: process.execPath,
      // The built bundle in prod mode (as deployed); from source otherwise (or when not built yet).
      args: prod && existsSync(tokenApiBuilt) ? [tokenApiBuilt] : [TSX, 'apps/token-api/src/main.ts'],
      env: tokenApiEnv({
        PORT: String(port),
        ...(logLevel ? { LOG_LEVEL: logLevel } : {}),
        // The replicas share their limits and the upstream budget through the stack's Redis; the
        // demo configuration is refused under NODE_ENV=production, so the demo runs as development,
        // unless the operator asked for production: then its refusals stay on and say what is wrong.
        ...(prod ? { REDIS_URL: `redis://127.0.0.1:${redisPort}` } : {}),
        ...(prod && !isSet(process.env, 'NODE_ENV') ? { NODE_ENV: 'development' } : {}),
        ...tokenApi,
      }),
      readyUrl: `http://localhost:${port}/readyz`,
      readyTimeoutMs: 60_000,
    })),
  );
  if (backendOnly) return specs;
  // A development build takes a while on 2 cores before the first file is served.
  const frontTimeout = prod ? 30_000 : 240_000;
  // dev: @rspack/dev-server (`rspack serve`, what each app's `npm run serve` runs): live reload, the
  // /api proxy and CORS from createConfig's devServer options. prod: the built files in dist/.
  const frontEnd = (app) =>
    prod
      ? { args: ['tools/scripts/serve-app.mjs', app], env: {} }
      : { args: [RSPACK, 'serve', '-c', `apps/${app}/rspack.config.mjs`], env: { NGRS_CONFIG: 'development' } };
  const remote = frontEnd('tccc-remote');
  const shell = frontEnd('shell');
  specs.push(
    {
      name: 'remote',
      port: PORTS.remote,
      command: process.execPath,
      args: remote.args,
      env: { PORT: String(PORTS.remote), ...remote.env },
      readyUrl: `${URLS.remote}/mf-manifest.json`,
      readyTimeoutMs: frontTimeout,
    },
    {
      name: 'shell',
      port: PORTS.shell,
      command: process.execPath,
      args: shell.args,
      env: { PORT: String(PORTS.shell), ...shell.env },
      readyUrl: `${URLS.shell}/desk.manifest.json`,
      readyTimeoutMs: frontTimeout,
    },
    {
      name: 'examples',
      port: PORTS.examples,
      command: process.execPath,
      args: ['tools/scripts/static-server.mjs', '--dir', 'tools/examples', '--port', String(PORTS.examples), '--api', URLS.tokenApi],
      env: {},
      readyUrl: `${URLS.examples}/plain-page/index.html`,
      readyTimeoutMs: 15_000,
    },
  );
  if (prod) {
    specs.push({
      name: 'gateway',
      port: PORTS.gateway,
      command: process.execPath,
      args: ['tools/gateway/gateway.mjs'],
      // GATEWAY_CERT_FILE / GATEWAY_KEY_FILE from the operator's environment pass through, and so
      // do GATEWAY_SDK_ORIGINS (a real SDK's CDN in the CSP; the emulator's by default). And the
      // token-api settings its read timeout follows (gateway.mjs, apiReadTimeoutSeconds).
      env: {
        GATEWAY_PORT: String(PORTS.gateway),
        GATEWAY_UPSTREAMS: tokenApiPorts.join(','),
        ...(isSet(process.env, 'GATEWAY_SDK_ORIGINS') ? {} : { GATEWAY_SDK_ORIGINS: URLS.emulator }),
        ...loginTiming(tokenApi),
      },
      readyUrl: `${URLS.gateway}/desk.manifest.json`,
      probe: () => answersInsecureTls(`${URLS.gateway}/desk.manifest.json`),
      readyTimeoutMs: 30_000,
    });
  }
  return specs;
}

const NEEDED_BUILDS = {
  'dist/apps/shell/index.html': '@tccc-desk/shell',
  'dist/apps/tccc-remote/mf-manifest.json': '@tccc-desk/tccc-remote',
  'dist/apps/tccc-remote/remoteEntry.js': '@tccc-desk/tccc-remote',
  'dist/apps/token-api/main.js': '@tccc-desk/token-api',
};

/** Builds a production stack needs; a clear message instead of a blank page when one is missing. */
export function missingBuilds() {
  return Object.entries(NEEDED_BUILDS)
    .filter(([file]) => !existsSync(join(ROOT, file)))
    .map(([file, project]) => `${file} (run: npx nx run-many -t build -p ${project})`);
}

/** The nx projects a production stack runs the builds of. */
export const PROD_PROJECTS = Object.freeze([...new Set(Object.values(NEEDED_BUILDS))]);

/** The nx projects whose production build is missing (start.mjs --prod builds them). */
export function missingBuildProjects() {
  return [...new Set(Object.entries(NEEDED_BUILDS).filter(([file]) => !existsSync(join(ROOT, file))).map(([, project]) => project))];
}

/** A free TCP port on loopback (Redis gets one: it has no fixed port of its own). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** 200 from an https URL whose certificate is the gateway's self-signed local one. */
function answersInsecureTls(url) {
  return new Promise((resolve) => {
    const req = httpsRequest(url, { rejectUnauthorized: false, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.setTimeout(1_000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

function canListen(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/** The services whose fixed port is taken (by `npm start`, another run, anything). */
export async function takenPorts(specs) {
  const taken = [];
  for (const spec of specs) {
    if ((await canConnect(spec.port)) || !(await canListen(spec.port))) taken.push(spec);
  }
  return taken;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntilAnswering(spec, child) {
  const deadline = Date.now() + spec.readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${spec.name} exited (${child.exitCode ?? child.signalCode}) before answering ${spec.readyUrl}`);
    }
    if (spec.probe) {
      if (await spec.probe()) return;
    } else {
      try {
        const response = await fetch(spec.readyUrl, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
    }
    await sleep(200);
  }
  throw new Error(`${spec.name} did not answer ${spec.readyUrl} within ${spec.readyTimeoutMs / 1000} s`);
}

function prefixLines(name, stream, out) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) out.write(`[${name}] ${line}\n`);
  });
}

/**
 * Starts one service and waits until it answers. `logDir` sends its output to `<logDir>/<name>.log`
 * (the e2e suite); otherwise each line goes to this terminal prefixed with its name.
 */
export async function startService(spec, { logDir } = {}) {
  let stdio = ['ignore', 'pipe', 'pipe'];
  if (logDir) {
    mkdirSync(logDir, { recursive: true });
    const fd = openSync(join(logDir, `${spec.name}.log`), 'a');
    stdio = ['ignore', fd, fd];
  }
  const child = spawn(spec.command, spec.args, {
    cwd: ROOT,
    env: serviceEnv(spec),
    stdio,
    detached: true, // its own process group: stop() reaches its children (rspack workers, tsx)
  });
  if (!logDir) {
    prefixLines(spec.name, child.stdout, process.stdout);
    prefixLines(spec.name, child.stderr, process.stderr);
  }
  const service = { spec, child, exited: new Promise((resolve) => child.once('exit', resolve)) };
  try {
    await waitUntilAnswering(spec, child);
  } catch (error) {
    await stopService(service);
    throw error;
  }
  return service;
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the service's process group; SIGKILL if it is still there after `graceMs`. */
export async function stopService(service, graceMs = 5_000) {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, 'SIGKILL'); // children of an exited leader
    return;
  }
  killGroup(child, 'SIGTERM');
  let timer;
  const graceOver = new Promise((resolve) => (timer = setTimeout(resolve, graceMs, false)));
  const done = await Promise.race([service.exited.then(() => true), graceOver]);
  clearTimeout(timer); // a pending grace timer would keep this process alive for nothing
  killGroup(child, 'SIGKILL');
  if (!done) await service.exited;
}

/**
 * Starts the stack (refusing when a fixed port is taken) and returns a handle:
 * `services` by name, `stop()`, `restart(name)`/`stopOne(name)`/`startOne(name)` for tests.
 * The process groups are also killed when this process exits or (unless `killOnSignals: false`)
 * gets SIGINT/SIGTERM.
 */
export async function startStack(options = {}) {
  const { logDir, onStatus = (line) => console.log(line), killOnSignals = true } = options;
  const specs = serviceSpecs({ ...options, redisPort: options.redisPort ?? (options.mode === 'prod' ? await freePort() : undefined) });
  const taken = await takenPorts(specs);
  if (taken.length > 0) {
    const list = taken.map((s) => `${s.port} (${s.name})`).join(', ');
    throw new Error(
      `Port${taken.length > 1 ? 's' : ''} ${list} already in use. Stop whatever runs there (another \`npm start\` or e2e run?) and try again.`,
    );
  }

  const services = new Map();
  const killAll = () => {
    for (const service of services.values()) killGroup(service.child, 'SIGKILL');
  };
  process.once('exit', killAll);
  // Detached groups do not get the terminal's Ctrl-C: take them down when this process is stopped,
  // unless the caller shuts down gracefully itself (start.mjs).
  const onSignal = (signal) => {
    killAll();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  if (killOnSignals) for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, onSignal);

  const handle = {
    services,
    async startOne(name) {
      const spec = specs.find((s) => s.name === name);
      if (!spec) throw new Error(`unknown service ${name}`);
      if (services.has(name)) return;
      services.set(name, await startService(spec, { logDir }));
    },
    async stopOne(name) {
      const service = services.get(name);
      if (!service) return;
      services.delete(name);
      await stopService(service);
    },
    async stop() {
      const running = [...services.values()].reverse();
      services.clear();
      await Promise.all(running.map((service) => stopService(service)));
      process.removeListener('exit', killAll);
      for (const signal of ['SIGINT', 'SIGTERM']) process.removeListener(signal, onSignal);
    },
  };

  try {
    for (const spec of specs) {
      onStatus(`[stack] starting ${spec.name} on :${spec.port}`);
      services.set(spec.name, await startService(spec, { logDir }));
    }
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}
