/**
 * The desk's single source of truth. Dispatched actions and the attached SDK's events are
 * serialised and folded by the one reducer; the result is held in a BehaviorSubject that only
 * this store writes. The store listens to the SDK for its whole life (not ref-counted, so no
 * subscriber coming or going restarts it or loses state) and stops in `destroy()`, which also
 * removes every SDK listener.
 */
import { BehaviorSubject, Subject, type Observable, type Subscription } from 'rxjs';
import type { TcccGlobal } from '@tccc-desk/tccc-sdk';
import { expiredOffer, sdkEvent, type DeskAction } from './actions';
import type { DeskErrorInfo, DeskEvent, DeskState } from './desk.types';
import { createReducer } from './reducer';
import { sessionIdOf } from './payload-readers';
import { sdkEvents } from './sdk-events';
import { createOfferExpiry } from './offer-expiry';
import { initialState, liveSession } from './state';

export interface StoreOptions {
  clock: () => number;
  historySize: number;
}

export interface DeskStore {
  /** Replays the latest state; emits only on change. */
  readonly state$: Observable<DeskState>;
  /** Every SDK event, after the state has taken it in; hot, no replay. */
  readonly events$: Observable<DeskEvent>;
  /** Hot: lifecycle failures, SDK command failures, unexpected events. */
  readonly errors$: Observable<DeskErrorInfo>;
  readonly state: DeskState;
  dispatch(action: DeskAction): void;
  reportError(error: DeskErrorInfo): void;
  /** Listen to this SDK instance (replacing any other); `null` removes the listeners. */
  attach(tccc: TcccGlobal | null): void;
  /** Remove every SDK listener, complete every stream. Idempotent. */
  destroy(): void;
}

export function createStore(options: StoreOptions): DeskStore {
  const reducer = createReducer({ historySize: options.historySize });
  const state = new BehaviorSubject<DeskState>(initialState());
  const events = new Subject<DeskEvent>();
  const errors = new Subject<DeskErrorInfo>();
  let attached: TcccGlobal | null = null;
  let listening: Subscription | null = null;
  let destroyed = false;
  // A ringing offer the platform says nothing about leaves the live list after its timeout.
  const offers = createOfferExpiry(options.clock, (id, at) => {
    if (!destroyed) deliver(expiredOffer(id, at));
  });
  const watchOffer = (action: DeskAction, next: DeskState): void => {
    if (action.type !== 'sdk/event') return;
    const id = sessionIdOf(action.event.payload);
    if (id !== undefined) offers.track(id, liveSession(next, id));
  };

  const reportError = (error: DeskErrorInfo): void => {
    if (!destroyed) errors.next(error);
  };

  const listen = (tccc: TcccGlobal): Subscription =>
    sdkEvents(tccc, {
      clock: options.clock,
      onListenError: (name) =>
        reportError({ code: 'sdk_error', message: `The SDK refused a listener for "${name}": that event is not heard.`, retryable: false }),
    }).subscribe((event) => deliver(sdkEvent(event)));

  // Dispatched actions and SDK events go straight to the fold (no merge/switchMap/map chain:
  // five subscribers per event). An action that arrives while the previous one is still being
  // delivered (a subscriber that dispatches from its callback) waits in this queue and is folded
  // right after, so every subscriber sees the states in order.
  const queue: DeskAction[] = [];
  let delivering = false;
  function deliver(action: DeskAction): void {
    if (delivering) {
      queue.push(action);
      return;
    }
    delivering = true;
    try {
      fold(action);
      while (queue.length > 0 && !destroyed) fold(queue.shift() as DeskAction);
    } finally {
      delivering = false;
      queue.length = 0;
    }
  }

  // The fold: the reducer is the only writer of `state`.
  function fold(action: DeskAction): void {
    const previous = state.value;
    let next = previous;
    try {
      next = reducer(previous, action);
    } catch {
      // The reducer is total by design (property-tested); this is the belt to its braces, so a
      // bug in it can never stop the store: the action is dropped, the state kept, the failure
      // reported (an SDK event still reaches events$).
      reportError({ code: 'unexpected_event', message: `The desk could not apply "${action.type}"; its state is unchanged.`, retryable: false });
    }
    if (next !== previous) state.next(next);
    if (next !== previous) watchOffer(action, next);
    if (action.type !== 'sdk/event') return;
    if (next.lifecycle !== previous.lifecycle && next.lifecycle.status === 'error') {
      reportError(next.lifecycle.error); // e.g. tokenExpired once ready
    }
    events.next(action.event);
    const diagnostics = next.diagnostics;
    if (diagnostics.unexpectedEvents !== previous.diagnostics.unexpectedEvents && diagnostics.lastUnexpected) {
      const { event, sessionId, reason } = diagnostics.lastUnexpected;
      reportError({
        code: 'unexpected_event',
        message: `Unexpected SDK event "${event}"${sessionId === undefined ? '' : ` (session ${sessionId})`}: ${reason}.`,
        retryable: false,
      });
    }
  }

  return {
    state$: state.asObservable(),
    events$: events.asObservable(),
    errors$: errors.asObservable(),
    get state() {
      return state.value;
    },
    dispatch(action) {
      if (!destroyed) deliver(action);
    },
    reportError,
    attach(tccc) {
      if (destroyed || attached === tccc) return;
      attached = tccc;
      listening?.unsubscribe(); // tccc.off for every listener of the previous SDK
      listening = null;
      if (tccc) listening = listen(tccc);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      offers.stop();
      // tccc.off for every listener; the fold takes nothing more (dispatch checks `destroyed`).
      listening?.unsubscribe();
      listening = null;
      attached = null;
      events.complete();
      errors.complete();
      state.complete();
    },
  };
}
