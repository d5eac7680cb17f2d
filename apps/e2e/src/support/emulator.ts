/** The emulator's control API (tools/tccc-emulator, /control/...): scenarios and faults. */
import { EMULATOR } from './urls';

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${EMULATOR}${path}`, {
    method,
    // The control API takes application/json only, bodyless calls included.
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface SdkSettings {
  scriptStatus?: 200 | 404;
  readyDelayMs?: number;
  neverReady?: boolean;
  tokenExpiredOnLoad?: boolean;
  afterCallWork?: boolean;
  calleeAutoAnswerMs?: number | null;
}

export interface InboundCall {
  seatUserId?: string;
  type: 'phone' | 'im' | 'voip' | 'video' | 'internal';
  /** Seconds to accept; 0 = never times out. */
  timeout?: number;
  callerPhoneNumber?: string;
  calleePhoneNumber?: string;
  callerLocation?: string;
  remark?: string;
  [field: string]: unknown;
}

export interface SdkState {
  pages: { seatUserId: string; connectedAt: number }[];
  sessions: { sessionId: string; seatUserId: string; type: string; direction: string; status: string }[];
  agents: Record<string, string>;
  scriptsServed: number;
}

export interface Counters {
  sdkUrlsMinted: number;
  sdkUrlsServed: number;
  [name: string]: unknown;
}

export const emulator = {
  /** Clears faults, counters, SDK settings, sessions and fail-next rules. */
  reset: () => call<void>('POST', '/control/reset'),
  counters: () => call<Counters>('GET', '/control/counters'),
  settings: (settings: SdkSettings) => call<SdkSettings>('PUT', '/control/sdk/settings', settings),
  state: () => call<SdkState>('GET', '/control/sdk/state'),
  inbound: (spec: InboundCall) => call<{ sessionId: string }>('POST', '/control/sdk/inbound', spec),
  answer: (sessionId: string) => call<unknown>('POST', `/control/sdk/sessions/${encodeURIComponent(sessionId)}/answer`),
  reject: (sessionId: string) => call<unknown>('POST', `/control/sdk/sessions/${encodeURIComponent(sessionId)}/reject`),
  hangup: (sessionId: string) => call<unknown>('POST', `/control/sdk/sessions/${encodeURIComponent(sessionId)}/hangup`),
};
