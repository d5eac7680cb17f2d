import { makeEnvironmentProviders, provideEnvironmentInitializer, type EnvironmentProviders } from '@angular/core';
import { getDesk, type GetDeskOptions } from '../desk/page-desk';

/**
 * For an Angular shell: configures the page's desk to log in with the shell's token when the
 * application starts. `<tccc-desk>`, `injectDesk()` and `deskSignals()` then use that desk.
 * `bootstrapApplication(App, { providers: [provideDesk({ getAccessToken })] })`.
 * (To use another desk, a fake in tests for instance, provide `TCCC_DESK` instead.)
 */
export function provideDesk(options?: GetDeskOptions): EnvironmentProviders {
  return makeEnvironmentProviders([provideEnvironmentInitializer(() => void getDesk(options))]);
}
