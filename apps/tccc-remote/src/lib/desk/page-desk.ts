/**
 * The page's one desk. Every consumer (the shell, `<tccc-desk>`, `mount()`, a second copy of this
 * chunk from another build) gets the same instance: it lives on globalThis under a registered
 * symbol, not in a module variable.
 */
import { createTabDesk, type Desk } from '@tccc-desk/desk-core';
import { requestSdkLogin, type AccessTokenSource } from './login-client';
import { CONTRACT_VERSION, REMOTE_VERSION } from './versions';
import { setDeskLocale } from './page-locale';
import { applyPageInterceptors, registerPageInterceptor, type DeskInterception } from './page-interceptors';

export interface GetDeskOptions {
  /** The shell's bearer token for the token API (called for every login, never cached here). */
  getAccessToken: AccessTokenSource;
  /** Where the token API is ('' = this page's origin, e.g. behind the gateway). Default ''. */
  apiBase?: string;
  /**
   * How long to wait for the SDK script and its ready before showing load_timeout (ms, default
   * 20,000). Read when the page's desk is created; later calls cannot change a running desk.
   */
  loadTimeoutMs?: number;
  /** The desk's language on this page ('en' | 'zh-CN'; tags such as 'zh-Hans' map to one). See setDeskLocale. */
  locale?: string;
}

export const PAGE_DESK_KEY: unique symbol = Symbol.for('tccc-desk.remote.page-desk');

interface PageDeskSlot {
  readonly version: 1;
  desk: Desk | null;
  /** Read at each login, so the latest configuration wins for the shared desk. */
  login: { getAccessToken: AccessTokenSource | undefined; apiBase: string };
}

type GlobalWithSlot = { [PAGE_DESK_KEY]?: PageDeskSlot };

function pageSlot(): PageDeskSlot {
  const host = globalThis as GlobalWithSlot;
  const existing = host[PAGE_DESK_KEY];
  if (existing && existing.version >= 1 && 'login' in existing) return existing;
  const slot: PageDeskSlot = { version: 1, desk: null, login: { getAccessToken: undefined, apiBase: '' } };
  Object.defineProperty(host, PAGE_DESK_KEY, { value: slot, configurable: true, writable: true, enumerable: false });
  return slot;
}

/**
 * The page's desk, created on first use. Options configure how it logs in; a later call with
 * options replaces them (the same page, the same signed-in person). Calls without options just
 * return the desk. A destroyed desk is replaced on the next call.
 */
export function getDesk(options?: GetDeskOptions): Desk {
  const slot = pageSlot();
  if (options) {
    if (typeof options.getAccessToken !== 'function') throw new TypeError('getDesk: getAccessToken must be a function');
    slot.login = { getAccessToken: options.getAccessToken, apiBase: options.apiBase ?? '' };
    if (options.locale !== undefined) setDeskLocale(options.locale);
  }
  if (slot.desk) return slot.desk;

  // One SDK per agent across this browser's tabs: the tabs of one signed-in person elect a leader.
  const desk = createTabDesk({
    tabs: { scope: () => tabScope(slot.login.getAccessToken) },
    login: (context) => requestSdkLogin({ ...slot.login, signal: context?.signal, onWait: context?.onWait }),
    versions: { remote: REMOTE_VERSION, contract: CONTRACT_VERSION },
    ...(options?.loadTimeoutMs === undefined ? {} : { loadTimeoutMs: options.loadTimeoutMs }),
  });
  slot.desk = desk;
  applyPageInterceptors(desk);
  // destroy() completes every stream: forget the instance so the next getDesk() starts afresh.
  desk.state$.subscribe({
    complete: () => {
      if (slot.desk === desk) slot.desk = null;
    },
  });
  return desk;
}

/**
 * Whom this tab's desk coordinates with other tabs for: the signed-in person (the access token's
 * `sub`, read, not verified: it only names a lock and a channel; the token API decides the seat).
 * null when unknown (no token, no `sub`, the token source failed): the tab then runs its own desk,
 * never one shared under a constant name with whoever else is unknown. The token itself is never
 * kept or sent anywhere.
 */
export async function tabScope(getAccessToken: AccessTokenSource | undefined): Promise<string | null> {
  if (!getAccessToken) return null;
  try {
    const token = await getAccessToken();
    const payload = typeof token === 'string' ? token.split('.')[1] : undefined;
    if (!payload) return null;
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub.slice(0, 200) : null;
  } catch {
    return null;
  }
}

/** Whether a desk exists on this page (without creating one). */
export function hasPageDesk(): boolean {
  return pageSlot().desk !== null;
}

/**
 * Intercept a command of the page's desk, now and after every sign-out (a new desk): what
 * provideDesk({ interceptors }) uses. Returns the unregister function.
 */
export function interceptPageDesk(interception: DeskInterception): () => void {
  return registerPageInterceptor(interception, pageSlot().desk);
}
