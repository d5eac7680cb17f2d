export * from './lib/tccc.types';
export { eventPayload, sdkErrorMessage } from './lib/event-payload';
export { TcccLoadError, isTcccLoadError, TCCC_LOAD_ERROR_CODES, type TcccLoadErrorCode } from './lib/errors';
export { DEFAULT_LOAD_TIMEOUT_MS, type TcccLoadOptions } from './lib/load-options';
export {
  loadTcccSdk,
  teardownTcccSdk,
  createTcccLoader,
  tcccSdkPhase,
  type TcccLoader,
  type TcccSdkPhase,
} from './lib/loader';
export { SDK_ROOT_ATTRIBUTE } from './lib/sdk-dom';
export { redactSdkUrl } from './lib/sdk-url';
