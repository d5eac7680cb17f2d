/**
 * The SDK's callbacks as one observable: subscribing calls `tccc.on` for each documented event,
 * unsubscribing calls `tccc.off` with the same handler, so tearing the subscription down leaves
 * no listener behind. One observable with one handler per event rather than a merge of
 * `fromEventPattern`s: every event would otherwise pass four operators before the store.
 */
import { Observable } from 'rxjs';
import { TCCC_EVENT_NAMES, eventPayload, type TcccEventName, type TcccGlobal, type TcccListener } from '@tccc-desk/tccc-sdk';
import type { DeskEvent } from './desk.types';

export interface SdkEventOptions {
  /** ms since epoch, stamped on each event. */
  clock: () => number;
  /** `tccc.on` threw for one event: that event is not heard (the others still are). */
  onListenError?: (name: TcccEventName, error: unknown) => void;
}

export function sdkEvents(tccc: TcccGlobal, { clock, onListenError }: SdkEventOptions): Observable<DeskEvent> {
  return new Observable<DeskEvent>((subscriber) => {
    const heard: Array<[TcccEventName, TcccListener<TcccEventName>]> = [];
    for (const name of TCCC_EVENT_NAMES) {
      // The SDK's own spelling of the event, when it provides one.
      const sdkName = (tccc.events?.[name] ?? name) as TcccEventName;
      const handler = ((response: unknown) => {
        if (!subscriber.closed) subscriber.next({ name, payload: eventPayload(response as never), at: clock() } as DeskEvent);
      }) as TcccListener<TcccEventName>;
      try {
        tccc.on(sdkName, handler);
        heard.push([sdkName, handler]);
      } catch (error) {
        onListenError?.(name, error);
      }
    }
    return () => {
      for (const [sdkName, handler] of heard) {
        try {
          tccc.off?.(sdkName, handler); // undocumented: without it, the closed subscriber ignores the calls
        } catch {
          // A failing `off` must not stop the teardown of the other listeners.
        }
      }
    };
  });
}
