// The gateway as it runs: gateway.mjs as a process starts Debian's nginx on a free port in front of
// two stand-in token-api replicas and small stand-in builds. What nginx does is checked over HTTPS.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

jest.setTimeout(30_000);

const GATEWAY = join(__dirname, '..', 'gateway.mjs');
const ONLOAD = "this.media='all'";

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

let fixtures: string;
let gateway: ChildProcess;
let base: string;
let port: number;
let refusedPort: number;
const replica: { server?: Server; seen: Seen[]; answer: { status: number; body: string }; holdUntil?: number; held: (() => void)[] } = {
  seen: [],
  answer: { status: 200, body: '{"ok":true}' },
  held: [],
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function get(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: options.method ?? 'GET', headers: options.headers, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function writeFixtures(): { shellDir: string; remoteDir: string } {
  fixtures = mkdtempSync(join(tmpdir(), 'gateway-spec-'));
  chmodSync(fixtures, 0o755); // nginx's workers (another user when started as root) read it
  const shellDir = join(fixtures, 'shell');
  const remoteDir = join(fixtures, 'remote');
  mkdirSync(shellDir);
  mkdirSync(remoteDir);
  writeFileSync(join(shellDir, 'index.html'), `<html><head><link rel="stylesheet" href="styles.0123abcd.css" media="print" onload="${ONLOAD}"></head><body></body></html>`);
  writeFileSync(join(shellDir, 'main.0123abcd.js'), 'console.log(1);');
  writeFileSync(join(shellDir, 'runtime-config.json'), '{"idpTokenUrl":"http://localhost:4999/dev/idp/token","apiBase":""}');
  writeFileSync(join(shellDir, 'desk.manifest.json'), '{"tccc_remote":"http://localhost:4201/mf-manifest.json"}');
  writeFileSync(join(remoteDir, 'mf-manifest.json'), '{"id":"tccc_remote"}');
  writeFileSync(join(remoteDir, 'remoteEntry.js'), 'export {};');
  writeFileSync(join(remoteDir, '816.dc515450.js'), 'export {};');
  return { shellDir, remoteDir };
}

beforeAll(async () => {
  const { shellDir, remoteDir } = writeFixtures();
  replica.server = createServer((req, res) => {
    replica.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    const answer = () => res.writeHead(replica.answer.status, { 'Content-Type': 'application/json' }).end(replica.answer.body);
    req.on('end', () => {
      // Holding: answer nobody until that many requests wait at once (logins queued for their turn).
      if (replica.holdUntil === undefined) {
        answer();
        return;
      }
      replica.held.push(answer);
      if (replica.held.length >= replica.holdUntil) for (const release of replica.held.splice(0)) release();
    });
  });
  await new Promise<void>((resolve) => replica.server?.listen(0, '127.0.0.1', resolve));
  const replicaPort = (replica.server.address() as AddressInfo).port;
  refusedPort = await freePort(); // nothing listens: connections are refused
  port = await freePort();
  base = `https://localhost:${port}`;
  gateway = spawn(process.execPath, [GATEWAY], {
    env: {
      PATH: process.env['PATH'] ?? '',
      GATEWAY_PORT: String(port),
      // The refusing replica first: nginx must skip it.
      GATEWAY_UPSTREAMS: `${refusedPort},${replicaPort}`,
      GATEWAY_SDK_ORIGINS: 'https://*.cdn-go.cn',
      GATEWAY_SHELL_DIR: shellDir,
      GATEWAY_REMOTE_DIR: remoteDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    gateway.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('[gateway] https://')) resolve();
    });
    gateway.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    gateway.once('exit', (code) => reject(new Error(`gateway exited (${code}): ${output}`)));
  });
});

afterAll(async () => {
  if (gateway && gateway.exitCode === null) {
    const exited = new Promise((resolve) => gateway.once('exit', resolve));
    gateway.kill('SIGTERM');
    await exited;
  }
  await new Promise<void>((resolve) => (replica.server ? replica.server.close(() => resolve()) : resolve()));
  if (fixtures) rmSync(fixtures, { recursive: true, force: true });
  // The configuration gateway.mjs rendered for this port (tmp/gateway/<port>).
  if (port) rmSync(join(__dirname, '..', '..', '..', 'tmp', 'gateway', String(port)), { recursive: true, force: true });
});

beforeEach(() => {
  replica.seen = [];
  replica.answer = { status: 200, body: '{"ok":true}' };
  replica.holdUntil = undefined;
  replica.held = [];
});

describe('/api/ to the token-api replicas', () => {
  it('appends the client to X-Forwarded-For and sets X-Forwarded-Proto and a generated X-Request-Id', async () => {
    const answer = await get('/api/v1/ping', { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    expect(answer.status).toBe(200);
    const [seen] = replica.seen;
    expect(seen.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(seen.headers['x-forwarded-proto']).toBe('https');
    expect(seen.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it("keeps a caller's well-formed X-Request-Id and replaces a malformed one", async () => {
    await get('/api/v1/ping', { headers: { 'X-Request-Id': 'crm-42.a' } });
    await get('/api/v1/ping', { headers: { 'X-Request-Id': 'bad id <script>' } });
    expect(replica.seen.map((s) => s.headers['x-request-id'])).toEqual(['crm-42.a', expect.stringMatching(/^[0-9a-f]{32}$/)]);
  });

  it('keeps a caller id only as long as token-api keeps it (64), so both name the request alike', async () => {
    await get('/api/v1/ping', { headers: { 'X-Request-Id': 'a'.repeat(64) } });
    await get('/api/v1/ping', { headers: { 'X-Request-Id': 'a'.repeat(65) } });
    expect(replica.seen.map((s) => s.headers['x-request-id'])).toEqual(['a'.repeat(64), expect.stringMatching(/^[0-9a-f]{32}$/)]);
  });

  it('skips a replica that refuses connections, for POST too', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => get('/api/v1/login', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(replica.seen).toHaveLength(6);
    expect(replica.seen.every((s) => s.method === 'POST')).toBe(true);
  });

  it('holds as many logins at once as a shift start queues (20/s for 30 s: about 550), each on two connections', async () => {
    const waiting = 600;
    replica.holdUntil = waiting;
    const answers = await Promise.all(
      Array.from({ length: waiting }, () => get('/api/tccc/login', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })),
    );
    const statuses: Record<number, number> = {};
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    expect(statuses).toEqual({ 200: waiting });
  }, 60_000);

  it("passes token-api's own 502 through, once, without retrying elsewhere", async () => {
    replica.answer = { status: 502, body: '{"error":{"code":"upstream_error","message":"m","requestId":"r"}}' };
    const answer = await get('/api/v1/login', { method: 'POST', body: '{}' });
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body).error.code).toBe('upstream_error');
    expect(replica.seen).toHaveLength(1);
  });

  it("answers request headers over nginx's buffers (HTTP/1.1) with 431 in token-api's error shape, as token-api does", async () => {
    const answer = await get('/api/tccc/login', { method: 'POST', body: '{}', headers: { Authorization: `Bearer ${'a'.repeat(10_000)}` } });
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect((JSON.parse(answer.body) as { error: { code: string } }).error.code).toBe('headers_too_large');
    expect(replica.seen).toHaveLength(0);
  });

  it("answers a body over its limit in token-api's error shape, not an HTML page, and never forwards it", async () => {
    const answer = await get('/api/tccc/login', { method: 'POST', body: 'a'.repeat(20_000), headers: { 'Content-Type': 'application/json' } });
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(answer.body) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('body_too_large');
    expect(body.error.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(replica.seen).toHaveLength(0);
  });
});

describe('static files', () => {
  it('serves a desk manifest that points at the remote under /desk/, and the remote there', async () => {
    const manifest = await get('/desk.manifest.json');
    expect(JSON.parse(manifest.body)).toEqual({ tccc_remote: '/desk/mf-manifest.json' });
    const remote = await get('/desk/mf-manifest.json');
    expect(JSON.parse(remote.body)).toEqual({ id: 'tccc_remote' });
  });

  it.each([
    ['/', 'no-cache'],
    ['/index.html', 'no-cache'],
    ['/customers/42', 'no-cache'],
    ['/desk.manifest.json', 'no-cache'],
    ['/runtime-config.json', 'no-cache'],
    ['/desk/mf-manifest.json', 'no-cache'],
    ['/desk/remoteEntry.js', 'no-cache'],
    ['/main.0123abcd.js', 'public, max-age=31536000, immutable'],
    ['/desk/816.dc515450.js', 'public, max-age=31536000, immutable'],
  ])('%s: Cache-Control %s', async (path, cacheControl) => {
    const answer = await get(path);
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe(cacheControl);
  });

  it.each(['/', '/index.html', '/customers/42'])('%s: the page preloads the desk manifest\'s remote manifest (Link), with the security headers', async (path) => {
    const { headers } = await get(path);
    expect(headers['link']).toBe('</desk/mf-manifest.json>; rel=preload; as=fetch; crossorigin=anonymous');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
  });

  it.each(['/runtime-config.json', '/desk.manifest.json', '/main.0123abcd.js', '/desk/mf-manifest.json'])('%s: no Link preload', async (path) => {
    expect((await get(path)).headers['link']).toBeUndefined();
  });

  it('sends the security headers, with a CSP of this origin, the SDK origin, the IdP and the one hashed handler', async () => {
    const { headers } = await get('/');
    expect(headers['strict-transport-security']).toBe('max-age=31536000');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    const csp = String(headers['content-security-policy']);
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    const hash = `'sha256-${createHash('sha256').update(ONLOAD).digest('base64')}'`;
    expect(directives['script-src']).toEqual(["'self'", "'unsafe-hashes'", hash, 'https://*.cdn-go.cn']);
    expect(directives['connect-src']).toEqual(["'self'", 'https://*.cdn-go.cn', 'http://localhost:4999']);
    expect(directives['frame-ancestors']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(csp).not.toContain("'unsafe-eval'");
  });

  it('answers a missing hashed asset with 404, not the index page', async () => {
    expect((await get('/main.deadbeef.js')).status).toBe(404);
  });
});

describe("the read timeout toward token-api (above a login's longest answer)", () => {
  /** proxy_read_timeout of /api/ in the configuration gateway.mjs renders with `environment`. */
  function readTimeoutIn(environment: Record<string, string>): string | undefined {
    const runtimeDir = mkdtempSync(join(tmpdir(), 'gateway-conf-'));
    try {
      const script = [
        `import { renderConfig } from ${JSON.stringify(pathToFileURL(GATEWAY).href)};`,
        `const file = renderConfig(${JSON.stringify({ runtimeDir, port: 8443, upstreams: [3333], sdkOrigins: ['https://*.cdn-go.cn'], shellDir: join(fixtures, 'shell'), remoteDir: join(fixtures, 'remote'), certFile: 'c.pem', keyFile: 'k.pem' })});`,
        'console.log(file);',
      ].join('\n');
      const file = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env['PATH'] ?? '', ...environment }, encoding: 'utf8' }).trim();
      return /location \/api\/ \{[^}]*proxy_read_timeout (\d+s);/.exec(readFileSync(file, 'utf8'))?.[1];
    } finally {
      rmSync(runtimeDir, { recursive: true, force: true });
    }
  }

  it('is given by start:prod the same settings it reads (stack.mjs names them)', () => {
    const stack = pathToFileURL(join(__dirname, '..', '..', 'scripts', 'stack.mjs')).href;
    const script = `import { LOGIN_TIMING } from ${JSON.stringify(pathToFileURL(GATEWAY).href)}; import { GATEWAY_LOGIN_TIMING } from ${JSON.stringify(stack)}; console.log(JSON.stringify([Object.keys(LOGIN_TIMING), GATEWAY_LOGIN_TIMING]));`;
    const [read, given] = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as string[][];
    expect([...given!].sort()).toEqual([...read!].sort());
  });

  it("assumes token-api's own defaults (apps/token-api/.env.example) where the environment sets none", () => {
    const script = `import { LOGIN_TIMING } from ${JSON.stringify(pathToFileURL(GATEWAY).href)}; console.log(JSON.stringify(LOGIN_TIMING));`;
    const assumed = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as Record<string, number>;
    const example = readFileSync(join(__dirname, '..', '..', '..', 'apps', 'token-api', '.env.example'), 'utf8');
    for (const [name, value] of Object.entries(assumed)) expect(`${name}=${new RegExp(`^${name}=(.*)$`, 'm').exec(example)?.[1]}`).toBe(`${name}=${value}`);
  });

  it('is 45 s with token-api\'s defaults (JWKS 2 s + queue 30 s + Tencent 5 s, and room)', () => {
    expect(readTimeoutIn({})).toBe('45s');
  });

  it('follows a longer login queue wait or Tencent timeout, so nginx never cuts off a login and mints it again elsewhere', () => {
    expect(readTimeoutIn({ LOGIN_QUEUE_MAX_WAIT_MS: '120000' })).toBe('135s');
    expect(readTimeoutIn({ LOGIN_QUEUE_MAX_WAIT_MS: '60000', TCCC_TIMEOUT_SECONDS: '20', AUTH_JWKS_TIMEOUT_MS: '5000' })).toBe('93s');
    expect(readTimeoutIn({ LOGIN_QUEUE_MAX_WAIT_MS: 'soon' })).toBe('45s'); // refused by token-api: its default
  });
});

describe('a TLS certificate path that is wrong', () => {
  function runGateway(environment: Record<string, string>): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [GATEWAY], {
        env: { PATH: process.env['PATH'] ?? '', GATEWAY_SHELL_DIR: join(fixtures, 'shell'), GATEWAY_REMOTE_DIR: join(fixtures, 'remote'), ...environment },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => resolve({ code, output }));
    });
  }

  it('stops the gateway naming the variable and the file, not with an OpenSSL trace', async () => {
    const free = await freePort();
    const missing = join(fixtures, 'no-such-dir', 'portal.crt');
    const { code, output } = await runGateway({ GATEWAY_PORT: String(free), GATEWAY_CERT_FILE: missing, GATEWAY_KEY_FILE: join(fixtures, 'shell', 'index.html') });
    rmSync(join(__dirname, '..', '..', '..', 'tmp', 'gateway', String(free)), { recursive: true, force: true });
    expect(code).toBe(1);
    expect(output).toContain(`the TLS certificate file ${missing} does not exist (certFile/keyFile, GATEWAY_CERT_FILE)`);
    expect(output).not.toContain('BIO_new_file');
  });
});

describe('a malformed setting', () => {
  it.each([
    [{ GATEWAY_UPSTREAMS: '10.0.0.5:3333' }, 'GATEWAY_UPSTREAMS'],
    [{ GATEWAY_PORT: '84430' }, 'GATEWAY_PORT'],
    [{ GATEWAY_SDK_ORIGINS: 'https://cdn.example.com/sdk/' }, 'GATEWAY_SDK_ORIGINS'],
  ])('%j stops the gateway naming %s', async (environment, name) => {
    const child = spawn(process.execPath, [GATEWAY], {
      env: { PATH: process.env['PATH'] ?? '', GATEWAY_PORT: String(await freePort()), GATEWAY_SHELL_DIR: join(fixtures, 'shell'), GATEWAY_REMOTE_DIR: join(fixtures, 'remote'), ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain(`(${name})`);
  });
});
