// A stand-in for a page that loaded the emulated SDK, driven from Node: mints a real SdkURL with
// tencentcloud-sdk-nodejs, fetches the one-time script, reads the page credential from its page
// config, opens the SSE event stream and sends commands over RPC exactly as the browser SDK does.
import { demoConfig, type RunningEmulator } from '../src';
import { cccClient } from './helpers';

export const credential = { secretId: demoConfig.secretId, secretKey: demoConfig.secretKey };

export interface ReceivedEvent {
  seq: number;
  event: string;
  payload: Record<string, unknown>;
}

export async function mintSdkUrl(emulator: RunningEmulator, seatUserId = 'alice@example.com'): Promise<string> {
  const response = await cccClient(emulator, credential).CreateSDKLoginToken({ SdkAppId: demoConfig.sdkAppId, SeatUserId: seatUserId });
  return response.SdkURL as string;
}

/** The `window.__TCCC_EMULATOR__ = {...};` line the served script starts with. */
export function pageConfigOf(script: string): Record<string, unknown> & { pageKey: string } {
  const match = /^window\.__TCCC_EMULATOR__ = (.*);$/m.exec(script);
  if (!match) throw new Error('no page config in the served script');
  return JSON.parse(match[1]);
}

/** SSE over fetch: collects every pushed event; `waitFor` resolves when a matching one has arrived. */
export class EventStream {
  readonly received: ReceivedEvent[] = [];
  readonly opened: Promise<void>;
  private readonly abort = new AbortController();
  private waiters: Array<() => void> = [];

  constructor(url: string) {
    this.opened = this.start(url);
  }

  private async start(url: string): Promise<void> {
    const response = await fetch(url, { signal: this.abort.signal, headers: { accept: 'text/event-stream' } });
    if (response.status !== 200 || !response.body) throw new Error(`event stream answered ${response.status}`);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = frame.split('\n').find((line) => line.startsWith('data: '));
            if (data) this.push(JSON.parse(data.slice(6)));
          }
        }
      } catch {
        // aborted by close()
      }
    })();
  }

  private push(event: ReceivedEvent): void {
    this.received.push(event);
    for (const wake of this.waiters.splice(0)) wake();
  }

  names(): string[] {
    return this.received.map((e) => e.event);
  }

  /** The first event (from index `from`) matching, waiting up to `timeoutMs`. */
  async waitFor(match: string | ((e: ReceivedEvent) => boolean), timeoutMs = 5000, from = 0): Promise<ReceivedEvent> {
    const predicate = typeof match === 'string' ? (e: ReceivedEvent) => e.event === match : match;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.slice(from).find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${typeof match === 'string' ? match : 'an event'}; got [${this.names().join(', ')}]`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.abort.abort();
  }
}

export interface TestPage {
  key: string;
  seatUserId: string;
  events: EventStream;
  rpc(method: string, params?: unknown): Promise<{ status: string; errorMsg?: string; errMsg?: string; data?: unknown }>;
  close(): void;
}

export async function openPage(emulator: RunningEmulator, seatUserId = 'alice@example.com'): Promise<TestPage> {
  const script = await (await fetch(await mintSdkUrl(emulator, seatUserId))).text();
  const { pageKey } = pageConfigOf(script);
  const events = new EventStream(`${emulator.url}/sdk/events?key=${encodeURIComponent(pageKey)}`);
  await events.opened;
  await waitUntil(async () => (await sdkState(emulator)).pages.some((p: { seatUserId: string }) => p.seatUserId === seatUserId));
  return {
    key: pageKey,
    seatUserId,
    events,
    async rpc(method, params) {
      const response = await fetch(`${emulator.url}/sdk/rpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: pageKey, method, params: params ?? {} }),
      });
      expect(response.status).toBe(200);
      return response.json();
    },
    close: () => events.close(),
  };
}

export function control(emulator: RunningEmulator, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${emulator.url}/control${path}`, {
    method,
    // The control API takes application/json only, bodyless calls included (require-json.ts).
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A control call that must succeed; its JSON. */
export async function controlOk(emulator: RunningEmulator, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await control(emulator, method, path, body);
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : {};
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function sdkState(emulator: RunningEmulator): Promise<any> {
  return (await fetch(`${emulator.url}/control/sdk/state`)).json();
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
