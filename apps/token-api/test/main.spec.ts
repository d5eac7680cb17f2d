// The real entry point in a child process: start-up validation, listening, graceful shutdown.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { Agent, get } from 'node:http';
import { type AddressInfo, connect, createServer } from 'node:net';
import { join } from 'node:path';
import { demoConfig, type RunningEmulator, startEmulator } from '@tccc-desk/tccc-emulator';
import { accessToken, clearFaults, counters, emulatorEnv, injectFault } from './support/emulator-env';

jest.setTimeout(60_000);

const MAIN = join(__dirname, '..', 'src', 'main.ts');

interface Child {
  process: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

function startMain(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: join(__dirname, '..'),
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, at: Date.now() })),
  );
  return { process: child, stdout: () => out, stderr: () => err, exited };
}

async function listeningPort(child: Child): Promise<number> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const line = child
      .stdout()
      .split('\n')
      .find((candidate) => candidate.includes('"port"') && candidate.includes('listening'));
    if (line) return (JSON.parse(line) as { port: number }).port;
    if (child.process.exitCode !== null) throw new Error(`main exited early: ${child.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`main did not start: ${child.stdout()} ${child.stderr()}`);
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

let emulator: RunningEmulator;
let running: Child | undefined;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: false });
});

afterEach(async () => {
  if (running && running.process.exitCode === null) {
    running.process.kill('SIGKILL');
    await running.exited;
  }
  running = undefined;
  await clearFaults(emulator);
});

afterAll(async () => {
  await emulator.close();
});

it('exits 1 listing the bad variables when the configuration is invalid, without printing secrets', async () => {
  running = startMain({ TCCC_SECRET_ID: demoConfig.secretId, TCCC_SECRET_KEY: 'has a space', PORT: 'x' });
  const { code } = await running.exited;
  expect(code).toBe(1);
  expect(running.stderr()).toContain('TCCC_SECRET_KEY: must not contain whitespace');
  expect(running.stderr()).toContain('PORT: must be an integer');
  expect(running.stderr()).not.toContain('has a space');
  expect(running.stderr()).not.toContain(demoConfig.secretId);
});

it('exits 1 naming PORT/HOST when the port is already taken (another replica, an old run)', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = taken.address() as AddressInfo;
    running = startMain(emulatorEnv(emulator, { PORT: String(port) }));
    const { code } = await running.exited;
    expect(code).toBe(1);
    const fatal = running.stdout().split('\n').find((line) => line.includes('"fatal"'));
    expect(JSON.parse(fatal ?? '{}')).toMatchObject({
      level: 'fatal',
      msg: `cannot listen on 127.0.0.1:${port}: the port is in use; stop what listens there, or set PORT (and HOST) to a free address`,
    });
  } finally {
    await new Promise<void>((resolve) => taken.close(() => resolve()));
  }
});

it('keeps idle connections open longer than the gateway’s upstream keep-alive (65 s > nginx’s 60 s)', async () => {
  running = startMain(emulatorEnv(emulator, { PORT: '0' }));
  const port = await listeningPort(running);
  const agent = new Agent({ keepAlive: true });
  try {
    const headers = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path: '/healthz', agent }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.headers));
      }).on('error', reject);
    });
    // Node announces server.keepAliveTimeout (in seconds) on every keep-alive response.
    expect(headers['keep-alive']).toBe('timeout=65');
  } finally {
    agent.destroy();
  }
});

it('on SIGTERM stops accepting, finishes the in-flight login, then exits 0', async () => {
  running = startMain(emulatorEnv(emulator, { PORT: '0', TCCC_TIMEOUT_SECONDS: '5' }));
  const port = await listeningPort(running);
  const token = await accessToken(emulator, 'alice');
  const before = (await counters(emulator))['faultsApplied'] as number;
  await injectFault(emulator, { kind: 'latency', latencyMs: 1500, count: 1 });

  const inFlight = fetch(`http://127.0.0.1:${port}/api/tccc/login`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  // Wait until the request is really in flight (held by the emulator's latency fault).
  await waitFor(async () => ((await counters(emulator))['faultsApplied'] as number) > before);
  const signalled = Date.now();
  running.process.kill('SIGTERM');

  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(((await response.json()) as { seatUserId: string }).seatUserId).toBe('alice@example.com');
  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

  const { code, at } = await running.exited;
  expect(code).toBe(0);
  // The 1.5 s request, not the 5 s keep-alive timeout of the finished connection, bounds the exit.
  expect(at - signalled).toBeLessThan(4000);
  expect(running.stdout()).toContain('"msg":"stopped"');
});

it('gives up on requests still running after SHUTDOWN_TIMEOUT_MS and exits 1', async () => {
  running = startMain(emulatorEnv(emulator, { PORT: '0', TCCC_TIMEOUT_SECONDS: '20', SHUTDOWN_TIMEOUT_MS: '1000' }));
  const port = await listeningPort(running);
  const token = await accessToken(emulator, 'alice');
  const before = (await counters(emulator))['faultsApplied'] as number;
  await injectFault(emulator, { kind: 'latency', latencyMs: 15_000, count: 1 });
  const inFlight = fetch(`http://127.0.0.1:${port}/api/tccc/login`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  }).catch((error: unknown) => error);
  await waitFor(async () => ((await counters(emulator))['faultsApplied'] as number) > before);
  const signalled = Date.now();
  running.process.kill('SIGTERM');

  const { code, at } = await running.exited;
  expect(code).toBe(1);
  expect(at - signalled).toBeGreaterThanOrEqual(900);
  expect(at - signalled).toBeLessThan(4000);
  // fetch rejects (its TypeError comes from another realm, so compare by name).
  expect(await inFlight).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
});

async function metric(port: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
}

it('on SIGTERM serves the queued logins whose turn comes within the bound and answers the rest 503 login_busy at once', async () => {
  // A turn every 1.1 s; 2.5 s to stop, 1 s per Tencent call: turns up to 1.5 s after SIGTERM are served.
  running = startMain(
    emulatorEnv(emulator, { PORT: '0', TCCC_UPSTREAM_RPS: '1', LOGIN_QUEUE_MAX_WAIT_MS: '20000', SHUTDOWN_TIMEOUT_MS: '2500' }),
  );
  const port = await listeningPort(running);
  const token = await accessToken(emulator, 'alice');
  const logins = Array.from({ length: 6 }, () =>
    fetch(`http://127.0.0.1:${port}/api/tccc/login`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then(
      async (response) => ({ status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { error?: { code: string } }, at: Date.now() }),
      (error: unknown) => ({ status: 0, retryAfter: null, body: { error: { code: String(error) } }, at: Date.now() }),
    ),
  );
  // The first is served at once, five wait for turns 1.1, 2.2, 3.3, 4.4 and 5.5 s out.
  await waitFor(async () => (await metric(port, 'token_api_login_queue_length')) === 5);
  const signalled = Date.now();
  running.process.kill('SIGTERM');

  const answers = await Promise.all(logins);
  expect(answers.filter((a) => a.status === 200)).toHaveLength(2);
  const busy = answers.filter((a) => a.status === 503);
  expect(busy).toHaveLength(4);
  for (const answer of busy) {
    expect(answer.body.error?.code).toBe('login_busy');
    expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    // Answered when the replica began to stop, not cut at the bound.
    expect(answer.at - signalled).toBeLessThan(1000);
  }
  const { code, at } = await running.exited;
  expect(code).toBe(0);
  expect(at - signalled).toBeLessThan(2500);
  // Said at start-up, so the operator can lengthen the bound before a stop at shift start.
  expect(running.stdout()).toContain('SHUTDOWN_TIMEOUT_MS (2500) is shorter than LOGIN_QUEUE_MAX_WAIT_MS + TCCC_TIMEOUT_SECONDS (21000 ms)');
});

/** Sends raw bytes and returns everything the server answers before it closes the connection. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

function parseRawResponse(raw: string): { status: number; headers: string; body: unknown } {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body: body ? JSON.parse(body) : undefined };
}

it('answers a 64 KB Authorization header with 431 in the JSON error shape, not Node’s empty one', async () => {
  running = startMain(emulatorEnv(emulator, { PORT: '0' }));
  const port = await listeningPort(running);
  const huge = `Bearer ${'a'.repeat(64 * 1024)}`;
  const raw = await rawExchange(port, `POST /api/tccc/login HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${huge}\r\nContent-Length: 0\r\n\r\n`);
  const response = parseRawResponse(raw);
  expect(response.status).toBe(431);
  expect(response.headers).toContain('content-type: application/json');
  expect(response.headers).toContain('connection: close');
  expect(response.body).toEqual({ error: { code: 'headers_too_large', message: expect.stringMatching(/headers/i), requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
  expect(response.headers).toContain(`x-request-id: ${(response.body as { error: { requestId: string } }).error.requestId}`);
  expect(raw).not.toContain('aaaaaaaa');
  // The process is unharmed.
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
});

it('answers a request Node’s parser rejects (a broken request line) with 400 in the JSON error shape', async () => {
  running = startMain(emulatorEnv(emulator, { PORT: '0' }));
  const port = await listeningPort(running);
  const response = parseRawResponse(await rawExchange(port, 'GET /healthz HTTP/9.x\r\n\r\n'));
  expect(response.status).toBe(400);
  expect(response.headers).toContain('content-type: application/json');
  expect(response.body).toEqual({ error: { code: 'bad_request', message: expect.any(String), requestId: expect.any(String) } });
});
