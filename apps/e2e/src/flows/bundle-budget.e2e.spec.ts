/**
 * The desk's bundle budget, enforced in CI: the gzip bytes (level 9) of everything the shell
 * fetches from the remote's origin to show the desk stay ≤ 80 KB (target 60 KB). The full report
 * with a table is `npm run bench:bundle` (tools/scripts/bench-bundle.mjs).
 */
import { gzipSync } from 'node:zlib';
import { useBrowser } from '../support/fixture';
import { signInReady } from '../support/shell';
import { REMOTE } from '../support/urls';

const { open } = useBrowser();
const LIMIT_BYTES = 80 * 1024;

test('the desk adds at most 80 KB gzip to a shell that already has Angular', async () => {
  const { page } = await open();
  const sizes: Promise<{ url: string; gzip: number }>[] = [];
  page.on('response', (response) => {
    if (!response.url().startsWith(`${REMOTE}/`)) return;
    sizes.push(response.body().then((body) => ({ url: response.url(), gzip: gzipSync(body, { level: 9 }).length })));
  });

  await signInReady(page);
  await page.waitForLoadState('networkidle');

  const files = await Promise.all(sizes);
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  expect(files.map((f) => f.url)).toEqual(expect.arrayContaining([`${REMOTE}/remoteEntry.js`, `${REMOTE}/mf-manifest.json`]));
  expect(total).toBeLessThanOrEqual(LIMIT_BYTES);
});
