// Public API of the TCCC emulator (in-process use by tests, benches and the start script).
export { startEmulator, type EmulatorOptions, type RunningEmulator } from './emulator';
export { demoConfig, loadDemoConfigFile, parseDemoConfig, type DemoConfig, type DemoPortalUser, type DemoSeat } from './config/demo-config';
export type { Clock } from './clock';
export type { CounterValues } from './counters';
export type { FaultSpec } from './control/faults';
export type { Scheduler } from './scheduler';
export type { SdkScenario, SdkState } from './scenario/sdk-scenario';
export type { SdkSettings, SdkSettingsPatch } from './scenario/sdk-settings';
export type { InboundSpec } from './scenario/inbound-spec';
export type { SessionSummary, SessionStatus } from './scenario/session';
export { SDK_RPC_METHODS, type SdkRpcMethod } from './protocol/sdk-protocol';
export type { EmulatorPageConfig } from './sdk/page-config';
export { DOCUMENTED_REQUESTS_PER_SECOND, type RequestLimitStats } from './cloud/request-limit';
