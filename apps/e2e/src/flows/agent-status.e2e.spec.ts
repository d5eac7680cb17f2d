/**
 * Flow 4: agent status changes, made in the desk or by the platform, reach the shell's header.
 */
import { emulator } from '../support/emulator';
import { screenshot } from '../support/browser';
import { useBrowser } from '../support/fixture';
import { byTestId, signInReady } from '../support/shell';

const { open } = useBrowser();

test('status set in the desk and by the platform shows in the header', async () => {
  const { page, pageErrors } = await open();
  await signInReady(page);
  const header = byTestId(page, 'header-agent-status');
  const headerSays = (status: string) => page.locator(`[data-testid="header-agent-status"][data-status="${status}"]`).waitFor();

  await byTestId(page, 'agent-status-select').selectOption('free');
  await headerSays('free');
  await expect(header.textContent()).resolves.toBe('Available');
  await expect(emulator.state().then((s) => s.agents['alice@example.com'])).resolves.toBe('free');

  await byTestId(page, 'agent-status-select').selectOption('rest');
  await headerSays('rest');
  await byTestId(page, 'agent-rest-reason').selectOption('Lunch');
  await page.locator('[data-testid="header-agent-status"]', { hasText: 'On a break: Lunch' }).waitFor();
  await screenshot(page, 'agent-status-rest');

  await byTestId(page, 'agent-status-select').selectOption('notReady');
  await headerSays('notReady');
  await expect(header.textContent()).resolves.toBe('Not ready');

  // The platform's own change: busy while a call is connected.
  await byTestId(page, 'agent-status-select').selectOption('free');
  await headerSays('free');
  const { sessionId } = await emulator.inbound({ type: 'phone', timeout: 0, callerPhoneNumber: '+8613800138000' });
  await page.locator(`[data-testid="screen-pop"][data-session-id="${sessionId}"] [data-testid="screen-pop-accept"]`).click();
  await headerSays('busy');
  await expect(header.textContent()).resolves.toBe('Busy');
  await emulator.hangup(sessionId);
  await headerSays('free');

  await byTestId(page, 'agent-status-select').selectOption('offline');
  await headerSays('offline');
  await expect(header.textContent()).resolves.toBe('Offline');
  expect(pageErrors).toEqual([]);
});
