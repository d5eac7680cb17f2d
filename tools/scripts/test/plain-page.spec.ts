// tools/examples/plain-page must take the remote's origin from its configuration file, never from
// the URL: a link with ?remote=<somewhere> would otherwise run foreign code in the page's origin,
// which can mint the signed-in agent's SdkURL. The real page in Chromium, served by the real
// static server, with two stand-in remotes: the configured one and a hostile one.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

jest.setTimeout(60_000);

const EXAMPLES = join(__dirname, '..', '..', 'examples');

interface FakeRemote {
  origin: string;
  requested: string[];
  server: Server;
}

/** A remote whose entry marks the page (window.__loadedFrom) and then fails to init. */
async function fakeRemote(name: string): Promise<FakeRemote> {
  const requested: string[] = [];
  const server = createServer((req, res) => {
    requested.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' });
    res.end(`window.__loadedFrom = ${JSON.stringify(name)}; export async function init() { throw new Error('stand-in remote ${name}'); }`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requested, server };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let browser: Browser;
let configured: FakeRemote;
let hostile: FakeRemote;
let staticServer: ChildProcess;
let pageUrl: string;
const tempDirs: string[] = [];

/** A copy of tools/examples, as deployed somewhere, removed after the run. */
function deployedExamples(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  cpSync(EXAMPLES, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  configured = await fakeRemote('configured');
  hostile = await fakeRemote('hostile');
  // The examples as deployed, with this environment's configuration file.
  const dir = deployedExamples('plain-page-');
  writeFileSync(
    join(dir, 'plain-page', 'config.json'),
    JSON.stringify({ remoteOrigin: configured.origin, idpTokenUrl: `${configured.origin}/token` }),
  );
  const port = await freePort();
  staticServer = spawn(process.execPath, [join(__dirname, '..', 'static-server.mjs'), '--dir', dir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => staticServer.stdout?.once('data', resolve));
  pageUrl = `http://127.0.0.1:${port}/plain-page/`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
  staticServer?.kill('SIGKILL');
  for (const remote of [configured, hostile]) await new Promise<void>((resolve) => remote.server.close(() => resolve()));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

it('loads the remote from config.json and ignores ?remote= and ?idp= in the URL', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${pageUrl}?user=alice&remote=${encodeURIComponent(hostile.origin)}&idp=${encodeURIComponent(`${hostile.origin}/token`)}`);
    await page.locator('[data-testid="plain-status"][data-state="error"]').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __loadedFrom?: string }).__loadedFrom)).toBe('configured');
    expect(await page.locator('[data-testid="plain-status"]').textContent()).toContain('stand-in remote configured');
    expect(hostile.requested).toEqual([]);
    expect(configured.requested).toContain('/remoteEntry.js');
  } finally {
    await page.close();
  }
});

it('refuses a configuration whose remote is not a plain http(s) origin', async () => {
  const dir = deployedExamples('plain-page-bad-');
  writeFileSync(join(dir, 'plain-page', 'config.json'), JSON.stringify({ remoteOrigin: 'javascript:alert(1)//', idpTokenUrl: 'http://localhost:4300/dev/idp/token' }));
  const port = await freePort();
  const server = spawn(process.execPath, [join(__dirname, '..', 'static-server.mjs'), '--dir', dir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server.stdout?.once('data', resolve));
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${port}/plain-page/`);
    await page.locator('[data-testid="plain-status"][data-state="error"]').waitFor();
    expect(await page.locator('[data-testid="plain-status"]').textContent()).toMatch(/config\.json/);
  } finally {
    await page.close();
    server.kill('SIGKILL');
  }
});
