/**
 * Flow 5: the remote mounted twice on one page (the shell's panel, plus `mount()` of the same
 * remote into another element) → both show the one desk; one SDK script, one `tccc` global.
 */
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { signInReady } from '../support/shell';
import { REMOTE } from '../support/urls';

const { open } = useBrowser();

test('mounting the desk a second time reuses the page desk: one SDK script, one tccc', async () => {
  const { page, pageErrors } = await open();
  const logins: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/tccc/login')) logins.push(request.method());
  });
  const before = await emulator.counters();

  await signInReady(page);
  await page.evaluate(async (remote) => {
    const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;
    const container = (await importModule(`${remote}/remoteEntry.js`)) as {
      get(name: string): Promise<() => { mount(el: HTMLElement, options?: object): { ready: Promise<void> } }>;
    };
    const { mount } = (await container.get('./mount'))();
    const second = document.createElement('section');
    second.id = 'second-desk';
    second.style.cssText = 'position:fixed;right:16px;bottom:16px;width:340px;background:#fff;z-index:20;';
    document.body.append(second);
    await mount(second).ready;
  }, REMOTE);

  // Both mounts render the same, ready desk.
  const ready = page.locator('[data-testid="desk-status"][data-status="ready"]');
  await expect(ready.count()).resolves.toBeGreaterThanOrEqual(1);
  await page.locator('#second-desk [data-testid="desk-status"][data-status="ready"]').waitFor();
  await expect(ready.count()).resolves.toBe(2);
  await screenshot(page, 'desk-mounted-twice');

  const onPage = await page.evaluate(() => ({
    sdkScripts: document.querySelectorAll('script[src*="/sdk/tccc-sdk.js"]').length,
    tcccType: typeof (globalThis as { tccc?: unknown }).tccc,
    // A global is one property: a second SDK would have replaced it, not added a second one.
    tcccKeys: Object.getOwnPropertyNames(globalThis).filter((k) => k === 'tccc').length,
  }));
  expect(onPage).toEqual({ sdkScripts: 1, tcccType: 'object', tcccKeys: 1 });

  const after = await emulator.counters();
  expect(after.sdkUrlsServed - before.sdkUrlsServed).toBe(1);
  expect(logins).toEqual(['POST']);
  expect(pageErrors).toEqual([]);
});
