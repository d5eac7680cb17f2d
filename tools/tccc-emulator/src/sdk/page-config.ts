// What the emulator tells the page about this login. The served script starts with
// `window.__TCCC_EMULATOR__ = {...};` followed by the bundled SDK, which reads it on start.
export const PAGE_CONFIG_GLOBAL = '__TCCC_EMULATOR__';

export interface EmulatorPageConfig {
  /** Base URL of the emulator: the SDK's RPC and event stream live there. */
  baseUrl: string;
  sdkAppId: number;
  seatUserId: string;
  /** How long after the script runs `ready` fires (at the earliest: the event stream must be open too). */
  readyDelayMs: number;
  /**
   * This page's credential for /sdk/rpc and /sdk/events, minted when the one-time script was served.
   * It stands in for the login the real SDK holds after redeeming its token. Empty for an expired one.
   */
  pageKey: string;
  /** Scenario: define `tccc` but never fire `ready`. */
  neverReady: boolean;
  /** Fire `tokenExpired` instead of `ready` (the SdkURL had expired, or the scenario setting); no event stream. */
  tokenExpiredOnLoad: boolean;
  /** Show the "simulate" buttons in the workbench (development). */
  devTools: boolean;
}
