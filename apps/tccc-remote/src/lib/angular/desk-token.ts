import { InjectionToken, inject } from '@angular/core';
import type { Desk } from '@tccc-desk/desk-core';
import { getDesk } from '../desk/page-desk';

const TOKEN_KEY = Symbol.for('tccc-desk.remote.angular.TCCC_DESK');
type GlobalWithToken = { [TOKEN_KEY]?: InjectionToken<Desk> };

/**
 * A desk to use instead of the page's (a fake in tests, for instance):
 * `{ provide: TCCC_DESK, useValue: desk }`. Kept on globalThis so two builds of this remote on one
 * page agree on the token.
 */
export const TCCC_DESK: InjectionToken<Desk> = ((globalThis as GlobalWithToken)[TOKEN_KEY] ??=
  new InjectionToken<Desk>('TCCC_DESK'));

/**
 * The desk for the current injection context: `TCCC_DESK` if provided, else the page's desk as it
 * is now (not cached in an injector, so a desk re-created after sign-out is picked up).
 */
export function injectDesk(): Desk {
  return inject(TCCC_DESK, { optional: true }) ?? getDesk();
}
