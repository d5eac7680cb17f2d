/**
 * Flow: the page load of a remembered person (a reload) starts the desk early. The shell's page
 * comes with a `Link` preload of the remote's mf-manifest.json (serve-app.mjs derives it from the
 * deploy-time desk.manifest.json; the gateway sends its fixed /desk/ one), so the manifest is asked
 * for with the page, before main.js has arrived, and the federation runtime's own fetch takes that
 * response (one request, not two). Checked on the shell's own server (remote cross-origin) and
 * through the gateway (remote same-origin under /desk/, HTTP/2).
 */
import { useBrowser } from '../support/fixture';
import { signInReady } from '../support/shell';
import { GATEWAY, REMOTE, SHELL } from '../support/urls';

const { open } = useBrowser();

test.each([
  ['the shell’s server', SHELL, `${REMOTE}/mf-manifest.json`, `<${REMOTE}/mf-manifest.json>`],
  ['the gateway', GATEWAY, `${GATEWAY}/desk/mf-manifest.json`, '</desk/mf-manifest.json>'],
])('%s: a reload preloads the remote manifest with the page and uses that one response', async (_where, origin, manifestUrl, linkTarget) => {
  const { page, pageErrors } = await open();
  await signInReady(page, 'alice', '/customers', origin);

  const manifestRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url() === manifestUrl) manifestRequests.push(request.method());
  });
  const response = await page.reload();
  await page.locator('[data-testid="desk-status"][data-status="ready"]').waitFor();

  // The resource timings first: they say what happened without the header.
  const timing = await page.evaluate(
    ({ shell, manifest }) => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const main = entries.find((e) => new URL(e.name).origin === shell && /\/main\.[0-9a-f]+\.js$/.test(e.name));
      return { mainEnd: main?.responseEnd ?? null, manifestStarts: entries.filter((e) => e.name === manifest).map((e) => e.startTime) };
    },
    { shell: origin, manifest: manifestUrl },
  );
  // Asked for with the page: before main.js (which would otherwise fetch it) had even arrived.
  expect(timing.mainEnd).not.toBeNull();
  expect(timing.manifestStarts).toHaveLength(1);
  expect(timing.manifestStarts[0]).toBeLessThan(timing.mainEnd!);
  expect(manifestRequests).toEqual(['GET']);
  expect(response?.headers()['link']).toBe(`${linkTarget}; rel=preload; as=fetch; crossorigin=anonymous`);
  expect(pageErrors).toEqual([]);
});
