// Scenario settings for the emulated SDK (PUT /control/sdk/settings). Read when a script is served
// (scriptStatus, readiness) and by the call center (after-call work, callee auto-answer).
import { z } from 'zod';

export const sdkSettingsPatchSchema = z.strictObject({
  /** 404 makes the NEXT SdkURL fetch answer 404 (then back to 200). */
  scriptStatus: z.union([z.literal(200), z.literal(404)]).optional(),
  readyDelayMs: z.number().int().min(0).max(120_000).optional(),
  neverReady: z.boolean().optional(),
  tokenExpiredOnLoad: z.boolean().optional(),
  afterCallWork: z.boolean().optional(),
  /** The callee of an outbound call answers by itself after this many ms; null = only /answer. */
  calleeAutoAnswerMs: z.number().int().min(0).max(600_000).nullable().optional(),
  /** Delay between startOutboundCall resolving and `callOuted` (emulator extra; default 300). */
  callOutedDelayMs: z.number().int().min(0).max(60_000).optional(),
});

export type SdkSettingsPatch = z.infer<typeof sdkSettingsPatchSchema>;

export interface SdkSettings {
  scriptStatus: 200 | 404;
  readyDelayMs: number;
  neverReady: boolean;
  tokenExpiredOnLoad: boolean;
  afterCallWork: boolean;
  calleeAutoAnswerMs: number | null;
  callOutedDelayMs: number;
}

export class SdkSettingsStore {
  private current: SdkSettings;

  constructor(private readonly defaults: SdkSettings) {
    this.current = { ...defaults };
  }

  get(): SdkSettings {
    return { ...this.current };
  }

  update(patch: SdkSettingsPatch): SdkSettings {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) (this.current as unknown as Record<string, unknown>)[key] = value;
    }
    return this.get();
  }

  /** True once when a 404 is pending: the script route answers 404 and the setting returns to 200. */
  takeScript404(): boolean {
    if (this.current.scriptStatus !== 404) return false;
    this.current.scriptStatus = 200;
    return true;
  }

  reset(): void {
    this.current = { ...this.defaults };
  }
}
