import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import type { Desk } from 'tccc_remote/desk';
import { loginUnderway } from './login-underway';

type Lifecycle = Desk['lifecycle$'] extends Observable<infer L> ? L : never;
type TabInfo = Desk['tab$'] extends Observable<infer T> ? T : never;

function fakeDesk(lifecycle: Lifecycle, role: TabInfo['role']) {
  const lifecycle$ = new BehaviorSubject<Lifecycle>(lifecycle);
  const tab$ = new BehaviorSubject<TabInfo>({ role });
  return { lifecycle$, tab$ };
}

/** Whether the promise settled within `ms` of fake time. */
async function settledWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await jest.advanceTimersByTimeAsync(ms);
  return settled;
}

describe('loginUnderway', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('waits while the desk is idle (the tab lock not granted yet), then resolves a task after it leaves idle', async () => {
    const desk = fakeDesk({ status: 'idle' }, 'leader');
    const underway = loginUnderway(desk);
    expect(await settledWithin(underway, 1000)).toBe(false);
    desk.lifecycle$.next({ status: 'authenticating' });
    expect(await settledWithin(underway, 0)).toBe(true);
    // Nothing is left listening to the desk.
    expect(desk.lifecycle$.observed).toBe(false);
    expect(desk.tab$.observed).toBe(false);
  });

  it('resolves for a desk already past idle (the replayed value arrives inside subscribe)', async () => {
    const desk = fakeDesk({ status: 'ready', readyAt: 1 }, 'leader');
    expect(await settledWithin(loginUnderway(desk), 0)).toBe(true);
    expect(desk.lifecycle$.observed).toBe(false);
    expect(desk.tab$.observed).toBe(false);
  });

  it('resolves when another tab owns the desk: a follower never logs in', async () => {
    const desk = fakeDesk({ status: 'idle' }, 'alone');
    const underway = loginUnderway(desk);
    expect(await settledWithin(underway, 10)).toBe(false);
    desk.tab$.next({ role: 'follower' });
    expect(await settledWithin(underway, 0)).toBe(true);
  });

  it('resolves when a stream fails or completes, instead of holding the shell', async () => {
    const failing = { lifecycle$: new Subject<Lifecycle>(), tab$: new Subject<TabInfo>() };
    const underway = loginUnderway(failing);
    failing.lifecycle$.error(new Error('desk destroyed'));
    expect(await settledWithin(underway, 0)).toBe(true);

    const completing = { lifecycle$: new Subject<Lifecycle>(), tab$: new Subject<TabInfo>() };
    const done = loginUnderway(completing);
    completing.tab$.complete();
    expect(await settledWithin(done, 0)).toBe(true);
  });
});
