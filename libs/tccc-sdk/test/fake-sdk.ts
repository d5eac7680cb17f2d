// A stand-in for the vendor SDK in jsdom: the documented `tccc` global with working on/off/events
// (listeners counted) and namespaces that the loader never calls.
import { TCCC_EVENT_NAMES, type TcccEventMap, type TcccEventName, type TcccEvents, type TcccGlobal } from '../src/index';

type AnyListener = (payload: unknown) => void;

export interface FakeTccc {
  readonly tccc: TcccGlobal;
  emit<K extends TcccEventName>(event: K, payload: TcccEventMap[K] | { data: TcccEventMap[K] }): void;
  /** Listeners currently registered, for one event or all. */
  listenerCount(event?: TcccEventName): number;
}

export interface FakeOptions {
  /** Fire `ready` synchronously from inside `tccc.on(ready, …)`, as an already-ready SDK might. */
  readyOnSubscribe?: boolean;
}

function unusedNamespace(name: string): never {
  return new Proxy(
    {},
    {
      get: (_target, member) => () => {
        throw new Error(`tccc.${name}.${String(member)} is not part of the loader tests`);
      },
    },
  ) as never;
}

export function createFakeTccc(options: FakeOptions = {}): FakeTccc {
  const listeners = new Map<string, Set<AnyListener>>();
  const events = Object.fromEntries(TCCC_EVENT_NAMES.map((name) => [name, name])) as unknown as TcccEvents;
  const tccc: TcccGlobal = {
    Call: unusedNamespace('Call'),
    Chat: unusedNamespace('Chat'),
    Video: unusedNamespace('Video'),
    Agent: unusedNamespace('Agent'),
    Devices: unusedNamespace('Devices'),
    UI: unusedNamespace('UI'),
    events,
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as AnyListener);
      if (options.readyOnSubscribe && event === 'ready') (listener as AnyListener)({});
    },
    off(event, listener) {
      listeners.get(event)?.delete(listener as AnyListener);
    },
  };
  return {
    tccc,
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
    },
    listenerCount(event) {
      if (event) return listeners.get(event)?.size ?? 0;
      let total = 0;
      for (const set of listeners.values()) total += set.size;
      return total;
    },
  };
}
