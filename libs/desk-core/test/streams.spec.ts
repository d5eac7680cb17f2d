// Marble tests of the desk's streams. The fake SDK's events are Subjects fed from `hot` marbles,
// and its `on`/`off` log each listener's subscription in scheduler frames, so `expectSubscriptions`
// shows exactly when the desk added and removed its SDK listeners.
//
// connect() is a promise chain, so the desk connects before `run()` (at frame 0, where virtual
// time starts); everything after that happens inside `run()`.
import { map, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { createDesk, type Desk, type DeskSession, type DeskState } from '../src/index';
import { createSelectors } from '../src/lib/selectors';
import { sdkEvents } from '../src/lib/sdk-events';
import { initialState } from '../src/lib/state';
import { createReducer } from '../src/lib/reducer';
import { createFakeLoader, createFakeLogin, createFakeSdk, type FakeSdk } from './fake-sdk';
import { ev, phoneCallIn } from './helpers';

let scheduler: TestScheduler;

beforeEach(() => {
  scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
});

async function connectedDesk(): Promise<{ desk: Desk; sdk: FakeSdk }> {
  const sdk = createFakeSdk({ now: () => scheduler.now() });
  const desk = createDesk({ login: createFakeLogin(), loader: createFakeLoader(sdk), clock: () => scheduler.now() });
  await desk.connect();
  return { desk, sdk };
}

const brief = (sessions: readonly DeskSession[]): string => sessions.map((s) => `${s.id}:${s.status}`).join(',') || 'none';
const briefs = (sessions$: Observable<readonly DeskSession[]>) => sessions$.pipe(map(brief));

describe('desk streams (marbles)', () => {
  it('agent$ replays, emits on change only; the SDK listener lives until destroy, not until the last subscriber leaves', async () => {
    const { desk, sdk } = await connectedDesk();
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      sdk.drive('statusChanged', hot('--a--a-b---c', { a: { status: 'busy' }, b: { status: 'arrange' }, c: { status: 'free' } }));
      scheduler.schedule(() => desk.destroy(), 10);

      const unknown = { status: 'unknown', online: true }; // signed in once ready
      const busy = { status: 'busy', online: true };
      const arrange = { status: 'arrange', online: true };
      // The same status twice is no change: no emission at frame 5.
      expectObservable(desk.agent$, '^----!').toBe('u-a--', { u: unknown, a: busy });
      // The selector lost its last subscriber at 5; the store kept listening: a late subscriber
      // gets the current agent, not a stale or restarted one.
      expectObservable(desk.agent$, '--------^').toBe('--------b-|', { b: arrange });
      expectObservable(desk.lifecycle$.pipe(map((l) => l.status))).toBe('r---------|', { r: 'ready' });
      // Subscribed at connect (frame 0), removed by destroy (frame 10): tccc.off was called.
      expectSubscriptions(sdk.subscriptions('statusChanged')).toBe('^---------!');
      expectSubscriptions(sdk.subscriptions('callIn')).toBe('^---------!');
    });
    expect(sdk.listenerCount()).toBe(0);
  });

  it('sessions$, activeSession$ and history$ follow an inbound call', async () => {
    const { desk, sdk } = await connectedDesk();
    scheduler.run(({ hot, expectObservable }) => {
      sdk.drive('callIn', hot('--a', { a: phoneCallIn('i1') }));
      sdk.drive('userAccessed', hot('----a', { a: { sessionId: 'i1' } }));
      sdk.drive('sessionEnded', hot('------a', { a: { data: { sessionId: 'i1', closeBy: 'client' } } }));
      scheduler.schedule(() => desk.destroy(), 8);

      expectObservable(briefs(desk.sessions$)).toBe('n-r-t-n-|', { n: 'none', r: 'i1:ringing', t: 'i1:talking' });
      expectObservable(desk.activeSession$.pipe(map((s) => (s ? `${s.id}:${s.status}` : 'none')))).toBe('n-r-t-n-|', {
        n: 'none',
        r: 'i1:ringing',
        t: 'i1:talking',
      });
      expectObservable(briefs(desk.history$)).toBe('n-----e-|', { n: 'none', e: 'i1:ended' });
    });
  });

  it('events$ is hot (no replay) and carries unwrapped payloads; errors$ reports unexpected events', async () => {
    const { desk, sdk } = await connectedDesk();
    scheduler.run(({ hot, expectObservable }) => {
      sdk.drive('callIn', hot('-a-b', { a: phoneCallIn('i1'), b: { data: phoneCallIn('i2') } }));
      sdk.drive('autoTransfer', hot('-----g', { g: { sessionId: 'ghost' } }));
      scheduler.schedule(() => desk.destroy(), 7);

      const events = desk.events$.pipe(map((e) => `${e.name}@${e.at}:${(e.payload as { sessionId: string }).sessionId}`));
      // Subscribed at 2: the callIn at frame 1 is not replayed.
      expectObservable(events, '--^').toBe('---b-g-|', { b: 'callIn@3:i2', g: 'autoTransfer@5:ghost' });
      expectObservable(desk.errors$.pipe(map((e) => `${e.code}:${e.message}`))).toBe('-----u-|', {
        u: 'unexpected_event:Unexpected SDK event "autoTransfer" (session ghost): autoTransfer for an unknown session.',
      });
    });
  });

  it('state$ replays the latest state and completes at destroy', async () => {
    const { desk, sdk } = await connectedDesk();
    scheduler.run(({ hot, expectObservable }) => {
      sdk.drive('statusChanged', hot('-a', { a: { status: 'rest' } }));
      scheduler.schedule(() => desk.destroy(), 3);
      expectObservable(desk.state$.pipe(map((s: DeskState) => s.agent.status))).toBe('ua-|', { u: 'unknown', a: 'rest' });
    });
  });

  it('sdkEvents: unsubscribing removes every SDK listener (fromEventPattern → tccc.off)', () => {
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const sdk = createFakeSdk({ now: () => scheduler.now() });
      sdk.drive('calloutAccepted', hot('--a--a', { a: { sessionId: 'o1' } }));
      const names = sdkEvents(sdk.tccc, { clock: () => scheduler.now() }).pipe(map((e) => e.name));
      expectObservable(names, '^---!').toBe('--c-', { c: 'calloutAccepted' });
      expectSubscriptions(sdk.subscriptions('calloutAccepted')).toBe('^---!');
      expectSubscriptions(sdk.subscriptions('sessionEnded')).toBe('^---!');
    });
  });

  it('selectors share one upstream subscription and drop it when their last subscriber leaves', () => {
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const reducer = createReducer();
      const s0 = initialState();
      const s1 = reducer(s0, ev('statusChanged', { status: 'busy' }));
      const s2 = reducer(s1, ev('callIn', phoneCallIn('i1')));
      const state$ = hot('a-b--c---', { a: s0, b: s1, c: s2 });
      const { agent$, sessions$ } = createSelectors(state$);

      expectObservable(agent$, '^--!').toBe('a-b', { a: s0.agent, b: s1.agent });
      // A late subscriber first gets the replayed latest value.
      expectObservable(agent$, '-^-----!').toBe('-ab----', { a: s0.agent, b: s1.agent });
      expectObservable(briefs(sessions$), '----^--!').toBe('-----r-', { r: 'i1:ringing' });
      // agent$: one subscription from 0 to 7 shared by both subscribers; sessions$: 4 to 7.
      expectSubscriptions(state$.subscriptions).toBe(['^------!', '----^--!']);
    });
  });
});
