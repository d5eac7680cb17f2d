/**
 * Flow 7: the token API answers 500, then 401 → a visible error with retry each time; the third
 * attempt reaches the real token API and the desk starts, with exactly one SDK script injected.
 */
import type { Route } from 'playwright-core';
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, signIn } from '../support/shell';

const { open } = useBrowser();

const fail = (route: Route, status: number, code: string, message: string) =>
  route.fulfill({
    status,
    contentType: 'application/json',
    headers: { 'Cache-Control': 'no-store' },
    body: JSON.stringify({ error: { code, message, requestId: `e2e-${status}` } }),
  });

test('500 then 401 from the token API: visible errors, retry, then ready with one SDK script', async () => {
  const { page } = await open();
  const before = await emulator.counters();
  let attempts = 0;
  await page.route('**/api/tccc/login', (route) => {
    attempts += 1;
    if (attempts === 1) return fail(route, 500, 'internal_error', 'Something went wrong.');
    if (attempts === 2) return fail(route, 401, 'token_expired', 'Your sign-in has expired.');
    return route.continue();
  });

  await signIn(page);
  const error = byTestId(page, 'desk-error');
  await page.locator('[data-testid="desk-error"][data-code="login_failed"]').waitFor();
  await expect(byTestId(page, 'desk-error-message').textContent()).resolves.toContain('Something went wrong.');
  await expect(byTestId(page, 'header-desk-status').textContent()).resolves.toContain('Desk unavailable');
  await screenshot(page, 'token-api-500');

  await byTestId(page, 'desk-retry').click();
  await page.locator('[data-testid="desk-error"][data-code="unauthorized"]').waitFor();
  await expect(byTestId(page, 'desk-error-message').textContent()).resolves.toContain('Your sign-in has expired.');

  await byTestId(page, 'desk-retry').click();
  await page.locator('[data-testid="desk-status"][data-status="ready"]').waitFor();
  await expect(error.count()).resolves.toBe(0);

  expect(attempts).toBe(3);
  await expect(page.locator('script[src*="/sdk/tccc-sdk.js"]').count()).resolves.toBe(1);
  const after = await emulator.counters();
  expect(after.sdkUrlsServed - before.sdkUrlsServed).toBe(1);
});
