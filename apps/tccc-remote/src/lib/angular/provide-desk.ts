import { makeEnvironmentProviders, provideEnvironmentInitializer, type EnvironmentProviders } from '@angular/core';
import { getDesk, interceptPageDesk, type GetDeskOptions } from '../desk/page-desk';
import type { DeskInterception } from '../desk/page-interceptors';

export interface ProvideDeskOptions extends GetDeskOptions {
  /** Host interceptors for the page's desk (desk.intercept), kept across sign-outs. */
  interceptors?: readonly DeskInterception[];
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
  let registered = false;
  return makeEnvironmentProviders([
    provideEnvironmentInitializer(() => {
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
