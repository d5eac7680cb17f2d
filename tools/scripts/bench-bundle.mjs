#!/usr/bin/env node
// Bundle budget of the desk: what the remote adds to a shell that already has Angular.
// Builds shell and remote for production, starts the stack (fixed ports), signs in to the shell in
// Chromium, waits for the desk, and records every response from the remote's origin (:4201):
// mf-manifest.json, remoteEntry.js, the exposed chunks, anything else fetched from there. Each body
// is gzipped (zlib level 9) and summed. Last line: {"desk_added_gzip_kb", "remote_files", "js_gzip_kb"}
// (js_gzip_kb: the .js files only). Target ≤ 30 KB; exits 1 above 80 KB (KB = 1024 bytes).
//   --skip-build   use the builds already in dist/
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { missingBuilds, ROOT, startStack, URLS } from './stack.mjs';

const TARGET_KB = 30;
const LIMIT_KB = 80;

export async function measureDeskBytes({ onStatus = () => undefined } = {}) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pending = [];
    page.on('response', (response) => {
      if (!response.url().startsWith(`${URLS.remote}/`)) return;
      pending.push(
        response.body().then(
          (body) => ({ url: response.url(), status: response.status(), raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
          () => ({ url: response.url(), status: response.status(), raw: 0, gzip: 0 }),
        ),
      );
    });
    onStatus('loading the shell and signing in');
    await page.goto(`${URLS.shell}/customers`);
    await page.locator('[data-testid="dev-login-select"]').selectOption('alice');
    await page.locator('[data-testid="desk-panel"] tccc-desk [data-testid="desk-status"][data-status="ready"]').waitFor({ timeout: 30_000 });
    // Anything the desk fetches right after it is ready (lazy chunks) counts too.
    await page.waitForLoadState('networkidle');
    const files = await Promise.all(pending);
    await context.close();
    return files;
  } finally {
    await browser.close();
  }
}

function formatTable(files) {
  const rows = files
    .slice()
    .sort((a, b) => b.gzip - a.gzip)
    .map((f) => `${String(f.status).padEnd(4)} ${(f.raw / 1024).toFixed(1).padStart(8)} ${(f.gzip / 1024).toFixed(1).padStart(8)}  ${f.url.slice(URLS.remote.length)}`);
  return ['code   raw KB  gzip KB  file (from the remote origin)', ...rows].join('\n');
}

async function main() {
  const started = Date.now();
  if (!process.argv.includes('--skip-build')) {
    console.log('[bench:bundle] building shell and tccc-remote for production');
    execFileSync('npx', ['nx', 'run-many', '-t', 'build', '-p', '@tccc-desk/shell', '@tccc-desk/tccc-remote', '--outputStyle=static'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  const missing = missingBuilds();
  if (missing.length > 0) throw new Error(`production build missing:\n  ${missing.join('\n  ')}`);

  const measuring = Date.now();
  const stack = await startStack({ mode: 'prod', logDir: `${ROOT}/tmp/bench-bundle-logs`, logLevel: 'warn', onStatus: () => undefined });
  let files;
  try {
    files = await measureDeskBytes({ onStatus: (line) => console.log(`[bench:bundle] ${line}`) });
  } finally {
    await stack.stop();
  }

  const totalGzip = files.reduce((sum, f) => sum + f.gzip, 0);
  const kb = Math.round((totalGzip / 1024) * 10) / 10;
  console.log(formatTable(files));
  console.log(`total: ${files.length} files, ${(files.reduce((s, f) => s + f.raw, 0) / 1024).toFixed(1)} KB raw, ${kb} KB gzip (level 9)`);
  console.log(`target ≤ ${TARGET_KB} KB: ${kb <= TARGET_KB ? 'met' : 'MISSED'}; limit ${LIMIT_KB} KB: ${kb <= LIMIT_KB ? 'ok' : 'EXCEEDED'}`);
  console.log(`measured in ${((Date.now() - measuring) / 1000).toFixed(1)} s (${((Date.now() - started) / 1000).toFixed(1)} s with the build)`);
  const jsKb = Math.round((files.filter((f) => new URL(f.url).pathname.endsWith('.js')).reduce((sum, f) => sum + f.gzip, 0) / 1024) * 10) / 10;
  console.log(JSON.stringify({ desk_added_gzip_kb: kb, remote_files: files.length, js_gzip_kb: jsKb }));
  if (kb > LIMIT_KB) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`[bench:bundle] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
