// The page's link to the emulator: commands as POST /sdk/rpc, events over SSE (/sdk/events).
// Every command resolves a CommonSDKResponse, network failures included: the vendor SDK resolves
// errors rather than rejecting, and so do we.
import type { CommonSDKResponse } from '@tccc-desk/tccc-sdk';
import { EVENTS_PATH, RPC_PATH, type DevRpcMethod, type PushedEvent, type SdkRpcMethod } from '../protocol/sdk-protocol';

export interface Transport {
  rpc<T = unknown>(method: SdkRpcMethod | DevRpcMethod, params?: unknown): Promise<CommonSDKResponse<T>>;
  /** Opens the event stream; resolves when it is open (or after `openTimeoutMs`, whichever first). */
  connect(onEvent: (event: PushedEvent) => void, openTimeoutMs: number): Promise<void>;
  close(): void;
}

const errorResponse = (message: string): CommonSDKResponse<never> => ({ status: 'error', errorMsg: message, errMsg: message });

export function createTransport(baseUrl: string, pageKey: string): Transport {
  let source: EventSource | undefined;
  let lastSeq = 0;

  return {
    async rpc<T>(method: SdkRpcMethod | DevRpcMethod, params?: unknown): Promise<CommonSDKResponse<T>> {
      try {
        const response = await fetch(`${baseUrl}${RPC_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ key: pageKey, method, params: params ?? {} }),
        });
        const body = (await response.json().catch(() => null)) as (CommonSDKResponse<T> & { message?: string }) | null;
        if (response.ok && body && (body.status === 'success' || body.status === 'error')) return body;
        return errorResponse(body?.message ?? `The call center answered HTTP ${response.status}`);
      } catch {
        return errorResponse('Network error: the call center could not be reached');
      }
    },

    connect(onEvent, openTimeoutMs) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, openTimeoutMs);
        source = new EventSource(`${baseUrl}${EVENTS_PATH}?key=${encodeURIComponent(pageKey)}`);
        source.addEventListener('open', () => {
          clearTimeout(timer);
          resolve();
        });
        source.addEventListener('message', (message: MessageEvent<string>) => {
          let event: PushedEvent;
          try {
            event = JSON.parse(message.data) as PushedEvent;
          } catch {
            return;
          }
          if (event.seq <= lastSeq) return; // never deliver one event twice
          lastSeq = event.seq;
          onEvent(event);
        });
      });
    },

    close() {
      source?.close();
      source = undefined;
    },
  };
}
