// Public API of the TCCC emulator (in-process use by tests, benches and the start script).
export { startEmulator, type EmulatorOptions, type RunningEmulator } from './emulator';
export { demoConfig, type DemoConfig, type DemoPortalUser, type DemoSeat } from './config/demo-config';
export type { Clock } from './clock';
export type { CounterValues } from './counters';
export type { FaultSpec } from './control/faults';
