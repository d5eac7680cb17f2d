// A stand-in for the vendor SDK: the documented `tccc` global. Each event is a Subject, so `on`
// subscribes the listener and `off` unsubscribes it; every subscription is logged with the time
// it started and ended (frames of a TestScheduler when one is given), in the shape that
// `expectSubscriptions` compares. Commands are recorded and answer `{ status: 'success' }` unless
// told otherwise. No jest here: the benchmark uses it too.
import { Subject, type Observable, type Subscription } from 'rxjs';
import { TCCC_EVENT_NAMES, type TcccEventName, type TcccEvents, type TcccGlobal } from '@tccc-desk/tccc-sdk';
import type { LoginResult, SdkLoader } from '../src/index';

type AnyListener = (payload: unknown) => void;
type Handler = (...args: unknown[]) => unknown;

export interface SubscriptionLogLike {
  subscribedFrame: number;
  unsubscribedFrame: number;
}

export interface FakeSdk {
  readonly tccc: TcccGlobal;
  /** Fire an event synchronously to every listener. */
  emit(name: string, payload?: unknown): void;
  /** Feed an event from an observable (e.g. a marble `hot`). */
  drive(name: TcccEventName, source: Observable<unknown>): Subscription;
  listenerCount(name?: string): number;
  subscriptions(name: TcccEventName): SubscriptionLogLike[];
  /** Every command call, as `Namespace.method` and its arguments. */
  readonly calls: Array<{ method: string; args: unknown[] }>;
  /** Answer `Namespace.method` with this (a value, or a function of the arguments). */
  answer(method: string, handler: Handler): void;
}

const METHODS: Record<string, string[]> = {
  Call: ['startOutboundCall', 'accept', 'hungUp', 'deleteCall', 'muteMic', 'unmuteMic', 'isMicMuted', 'startInternalCall', 'transfer', 'hold', 'unHold', 'sendDigits'],
  Chat: ['accept', 'end', 'transfer'],
  Video: ['accept', 'end', 'muteMic', 'unmuteMic', 'muteVideo', 'unmuteVideo', 'transfer'],
  Agent: ['online', 'offline', 'setStatus'],
  Devices: ['isBrowserSupported', 'getMicrophones', 'getSpeakers'],
  UI: ['show', 'hide'],
};

const DEFAULTS: Record<string, Handler> = {
  'Call.startOutboundCall': () => Promise.resolve({ status: 'success', data: { sessionId: 'out-1', calleePhoneNumber: '075586888888' } }),
  'Call.startInternalCall': () => Promise.resolve({ status: 'success', data: { sessionId: 'int-1' } }),
  'Call.isMicMuted': () => Promise.resolve({ status: 'success', data: false }),
  'Agent.online': () => undefined,
  'Agent.offline': () => undefined,
  'UI.show': () => undefined,
  'UI.hide': () => undefined,
  'Devices.isBrowserSupported': () => true,
  'Devices.getMicrophones': () => Promise.resolve([{ kind: 'audioinput', deviceId: 'mic' }]),
  'Devices.getSpeakers': () => Promise.resolve([{ kind: 'audiooutput', deviceId: 'spk' }]),
};

export function createFakeSdk(options: { now?: () => number } = {}): FakeSdk {
  const now = options.now ?? (() => 0);
  const subjects = new Map<string, Subject<unknown>>();
  const active = new Map<string, Map<AnyListener, { subscription: Subscription; log: SubscriptionLogLike }>>();
  const logs = new Map<string, SubscriptionLogLike[]>();
  const handlers = new Map<string, Handler>();
  const calls: FakeSdk['calls'] = [];

  // Created on first ask, so `expectSubscriptions` can hold the array before any `on`.
  const logsOf = (name: string): SubscriptionLogLike[] => {
    let list = logs.get(name);
    if (!list) logs.set(name, (list = []));
    return list;
  };

  const subject = (name: string): Subject<unknown> => {
    let s = subjects.get(name);
    if (!s) subjects.set(name, (s = new Subject<unknown>()));
    return s;
  };

  const namespaces = Object.fromEntries(
    Object.entries(METHODS).map(([ns, methods]) => [
      ns,
      Object.fromEntries(
        methods.map((method) => {
          const key = `${ns}.${method}`;
          return [
            method,
            (...args: unknown[]) => {
              calls.push({ method: key, args });
              const handler = handlers.get(key) ?? DEFAULTS[key] ?? (() => Promise.resolve({ status: 'success' }));
              return handler(...args);
            },
          ];
        }),
      ),
    ]),
  );

  const tccc = {
    ...namespaces,
    events: Object.fromEntries(TCCC_EVENT_NAMES.map((name) => [name, name])) as unknown as TcccEvents,
    on(name: string, listener: AnyListener) {
      const byListener = active.get(name) ?? new Map();
      active.set(name, byListener);
      if (byListener.has(listener)) return;
      const log = { subscribedFrame: now(), unsubscribedFrame: Infinity };
      logsOf(name).push(log);
      byListener.set(listener, { subscription: subject(name).subscribe(listener), log });
    },
    off(name: string, listener: AnyListener) {
      const entry = active.get(name)?.get(listener);
      if (!entry) return;
      entry.subscription.unsubscribe();
      entry.log.unsubscribedFrame = now();
      active.get(name)?.delete(listener);
    },
  } as unknown as TcccGlobal;

  return {
    tccc,
    emit: (name, payload) => subject(name).next(payload),
    drive: (name, source) => source.subscribe((payload) => subject(name).next(payload)),
    listenerCount(name) {
      if (name !== undefined) return active.get(name)?.size ?? 0;
      let total = 0;
      for (const byListener of active.values()) total += byListener.size;
      return total;
    },
    subscriptions: logsOf,
    calls,
    answer: (method, handler) => handlers.set(method, handler),
  };
}

export interface FakeLoader extends SdkLoader {
  loads: number;
  teardowns: number;
  /** Make the next loads fail with this error (until cleared with undefined). */
  failWith: unknown;
}

/** A loader that resolves the fake's global (or fails as told). */
export function createFakeLoader(sdk: Pick<FakeSdk, 'tccc'>): FakeLoader {
  const loader: FakeLoader = {
    loads: 0,
    teardowns: 0,
    failWith: undefined,
    load() {
      loader.loads++;
      return loader.failWith === undefined ? Promise.resolve(sdk.tccc) : Promise.reject(loader.failWith);
    },
    teardown() {
      loader.teardowns++;
    },
  };
  return loader;
}

/** A login that hands out a fresh SdkURL per call and counts the calls. */
export function createFakeLogin(): (() => Promise<LoginResult>) & { calls: number } {
  const login = Object.assign(
    () => {
      login.calls++;
      return Promise.resolve({ sdkUrl: `https://sdk.example.test/tccc.js?token=one-time-token-${login.calls}` });
    },
    { calls: 0 },
  );
  return login;
}
