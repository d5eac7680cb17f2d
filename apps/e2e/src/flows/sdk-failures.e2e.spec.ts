/**
 * Flow 8: the SDK script answers 404, or loads but never fires `ready` → the desk shows a visible
 * error with retry (the latter within the loader's 20 s timeout), and retry then works.
 */
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, signIn } from '../support/shell';

const { open } = useBrowser();
const LOAD_TIMEOUT_MS = 20_000; // tccc-sdk's DEFAULT_LOAD_TIMEOUT_MS, used by the remote

test('SDK script 404 → visible error, retry works', async () => {
  const { page } = await open();
  await emulator.settings({ scriptStatus: 404 });

  await signIn(page);
  await page.locator('[data-testid="desk-error"][data-code="script_error"]').waitFor();
  await expect(byTestId(page, 'desk-error-message').textContent()).resolves.toMatch(/\S/);
  await expect(byTestId(page, 'header-desk-status').textContent()).resolves.toContain('Desk unavailable');
  await screenshot(page, 'sdk-script-404');

  // Only the next script fetch was refused: retry logs in afresh and loads the SDK.
  await byTestId(page, 'desk-retry').click();
  await page.locator('[data-testid="desk-status"][data-status="ready"]').waitFor();
  await expect(page.locator('script[src*="/sdk/tccc-sdk.js"]').count()).resolves.toBe(1);
});

test('SDK never ready → visible timeout error within the load timeout, retry works', async () => {
  const { page } = await open();
  await emulator.settings({ neverReady: true });

  await signIn(page);
  await page.locator('[data-testid="desk-status"][data-status="loading"]').waitFor();
  const started = Date.now();
  await page.locator('[data-testid="desk-error"][data-code="load_timeout"]').waitFor({ timeout: LOAD_TIMEOUT_MS + 10_000 });
  // It is the loader's timeout that fired (not an early failure of another kind).
  expect(Date.now() - started).toBeGreaterThanOrEqual(LOAD_TIMEOUT_MS - 3_000);
  await expect(byTestId(page, 'desk-error-message').textContent()).resolves.toMatch(/ready/i);

  await emulator.settings({ neverReady: false });
  await byTestId(page, 'desk-retry').click();
  await page.locator('[data-testid="desk-status"][data-status="ready"]').waitFor();
  await expect(page.locator('script[src*="/sdk/tccc-sdk.js"]').count()).resolves.toBe(1);
});
