/**
 * Flow 6: the remote's server is down → the CRM works, the header and panel say the desk is
 * unavailable; when the server is back, Retry loads the desk.
 */
import { screenshot } from '../support/browser';
import { useBrowser } from '../support/fixture';
import { byTestId, signIn } from '../support/shell';
import { startService, stopService } from '../support/stack-control';

const { open } = useBrowser();

afterEach(async () => {
  await startService('remote'); // whatever happened, the next flows need it
});

test('without the remote the CRM keeps working; Retry brings the desk once it is back', async () => {
  await stopService('remote');
  const { page } = await open();

  await signIn(page);
  const headerStatus = byTestId(page, 'header-desk-status');
  await page.locator('[data-testid="header-desk"][data-state="unavailable"]').waitFor();
  await expect(headerStatus.textContent()).resolves.toMatch(/Desk unavailable/);
  await byTestId(page, 'desk-panel-unavailable').waitFor();

  // The CRM around it works: customers, search, a customer page, history.
  await byTestId(page, 'customer-search').fill('Lei Wang');
  await expect(page.locator('[data-testid^="customer-row-"]').count()).resolves.toBe(1);
  await expect(byTestId(page, 'call-c001-mobile').isDisabled()).resolves.toBe(true);
  await byTestId(page, 'customer-link-c001').click();
  await page.waitForURL(/\/customers\/c001$/);
  await byTestId(page, 'nav-history').click();
  await byTestId(page, 'call-history').waitFor();
  await screenshot(page, 'remote-down');

  await startService('remote');
  await byTestId(page, 'header-desk-retry').click();
  await page.locator('[data-testid="desk-status"][data-status="ready"]').waitFor();
  await page.locator('[data-testid="header-desk"][data-state="ready"]').waitFor();
});
