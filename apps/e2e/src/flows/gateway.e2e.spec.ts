/**
 * The desk through the shared gateway (nginx at https://localhost:8443): the shell at /, the remote
 * under /desk/ (found through the manifest the gateway serves), /api/ to two token-api replicas
 * sharing Redis. Calls, failures of each part, the Content-Security-Policy and the caching headers.
 */
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, closeWorkbench, signIn, signInReady } from '../support/shell';
import { startService, stopService } from '../support/stack-control';
import { GATEWAY } from '../support/urls';

const { open } = useBrowser();

afterEach(async () => {
  // Whatever a test stopped, the next flows need it back.
  await startService('token-api');
  await startService('redis');
});

async function untilReady(urls: string[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const url of urls) {
    for (;;) {
      const status = await fetch(url).then((r) => r.status, () => 0);
      if (status === 200) break;
      if (Date.now() > deadline) throw new Error(`${url} not ready (${status}) within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** CSP violations the page reports (securitypolicyviolation events), collected from the start. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test('the desk reaches ready under the CSP, from the remote under /desk/; an injected inline script is blocked', async () => {
  const { page, pageErrors } = await open();
  const violations = await recordViolations(page);
  const remoteRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('remoteEntry.js') || request.url().includes('mf-manifest.json')) remoteRequests.push(request.url());
  });

  await signInReady(page, 'alice', '/customers', GATEWAY);
  expect(remoteRequests.length).toBeGreaterThan(0);
  expect(remoteRequests.every((url) => url.startsWith(`${GATEWAY}/desk/`))).toBe(true);
  await expect(violations()).resolves.toEqual([]);
  // The stylesheet's onload handler (allowed by its hash) ran: the styles apply.
  await expect(page.locator('link[rel="stylesheet"]').first().getAttribute('media')).resolves.toBe('all');
  await closeWorkbench(page);
  await screenshot(page, 'gateway-desk');

  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.head.append(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect(violations()).resolves.toEqual([expect.stringMatching(/^script-src-elem inline$/)]);
  expect(pageErrors).toEqual([]);
});

test('click-to-dial through the gateway: dialing, answered, hung up', async () => {
  const { page, pageErrors } = await open();
  await signInReady(page, 'alice', '/customers', GATEWAY);

  await byTestId(page, 'call-c001-mobile').click();
  await page.locator('[data-testid="active-session"][data-status="dialing"]').waitFor();
  const sessionId = await byTestId(page, 'active-session').getAttribute('data-session-id');
  expect(sessionId).toBeTruthy();
  await emulator.answer(sessionId!);
  await page.locator('[data-testid="active-session"][data-status="talking"]').waitFor();
  await byTestId(page, 'hangup').click();
  await byTestId(page, 'active-session').waitFor({ state: 'detached' });
  expect(pageErrors).toEqual([]);
});

test('an inbound call through the gateway: screen pop, accept', async () => {
  const { page, pageErrors } = await open();
  await signInReady(page, 'alice', '/customers', GATEWAY);

  const { sessionId } = await emulator.inbound({ type: 'phone', timeout: 0, callerPhoneNumber: '0086 139 1234 5678', calleePhoneNumber: '4008001234' });
  const pop = page.locator(`[data-testid="screen-pop"][data-session-id="${sessionId}"]`);
  await pop.waitFor();
  await expect(pop.locator('[data-testid="screen-pop-customer"]').textContent()).resolves.toBe('Ying Wu');
  await pop.locator('[data-testid="screen-pop-accept"]').click();
  await page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"][data-status="talking"]`).waitFor();
  await emulator.hangup(sessionId);
  await byTestId(page, 'active-session').waitFor({ state: 'detached' });
  expect(pageErrors).toEqual([]);
});

test('the remote unreachable behind the gateway: the CRM works, Retry loads the desk once it is back', async () => {
  const { page } = await open();
  await page.route(`${GATEWAY}/desk/**`, (route) => route.abort('connectionrefused'));

  await signIn(page, 'alice', '/customers', GATEWAY);
  await page.locator('[data-testid="header-desk"][data-state="unavailable"]').waitFor();
  await byTestId(page, 'desk-panel-unavailable').waitFor();
  await byTestId(page, 'customer-link-c001').click();
  await page.waitForURL(/\/customers\/c001$/);

  await page.unroute(`${GATEWAY}/desk/**`);
  await byTestId(page, 'header-desk-retry').click();
  await page.locator('[data-testid="desk-status"][data-status="ready"]').waitFor();
});

test('one token-api replica down: logins still succeed through the other', async () => {
  await stopService('token-api'); // :3333; token-api-2 on :3334 stays
  const before = await emulator.counters();
  // Several fresh logins: round robin sends some of them to the stopped replica first.
  for (let login = 0; login < 3; login += 1) {
    const { page, context } = await open();
    await signInReady(page, 'alice', '/customers', GATEWAY);
    await context.close();
  }
  const after = await emulator.counters();
  expect(after.sdkUrlsServed - before.sdkUrlsServed).toBe(3);
});

test('Redis down: the desk says the login service is unavailable, and recovers when Redis is back', async () => {
  await stopService('redis');
  const { page } = await open();
  await signIn(page, 'alice', '/customers', GATEWAY);

  // 503 dependency_unavailable (Retry-After) from token-api: the desk says it will sign in again by
  // itself (or, past its bound, a clear retryable error), never that it waits for a line; never ready.
  const panelText = async () => (await page.locator('[data-testid="desk-panel"], [data-testid="desk-error"]').allTextContents()).join(' ');
  await page.waitForFunction(() => /briefly unavailable|Retrying the sign-in/i.test(document.body.innerText), undefined, { timeout: 20_000 });
  expect(await panelText()).not.toMatch(/Waiting for a line/i);
  await expect(page.locator('[data-testid="desk-status"][data-status="ready"]').count()).resolves.toBe(0);
  await screenshot(page, 'gateway-redis-down');
  expect(await panelText()).not.toMatch(/redis|ECONNREFUSED|127\.0\.0\.1/i);

  // Redis back: both replicas reconnect by themselves (no restart) and say so on /readyz.
  await startService('redis');
  await untilReady(['http://localhost:3333/readyz', 'http://localhost:3334/readyz']);
  const retry = byTestId(page, 'desk-retry');
  if (await retry.isVisible()) await retry.click();
  await page.locator('[data-testid="desk-status"][data-status="ready"]').waitFor({ timeout: 30_000 });
});

describe('caching and security headers from the gateway', () => {
  it.each([
    ['/', 'no-cache'],
    ['/index.html', 'no-cache'],
    ['/desk.manifest.json', 'no-cache'],
    ['/runtime-config.json', 'no-cache'],
    ['/desk/mf-manifest.json', 'no-cache'],
    ['/desk/remoteEntry.js', 'no-cache'],
  ])('%s is revalidated (Cache-Control %s)', async (path, cacheControl) => {
    const { context } = await open();
    const response = await context.request.get(`${GATEWAY}${path}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe(cacheControl);
  });

  it('hashed chunks of the shell and the remote are immutable for a year; every page has the security headers', async () => {
    const { context } = await open();
    const index = await (await context.request.get(`${GATEWAY}/`)).text();
    const shellChunk = /src="(main\.[0-9a-f]{8,}\.js)"/.exec(index)?.[1];
    const remoteManifest = await (await context.request.get(`${GATEWAY}/desk/mf-manifest.json`)).json();
    const remoteChunk = (remoteManifest.exposes as { assets: { js: { sync: string[] } } }[])[0]?.assets.js.sync[0];
    expect(shellChunk).toBeTruthy();
    expect(remoteChunk).toBeTruthy();
    for (const path of [`/${shellChunk}`, `/desk/${remoteChunk}`]) {
      const response = await context.request.get(`${GATEWAY}${path}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    const headers = (await context.request.get(`${GATEWAY}/customers`)).headers();
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBeTruthy();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(headers['content-security-policy']).toContain('http://localhost:4300'); // the emulated SDK's origin
  });
});
