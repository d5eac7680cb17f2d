/**
 * One SDK per agent across tabs: two (then three) pages of ONE browser context, the same person
 * signed in. One tab leads (logs in, owns the SDK, rings); the others mirror it and forward
 * commands. The leader closed → a follower logs in afresh and is ready within 3 s; "Use it here"
 * moves the desk.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, closeWorkbench, signIn, signInReady } from '../support/shell';

const { open } = useBrowser();

const desk = (page: Page, id: string) => page.locator(`tccc-desk [data-testid="${id}"]`);
const active = (page: Page, sessionId: string, status: string) =>
  page.locator(`tccc-desk [data-testid="active-session"][data-session-id="${sessionId}"][data-status="${status}"]`);
const ready = (page: Page) => page.locator('tccc-desk [data-testid="desk-status"][data-status="ready"]');

/** Another tab of the same profile, the same person signed in (the shell keeps sign-in per tab). */
async function openTab(context: BrowserContext, path = '/customers'): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, 'alice', path);
  return page;
}

const onPage = (page: Page) =>
  page.evaluate(() => ({
    sdkScripts: document.querySelectorAll('script[src*="/sdk/tccc-sdk.js"]').length,
    tccc: typeof (globalThis as { tccc?: unknown }).tccc,
    workbench: document.querySelectorAll('[data-testid="tccc-workbench-icon"]').length,
  }));

/** Both tabs side by side in one picture: a blank page shows the two screenshots. */
async function sideBySide(context: BrowserContext, left: Page, right: Page, name: string): Promise<void> {
  const [a, b] = await Promise.all([left.screenshot(), right.screenshot()]);
  const canvas = await context.newPage();
  await canvas.setViewportSize({ width: 1290, height: 440 });
  await canvas.setContent(
    `<body style="margin:0;display:flex;gap:10px;background:#334155;font:13px system-ui">
      ${[
        ['Leader tab (owns the SDK)', a],
        ['Follower tab (mirrors, forwards commands)', b],
      ]
        .map(([label, png]) => `<figure style="margin:0;width:640px;color:#fff"><figcaption style="padding:4px 8px">${label}</figcaption><img style="width:640px;display:block" src="data:image/png;base64,${(png as Buffer).toString('base64')}"></figure>`)
        .join('')}
    </body>`,
  );
  await screenshot(canvas, name);
  await canvas.close();
}

test('two tabs: one SDK and one SdkURL; rings in the leader; accept, hold, hang up from the follower; leader closed → follower ready in 3 s; "Use it here"', async () => {
  const { context, page: leader, pageErrors } = await open();
  const logins: string[] = [];
  const sdkScripts: string[] = [];
  context.on('request', (request) => {
    if (request.url().endsWith('/api/tccc/login')) logins.push(request.url());
    if (request.url().includes('/sdk/tccc-sdk.js')) sdkScripts.push(request.url());
  });
  const before = await emulator.counters();

  await signInReady(leader);
  const follower = await openTab(context);
  await ready(follower).waitFor(); // mirrored from the leader
  await desk(follower, 'desk-other-tab').waitFor();
  await expect(desk(leader, 'desk-other-tab').count()).resolves.toBe(0);
  await expect(desk(follower, 'desk-other-tab').textContent()).resolves.toContain('The desk is active in another tab');

  // One login, one SdkURL, one SDK script in the whole profile.
  expect(logins).toHaveLength(1);
  expect(sdkScripts).toHaveLength(1);
  expect((await emulator.counters()).sdkUrlsServed - before.sdkUrlsServed).toBe(1);
  await expect(onPage(leader)).resolves.toMatchObject({ sdkScripts: 1, tccc: 'object' });
  await expect(onPage(follower)).resolves.toEqual({ sdkScripts: 0, tccc: 'undefined', workbench: 0 });

  // An inbound call rings in the leader only (its SDK and workbench); the follower shows it.
  const { sessionId } = await emulator.inbound({ type: 'phone', timeout: 0, callerPhoneNumber: '0086 139 1234 5678', calleePhoneNumber: '4008001234' });
  await active(leader, sessionId, 'ringing').waitFor();
  await active(follower, sessionId, 'ringing').waitFor();
  await expect(desk(leader, 'incoming-call').textContent()).resolves.toContain('Incoming call');
  await expect(desk(follower, 'incoming-call').textContent()).resolves.not.toContain('Incoming');
  await expect(onPage(follower)).resolves.toEqual({ sdkScripts: 0, tccc: 'undefined', workbench: 0 });

  // Accept, hold and hang up from the follower: the leader's SDK does them.
  await desk(follower, 'accept').click();
  await active(follower, sessionId, 'talking').waitFor();
  await active(leader, sessionId, 'talking').waitFor();
  await desk(follower, 'hold').click();
  await active(leader, sessionId, 'held').waitFor();
  await active(follower, sessionId, 'held').waitFor();
  await closeWorkbench(leader);
  await sideBySide(context, leader, follower, 'tabs-leader-follower');
  await desk(follower, 'hangup').click();
  await active(leader, sessionId, 'held').waitFor({ state: 'detached' });
  await active(follower, sessionId, 'held').waitFor({ state: 'detached' });
  await expect(desk(follower, 'command-error').count()).resolves.toBe(0);
  const state = await emulator.state();
  expect(state.sessions.find((s) => s.sessionId === sessionId)?.status).not.toMatch(/talking|held|ringing/);

  // The leader's tab closes: the follower takes over with a fresh login, ready within 3 s.
  const closedAt = Date.now();
  await leader.close();
  await desk(follower, 'desk-other-tab').waitFor({ state: 'detached', timeout: 3_000 });
  await follower.waitForFunction(() => typeof (globalThis as { tccc?: unknown }).tccc === 'object', undefined, { timeout: 3_000 });
  await ready(follower).waitFor({ timeout: Math.max(1, 3_000 - (Date.now() - closedAt)) });
  expect(Date.now() - closedAt).toBeLessThan(3_000);
  expect(logins).toHaveLength(2);
  expect((await emulator.counters()).sdkUrlsServed - before.sdkUrlsServed).toBe(2);

  // "Use it here" in a new tab: the desk moves; the old leader lets go of its SDK.
  const third = await openTab(context);
  await desk(third, 'desk-other-tab').waitFor();
  await desk(third, 'desk-use-here').click();
  await desk(third, 'desk-other-tab').waitFor({ state: 'detached' });
  await desk(follower, 'desk-other-tab').waitFor();
  await third.waitForFunction(() => typeof (globalThis as { tccc?: unknown }).tccc === 'object');
  await ready(third).waitFor();
  await follower.waitForFunction(() => typeof (globalThis as { tccc?: unknown }).tccc === 'undefined');
  await expect(onPage(follower)).resolves.toMatchObject({ sdkScripts: 0, tccc: 'undefined' });
  expect(logins).toHaveLength(3);
  expect(pageErrors).toEqual([]);
});

test('a reload during a live call: the call shows as interrupted, the history is kept; sign-out clears it', async () => {
  const { context, page } = await open();
  await signInReady(page);

  // A finished call first.
  const first = await emulator.inbound({ type: 'phone', timeout: 0, callerPhoneNumber: '0086 139 1234 5678', calleePhoneNumber: '4008001234' });
  await active(page, first.sessionId, 'ringing').waitFor();
  await desk(page, 'accept').click();
  await active(page, first.sessionId, 'talking').waitFor();
  await desk(page, 'hangup').click();
  await active(page, first.sessionId, 'talking').waitFor({ state: 'detached' });

  // Then a live one, and the page reloads (the desk asks first: beforeunload).
  const live = await emulator.inbound({ type: 'phone', timeout: 0, callerPhoneNumber: '+86 138 0000 0001', calleePhoneNumber: '4008001234' });
  await active(page, live.sessionId, 'ringing').waitFor();
  await desk(page, 'accept').click();
  await active(page, live.sessionId, 'talking').waitFor();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  await ready(page).waitFor();

  await byTestId(page, 'nav-history').click();
  const interrupted = byTestId(page, `call-record-${live.sessionId}`);
  await interrupted.waitFor();
  await expect(interrupted.locator('[data-testid="call-record-outcome"]').textContent()).resolves.toMatch(/interrupted by reload/i);
  await byTestId(page, `call-record-${first.sessionId}`).waitFor();
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tccc-desk.history')).map((k) => localStorage.getItem(k) ?? ''));
  expect(stored).toHaveLength(1);
  expect(stored[0]).not.toMatch(/sdkUrl|token=|https?:\/\/[^"]*\/sdk\//i);

  // A new tab of the same profile shows it too.
  const tab = await openTab(context, '/history');
  await byTestId(tab, `call-record-${first.sessionId}`).waitFor();
  await byTestId(tab, `call-record-${live.sessionId}`).waitFor();
  await tab.close();

  // Sign-out clears it.
  await byTestId(page, 'sign-out').click();
  await expect(page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tccc-desk.history')).length)).resolves.toBe(0);
  await byTestId(page, 'dev-login-select').selectOption('alice');
  await ready(page).waitFor();
  await byTestId(page, 'nav-history').click();
  await byTestId(page, 'call-history-empty').waitFor();
});

test('a browser without Web Locks: each tab runs its own desk, as before, and says so once', async () => {
  const { context, page: first } = await open();
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
  });
  const said: string[] = [];
  context.on('console', (message) => {
    if (message.text().includes('no Web Locks or BroadcastChannel')) said.push(message.type());
  });
  const logins: string[] = [];
  context.on('request', (request) => {
    if (request.url().endsWith('/api/tccc/login')) logins.push(request.url());
  });
  await signInReady(first);
  const second = await openTab(context);
  await ready(second).waitFor();
  for (const page of [first, second]) {
    await expect(desk(page, 'desk-other-tab').count()).resolves.toBe(0);
    await expect(onPage(page)).resolves.toMatchObject({ sdkScripts: 1, tccc: 'object' });
  }
  expect(logins).toHaveLength(2);
  expect(said).toEqual(['info', 'info']); // once in each tab
});
