// The hand-written local servers (static-server.mjs, serve-app.mjs), run as the processes they
// are: a malformed path is a 400 and the process lives on; they listen on loopback unless told
// otherwise; the /api pass-through appends this hop to X-Forwarded-For instead of forwarding it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

jest.setTimeout(30_000);

const SCRIPTS = join(__dirname, '..');
const children: ChildProcess[] = [];
const servers: Server[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts a script and resolves once it printed its first line (it is listening then). */
async function startScript(args: string[], env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: SCRIPTS, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`)));
  });
  return child;
}

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise it). */
function rawGet(port: number, path: string, headers: Record<string, string> = {}, host = '127.0.0.1'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** An upstream standing in for token-api that records the headers it was sent. */
async function recordingUpstream(): Promise<{ origin: string; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const tempDirs: string[] = [];

function exampleDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'static-server-'));
  tempDirs.push(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ok</title>');
  return dir;
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  for (const server of servers.splice(0)) await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface ServerUnderTest {
  name: string;
  start(port: number, env?: Record<string, string>, apiOrigin?: string): Promise<ChildProcess>;
  apiEnv?: boolean;
}

const SERVERS: ServerUnderTest[] = [
  {
    name: 'static-server.mjs',
    start: (port, env = {}, apiOrigin) =>
      startScript(['static-server.mjs', '--dir', exampleDir(), '--port', String(port), ...(apiOrigin ? ['--api', apiOrigin] : [])], env),
  },
  {
    name: 'serve-app.mjs',
    start: (port, env = {}, apiOrigin) =>
      startScript(['serve-app.mjs', 'shell'], { PORT: String(port), ...(apiOrigin ? { API_TARGET: apiOrigin } : {}), ...env }),
  },
];

describe.each(SERVERS)('$name', (server) => {
  it.each(['/%E0%A4%A', '/%ff', '/assets/%C0'])('answers the malformed path %s with 400 and keeps serving', async (path) => {
    const port = await freePort();
    const child = await server.start(port);
    const answer = await rawGet(port, path);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/malformed path/i);
    expect(child.exitCode).toBeNull();
    expect((await rawGet(port, '/no-such-file.js')).status).toBe(404);
  });

  it('listens on 127.0.0.1 only by default, and on HOST when given', async () => {
    const port = await freePort();
    await server.start(port);
    expect(await canConnect('127.0.0.1', port)).toBe(true);
    // Another loopback address reaches a server bound to every interface, not one bound to 127.0.0.1.
    expect(await canConnect('127.0.0.2', port)).toBe(false);

    const other = await freePort();
    await server.start(other, { HOST: '127.0.0.2' });
    expect(await canConnect('127.0.0.2', other)).toBe(true);
    expect(await canConnect('127.0.0.1', other)).toBe(false);
  });

  it('appends the client to X-Forwarded-For on /api instead of passing the client’s value through', async () => {
    const upstream = await recordingUpstream();
    const port = await freePort();
    await server.start(port, {}, upstream.origin);
    expect((await rawGet(port, '/api/tccc/login', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);
    expect((await rawGet(port, '/api/tccc/login')).status).toBe(200);
    expect(upstream.seen.map((headers) => headers['x-forwarded-for'])).toEqual(['203.0.113.9, 127.0.0.1', '127.0.0.1']);
    expect(upstream.seen[0]?.['x-forwarded-proto']).toBe('http');
  });
});
