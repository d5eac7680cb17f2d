/**
 * The desk's bundle budget, enforced in CI: the gzip bytes (level 9) of everything the shell
 * fetches from the remote's origin to show the desk. Target 30 KB of JavaScript, not met: 30.1 KB
 * JS + 0.7 KB mf-manifest.json before the tabs (leader election, mirror) and the two languages
 * (catalogs, shortcuts) came in; 44.4 KB in all with them and the tabs' review fixes; 39.0 KB once
 * what is not on the way to ready loads on first use (the commands' code, preflight, diagnostics
 * masking, the zh-CN catalog, the contact list, error panel, shortcut help, event log, state
 * inspector, diagnostics file); 44.2 KB since the contact list and the call controls are fetched
 * while the page is idle right after ready (a @defer whose fetch failed on the first ring would
 * never retry: first-contact-chunks.ts), counted here as they are downloaded before any contact;
 * 41.0 KB with the tabs' other-tab side, the diagnostics document, the interceptor chain and the
 * commands' errors and actions loaded on demand, and the desk's core and the first contact's two
 * components one chunk each; 42.4 KB with @error fallbacks for every @defer, the unacknowledged
 * call logs shown in every tab (callLogs.unacked$), the tabs' input checks and takeover fixes, and
 * the colleague field's visible label. The limit is 43 KB for everything (a ratchet: lower it when
 * the desk gets smaller). The full report with a table is `npm run bench:bundle`.
 */
import { gzipSync } from 'node:zlib';
import { useBrowser } from '../support/fixture';
import { signInReady } from '../support/shell';
import { REMOTE } from '../support/urls';

const { open } = useBrowser();
const LIMIT_BYTES = 43 * 1024;

test('the desk adds at most 43 KB gzip to a shell that already has Angular (no federation runtime, no Angular, no rxjs)', async () => {
  const { page } = await open();
  const sizes: Promise<{ url: string; gzip: number }>[] = [];
  page.on('response', (response) => {
    if (!response.url().startsWith(`${REMOTE}/`)) return;
    sizes.push(response.body().then((body) => ({ url: response.url(), gzip: gzipSync(body, { level: 9 }).length })));
  });

  await signInReady(page);
  await page.waitForLoadState('networkidle');

  const files = await Promise.all(sizes);
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  expect(files.map((f) => f.url)).toEqual(expect.arrayContaining([`${REMOTE}/remoteEntry.js`, `${REMOTE}/mf-manifest.json`]));
  expect(total).toBeLessThanOrEqual(LIMIT_BYTES);
  // The shell's federation runtime is reused: remoteEntry.js carries none (it was 33 KB gzip with it).
  const entry = files.find((f) => f.url === `${REMOTE}/remoteEntry.js`)!;
  expect(entry.gzip).toBeLessThan(5 * 1024);
  expect(files.some((f) => f.url.endsWith('/federation-runtime.js'))).toBe(false);
});
