// The emulated SDK in a real browser (Debian Chromium, headless, through playwright-core): a page
// on another origin injects a real SdkURL the way the vendor guide does, waits for ready, and runs
// an inbound and an outbound flow driven through the control API and the workbench.
// Set TCCC_EMULATOR_SCREENSHOT=1 to (re)write docs/screenshots/emulator-workbench-ringing.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../src';
import { controlOk, mintSdkUrl, sdkState, waitUntil } from './sdk-page';

jest.setTimeout(60_000);

const SCREENSHOT = join(__dirname, '..', '..', '..', 'docs', 'screenshots', 'emulator-workbench-ringing.png');

const PORTAL_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Portal</title>
<style>body{margin:0;font:14px system-ui,sans-serif;background:#f2f3f5;color:#1f2329}header{background:#fff;padding:14px 24px;border-bottom:1px solid #e5e6eb;font-weight:600}
main{padding:24px}table{border-collapse:collapse;background:#fff;width:520px}td,th{padding:10px 14px;border-bottom:1px solid #eee;text-align:left}</style></head>
<body><header>Acme CRM · Customers</header><main><table><tr><th>Customer</th><th>Phone</th></tr>
<tr><td>Wang Fang</td><td>139 1234 5678</td></tr><tr><td>Li Lei</td><td>138 0013 8000</td></tr></table></main></body></html>`;

/** The guide's injectTcccWebSDK, verbatim in spirit: <script crossorigin>, load, then ready. */
const INJECT = (sdkUrl: string) =>
  new Promise<string>((resolve) => {
    const script = document.createElement('script');
    script.setAttribute('crossorigin', 'anonymous');
    script.src = sdkUrl;
    document.body.appendChild(script);
    script.addEventListener('load', () => {
      const w = window as unknown as { tccc: { on(e: string, l: (r: unknown) => void): void; events: Record<string, string> }; __events: unknown[] };
      w.__events = [];
      for (const name of Object.keys(w.tccc.events)) w.tccc.on(name, (response) => w.__events.push({ name, response }));
      w.tccc.on(w.tccc.events.ready, () => resolve('ready'));
    });
  });

const DOCUMENTED: Record<string, string[]> = {
  Call: ['startOutboundCall', 'accept', 'hungUp', 'deleteCall', 'muteMic', 'unmuteMic', 'isMicMuted', 'startInternalCall', 'transfer', 'hold', 'unHold', 'sendDigits'],
  Chat: ['accept', 'end', 'transfer'],
  Video: ['accept', 'end', 'muteMic', 'unmuteMic', 'muteVideo', 'unmuteVideo', 'transfer'],
  Agent: ['online', 'offline', 'setStatus'],
  Devices: ['isBrowserSupported', 'getMicrophones', 'getSpeakers'],
  UI: ['show', 'hide'],
};

interface PageEvent {
  name: string;
  response: { data: Record<string, unknown> };
}

let emulator: RunningEmulator;
let portal: Server;
let portalUrl: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: false });
  portal = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PORTAL_HTML));
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}/`; // another origin than the emulator
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 900, height: 640 } });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => portal?.close(resolve));
  await emulator?.close();
});

const events = (): Promise<PageEvent[]> => page.evaluate(() => (window as unknown as { __events: PageEvent[] }).__events);
const eventNames = async (from = 0): Promise<string[]> => (await events()).slice(from).map((e) => e.name);
async function waitForEvent(name: string, from = 0): Promise<PageEvent> {
  await page.waitForFunction(
    ([n, f]) => (window as unknown as { __events: { name: string }[] }).__events.slice(f as number).some((e) => e.name === n),
    [name, from] as const,
    { timeout: 10_000 },
  );
  return (await events()).slice(from).find((e) => e.name === name) as PageEvent;
}

it('loads from a real SdkURL, exposes every documented function, and runs inbound and outbound flows', async () => {
  await page.goto(portalUrl);
  const sdkUrl = await mintSdkUrl(emulator);
  expect(await page.evaluate(INJECT, sdkUrl)).toBe('ready');

  // Every documented function, and the event API.
  const missing = await page.evaluate((documented) => {
    const tccc = (window as unknown as { tccc: Record<string, Record<string, unknown>> }).tccc;
    const absent: string[] = [];
    for (const [module, fns] of Object.entries(documented)) for (const fn of fns) if (typeof tccc[module]?.[fn] !== 'function') absent.push(`${module}.${fn}`);
    for (const fn of ['on', 'off']) if (typeof tccc[fn] !== 'function') absent.push(fn);
    if (typeof tccc.events !== 'object') absent.push('events');
    return absent;
  }, DOCUMENTED);
  expect(missing).toEqual([]);
  expect(await page.evaluate(() => window.tccc?.Devices.isBrowserSupported())).toBe(true);
  expect(await page.evaluate(async () => Array.isArray(await window.tccc?.Devices.getMicrophones()))).toBe(true);
  await waitUntil(async () => (await sdkState(emulator)).pages.length === 1);

  // Inbound: ring through the control API; the workbench opens on the ringing contact.
  const { sessionId: inbound } = (await controlOk(emulator, 'POST', '/sdk/inbound', {
    type: 'phone',
    callerPhoneNumber: '13912345678',
    callerLocation: 'Shenzhen, Guangdong',
    remark: 'VIP customer',
    timeout: 30,
  })) as { sessionId: string };
  const callIn = await waitForEvent('callIn');
  expect(callIn.response.data).toMatchObject({ sessionId: inbound, type: 'phone', callerPhoneNumber: '13912345678', timeout: 30 });
  const panel = page.getByTestId('tccc-workbench-panel');
  await panel.waitFor({ state: 'visible' });
  const contact = page.getByTestId('tccc-workbench-contact');
  await expect(contact.getAttribute('data-state')).resolves.toBe('ringing');
  expect(await contact.textContent()).toContain('13912345678');
  expect(await page.getByTestId('tccc-workbench-accept').isEnabled()).toBe(true);
  expect(await page.getByTestId('tccc-workbench-icon').getAttribute('data-ringing')).toBe('true');
  const shot = await page.screenshot();
  expect(shot.length).toBeGreaterThan(5000);
  if (process.env.TCCC_EMULATOR_SCREENSHOT) {
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    writeFileSync(SCREENSHOT, shot);
  }

  // Accept in the workbench, hang up through the API.
  await page.getByTestId('tccc-workbench-accept').click();
  await waitForEvent('userAccessed');
  await page.waitForFunction(() => document.querySelector('[data-testid="tccc-workbench-status"]')?.getAttribute('data-status') === 'busy');
  expect(await page.evaluate((sessionId) => window.tccc?.Call.hungUp({ sessionId }), inbound)).toEqual({ status: 'success' });
  await page.waitForFunction(() => {
    const events = (window as unknown as { __events: { name: string; response: { data: { status?: string } } }[] }).__events;
    return events.some((e) => e.name === 'statusChanged' && e.response.data.status === 'free');
  });
  expect(await eventNames()).toEqual(['ready', 'callIn', 'userAccessed', 'statusChanged', 'sessionEnded', 'statusChanged']);
  const all = await events();
  expect(all[4].response.data).toMatchObject({ sessionId: inbound, closeBy: 'seat' });
  expect(await contact.getAttribute('data-state')).toBe('none');

  // Outbound: the callee answers via the control API, then hangs up.
  const from = all.length;
  const started = await page.evaluate(() => window.tccc?.Call.startOutboundCall({ phoneNumber: '075586888888', phoneDesc: 'Tencent' }));
  expect(started).toMatchObject({ status: 'success', data: { sessionId: expect.any(String) } });
  const outbound = (started?.data as { sessionId: string }).sessionId;
  expect((await waitForEvent('callOuted', from)).response.data).toMatchObject({ sessionId: outbound });
  await controlOk(emulator, 'POST', `/sdk/sessions/${outbound}/answer`);
  await waitForEvent('calloutAccepted', from);
  await controlOk(emulator, 'POST', `/sdk/sessions/${outbound}/hangup`);
  expect((await waitForEvent('sessionEnded', from)).response.data).toMatchObject({ sessionId: outbound, closeBy: 'client' });
  await page.waitForFunction((f) => (window as unknown as { __events: unknown[] }).__events.length >= f + 5, from);
  expect(await eventNames(from)).toEqual(['callOuted', 'calloutAccepted', 'statusChanged', 'sessionEnded', 'statusChanged']);

  // UI.hide / UI.show act on the workbench.
  const root = page.locator('[data-tccc-sdk-root]');
  await page.evaluate(() => window.tccc?.UI.hide());
  expect(await root.isVisible()).toBe(false);
  await page.evaluate(() => window.tccc?.UI.show());
  expect(await page.getByTestId('tccc-workbench-icon').isVisible()).toBe(true);

  // Teardown as the loader does it (remove the global): the SDK closes its stream and its DOM.
  await page.evaluate(() => delete (window as { tccc?: unknown }).tccc);
  await root.waitFor({ state: 'detached', timeout: 10_000 });
  await waitUntil(async () => (await sdkState(emulator)).pages.length === 0, 10_000);
});

it('an SdkURL past its 10 minutes loads, and its SDK fires tokenExpired { message } instead of ready (the vendor event page)', async () => {
  let now = Date.now();
  const late = await startEmulator({ port: 0, logger: false, clock: () => now });
  try {
    await page.goto(portalUrl);
    const sdkUrl = await mintSdkUrl(late);
    now += 10 * 60 * 1000 + 1;
    const first = await page.evaluate(
      (url) =>
        new Promise<{ name: string; response: unknown }>((resolve, reject) => {
          const script = document.createElement('script');
          script.setAttribute('crossorigin', 'anonymous');
          script.src = url;
          script.addEventListener('error', () => reject(new Error('the SdkURL script did not load')));
          script.addEventListener('load', () => {
            const tccc = (window as unknown as { tccc: { on(e: string, l: (r: unknown) => void): void; events: Record<string, string> } }).tccc;
            tccc.on(tccc.events.ready, (response) => resolve({ name: 'ready', response }));
            tccc.on(tccc.events.tokenExpired, (response) => resolve({ name: 'tokenExpired', response }));
          });
          document.body.appendChild(script);
        }),
      sdkUrl,
    );
    expect(first).toEqual({ name: 'tokenExpired', response: { data: { message: expect.stringMatching(/expired/) } } });
    // No page behind it: nothing connected, nothing served as a login.
    expect((await sdkState(late)).pages).toEqual([]);
    expect(await page.evaluate(() => window.tccc?.Call.accept({ sessionId: 'x' }))).toMatchObject({ status: 'error' });
  } finally {
    await page.evaluate(() => delete (window as { tccc?: unknown }).tccc);
    await late.close();
  }
});
