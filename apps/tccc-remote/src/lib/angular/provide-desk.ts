import { makeEnvironmentProviders, provideEnvironmentInitializer, type EnvironmentProviders } from '@angular/core';
import { getDesk, interceptPageDesk, type GetDeskOptions } from '../desk/page-desk';
import type { DeskInterception } from '../desk/page-interceptors';
import { setDeskLocale } from '../desk/page-locale';
import { resolveShortcuts, type DeskShortcuts } from '../ui/shortcuts';
import { TCCC_DESK_SHORTCUTS } from './desk-shortcuts-token';

export interface ProvideDeskOptions extends GetDeskOptions {
  /** Host interceptors for the page's desk (desk.intercept), kept across sign-outs. */
  interceptors?: readonly DeskInterception[];
  /** Keyboard shortcuts of every `<tccc-desk>` in this application: `false` (off) or keys to change. */
  shortcuts?: DeskShortcuts;
}

/**
 * For an Angular shell: configures the page's desk to log in with the shell's token when the
 * application starts. `<tccc-desk>`, `injectDesk()` and `deskSignals()` then use that desk.
 * `bootstrapApplication(App, { providers: [provideDesk({ getAccessToken, interceptors })] })`.
 * (To use another desk, a fake in tests for instance, provide `TCCC_DESK` instead.)
 */
export function provideDesk(options?: ProvideDeskOptions): EnvironmentProviders {
  const interceptors = options?.interceptors ?? [];
  if (!Array.isArray(interceptors)) throw new TypeError('provideDesk: interceptors must be an array');
  // A wrong locale or shortcut is a start-up error with a clear message, not a silent default.
  const locale = options?.locale;
  if (options?.shortcuts !== undefined) resolveShortcuts(options.shortcuts);
  let registered = false;
  return makeEnvironmentProviders([
    ...(options?.shortcuts === undefined ? [] : [{ provide: TCCC_DESK_SHORTCUTS, useValue: options.shortcuts }]),
    provideEnvironmentInitializer(() => {
      if (locale !== undefined) setDeskLocale(locale);
      void getDesk(options && loginOptions(options));
      // Once per provider, however many injectors start it.
      if (registered) return;
      registered = true;
      for (const interception of interceptors) interceptPageDesk(interception);
    }),
  ]);
}

function loginOptions({ getAccessToken, apiBase, loadTimeoutMs }: ProvideDeskOptions): GetDeskOptions {
  return { getAccessToken, ...(apiBase === undefined ? {} : { apiBase }), ...(loadTimeoutMs === undefined ? {} : { loadTimeoutMs }) };
}
