/**
 * The desk's first-contact chunks (the contact list, the call controls) stay off the way to ready
 * but are fetched while the page is idle after it: a contact finds them even when the remote cannot
 * be reached any more (a network drop, a redeploy that removed the old files). If they never could
 * be fetched, the desk says so instead of a silent blank, and the CRM's screen pop still works.
 */
import type { Page, Route } from 'playwright-core';
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, closeWorkbench, signInReady } from '../support/shell';
import { REMOTE } from '../support/urls';

const { open } = useBrowser();

/** Whether a script defines the contact list or the call controls (the chunks' names are hashed; both are in one). */
const FIRST_CONTACT_COMPONENT = /selectors:\[\["tccc-session-(list|controls)"\]\]/;
const FIRST_CONTACT_COMPONENTS = new RegExp(FIRST_CONTACT_COMPONENT.source, 'g');

async function ring(page: Page): Promise<string> {
  const { sessionId } = await emulator.inbound({ type: 'phone', timeout: 0, callerPhoneNumber: '+8613912345678', calleePhoneNumber: '4008001234' });
  await page.locator(`[data-testid="screen-pop"][data-session-id="${sessionId}"]`).waitFor();
  return sessionId;
}

test('fetched while idle after ready: a contact after the remote became unreachable still gets the list and the controls', async () => {
  const { page, pageErrors } = await open();
  // Which of the two components have been fetched ('list', 'controls').
  const fetched = new Set<string>();
  page.on('response', (response) => {
    if (!response.url().startsWith(`${REMOTE}/`)) return;
    response.text().then((body) => {
      for (const match of body.matchAll(FIRST_CONTACT_COMPONENTS)) fetched.add(match[1]!);
    }, () => undefined);
  });
  await signInReady(page);
  for (const until = Date.now() + 10_000; fetched.size < 2 && Date.now() < until; ) await page.waitForTimeout(50);
  expect([...fetched].sort()).toEqual(['controls', 'list']); // before any contact
  await page.route(`${REMOTE}/**`, (route) => route.abort('internetdisconnected'));

  const sessionId = await ring(page);
  await page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"][data-status="ringing"]`).waitFor();
  await byTestId(page, 'accept').waitFor();
  await expect(byTestId(page, 'session-list-failed').count()).resolves.toBe(0);
  expect(pageErrors).toEqual([]);
});

test('never fetched: a clear message when the first contact rings, and the CRM keeps working', async () => {
  const { page, pageErrors } = await open();
  const refused: string[] = [];
  // Every attempt at their chunk fails (the idle fetch and the first contact's), the rest loads.
  await page.route(`${REMOTE}/**`, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (!FIRST_CONTACT_COMPONENT.test(body)) return route.fulfill({ response, body });
    refused.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await signInReady(page);

  await ring(page);
  await byTestId(page, 'session-list-failed').waitFor();
  await expect(byTestId(page, 'session-list-failed').textContent()).resolves.toContain('could not be loaded');
  // The list and the controls are one chunk: one message for both, not the same one twice.
  await expect(page.locator('tccc-desk [role="alert"]', { hasText: 'could not be loaded' }).count()).resolves.toBe(1);
  expect(refused.length).toBeGreaterThan(0);
  await closeWorkbench(page);
  await screenshot(page, 'chunk-failure');
  expect(pageErrors).toEqual([]);
});
