/**
 * Flow 9: the shell and the remote run on ONE copy of @angular/core and of rxjs. Counted twice:
 * in the network (the JS files carrying Angular core's `ng-version` and rxjs's `object
 * unsubscribed`) and as module instances (the remote's objects are instances of the shell's classes).
 */
import type { Response } from 'playwright-core';
import { screenshot } from '../support/browser';
import { useBrowser } from '../support/fixture';
import { signInReady } from '../support/shell';
import { REMOTE, SHELL } from '../support/urls';

const { open } = useBrowser();

interface Script {
  url: string;
  body: string;
}

test('one Angular core and one rxjs, from the shell, used by the remote', async () => {
  const { page, pageErrors } = await open();
  const bodies: Promise<Script | null>[] = [];
  page.on('response', (response: Response) => {
    const isJs = response.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(response.url());
    if (isJs) bodies.push(response.text().then((body) => ({ url: response.url(), body }), () => null));
  });

  await signInReady(page);
  await page.locator('[data-testid="desk-panel"] tccc-desk').waitFor();
  // The picture of the CRM with the desk open, with the agent available as at the start of a shift.
  await page.locator('[data-testid="agent-status-select"]').selectOption('free');
  await page.locator('[data-testid="header-agent-status"][data-status="free"]').waitFor();
  await screenshot(page, 'crm-desk-open');

  const scripts = (await Promise.all(bodies)).filter((s): s is Script => s !== null);
  const withAngular = scripts.filter((s) => s.body.includes('ng-version')).map((s) => s.url);
  const withRxjs = scripts.filter((s) => s.body.includes('object unsubscribed')).map((s) => s.url);
  expect(withAngular).toHaveLength(1);
  expect(withRxjs).toHaveLength(1);
  expect(withAngular[0].startsWith(SHELL)).toBe(true);
  expect(withRxjs[0].startsWith(SHELL)).toBe(true);
  // The remote was really loaded (so the counts above include its files).
  expect(scripts.some((s) => s.url === `${REMOTE}/remoteEntry.js`)).toBe(true);

  const identity = await page.evaluate(async (remote) => {
    type ShareEntry = { from: string; loaded?: boolean; lib?: () => unknown; get?: () => Promise<() => unknown> };
    type Federation = { __SHARE__: Record<string, { default: Record<string, Record<string, ShareEntry>> }> };
    const federation = (globalThis as unknown as { __FEDERATION__: Federation }).__FEDERATION__;
    const scopes = Object.values(federation.__SHARE__).map((s) => s.default);
    const only = async (pkg: string) => {
      const versions = scopes.flatMap((scope) => Object.values(scope[pkg] ?? {}));
      const entry = versions[0];
      const module = entry.lib ? entry.lib() : await (await entry.get!())();
      return { froms: [...new Set(versions.map((v) => v.from))], module: module as Record<string, unknown> };
    };
    const rxjs = await only('rxjs');
    const core = await only('@angular/core');
    // The same URL is the same ES module record: the container the shell's runtime already started.
    // (A Function, so the test's CommonJS compilation leaves this browser-side import() alone.)
    const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;
    const container = (await importModule(`${remote}/remoteEntry.js`)) as {
      get(name: string): Promise<() => Record<string, unknown>>;
    };
    const deskEntry = (await container.get('./desk'))() as { getDesk(): { state$: unknown } };
    const angularEntry = (await container.get('./angular'))() as { TCCC_DESK: unknown };
    const Observable = rxjs.module['Observable'] as new () => unknown;
    const InjectionToken = core.module['InjectionToken'] as new () => unknown;
    return {
      rxjsFrom: rxjs.froms,
      coreFrom: core.froms,
      stateIsShellObservable: deskEntry.getDesk().state$ instanceof Observable,
      tokenIsShellInjectionToken: angularEntry.TCCC_DESK instanceof InjectionToken,
    };
  }, REMOTE);

  expect(identity).toEqual({
    rxjsFrom: ['shell'],
    coreFrom: ['shell'],
    stateIsShellObservable: true,
    tokenIsShellInjectionToken: true,
  });
  expect(pageErrors).toEqual([]);
});
