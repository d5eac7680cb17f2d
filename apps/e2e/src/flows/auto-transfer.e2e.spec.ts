/**
 * Flow 3: an inbound call nobody accepts → after its timeout the platform moves it on
 * (`autoTransfer`); the desk and the history show it as transferred, not as a live call.
 */
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, signInReady } from '../support/shell';

const { open } = useBrowser();

test('an unanswered inbound call is auto-transferred', async () => {
  const { page, pageErrors } = await open();
  await signInReady(page, 'alice', '/history');

  const { sessionId } = await emulator.inbound({ type: 'phone', timeout: 2, callerPhoneNumber: '+8613700001111' });
  await page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"][data-status="ringing"]`).waitFor();
  await page.locator('[data-testid="screen-pop"][data-kind="new-caller"]').waitFor();

  // Nobody accepts: 2 s later the emulator sends autoTransfer, then sessionEnded (closeBy timer).
  // The event log keeps every event from the start; its list is made when it is opened.
  await page.locator('[data-testid="event-log"] > summary').click();
  await page.locator('[data-testid="event-log-entry"][data-event="autoTransfer"]').waitFor({ state: 'attached' });
  await page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"]`).waitFor({ state: 'detached' });
  await expect(page.locator('[data-testid="screen-pop"]').count()).resolves.toBe(0);
  await expect(byTestId(page, 'header-live-call').count()).resolves.toBe(0);

  const row = byTestId(page, `call-record-${sessionId}`);
  await row.waitFor();
  await expect(row.locator('[data-testid="call-record-outcome"]').textContent()).resolves.toMatch(/transfer/i);
  await screenshot(page, 'auto-transfer');
  expect(pageErrors).toEqual([]);
});
