import { createReducer } from '../src/lib/reducer';
import { createSessionsSelector, selectActiveSession } from '../src/lib/selectors';
import { initialState } from '../src/lib/state';
import * as A from '../src/lib/actions';
import { ev, phoneCallIn } from './helpers';

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
