/**
 * The reference CRM's do-not-call list, a desk interceptor: dialling a listed customer is refused
 * with a visible reason, and the contact center (the emulator) never sees the call.
 */
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, signInReady } from '../support/shell';

const { open } = useBrowser();

test('a customer on the do-not-call list: the dial is refused with the reason, no call reaches the platform', async () => {
  const { page, pageErrors } = await open();
  await signInReady(page, 'alice', '/customers/c004');
  await byTestId(page, 'customer-do-not-call').waitFor();
  const before = await emulator.state();

  await byTestId(page, 'call-c004-mobile').click();
  const notice = byTestId(page, 'notice');
  await notice.waitFor();
  const name = (await byTestId(page, 'customer-name').textContent())?.trim();
  await expect(notice.textContent()).resolves.toContain(`${name} is on the do-not-call list`);
  await screenshot(page, 'do-not-call-refused');

  // Nothing was dialled: no session on the page, none on the platform.
  await expect(byTestId(page, 'active-session').count()).resolves.toBe(0);
  const after = await emulator.state();
  expect(after.sessions.filter((s) => s.direction === 'outbound')).toHaveLength(before.sessions.filter((s) => s.direction === 'outbound').length);
  expect(after.sessions).toEqual([]);

  // Another customer is dialled as usual (the interceptor lets them through).
  await page.goto(page.url().replace('/customers/c004', '/customers/c002'));
  await page.locator('[data-testid="desk-status"][data-status="ready"]').waitFor();
  await byTestId(page, 'call-c002-mobile').click();
  await page.locator('[data-testid="active-session"][data-status="dialing"]').waitFor();
  expect((await emulator.state()).sessions).toEqual(expect.arrayContaining([expect.objectContaining({ direction: 'outbound' })]));
  expect(pageErrors).toEqual([]);
});
