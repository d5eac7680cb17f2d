/**
 * axe-core on the CRM with the desk, in English and Chinese: idle (ready, no contact), a ringing
 * call, a call in progress, an accepted chat, and the desk's error state. Target: no violation of
 * impact serious or critical. The counts per state and language are printed (and kept in
 * tmp/e2e-artifacts/axe-summary.json) for the record.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axe, type AxeSummary } from '../support/axe';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, closeWorkbench, signIn, signInReady } from '../support/shell';

const { open } = useBrowser();
const summary: Record<string, AxeSummary['counts']> = {};
/** Per test: each state's serious/critical findings, asserted together at the end (so one run shows all). */
let findings: Array<{ state: string; locale: string; blocking: string[] }> = [];
beforeEach(() => (findings = []));

afterAll(() => {
  const dir = join(__dirname, '..', '..', '..', '..', 'tmp', 'e2e-artifacts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'axe-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`axe violations by impact, per state and language:\n${JSON.stringify(summary, null, 2)}`);
});

async function check(page: Page, state: string, locale: string): Promise<void> {
  await page.locator(`html[lang="${locale}"]`).waitFor();
  await page.locator(`tccc-desk[lang="${locale}"]`).waitFor();
  const result = await axe(page);
  summary[`${state} ${locale}`] = result.counts;
  findings.push({ state, locale, blocking: result.blocking });
}

function expectNoBlocking(): void {
  expect(findings.length).toBeGreaterThan(0);
  expect(findings.filter((finding) => finding.blocking.length)).toEqual([]);
}

async function useLanguage(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  await byTestId(page, 'language-select').selectOption(locale);
}

const card = (page: Page, sessionId: string, status: string) =>
  page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"][data-status="${status}"]`);

test('the check finds what it should: a low-contrast text is reported as serious', async () => {
  const { page } = await open();
  await signInReady(page);
  await page.evaluate(() => {
    const probe = document.createElement('p');
    probe.textContent = 'Low contrast probe';
    probe.style.cssText = 'color:#c0c0c0;background:#ffffff';
    document.querySelector('main')?.appendChild(probe);
  });
  const result = await axe(page);
  expect(result.blocking.filter((line) => line.startsWith('color-contrast (serious)'))).toHaveLength(1);
});

for (const locale of ['en', 'zh-CN'] as const) {
  test(`axe, ${locale}: idle, ringing, talking, chat accepted`, async () => {
    const { page } = await open();
    await signInReady(page);
    await useLanguage(page, locale);
    await check(page, 'idle', locale);

    // c002 Ying Wu's mobile: the screen pop opens her customer page, so that page is checked too.
    const { sessionId } = await emulator.inbound({ type: 'phone', timeout: 0, callerPhoneNumber: '+8613912345678' });
    await card(page, sessionId, 'ringing').waitFor();
    await page.waitForURL(/\/customers\/c002$/);
    await closeWorkbench(page);
    await check(page, 'ringing', locale);

    await byTestId(page, 'accept').click();
    await card(page, sessionId, 'talking').waitFor();
    await closeWorkbench(page);
    await check(page, 'talking', locale);
    await byTestId(page, 'hangup').click();
    await card(page, sessionId, 'talking').waitFor({ state: 'detached' });

    const chat = await emulator.inbound({ type: 'im', timeout: 0, nickname: 'Lily', channelName: 'Web shop', peerSource: 'wechat' });
    await card(page, chat.sessionId, 'ringing').waitFor();
    await closeWorkbench(page); // it opens on each contact and may cover the desk's buttons
    await byTestId(page, `session-${chat.sessionId}`).click();
    await card(page, chat.sessionId, 'ringing').locator('[data-testid="accept"]').click();
    await card(page, chat.sessionId, 'talking').waitFor();
    await closeWorkbench(page);
    await check(page, 'chat accepted', locale);

    await byTestId(page, 'nav-history').click();
    await byTestId(page, `call-record-${sessionId}`).waitFor();
    await check(page, 'history', locale);
    expectNoBlocking();
  });

  test(`axe, ${locale}: the desk's error state`, async () => {
    const { page } = await open();
    await page.route('**/api/tccc/login', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal_error', message: 'Something went wrong.' } }) }),
    );
    await signIn(page);
    await page.locator('[data-testid="desk-error"][data-code="login_failed"]').waitFor();
    await useLanguage(page, locale);
    await check(page, 'error', locale);
    expectNoBlocking();
  });
}
