/**
 * Keyboard-first and two languages, in the CRM with the desk:
 * 1. the whole inbound flow (ring → accept → hold → resume → mute → hang up) by keyboard alone, the
 *    shortcuts never firing while the agent types in the CRM's own search field, which keeps focus;
 * 2. the language switch changes the desk mid-call, without a reload, a new login or a dropped
 *    call; screenshots of a ringing call in English and in Chinese.
 */
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, closeWorkbench, signInReady } from '../support/shell';

const { open } = useBrowser();

const card = (page: Page, sessionId: string, status?: string) =>
  page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"]${status ? `[data-status="${status}"]` : ''}`);
/** The field's placeholder is shown whole (the CRM's desk panel is narrow). */
const placeholderFits = (page: Page, testId: string) =>
  byTestId(page, testId).evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    context.font = style.font;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { placeholder: input.placeholder, fits: context.measureText(input.placeholder).width <= room };
  });
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

test('inbound call by keyboard alone: accept, hold, resume, mute, hang up; never while typing in the CRM', async () => {
  const { page, pageErrors } = await open();
  await signInReady(page);

  // The agent is typing in the CRM's search when a call rings.
  await byTestId(page, 'customer-search').focus();
  await page.keyboard.type('Wu');
  const { sessionId } = await emulator.inbound({ type: 'phone', timeout: 0, callerPhoneNumber: '+8613099999999' });
  await card(page, sessionId, 'ringing').waitFor();
  await page.locator('[data-testid="incoming-call"]', { hasText: 'Incoming call from +8613099999999' }).waitFor();
  await expect(byTestId(page, 'incoming-call').getAttribute('aria-live')).resolves.toBe('assertive');
  // Focus stays in the field; "a" is a letter typed there, not "accept".
  await expect(focusedTestId(page)).resolves.toBe('customer-search');
  await page.keyboard.type('a');
  await expect(byTestId(page, 'customer-search').inputValue()).resolves.toBe('Wua');
  await expect(card(page, sessionId, 'ringing').count()).resolves.toBe(1);

  // Out of the field (Tab), the shortcuts work.
  await page.keyboard.press('Tab');
  await page.keyboard.press('a');
  await card(page, sessionId, 'talking').waitFor();

  await page.keyboard.press('h');
  await card(page, sessionId, 'held').waitFor();
  await page.keyboard.press('h');
  await card(page, sessionId, 'talking').waitFor();
  await page.keyboard.press('m');
  await page.locator('[data-testid="mute"][data-active="true"]').waitFor();

  // Transfer: the agent field gets the caret; typing there is not a shortcut ("e" would hang up).
  await page.keyboard.press('t');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'transfer-user');
  await page.keyboard.type('bob@example.com');
  await expect(card(page, sessionId, 'talking').count()).resolves.toBe(1);
  await page.keyboard.press('Shift+Tab'); // back out of the field, onto the card's buttons

  await page.keyboard.press('e');
  await card(page, sessionId).waitFor({ state: 'detached' });
  await expect(byTestId(page, 'command-error').count()).resolves.toBe(0);

  // The list of shortcuts, on "?", closed with Escape; status shortcuts.
  await page.keyboard.press('Shift+?');
  await byTestId(page, 'shortcut-panel').waitFor();
  await expect(byTestId(page, 'shortcut-accept').textContent()).resolves.toContain('A');
  await closeWorkbench(page);
  await screenshot(page, 'desk-shortcuts-help');
  await page.keyboard.press('Escape');
  await byTestId(page, 'shortcut-panel').waitFor({ state: 'detached' });
  await page.keyboard.press('b');
  await page.locator('[data-testid="agent-status"][data-status="rest"]').waitFor();
  await page.keyboard.press('r');
  await page.locator('[data-testid="agent-status"][data-status="free"]').waitFor();
  expect(pageErrors).toEqual([]);
});

test('a ringing call moves focus to Accept when the agent is not typing', async () => {
  const { page } = await open();
  await signInReady(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const { sessionId } = await emulator.inbound({ type: 'phone', timeout: 0, callerPhoneNumber: '+8613099999998' });
  await card(page, sessionId, 'ringing').waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'accept');
  await page.keyboard.press('Enter'); // the focused Accept button
  await card(page, sessionId, 'talking').waitFor();
});

test('the language switch changes the desk mid-call without a reload, a new login or a dropped call', async () => {
  const { page, pageErrors } = await open();
  await signInReady(page);
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  const before = await emulator.counters();

  // c002 Ying Wu's mobile: the screen pop opens her page.
  const { sessionId } = await emulator.inbound({ type: 'phone', timeout: 0, callerPhoneNumber: '+8613912345678', callerLocation: 'Xi\'an' });
  await card(page, sessionId, 'ringing').waitFor();
  await page.waitForURL(/\/customers\/c002$/);
  await closeWorkbench(page);
  await expect(card(page, sessionId).locator('[data-testid="accept"]').textContent()).resolves.toContain('Accept');
  await screenshot(page, 'desk-ringing-en');
  await expect(placeholderFits(page, 'internal-input')).resolves.toEqual(expect.objectContaining({ fits: true }));

  await byTestId(page, 'language-select').selectOption('zh-CN');
  await page.locator('html[lang="zh-CN"] tccc-desk[lang="zh-CN"]').waitFor();
  await expect(card(page, sessionId).locator('[data-testid="accept"]').textContent()).resolves.toContain('接听');
  await expect(byTestId(page, 'active-status').textContent()).resolves.toContain('振铃中');
  await expect(byTestId(page, 'incoming-call').textContent()).resolves.toContain('来电');
  await expect(byTestId(page, 'nav-customers').textContent()).resolves.toBe('客户');
  await closeWorkbench(page);
  await screenshot(page, 'desk-ringing-zh-CN');
  await expect(placeholderFits(page, 'internal-input')).resolves.toEqual(expect.objectContaining({ fits: true }));

  await page.keyboard.press('a');
  await card(page, sessionId, 'talking').waitFor();
  await expect(byTestId(page, 'hangup').textContent()).resolves.toContain('挂断');

  // Back to English while talking: the same call goes on.
  await byTestId(page, 'language-select').selectOption('en');
  await page.locator('tccc-desk[lang="en"]').waitFor();
  await expect(byTestId(page, 'hangup').textContent()).resolves.toContain('Hang up');
  await expect(card(page, sessionId, 'talking').count()).resolves.toBe(1);
  const state = await emulator.state();
  expect(state.sessions.find((s) => s.sessionId === sessionId)?.status).toBe('talking');
  const after = await emulator.counters();
  expect(after.sdkUrlsMinted).toBe(before.sdkUrlsMinted); // no new login
  await expect(page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).resolves.toBe(true);

  // The choice is kept: after a reload the CRM and the desk come back in it.
  await byTestId(page, 'language-select').selectOption('zh-CN');
  await page.reload();
  await page.locator('html[lang="zh-CN"]').waitFor();
  await expect(byTestId(page, 'nav-customers').textContent()).resolves.toBe('客户');
  expect(pageErrors).toEqual([]);
});
