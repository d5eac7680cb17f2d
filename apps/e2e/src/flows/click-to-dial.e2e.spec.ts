/**
 * Flow 1: click-to-dial from the customer list → dialing → the callee answers (emulator) →
 * talking → the agent hangs up → the call is in the history.
 */
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, signInReady } from '../support/shell';

const { open } = useBrowser();

test('click-to-dial, answered, hung up, listed in the call history', async () => {
  const { page, pageErrors } = await open();
  await signInReady(page);

  await byTestId(page, 'call-c001-mobile').click();
  const active = byTestId(page, 'active-session');
  await page.locator('[data-testid="active-session"][data-status="dialing"]').waitFor();
  const sessionId = await active.getAttribute('data-session-id');
  expect(sessionId).toBeTruthy();
  await expect(byTestId(page, 'active-peer').textContent()).resolves.toContain('8613800138000');
  await screenshot(page, 'flow1-dialing');

  const state = await emulator.state();
  expect(state.sessions).toEqual(
    expect.arrayContaining([expect.objectContaining({ sessionId, direction: 'outbound', seatUserId: 'alice@example.com' })]),
  );

  await emulator.answer(sessionId!);
  await page.locator('[data-testid="active-session"][data-status="talking"]').waitFor();
  await byTestId(page, 'header-live-call').waitFor();
  await screenshot(page, 'flow1-talking');

  await byTestId(page, 'hangup').click();
  await active.waitFor({ state: 'detached' });
  await expect(byTestId(page, 'header-live-call').count()).resolves.toBe(0);

  await byTestId(page, 'nav-history').click();
  const row = byTestId(page, `call-record-${sessionId}`);
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('Lei Wang');
  await expect(row.locator('[data-testid="call-record-outcome"]').textContent()).resolves.toMatch(/\S/);
  await screenshot(page, 'flow1-history');
  expect(pageErrors).toEqual([]);
});
