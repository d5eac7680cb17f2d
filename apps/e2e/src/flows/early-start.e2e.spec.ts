/**
 * Flow: the page load of a remembered person (a reload) starts the desk early. The shell's page
 * comes with a `Link` preload of the remote's mf-manifest.json (serve-app.mjs and the gateway send
 * it, from the deploy-time desk.manifest.json), so the manifest is asked for with the page, before
 * main.js has run, and the federation runtime's own fetch takes that response (one request, not two).
 */
import { useBrowser } from '../support/fixture';
import { signInReady } from '../support/shell';
import { REMOTE, SHELL } from '../support/urls';

const { open } = useBrowser();

test('a reload preloads the remote manifest with the page and uses that one response', async () => {
  const { page, pageErrors } = await open();
  await signInReady(page);

  const manifestRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url() === `${REMOTE}/mf-manifest.json`) manifestRequests.push(request.method());
  });
  const response = await page.reload();
  await page.locator('[data-testid="desk-status"][data-status="ready"]').waitFor();

  // The resource timings first: they say what happened without the header.
  const timing = await page.evaluate((shell) => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const main = entries.find((e) => new URL(e.name).origin === shell && /\/main\.[0-9a-f]+\.js$/.test(e.name));
    const manifest = entries.filter((e) => e.name.endsWith('/mf-manifest.json'));
    return { mainEnd: main?.responseEnd ?? null, manifestStarts: manifest.map((e) => e.startTime) };
  }, SHELL);
  // Asked for with the page: before main.js (which would otherwise fetch it) had even arrived.
  expect(timing.mainEnd).not.toBeNull();
  expect(timing.manifestStarts).toHaveLength(1);
  expect(timing.manifestStarts[0]).toBeLessThan(timing.mainEnd!);
  expect(manifestRequests).toEqual(['GET']);
  expect(response?.headers()['link']).toBe(`<${REMOTE}/mf-manifest.json>; rel=preload; as=fetch; crossorigin=anonymous`);
  expect(pageErrors).toEqual([]);
});
