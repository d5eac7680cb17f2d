// Drives the page side in jsdom, which never fetches or runs external scripts: tests find the
// <script> the loader appended and play the browser (run it = define the global, fire load).
import { activeEntry, GUARD_KEY } from '../src/lib/guard';
import { teardownTcccSdk } from '../src/index';
import type { FakeTccc } from './fake-sdk';

/** `window`, with `tccc` loosened so tests can plant anything there. */
export const page = window as unknown as { tccc?: unknown };

/** A fresh-looking SdkURL; the token is what must never appear in an error. */
export function sdkUrl(token = `tok_${Math.random().toString(36).slice(2)}SECRET`): string {
  return `https://ccc.example.test/sdk/tccc-sdk.js?token=${token}`;
}

export function scripts(): HTMLScriptElement[] {
  return [...document.querySelectorAll('script')];
}

export function onlyScript(): HTMLScriptElement {
  const all = scripts();
  if (all.length !== 1) throw new Error(`expected exactly one <script>, found ${all.length}`);
  return all[0]!;
}

export interface RunOptions {
  /** Elements the "SDK" appends to <body> while it runs (its workbench root). */
  addDom?: () => void;
}

/** The script downloaded and ran: the SDK defines its global (if given), then `load` fires. */
export function runScript(script: HTMLScriptElement, fake: FakeTccc | null, options: RunOptions = {}): void {
  if (fake) page.tccc = fake.tccc;
  options.addDom?.();
  script.dispatchEvent(new Event('load'));
}

/** The download failed (network error, 403/404 for a used or expired SdkURL). */
export function failScript(script: HTMLScriptElement): void {
  script.dispatchEvent(new Event('error'));
}

export function appendDiv(id: string, attributes: Record<string, string> = {}): HTMLDivElement {
  const div = document.createElement('div');
  div.id = id;
  for (const [name, value] of Object.entries(attributes)) div.setAttribute(name, value);
  document.body.appendChild(div);
  return div;
}

export interface Observed<T> {
  settled: boolean;
  value?: T;
  error?: unknown;
}

export function observe<T>(promise: Promise<T>): Observed<T> {
  const observed: Observed<T> = { settled: false };
  promise.then(
    (value) => Object.assign(observed, { settled: true, value }),
    (error: unknown) => Object.assign(observed, { settled: true, error }),
  );
  return observed;
}

/** Let promise callbacks run (works with fake timers too). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Forget everything between tests: the SDK, DOM, global, guard. */
export function resetPage(): void {
  // A test that failed half-way may leave a load nobody awaits: its `aborted` is expected.
  activeEntry()?.promise.catch(() => undefined);
  teardownTcccSdk();
  document.body.innerHTML = '';
  document.head.innerHTML = '';
  delete page.tccc;
  delete (globalThis as { [GUARD_KEY]?: unknown })[GUARD_KEY];
}
