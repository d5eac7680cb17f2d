/**
 * Flow 2: an inbound call rings → screen pop of the right customer (number spelled differently
 * from the CRM's) → accept → mute, hold, DTMF, transfer → the call ends as transferred.
 */
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, closeWorkbench, signInReady } from '../support/shell';

const { open } = useBrowser();

test('inbound call: screen pop, accept, mute, hold, DTMF, transfer', async () => {
  const { page, pageErrors } = await open();
  await signInReady(page);

  // c002 Ying Wu's mobile is +8613912345678 in the CRM.
  const { sessionId } = await emulator.inbound({
    type: 'phone',
    timeout: 0,
    callerPhoneNumber: '0086 139 1234 5678',
    calleePhoneNumber: '4008001234',
    callerLocation: 'Xi\'an',
  });

  const pop = page.locator(`[data-testid="screen-pop"][data-session-id="${sessionId}"]`);
  await pop.waitFor();
  await expect(pop.getAttribute('data-kind')).resolves.toBe('customer');
  await expect(pop.locator('[data-testid="screen-pop-customer"]').textContent()).resolves.toBe('Ying Wu');
  await page.waitForURL(/\/customers\/c002$/);
  await byTestId(page, 'header-ringing').waitFor();
  await page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"][data-status="ringing"]`).waitFor();
  await closeWorkbench(page); // the SDK's own panel would cover the desk in the picture
  await screenshot(page, 'screen-pop');

  await pop.locator('[data-testid="screen-pop-accept"]').click();
  const talking = page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"][data-status="talking"]`);
  await talking.waitFor();
  await pop.waitFor({ state: 'detached' });
  await byTestId(page, 'header-live-call').waitFor();
  await closeWorkbench(page); // it may open again when the call connects

  // Mute and unmute.
  await byTestId(page, 'mute').click();
  await page.locator('[data-testid="mute"][data-active="true"]').waitFor();
  await expect(byTestId(page, 'active-status').textContent()).resolves.toContain('muted');
  await byTestId(page, 'mute').click();
  await page.locator('[data-testid="mute"][data-active="false"]').waitFor();

  // Hold and resume.
  await byTestId(page, 'hold').click();
  await page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"][data-status="held"]`).waitFor();
  await screenshot(page, 'flow2-held');
  await byTestId(page, 'hold').click();
  await talking.waitFor();

  // DTMF.
  await byTestId(page, 'keypad-toggle').click();
  for (const key of ['1', '2', '#']) await byTestId(page, `dtmf-${key}`).click();
  await page.locator('[data-testid="dtmf-sent"]', { hasText: /^\s*12#\s*$/ }).waitFor();
  await expect(byTestId(page, 'command-error').count()).resolves.toBe(0);

  // Transfer to another agent: the call leaves this desk.
  await byTestId(page, 'transfer-toggle').click();
  await byTestId(page, 'transfer-user').fill('bob@example.com');
  await byTestId(page, 'transfer-submit').click();
  await page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"]`).waitFor({ state: 'detached' });
  await expect(byTestId(page, 'command-error').count()).resolves.toBe(0);

  await byTestId(page, 'nav-history').click();
  const row = byTestId(page, `call-record-${sessionId}`);
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('Ying Wu');
  await expect(row.locator('[data-testid="call-record-outcome"]').textContent()).resolves.toMatch(/transfer/i);
  await screenshot(page, 'flow2-history');
  expect(pageErrors).toEqual([]);
});
