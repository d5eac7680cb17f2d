import * as deskActions from '../src/lib/actions';
import * as commandActions from '../src/lib/command-actions';
import type { DeskAction } from '../src/lib/actions';
import { createStore } from '../src/lib/store';
import type { DeskErrorInfo, DeskState } from '../src/index';
import { createFakeSdk } from './fake-sdk';
import { phoneCallIn } from './helpers';

const A = { ...deskActions, ...commandActions };

describe('store', () => {
  it('queues an action dispatched while subscribers are being notified, so everyone sees states in order', () => {
    const store = createStore({ clock: () => 1, historySize: 5 });
    const sdk = createFakeSdk();
    store.attach(sdk.tccc);
    // The first subscriber reacts to a ringing call by dispatching, from inside its callback.
    store.state$.subscribe((state) => {
      if (state.sessionOrder.length === 1 && !state.agent.online) store.dispatch(A.online(true));
    });
    const seen: string[] = [];
    store.state$.subscribe((state: DeskState) => seen.push(`${state.sessionOrder.length}/${state.agent.online}`));
    sdk.emit('callIn', phoneCallIn('i1'));
    expect(seen).toEqual(['0/false', '1/false', '1/true']);
    store.destroy();
  });

  it('a reducer failure keeps the state, reports it, and does not stop the store', () => {
    const store = createStore({ clock: () => 1, historySize: 5 });
    const errors: DeskErrorInfo[] = [];
    store.errors$.subscribe((e) => errors.push(e));
    const before = store.state;
    store.dispatch({ type: 'sdk/event', event: undefined } as unknown as DeskAction);
    expect(store.state).toBe(before);
    expect(errors).toEqual([{ code: 'unexpected_event', message: 'The desk could not apply "sdk/event"; its state is unchanged.', retryable: false }]);
    store.dispatch(A.online(true));
    expect(store.state.agent.online).toBe(true);
    store.destroy();
  });

  it('attach(null) and attaching another SDK move every listener; a failing tccc.on is reported, not fatal', () => {
    const store = createStore({ clock: () => 1, historySize: 5 });
    const first = createFakeSdk();
    const second = createFakeSdk();
    store.attach(first.tccc);
    expect(first.listenerCount()).toBe(11);
    store.attach(second.tccc);
    expect([first.listenerCount(), second.listenerCount()]).toEqual([0, 11]);
    store.attach(null);
    expect(second.listenerCount()).toBe(0);

    const errors: string[] = [];
    store.errors$.subscribe((e) => errors.push(e.message));
    const picky = createFakeSdk();
    const on = picky.tccc.on.bind(picky.tccc);
    picky.tccc.on = ((name: string, listener: never) => {
      if (name === 'transfer') throw new Error('no');
      on(name as never, listener);
    }) as typeof picky.tccc.on;
    store.attach(picky.tccc);
    expect(picky.listenerCount()).toBe(10);
    expect(errors).toEqual(['The SDK refused a listener for "transfer": that event is not heard.']);
    picky.emit('callIn', phoneCallIn('i1'));
    expect(store.state.sessionOrder).toEqual(['i1']);
    store.destroy();
    expect(picky.listenerCount()).toBe(0);
  });
});
