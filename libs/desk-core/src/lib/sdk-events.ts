/**
 * The SDK's callbacks as one observable. Each documented event is wrapped with
 * `fromEventPattern(add, remove)`: subscribing calls `tccc.on`, unsubscribing calls `tccc.off`
 * with the same handler, so tearing the subscription down leaves no listener behind.
 */
import { fromEventPattern, map, merge, type Observable } from 'rxjs';
import { TCCC_EVENT_NAMES, eventPayload, type TcccEventName, type TcccGlobal, type TcccListener } from '@tccc-desk/tccc-sdk';
import type { DeskEvent } from './desk.types';

export interface SdkEventOptions {
  /** ms since epoch, stamped on each event. */
  clock: () => number;
  /** `tccc.on` threw for one event: that event is not heard (the others still are). */
  onListenError?: (name: TcccEventName, error: unknown) => void;
}

export function sdkEvents(tccc: TcccGlobal, options: SdkEventOptions): Observable<DeskEvent> {
  return merge(...TCCC_EVENT_NAMES.map((name) => sdkEvent(tccc, name, options)));
}

function sdkEvent<K extends TcccEventName>(tccc: TcccGlobal, name: K, { clock, onListenError }: SdkEventOptions): Observable<DeskEvent> {
  // The SDK's own spelling of the event, when it provides one.
  const sdkName = (tccc.events?.[name] ?? name) as K;
  return fromEventPattern<unknown>(
    (handler) => {
      try {
        tccc.on(sdkName, handler as TcccListener<K>);
      } catch (error) {
        // `tccc.on` refused this event: it is not heard (the others still are).
        onListenError?.(name, error);
      }
    },
    (handler) => {
      try {
        tccc.off?.(sdkName, handler as TcccListener<K>); // undocumented: without it, the closed subscriber ignores the calls
      } catch {
        // A failing `off` must not stop the teardown of the other listeners.
      }
    },
  ).pipe(
  ).pipe(map((response) => ({ name, payload: eventPayload(response as never), at: clock() }) as DeskEvent));
}
