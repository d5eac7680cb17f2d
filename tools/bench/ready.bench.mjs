#!/usr/bin/env node
/* global document, performance, MutationObserver, sessionStorage -- the probes below run in the page (page.evaluate, addInitScript). */
// bench:ready: how long until the desk is ready, in the shell versus a bare page written like the
// vendor guide (tools/bench/bare-page). Production builds, headless Chromium, CDP network emulation
// of 50 ms latency with the cache disabled, the same emulator for both; alternating runs, each in a
// fresh browser context, the emulator reset in between. Prints each run, the medians, and last one
// JSON line {"bare_ms","shell_ms","desk_ms","ratio"}: ratio = desk_ms / max(bare_ms, shell_ms).
//   bare_ms   navigation start → the bare page's tccc `ready`
//   shell_ms  navigation start → the CRM's customer list rendered (a remembered signed-in user)
//   desk_ms   navigation start → the shell's <tccc-desk> shows ready
// Before the JSON: the desk's path in the shell (medians of the token, login and SDK script timings),
// with how long the login's answer waited for the main thread before the SDK script was asked for.
// Options: --runs N (default 10 of each), --skip-build, --trace (the shell's resource timeline per run). Target ratio ≤ 1.05 (printed, not enforced).
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { freePort, missingBuilds, ROOT, startStack, URLS } from '../scripts/stack.mjs';

const LATENCY_MS = 50;
const TARGET_RATIO = 1.05;
const arg = (name) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};
const RUNS = Number(arg('--runs') ?? 10);
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 100) throw new Error('--runs must be an integer from 1 to 100');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Records, from navigation start, when the CRM's customer list and the desk's ready status first appear. */
function shellProbe() {
  const marks = {};
  globalThis.__bench = marks;
  const check = () => {
    if (marks.shell_ms === undefined && document.querySelector('[data-testid^="customer-row-"]')) marks.shell_ms = performance.now();
    if (marks.desk_ms === undefined && document.querySelector('tccc-desk [data-testid="desk-status"][data-status="ready"]')) marks.desk_ms = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-status'] });
  try {
    sessionStorage.setItem('tccc-shell.dev-user', 'alice'); // the remembered signed-in user
  } catch {
    /* not the shell's origin */
  }
}

/**
 * The desk's way to ready in the shell, from the page's resource timings (ms from navigation start):
 * the token's arrival, the login request sent and answered, the SDK script asked for and arrived.
 * `sdk_start - login_end` is how long the login's answer waited for the main thread.
 */
function deskPath() {
  const entries = performance.getEntriesByType('resource');
  const find = (test) => entries.find((e) => test(new URL(e.name)));
  const token = find((u) => u.pathname.endsWith('/dev/idp/token'));
  const login = find((u) => u.pathname.endsWith('/api/tccc/login'));
  const sdk = find((u) => u.pathname.endsWith('/tccc-sdk.js'));
  return { token_end: token?.responseEnd, login_start: login?.startTime, login_end: login?.responseEnd, sdk_start: sdk?.startTime, sdk_end: sdk?.responseEnd };
}

async function newPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY_MS, downloadThroughput: -1, uploadThroughput: -1 });
  return { context, page };
}

async function resetEmulator() {
  const response = await fetch(`${URLS.emulator}/control/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  if (!response.ok) throw new Error(`emulator reset: HTTP ${response.status}`);
}

async function runBare(browser, origin) {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${origin}/bare-page/index.html?user=alice`);
    await page.waitForFunction(() => globalThis.__bench?.ready_ms !== undefined || document.getElementById('status')?.dataset.state === 'error', null, { timeout: 20_000 });
    const marks = await page.evaluate(() => globalThis.__bench ?? { error: document.getElementById('status')?.textContent });
    if (marks.error) throw new Error(`bare page: ${marks.error}`);
    return marks.ready_ms;
  } finally {
    await context.close();
  }
}

async function runShell(browser) {
  const { context, page } = await newPage(browser);
  try {
    await page.addInitScript(shellProbe);
    await page.goto(`${URLS.shell}/customers`);
    await page.waitForFunction(() => globalThis.__bench?.desk_ms !== undefined && globalThis.__bench?.shell_ms !== undefined, null, { timeout: 20_000 });
    const marks = await page.evaluate(() => ({ ...globalThis.__bench }));
    marks.path = await page.evaluate(deskPath);
    if (process.argv.includes('--trace')) {
      const entries = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => [Math.round(e.startTime), Math.round(e.responseEnd), e.name.replace(/\?.*/, '')]),
      );
      for (const [start, end, name] of entries) console.log(`    ${String(start).padStart(5)} → ${String(end).padStart(5)}  ${name}`);
    }
    return marks;
  } finally {
    await context.close();
  }
}

function startBareServer(port) {
  const child = spawn(
    process.execPath,
    ['tools/scripts/static-server.mjs', '--dir', 'tools/bench', '--port', String(port), '--api', URLS.tokenApi],
    { cwd: ROOT, stdio: 'ignore', detached: true },
  );
  return {
    stop: () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
    },
  };
}

async function waitFor(url, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error(`${url} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main() {
  const started = Date.now();
  if (!process.argv.includes('--skip-build')) {
    console.log('[bench:ready] production builds (shell, tccc-remote, token-api; Nx cache)');
    execFileSync('npx', ['nx', 'run-many', '-t', 'build', '-p', '@tccc-desk/shell', '@tccc-desk/tccc-remote', '@tccc-desk/token-api', '--outputStyle=static'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const missing = missingBuilds();
  if (missing.length > 0) throw new Error(`production build missing:\n  ${missing.join('\n  ')}`);

  // Every run logs in: the per-person limit is raised for this run only (through the environment).
  const stack = await startStack({
    mode: 'prod',
    logDir: join(ROOT, 'tmp/bench-ready-logs'),
    logLevel: 'warn',
    onStatus: () => undefined,
    tokenApi: { RATE_LIMIT_POINTS: process.env.RATE_LIMIT_POINTS || '10000' },
  });
  const barePort = await freePort();
  const bare = startBareServer(barePort);
  const bareOrigin = `http://localhost:${barePort}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = { bare: [], shell: [], desk: [], path: [] };
  try {
    await waitFor(`${bareOrigin}/bare-page/index.html`);
    // One unrecorded round warms the servers (JIT, connections) for both sides alike.
    await resetEmulator();
    await runBare(browser, bareOrigin);
    await resetEmulator();
    await runShell(browser);
    for (let run = 1; run <= RUNS; run += 1) {
      await resetEmulator();
      const bareMs = await runBare(browser, bareOrigin);
      await resetEmulator();
      const shell = await runShell(browser);
      results.bare.push(bareMs);
      results.shell.push(shell.shell_ms);
      results.desk.push(shell.desk_ms);
      results.path.push(shell.path);
      console.log(`run ${String(run).padStart(2)}: bare ${bareMs.toFixed(0).padStart(5)} ms | shell ${shell.shell_ms.toFixed(0).padStart(5)} ms, desk ${shell.desk_ms.toFixed(0).padStart(5)} ms`);
    }
  } finally {
    await browser.close();
    bare.stop();
    await stack.stop();
  }
  const bareMs = Math.round(median(results.bare));
  const shellMs = Math.round(median(results.shell));
  const deskMs = Math.round(median(results.desk));
  const ratio = Math.round((deskMs / Math.max(bareMs, shellMs)) * 100) / 100;
  console.log(`medians of ${RUNS}: bare ${bareMs} ms, shell ${shellMs} ms, desk ${deskMs} ms (latency ${LATENCY_MS} ms, cache disabled)`);
  const step = (name) => {
    const values = results.path.map((p) => p[name]).filter((v) => typeof v === 'number');
    return values.length === RUNS ? Math.round(median(values)) : 'n/a';
  };
  const waits = results.path.filter((p) => typeof p.sdk_start === 'number' && typeof p.login_end === 'number').map((p) => p.sdk_start - p.login_end);
  console.log(
    `desk's path (medians): token ${step('token_end')} ms, login sent ${step('login_start')} → answered ${step('login_end')} ms, ` +
      `SDK script asked ${step('sdk_start')} → arrived ${step('sdk_end')} ms; the login's answer waited ${waits.length === RUNS ? Math.round(median(waits)) : 'n/a'} ms for the main thread`,
  );
  console.log(`ratio desk / max(bare, shell) = ${ratio}: target ≤ ${TARGET_RATIO} ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(JSON.stringify({ bare_ms: bareMs, shell_ms: shellMs, desk_ms: deskMs, ratio }));
}

main().catch((error) => {
  console.error(`[bench:ready] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
