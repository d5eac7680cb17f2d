/**
 * Flow 10: a plain HTML page without Angular (tools/examples/plain-page) mounts the desk with
 * `mount()` and completes flow 1: dial → the callee answers → hang up → a history row.
 */
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId } from '../support/shell';
import { EXAMPLES, REMOTE } from '../support/urls';

const { open } = useBrowser();

test('a page without Angular mounts the desk and makes a call', async () => {
  const { page, pageErrors } = await open();
  const angularFrom: string[] = [];
  const runtimeLoads: string[] = [];
  const consoleInfo: string[] = [];
  page.on('console', (message) => message.type() === 'info' && consoleInfo.push(message.text()));
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    if (response.url().endsWith('/federation-runtime.js')) runtimeLoads.push(response.url());
    response.text().then((body) => body.includes('ng-version') && angularFrom.push(response.url()), () => undefined);
  });
  await page.goto(`${EXAMPLES}/plain-page/?user=alice`);
  await page.locator('[data-testid="plain-status"][data-state="mounted"]').waitFor();
  await page.locator('[data-testid="desk-status"][data-status="ready"]').waitFor();
  // The page brings no Angular: the one copy running is the remote's shared fallback.
  expect(angularFrom).toHaveLength(1);
  expect(angularFrom[0].startsWith(`${REMOTE}/`)).toBe(true);
  // The page loads no federation runtime: remoteEntry.js fetched the remote's own, once, and said so.
  expect(runtimeLoads).toEqual([`${REMOTE}/federation-runtime.js`]);
  expect(consoleInfo.filter((text) => text.includes('no federation runtime'))).toHaveLength(1);

  await byTestId(page, 'dial-input').fill('+8613800138000');
  await byTestId(page, 'dial-button').click();
  const active = byTestId(page, 'active-session');
  await page.locator('[data-testid="active-session"][data-status="dialing"]').waitFor();
  const sessionId = await active.getAttribute('data-session-id');
  expect(sessionId).toBeTruthy();

  await emulator.answer(sessionId!);
  await page.locator('[data-testid="active-session"][data-status="talking"]').waitFor();
  await screenshot(page, 'plain-page-talking');

  await byTestId(page, 'hangup').click();
  await active.waitFor({ state: 'detached' });
  const row = page.locator('[data-testid="plain-history-row"]');
  await row.first().waitFor();
  await expect(row.count()).resolves.toBe(1);
  await expect(row.first().textContent()).resolves.toContain('+8613800138000');
  await screenshot(page, 'plain-page-history');
  expect(pageErrors).toEqual([]);
});
