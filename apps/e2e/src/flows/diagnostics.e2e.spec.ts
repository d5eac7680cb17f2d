/**
 * Diagnostics from the desk panel: the downloaded document describes the desk (versions, SDK
 * host, lifecycle, events, commands) and holds no token, SdkURL query, JWT or full phone number.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, closeWorkbench, signInReady } from '../support/shell';

const { open } = useBrowser();

const CALLER = '13912345678'; // c002's mobile, +8613912345678 in the CRM

test('the diagnostics download from the desk panel is masked', async () => {
  const { page, pageErrors } = await open();
  // What must not leak: the SdkURL the SDK was loaded from, and the bearer token of the login.
  const sdkUrls: string[] = [];
  const bearers: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (/[?&](token|SdkAppId|sign)/i.test(url)) sdkUrls.push(url);
    const auth = request.headers()['authorization'];
    if (auth?.startsWith('Bearer ')) bearers.push(auth.slice('Bearer '.length));
  });
  await signInReady(page);

  // A call in and a call out, so phone numbers are in the events, sessions and commands.
  const { sessionId } = await emulator.inbound({ type: 'phone', timeout: 0, callerPhoneNumber: `+86 ${CALLER}`, calleePhoneNumber: '4008001234' });
  await page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"][data-status="ringing"]`).waitFor();
  await byTestId(page, 'accept').click();
  await page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"][data-status="talking"]`).waitFor();
  await emulator.hangup(sessionId);
  await page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"]`).waitFor({ state: 'detached' });
  await byTestId(page, 'dial-input').fill('+86 138 0013 8000');
  await byTestId(page, 'dial-button').click();
  await page.locator('[data-testid="active-session"][data-status="dialing"]').waitFor();
  await closeWorkbench(page);

  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'diagnostics-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^tccc-desk-diagnostics-.*\.json$/);
  const text = await readFile((await download.path())!, 'utf8');
  const doc = JSON.parse(text) as Record<string, unknown> & { versions: Record<string, string>; sdkHost: string; events: Array<{ name: string }>; commands: Array<{ command: string }> };
  await screenshot(page, 'diagnostics-download');
  // Kept for a look (tmp/ is not committed).
  const artifacts = join(__dirname, '..', '..', '..', '..', 'tmp', 'e2e-artifacts');
  await mkdir(artifacts, { recursive: true });
  await writeFile(join(artifacts, 'diagnostics.json'), text);

  // It says what support needs.
  expect(doc['kind']).toBe('tccc-desk-diagnostics');
  expect(doc.versions).toEqual(expect.objectContaining({ deskCore: expect.any(String), remote: expect.any(String), contract: expect.any(String) }));
  expect(doc.sdkHost).toMatch(/^localhost:\d+$/);
  expect(doc.events.map((e) => e.name)).toEqual(expect.arrayContaining(['callIn', 'userAccessed', 'sessionEnded']));
  expect(doc.commands.map((c) => c.command)).toEqual(expect.arrayContaining(['call.accept', 'call.dial']));

  // And none of the secrets.
  expect(sdkUrls.length).toBeGreaterThan(0);
  for (const url of sdkUrls) {
    expect(text).not.toContain(url);
    expect(text).not.toContain(new URL(url).search.slice(1));
    for (const value of new URL(url).searchParams.values()) if (value.length >= 8) expect(text).not.toContain(value);
  }
  expect(bearers.length).toBeGreaterThan(0);
  for (const token of bearers) expect(text).not.toContain(token);
  expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  for (const full of [CALLER, '13800138000']) expect(text.replace(/[\s\-()+]/g, '')).not.toContain(full);
  expect(text).toContain('•••5678');
  expect(pageErrors).toEqual([]);
});
