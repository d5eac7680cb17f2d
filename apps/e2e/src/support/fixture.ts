/**
 * Per test file: one Chromium; per test: a fresh page (own context) and a clean emulator
 * (faults, SDK settings, sessions) afterwards, so flows never depend on each other's order.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, type TestPage } from './browser';
import { emulator } from './emulator';

const ARTIFACTS = join(__dirname, '..', '..', '..', '..', 'tmp', 'e2e-artifacts');

export function useBrowser(): { open: () => Promise<TestPage> } {
  let browser: Browser | undefined;
  const opened: TestPage[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    // The last picture of each test, for a failure that needs a look (tmp/ is not committed).
    const name = (expect.getState().currentTestName ?? 'test').replace(/[^\w-]+/g, '-').slice(0, 80);
    for (const [index, { page }] of opened.entries()) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${index}.png`) }).catch(() => undefined);
    }
    for (const { context } of opened.splice(0)) await context.close();
    await emulator.reset();
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async open() {
      if (!browser) throw new Error('the browser did not start');
      const testPage = await openPage(browser);
      opened.push(testPage);
      return testPage;
    },
  };
}
