import { createReducer } from '../src/lib/reducer';
import { BehaviorSubject, Observable, distinctUntilChanged, map, shareReplay } from 'rxjs';
import { createSessionsSelector, selectActiveSession, sharedView } from '../src/lib/selectors';
import { initialState } from '../src/lib/state';
import * as deskActions from '../src/lib/actions';
import * as commandActions from '../src/lib/command-actions';
import { ev, phoneCallIn } from './helpers';

const A = { ...deskActions, ...commandActions };

describe('selectors', () => {
  const reducer = createReducer();

  it('sessions: the same array while no live session changed', () => {
    const select = createSessionsSelector();
    const ringing = reducer(initialState(), ev('callIn', phoneCallIn('i1')));
    const list = select(ringing);
    expect(list.map((s) => s.id)).toEqual(['i1']);
    const busy = reducer(ringing, ev('statusChanged', { status: 'busy' }));
    expect(select(busy)).toBe(list);
    const talking = reducer(busy, ev('userAccessed', { sessionId: 'i1' }));
    expect(select(talking)).not.toBe(list);
    expect(select(talking)[0].status).toBe('talking');
  });

  it('activeSession: the live session object, or null', () => {
    const ringing = reducer(initialState(), ev('callIn', phoneCallIn('i1')));
    expect(selectActiveSession(initialState())).toBeNull();
    expect(selectActiveSession(ringing)).toBe(ringing.sessions['i1']);
    const muted = reducer(reducer(ringing, ev('userAccessed', { sessionId: 'i1' })), A.muted('i1', true));
    expect(selectActiveSession(muted)?.muted).toBe(true);
  });
});

describe('sharedView', () => {
  // The chain it stands for, run side by side on the same source and subscribers.
  const reference = <S, T>(source: Observable<S>, project: (value: S) => T) =>
    source.pipe(map(project), distinctUntilChanged(), shareReplay({ bufferSize: 1, refCount: true }));

  function script(make: (source: Observable<number>) => Observable<string>): { log: string[]; sourceSubscriptions: number } {
    const source = new BehaviorSubject(1);
    let sourceSubscriptions = 0;
    const counted = new Observable<number>((subscriber) => {
      sourceSubscriptions++;
      return source.subscribe(subscriber);
    });
    const view = make(counted);
    const log: string[] = [];
    const watch = (name: string) =>
      view.subscribe({ next: (v) => log.push(`${name}:${v}`), error: () => log.push(`${name}:error`), complete: () => log.push(`${name}:done`) });
    const a = watch('a');
    source.next(1); // the same projection: not emitted
    source.next(2);
    const b = watch('b'); // replayed
    source.next(3);
    a.unsubscribe();
    source.next(4);
    b.unsubscribe(); // refCount 0: reset
    source.next(5);
    const c = watch('c'); // starts afresh from the source's replay
    // A subscriber leaving during a delivery, another joining then.
    const d = view.subscribe((v) => {
      log.push(`d:${v}`);
      if (v === '6') {
        d.unsubscribe();
        watch('e');
      }
    });
    source.next(6);
    source.next(7);
    source.complete();
    watch('late'); // after completion: the latest value, then complete
    c.unsubscribe();
    return { log, sourceSubscriptions };
  }

  it('behaves as map → distinctUntilChanged → shareReplay({ bufferSize: 1, refCount: true })', () => {
    const project = (n: number) => String(Math.min(n, 7));
    const ours = script((source) => sharedView(source, project));
    expect(ours).toEqual(script((source) => reference(source, project)));
    expect(ours.sourceSubscriptions).toBe(2);
    expect(ours.log.join(' ')).toBe('a:1 a:2 b:2 a:3 b:3 b:4 c:5 d:5 c:6 d:6 e:6 c:7 e:7 c:done e:done late:7 late:done');
  });

  it('passes a source error on and starts afresh for the next subscriber', () => {
    const run = (make: (source: Observable<number>) => Observable<number>) => {
      let calls = 0;
      const source = new Observable<number>((subscriber) => {
        calls++;
        subscriber.next(calls);
        if (calls === 1) subscriber.error(new Error('boom'));
      });
      const view = make(source);
      const log: string[] = [];
      view.subscribe({ next: (v) => log.push(`a:${v}`), error: () => log.push('a:error') });
      view.subscribe({ next: (v) => log.push(`b:${v}`), error: () => log.push('b:error') });
      return { log, calls };
    };
    const ours = run((source) => sharedView(source, (n) => n * 10));
    expect(ours).toEqual(run((source) => reference(source, (n: number) => n * 10)));
    expect(ours.log).toEqual(['a:10', 'a:error', 'b:20']);
  });
});
