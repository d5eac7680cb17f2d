/**
 * `tccc_remote/desk`: the page's desk, framework-free and small (desk-core and rxjs are shared), so
 * a shell can load it first and start the login while the Angular chunks are still on their way.
 */
export { getDesk, hasPageDesk, interceptPageDesk, type GetDeskOptions } from '../lib/desk/page-desk';
export type { DeskInterception } from '../lib/desk/page-interceptors';
export { setDeskLocale, getDeskLocale, deskLocale$, type DeskLocale } from '../lib/desk/page-locale';
export { DeskLoginError } from '../lib/desk/login-error';
/** The contract's semver: a shell compares its major with the one it was built for. */
export { CONTRACT_VERSION } from '../lib/desk/versions';
export type {
  AgentState,
  CallLog,
  CommandInterceptor,
  CommandOutcome,
  DeskCommandName,
  DiagnosticsDocument,
  Desk,
  DeskErrorCode,
  DeskErrorInfo,
  DeskEvent,
  DeskSession,
  DeskState,
  Lifecycle,
} from '@tccc-desk/desk-core';
