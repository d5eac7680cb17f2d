// What the emulator tells the page about this login. The served script starts with
// `window.__TCCC_EMULATOR__ = {...};` followed by the bundled SDK, which reads it on start.
export const PAGE_CONFIG_GLOBAL = '__TCCC_EMULATOR__';

export interface EmulatorPageConfig {
  /** Base URL of the emulator (for later calls back from the page, e.g. scenario control). */
  baseUrl: string;
  sdkAppId: number;
  seatUserId: string;
  /** How long after the script runs `ready` fires; the page attaches its listener in `load`. */
  readyDelayMs: number;
}
