/** The reference CRM (apps/shell) as a person uses it: open, sign in, wait for the desk. */
import type { Page } from 'playwright-core';
import { SHELL } from './urls';

export const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** Opens the customer list and signs in with the development picker (`origin`: the shell's, or the gateway's). */
export async function signIn(page: Page, user: 'alice' | 'bob' | 'carol' = 'alice', path = '/customers', origin = SHELL): Promise<void> {
  await page.goto(`${origin}${path}`);
  await byTestId(page, 'dev-login-select').selectOption(user);
  await byTestId(page, 'signed-in-user').getByText(user, { exact: true }).waitFor();
}

/** Signs in and waits until the desk says it is ready (the SDK's `ready` arrived). */
export async function signInReady(page: Page, user: 'alice' | 'bob' = 'alice', path = '/customers', origin = SHELL): Promise<void> {
  await signIn(page, user, path, origin);
  await page.locator('[data-testid="desk-status"][data-status="ready"]').waitFor();
}

/**
 * The SDK's own workbench (bottom right) opens on a call and covers the lower part of the desk
 * panel; an agent working in the CRM's desk closes it with its icon, as the test does.
 */
export async function closeWorkbench(page: Page): Promise<void> {
  const panel = byTestId(page, 'tccc-workbench-panel');
  if (await panel.isVisible()) {
    await byTestId(page, 'tccc-workbench-icon').click();
    await panel.waitFor({ state: 'hidden' });
  }
}
