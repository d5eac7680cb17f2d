/**
 * The desk's single source of truth. Dispatched actions and the attached SDK's events are merged,
 * serialised, and folded by the one reducer; the result is held in a BehaviorSubject
 * that only this store writes. The store owns that subscription for its whole life (it is not
 * ref-counted, so no subscriber coming or going restarts it or loses state) and ends it in
 * `destroy()`, which also removes every SDK listener.
 */
import {
  BehaviorSubject,
  EMPTY,
  Subject,
  map,
  merge,
  switchMap,
  type Observable,
  type Subscription,
} from 'rxjs';
import type { TcccGlobal } from '@tccc-desk/tccc-sdk';
import { expiredOffer, sdkEvent, type DeskAction } from './actions';
import type { DeskErrorInfo, DeskEvent, DeskState } from './desk.types';
import { createReducer } from './reducer';
import { sessionIdOf } from './payload-readers';
import { sdkEvents } from './sdk-events';
import { inOrder } from './in-order';
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
  const actions = new Subject<DeskAction>();
  const sdk = new BehaviorSubject<TcccGlobal | null>(null);
  let destroyed = false;
  // A ringing offer the platform says nothing about leaves the live list after its timeout.
  const offers = createOfferExpiry(options.clock, (id, at) => {
    if (!destroyed) actions.next(expiredOffer(id, at));
  });
  const watchOffer = (action: DeskAction, next: DeskState): void => {
    if (action.type !== 'sdk/event') return;
    const id = sessionIdOf(action.event.payload);
    if (id !== undefined) offers.track(id, liveSession(next, id));
  };

  const reportError = (error: DeskErrorInfo): void => {
    if (!destroyed) errors.next(error);
  };

  const sdkActions$ = sdk.pipe(
    switchMap((tccc) =>
      tccc
        ? sdkEvents(tccc, {
            clock: options.clock,
            onListenError: (name) =>
              reportError({ code: 'sdk_error', message: `The SDK refused a listener for "${name}": that event is not heard.`, retryable: false }),
          })
        : EMPTY,
    ),
    map(sdkEvent),
  );

  // The fold: the reducer is the only writer of `state` (a plain loop, not `scan`, so an event
  // costs one function call here and no step object).
  const subscription: Subscription = merge(actions, sdkActions$)
    .pipe(
      // A subscriber that dispatches while being notified (e.g. connect() from a lifecycle$
      // callback) is queued, so every subscriber sees the states in order.
      inOrder(),
    )
    .subscribe((action) => {
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
    });

  return {
    state$: state.asObservable(),
    events$: events.asObservable(),
    errors$: errors.asObservable(),
    get state() {
      return state.value;
    },
    dispatch(action) {
      if (!destroyed) actions.next(action);
    },
    reportError,
    attach(tccc) {
      if (!destroyed && sdk.value !== tccc) sdk.next(tccc);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      offers.stop();
      // Ends the SDK subscriptions (tccc.off for every listener) and the fold.
      subscription.unsubscribe();
      sdk.complete();
      actions.complete();
      events.complete();
      errors.complete();
      state.complete();
    },
  };
}
