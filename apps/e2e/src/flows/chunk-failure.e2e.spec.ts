/**
 * The desk's first-contact chunks (the contact list, the call controls, the commands) cannot be
 * fetched after ready (a network drop, a redeploy that removed the old files): the desk says so
 * instead of a silent blank, the CRM's screen pop still works, and nothing throws uncaught.
 */
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, closeWorkbench, signInReady } from '../support/shell';
import { REMOTE } from '../support/urls';

const { open } = useBrowser();

test('a chunk that cannot be fetched when the first contact rings: a clear message, the CRM keeps working', async () => {
  const { page, pageErrors } = await open();
  await signInReady(page);
  const refused: string[] = [];
  await page.route(`${REMOTE}/**`, (route) => {
    refused.push(route.request().url());
    return route.abort('internetdisconnected');
  });

  const { sessionId } = await emulator.inbound({ type: 'phone', timeout: 0, callerPhoneNumber: '+8613912345678', calleePhoneNumber: '4008001234' });
  await byTestId(page, 'session-list-failed').waitFor();
  await byTestId(page, 'session-controls-failed').waitFor();
  await expect(byTestId(page, 'session-list-failed').textContent()).resolves.toContain('could not be loaded');
  expect(refused.length).toBeGreaterThan(0);
  // The CRM's own part still knows the call.
  await page.locator(`[data-testid="screen-pop"][data-session-id="${sessionId}"]`).waitFor();
  await closeWorkbench(page);
  await screenshot(page, 'chunk-failure');
  expect(pageErrors).toEqual([]);
});
