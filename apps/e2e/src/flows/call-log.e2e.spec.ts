/**
 * The call log: a finished call (after after-call work, with the agent's notes) is saved to the
 * customer's page; a save that fails shows a retry; a log not acked before a reload is offered
 * again after it and saved then.
 */
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, closeWorkbench, signInReady } from '../support/shell';

const { open } = useBrowser();

// The CRM keeps its records in localStorage; a full storage is how its save fails here.
// Switched per page life by window.__failCrmSaves (a reload clears it).
const FAILING_CRM_STORAGE = `(() => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (window.__failCrmSaves && key === 'crm.call-logs.v1') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return setItem.call(this, key, value);
  };
})();`;

/** c001 Lei Wang (+8613800138000) calls; the agent answers, the caller hangs up, notes, finish. */
async function finishedCall(page: Page, notes: string): Promise<string> {
  const { sessionId } = await emulator.inbound({ type: 'phone', timeout: 0, callerPhoneNumber: '+86 138 0013 8000', calleePhoneNumber: '4008001234' });
  await page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"][data-status="ringing"]`).waitFor();
  await byTestId(page, 'accept').click();
  await page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"][data-status="talking"]`).waitFor();
  await emulator.hangup(sessionId);
  await byTestId(page, 'acw').waitFor();
  await closeWorkbench(page);
  await byTestId(page, 'acw-notes').fill(notes);
  await byTestId(page, 'acw-finish').click();
  await byTestId(page, 'acw').waitFor({ state: 'detached' });
  return sessionId;
}

test('a finished call is saved to the customer’s page; a failed save retries; an un-acked log comes back after a reload', async () => {
  const { page, pageErrors } = await open();
  await page.addInitScript(FAILING_CRM_STORAGE);
  await emulator.settings({ afterCallWork: true });
  await signInReady(page, 'alice', '/customers/c001');

  // 1. Saved, with the notes typed in after-call work.
  const first = await finishedCall(page, 'Asked for the new price list');
  const saved = byTestId(page, `saved-call-log-${first}`);
  await saved.waitFor();
  await expect(saved.locator('[data-testid="saved-call-log-notes"]').textContent()).resolves.toBe('Asked for the new price list');
  await expect(saved.locator('[data-testid="saved-call-log-outcome"]').textContent()).resolves.toContain('ended');
  await screenshot(page, 'call-log-saved');

  // 2. The CRM cannot save: the reason and a retry; the retry (storage fine again) saves it.
  await page.evaluate(() => ((window as unknown as { __failCrmSaves: boolean }).__failCrmSaves = true));
  const second = await finishedCall(page, 'Second call, save fails');
  const failed = byTestId(page, `call-log-failed-${second}`);
  await failed.waitFor();
  await expect(failed.textContent()).resolves.toContain('quota');
  await screenshot(page, 'call-log-failed-retry');
  await page.evaluate(() => ((window as unknown as { __failCrmSaves: boolean }).__failCrmSaves = false));
  await byTestId(page, `call-log-retry-${second}`).click();
  await byTestId(page, `saved-call-log-${second}`).waitFor();
  await failed.waitFor({ state: 'detached' });

  // 3. Not acked before a reload (the save failed and nobody retried): offered again after it.
  await page.evaluate(() => ((window as unknown as { __failCrmSaves: boolean }).__failCrmSaves = true));
  const third = await finishedCall(page, 'Third call, saved after the reload');
  await byTestId(page, `call-log-failed-${third}`).waitFor();
  await expect(byTestId(page, `saved-call-log-${third}`).count()).resolves.toBe(0);
  await page.reload(); // the flag is gone with the page: saving works again
  await page.locator('[data-testid="desk-status"][data-status="ready"]').waitFor();
  const restored = byTestId(page, `saved-call-log-${third}`);
  await restored.waitFor();
  await expect(restored.locator('[data-testid="saved-call-log-notes"]').textContent()).resolves.toBe('Third call, saved after the reload');
  await expect(byTestId(page, `call-log-failed-${third}`).count()).resolves.toBe(0);
  // Each call saved once.
  for (const id of [first, second]) await expect(byTestId(page, `saved-call-log-${id}`).count()).resolves.toBe(1);
  await screenshot(page, 'call-log-after-reload');

  // The call history lists the saved logs too, each once, naming the customer.
  await byTestId(page, 'nav-history').click();
  // The customer page shows the same rows: wait for them inside the history page, not on the page
  // being left (that race counted 0 rows once, mid-navigation).
  const historyPage = page.locator('crm-call-history');
  await historyPage.locator(`[data-testid="saved-call-log-${third}"]`).waitFor();
  for (const id of [first, second, third]) {
    const row = historyPage.locator(`[data-testid="saved-call-log-${id}"]`);
    await expect(row.count()).resolves.toBe(1);
    await expect(row.locator('[data-testid="saved-call-log-who"]').textContent()).resolves.toBe('Lei Wang');
  }
  await screenshot(page, 'call-log-history');
  expect(pageErrors).toEqual([]);
});

test('two tabs: a save that failed in the tab owning the desk shows in the other tab too; the retry there saves it, and both tabs see it saved', async () => {
  const { context, page: leader, pageErrors } = await open();
  await context.addInitScript(FAILING_CRM_STORAGE);
  await emulator.settings({ afterCallWork: true });
  await signInReady(leader, 'alice', '/customers/c001');
  const follower = await context.newPage();
  await signInReady(follower, 'alice', '/customers/c001'); // ready as the leader's mirror
  await byTestId(follower, 'desk-other-tab').waitFor();

  await leader.evaluate(() => ((window as unknown as { __failCrmSaves: boolean }).__failCrmSaves = true));
  const id = await finishedCall(leader, 'Saved from the other tab');
  await byTestId(leader, `call-log-failed-${id}`).waitFor();
  const failedThere = byTestId(follower, `call-log-failed-${id}`);
  await failedThere.waitFor();
  await expect(failedThere.textContent()).resolves.toContain('quota');
  await screenshot(follower, 'call-log-failed-other-tab');

  await byTestId(follower, `call-log-retry-${id}`).click();
  await byTestId(follower, `saved-call-log-${id}`).waitFor();
  await byTestId(leader, `saved-call-log-${id}`).waitFor();
  await byTestId(leader, `call-log-failed-${id}`).waitFor({ state: 'detached' });
  await failedThere.waitFor({ state: 'detached' });
  await expect(leader.locator('[data-testid="saved-call-log-notes"]').first().textContent()).resolves.toBe('Saved from the other tab');
  expect(pageErrors).toEqual([]);
});
