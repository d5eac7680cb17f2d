// The public API of desk-core: the contract types, createDesk, and the error type.
export * from './lib/desk.types';
export { createDesk, MAX_HISTORY_SIZE } from './lib/create-desk';
export { DeskError, isDeskError } from './lib/errors';
export { DEFAULT_HISTORY_SIZE } from './lib/reducer';
export { LIMITS as COMMAND_LIMITS } from './lib/limits';
export { MAX_UNACKED_CALL_LOGS, MAX_CALL_LOG_NOTES } from './lib/call-logs';
export { createTabDesk, type TabDeskOptions, type TabOptions } from './lib/tabs/tab-desk';
export { FORWARDED_COMMANDS, LOCAL_MEMBERS } from './lib/tabs/forwarded-commands';
export type { TabChannel, TabChannelFactory, TabEnvironment, TabLocks, TabLockOptions } from './lib/tabs/tab-environment';
