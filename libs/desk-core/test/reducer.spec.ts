import * as deskActions from '../src/lib/actions';
import * as commandActions from '../src/lib/command-actions';
import { createReducer } from '../src/lib/reducer';
import { initialState, liveSession } from '../src/lib/state';
import type { DeskState } from '../src/index';
import { ev, phoneCallIn, reduceAll } from './helpers';

const A = { ...deskActions, ...commandActions };

const live = (state: DeskState) => state.sessionOrder.map((id) => state.sessions[id]);

describe('reducer: outbound phone call', () => {
  it('dial → callOuted → calloutAccepted → sessionEnded', () => {
    const dialed = reduceAll([
      A.dialed({ phoneNumber: '075586888888', phoneDesc: 'Tencent' }, { sessionId: 'o1', calleeLocation: 'Shenzhen' }, 100),
    ]);
    expect(dialed.sessions['o1']).toMatchObject({
      id: 'o1',
      channel: 'phone',
      direction: 'outbound',
      status: 'dialing',
      muted: false,
      offeredAt: 100,
      peer: { displayName: 'Tencent', phoneNumber: '075586888888', location: 'Shenzhen' },
    });
    expect(dialed.activeSessionId).toBe('o1');

    const outed = reduceAll([ev('callOuted', { sessionId: 'o1', calleePhoneNumber: '075586888888', remark: 'r' }, 110)], 50, dialed);
    expect(outed.sessions['o1'].status).toBe('dialing');
    expect(outed.diagnostics.unexpectedEvents).toBe(0);

    const accepted = reduceAll([ev('calloutAccepted', { sessionId: 'o1' }, 120)], 50, outed);
    expect(accepted.sessions['o1']).toMatchObject({ status: 'talking', answeredAt: 120 });

    const endedState = reduceAll([ev('sessionEnded', { sessionId: 'o1', closeBy: 'client', mainReason: 'hung up' }, 130)], 50, accepted);
    expect(endedState.sessionOrder).toEqual([]);
    expect(endedState.sessions).toEqual({});
    expect(endedState.activeSessionId).toBeNull();
    expect(endedState.history[0]).toMatchObject({ id: 'o1', status: 'ended', endedAt: 130, closeBy: 'client', endReason: 'hung up' });
    expect(endedState.diagnostics).toMatchObject({ eventsSeen: 3, unexpectedEvents: 0 });
  });

  it('a callOuted that outruns the dial answer opens the session; the answer then only fills in', () => {
    const state = reduceAll([
      ev('callOuted', { sessionId: 'o1', calleePhoneNumber: '075586888888' }, 100),
      A.dialed({ phoneNumber: '075586888888', phoneDesc: 'Tencent' }, { sessionId: 'o1', calleeLocation: 'SZ' }, 105),
    ]);
    expect(state.sessionOrder).toEqual(['o1']);
    expect(state.sessions['o1']).toMatchObject({ status: 'dialing', offeredAt: 100, peer: { phoneNumber: '075586888888', location: 'SZ' } });
  });

  it('a dial answer for a session that already ended does not bring it back', () => {
    const state = reduceAll([
      ev('callOuted', { sessionId: 'o1' }),
      ev('sessionEnded', { sessionId: 'o1', closeBy: 'client' }),
      A.dialed({ phoneNumber: '075586888888' }, { sessionId: 'o1' }, 200),
    ]);
    expect(state.sessionOrder).toEqual([]);
    expect(state.history.map((s) => s.id)).toEqual(['o1']);
  });
});

describe('reducer: inbound', () => {
  it('callIn → userAccessed → sessionEnded keeps the payload details', () => {
    const ringing = reduceAll([ev('callIn', phoneCallIn('i1'), 100)]);
    expect(ringing.sessions['i1']).toEqual({
      id: 'i1',
      channel: 'phone',
      direction: 'inbound',
      status: 'ringing',
      muted: false,
      peer: { displayName: '13800138000', phoneNumber: '13800138000', location: 'Shenzhen' },
      offeredAt: 100,
      acceptTimeoutS: 30,
      ivrPath: [{ key: '1', label: 'Sales' }],
      raw: phoneCallIn('i1'),
    });
    const talking = reduceAll([ev('userAccessed', { sessionId: 'i1' }, 110)], 50, ringing);
    expect(talking.sessions['i1']).toMatchObject({ status: 'talking', answeredAt: 110 });
    const done = reduceAll([ev('sessionEnded', { sessionId: 'i1', closeBy: 'seat' }, 120)], 50, talking);
    expect(done.history[0]).toMatchObject({ id: 'i1', status: 'ended', offeredAt: 100, answeredAt: 110, endedAt: 120, closeBy: 'seat' });
  });

  it('autoTransfer moves a ringing session to history as transferred; a later sessionEnded adds the reason once', () => {
    const state = reduceAll([ev('callIn', phoneCallIn('i1'), 100), ev('autoTransfer', { sessionId: 'i1' }, 130)]);
    expect(state.sessionOrder).toEqual([]);
    expect(state.activeSessionId).toBeNull();
    expect(state.history[0]).toMatchObject({ id: 'i1', status: 'transferred', endedAt: 130 });

    const reported = reduceAll([ev('sessionEnded', { sessionId: 'i1', closeBy: 'timer', mainReason: 'no answer' })], 50, state);
    expect(reported.history[0]).toMatchObject({ status: 'transferred', closeBy: 'timer', endReason: 'no answer' });
    expect(reported.diagnostics.unexpectedEvents).toBe(0);

    const again = reduceAll([ev('sessionEnded', { sessionId: 'i1', closeBy: 'timer' })], 50, reported);
    expect(again.diagnostics.unexpectedEvents).toBe(1);
  });

  it('autoTransfer of a session already talking is out of order', () => {
    const state = reduceAll([ev('callIn', phoneCallIn('i1')), ev('userAccessed', { sessionId: 'i1' }), ev('autoTransfer', { sessionId: 'i1' })]);
    expect(state.sessions['i1'].status).toBe('talking');
    expect(state.diagnostics.unexpectedEvents).toBe(1);
  });

  it('the transfer event moves a live session to history with its target', () => {
    const state = reduceAll([
      ev('callIn', phoneCallIn('i1')),
      ev('userAccessed', { sessionId: 'i1' }),
      ev('transfer', { sessionId: 'i1', skillGroupId: 'sg-9' }, 150),
    ]);
    expect(state.sessionOrder).toEqual([]);
    expect(state.history[0]).toMatchObject({ status: 'transferred', transferredTo: { skillGroupId: 'sg-9' }, endedAt: 150 });
  });

  it('a contact offered again after a transfer is live again and leaves history', () => {
    const state = reduceAll([ev('callIn', phoneCallIn('i1')), ev('autoTransfer', { sessionId: 'i1' }), ev('callIn', phoneCallIn('i1'), 200)]);
    expect(state.sessionOrder).toEqual(['i1']);
    expect(state.history).toEqual([]);
    expect(state.sessions['i1']).toMatchObject({ status: 'ringing', offeredAt: 200 });
  });
});

describe('reducer: hold, mute', () => {
  const talking = () => reduceAll([ev('callIn', phoneCallIn('i1')), ev('userAccessed', { sessionId: 'i1' })]);

  it('hold and unhold results switch held ↔ talking', () => {
    const onHold = reduceAll([A.held('i1', true)], 50, talking());
    expect(onHold.sessions['i1'].status).toBe('held');
    expect(onHold.activeSessionId).toBe('i1');
    const back = reduceAll([A.held('i1', false)], 50, onHold);
    expect(back.sessions['i1'].status).toBe('talking');
  });

  it('hold of a ringing or unknown session changes nothing (same state)', () => {
    const ringing = reduceAll([ev('callIn', phoneCallIn('i1'))]);
    const reducer = createReducer({ historySize: 50 });
    expect(reducer(ringing, A.held('i1', true))).toBe(ringing);
    expect(reducer(ringing, A.held('nope', true))).toBe(ringing);
  });

  it('mute results set the flag; the same flag again is no change', () => {
    const reducer = createReducer({ historySize: 50 });
    const mutedState = reducer(talking(), A.muted('i1', true));
    expect(mutedState.sessions['i1'].muted).toBe(true);
    expect(reducer(mutedState, A.muted('i1', true))).toBe(mutedState);
    expect(reducer(mutedState, A.muted('i1', false)).sessions['i1'].muted).toBe(false);
  });
});

describe('reducer: channels', () => {
  it('internal calls, inbound and started by the agent, have direction internal', () => {
    const inbound = reduceAll([ev('callIn', { type: 'internal', sessionId: 'n1', timeout: 0, peerUserId: 'bob@corp' })]);
    expect(inbound.sessions['n1']).toMatchObject({ channel: 'internal', direction: 'internal', status: 'ringing', acceptTimeoutS: 0, peer: { userId: 'bob@corp', displayName: 'bob@corp' } });

    const started = reduceAll([A.internalStarted('n2', 'carol@corp', 10), ev('userAccessed', { sessionId: 'n2' }, 20)]);
    expect(started.sessions['n2']).toMatchObject({ channel: 'internal', direction: 'internal', status: 'talking', answeredAt: 20, peer: { userId: 'carol@corp' } });
  });

  it('im, voip and video callIns carry their peer details', () => {
    const state = reduceAll([
      ev('callIn', { type: 'im', sessionId: 'c1', timeout: 60, nickname: 'Ann', avatar: 'https://a/x.png', peerSource: 'wechat', channelName: 'web' }),
      ev('callIn', { type: 'voip', sessionId: 'v1', timeout: 60, callee: 'entry', userId: 'openid-1', nickname: 'Ben', ivrPath: [{ key: '2', label: 'Support' }, { bad: true }] }),
      ev('callIn', { type: 'video', sessionId: 'w1', timeout: 60, userId: 'openid-2' }),
    ]);
    expect(state.sessions['c1']).toMatchObject({ channel: 'im', direction: 'inbound', peer: { displayName: 'Ann', nickname: 'Ann', avatar: 'https://a/x.png', peerSource: 'wechat' } });
    expect(state.sessions['v1']).toMatchObject({ channel: 'voip', peer: { displayName: 'Ben', userId: 'openid-1' }, ivrPath: [{ key: '2', label: 'Support' }] });
    expect(state.sessions['w1']).toMatchObject({ channel: 'video', peer: { displayName: 'openid-2', userId: 'openid-2' } });
    expect(state.sessionOrder).toEqual(['c1', 'v1', 'w1']);
  });
});

describe('reducer: agent', () => {
  it('statusChanged sets the platform status and settles a pending request; restReason only for rest', () => {
    const reducer = createReducer({ historySize: 50 });
    let state = reducer(initialState(), ev('statusChanged', { status: 'busy' }));
    expect(state.agent).toEqual({ status: 'busy', online: false });
    state = reducer(state, A.statusRequested('rest', 'lunch'));
    expect(state.agent).toEqual({ status: 'busy', online: false, pending: { status: 'rest', restReason: 'lunch' } });
    state = reducer(state, ev('statusChanged', { status: 'rest' }));
    expect(state.agent).toEqual({ status: 'rest', restReason: 'lunch', online: false });
    state = reducer(state, ev('statusChanged', { status: 'free' }));
    expect(state.agent).toEqual({ status: 'free', online: false });
    state = reducer(state, A.online(true));
    expect(state.agent.online).toBe(true);
    expect(reducer(state, A.online(true))).toBe(state);
    state = reducer(state, A.online(false));
    expect(state.agent.online).toBe(false);
  });

  it('ready signs the agent in; a platform status does not (offline stays offline)', () => {
    const reducer = createReducer({ historySize: 50 });
    expect(initialState().agent.online).toBe(false);
    const ready = reducer(initialState(), A.ready(1));
    expect(ready.agent.online).toBe(true);
    const signedOut = reducer(ready, A.online(false));
    expect(reducer(signedOut, ev('statusChanged', { status: 'free' })).agent).toEqual({ status: 'free', online: false });
  });

  it('a failed request stops being pending only if it is still the pending one', () => {
    const reducer = createReducer({ historySize: 50 });
    const pending = reducer(initialState(), A.statusRequested('notReady'));
    expect(reducer(pending, A.statusRequestFailed('free'))).toBe(pending);
    expect(reducer(pending, A.statusRequestFailed('notReady')).agent.pending).toBeUndefined();
  });

  it('a statusChanged with an unknown status is unexpected', () => {
    const state = reduceAll([ev('statusChanged', { status: 'dancing' }), ev('statusChanged', { status: 42 }), ev('statusChanged', 'busy')]);
    expect(state.agent.status).toBe('unknown');
    expect(state.diagnostics.unexpectedEvents).toBe(3);
  });

  // The vendor's event page types it `{ status?: … }`: a statusChanged without one is documented.
  it('a statusChanged without a status is documented: it changes nothing and is not unexpected', () => {
    const reducer = createReducer({ historySize: 50 });
    const free = reducer(reducer(initialState(), A.ready(1)), ev('statusChanged', { status: 'free' }));
    const pending = reducer(free, A.statusRequested('rest', 'lunch'));
    for (const payload of [{}, { status: undefined }]) {
      const next = reducer(pending, ev('statusChanged', payload));
      expect(next.agent).toEqual(pending.agent);
      expect(next.diagnostics).toEqual({ unexpectedEvents: 0, eventsSeen: pending.diagnostics.eventsSeen + 1 });
    }
  });
});

describe('reducer: sessionEnded', () => {
  it.each(['client', 'seat', 'admin', 'timer'] as const)('closeBy %s is kept in history', (closeBy) => {
    const state = reduceAll([
      ev('callIn', phoneCallIn('i1')),
      ev('userAccessed', { sessionId: 'i1' }),
      ev('sessionEnded', { sessionId: 'i1', closeBy, mainReason: `by ${closeBy}`, subReason: 'detail' }),
    ]);
    expect(state.history[0]).toMatchObject({ id: 'i1', status: 'ended', closeBy, endReason: `by ${closeBy}` });
  });

  it('an unknown closeBy is not copied', () => {
    const state = reduceAll([ev('callIn', phoneCallIn('i1')), ev('sessionEnded', { sessionId: 'i1', closeBy: 'martians', subReason: 'x' })]);
    expect(state.history[0].closeBy).toBeUndefined();
    expect(state.history[0].endReason).toBe('x');
  });

  it('history is newest first and bounded', () => {
    const actions = ['a', 'b', 'c', 'd'].flatMap((id) => [ev('callIn', phoneCallIn(id)), ev('sessionEnded', { sessionId: id })]);
    const state = reduceAll(actions, 3);
    expect(state.history.map((s) => s.id)).toEqual(['d', 'c', 'b']);
    expect(reduceAll(actions, 0).history).toEqual([]);
  });
});

describe('reducer: unexpected events are counted, never thrown', () => {
  it.each([
    ['autoTransfer for an unknown id', [ev('autoTransfer', { sessionId: 'ghost' })], 'autoTransfer for an unknown session'],
    ['a callIn after its sessionEnded', [ev('sessionEnded', { sessionId: 'e1' }), ev('callIn', phoneCallIn('e1'))], 'callIn for a session that already ended'],
    ['a second callIn for a live id', [ev('callIn', phoneCallIn('i1')), ev('callIn', phoneCallIn('i1'))], 'a second callIn for a live session'],
    [
      'calloutAccepted after ended',
      [ev('callOuted', { sessionId: 'o1' }), ev('sessionEnded', { sessionId: 'o1' }), ev('calloutAccepted', { sessionId: 'o1' })],
      'calloutAccepted for a session that already ended',
    ],
    ['calloutAccepted for a ringing call', [ev('callIn', phoneCallIn('i1')), ev('calloutAccepted', { sessionId: 'i1' })], 'calloutAccepted for a ringing session'],
    ['userAccessed twice', [ev('callIn', phoneCallIn('i1')), ev('userAccessed', { sessionId: 'i1' }), ev('userAccessed', { sessionId: 'i1' })], 'userAccessed for a talking session'],
    ['callOuted for a talking session', [ev('callIn', phoneCallIn('i1')), ev('userAccessed', { sessionId: 'i1' }), ev('callOuted', { sessionId: 'i1' })], 'callOuted for a talking session'],
    ['sessionEnded twice', [ev('callIn', phoneCallIn('i1')), ev('sessionEnded', { sessionId: 'i1' }), ev('sessionEnded', { sessionId: 'i1' })], 'sessionEnded for a session that already ended'],
    ['an unknown event name', [ev('somethingNew', { sessionId: 'x' })], 'an event the desk does not know'],
    ['a callIn of an unknown type', [ev('callIn', { type: 'fax', sessionId: 'f1' })], 'callIn without a usable sessionId and type'],
    ['a payload that is not an object', [ev('userAccessed', null)], 'userAccessed without a sessionId'],
    ['a sessionId that is not a string', [ev('sessionEnded', { sessionId: 42 })], 'sessionEnded without a sessionId'],
  ])('%s', (_label, actions, reason) => {
    const state = reduceAll(actions);
    expect(state.diagnostics.unexpectedEvents).toBe(1);
    expect(state.diagnostics.eventsSeen).toBe(actions.length);
    expect(state.diagnostics.lastUnexpected?.reason).toBe(reason);
  });

  it('names the session when it can', () => {
    expect(reduceAll([ev('autoTransfer', { sessionId: 'ghost' })]).diagnostics.lastUnexpected).toEqual({
      event: 'autoTransfer',
      sessionId: 'ghost',
      reason: 'autoTransfer for an unknown session',
    });
  });

  it('a callIn without a type is a phone call', () => {
    const state = reduceAll([ev('callIn', { sessionId: 'p1', timeout: 10, calleePhoneNumber: '1' })]);
    expect(state.sessions['p1'].channel).toBe('phone');
  });
});

describe('reducer: active session', () => {
  it('talking beats ringing; the most recently engaged wins; then the latest ringing', () => {
    const reducer = createReducer({ historySize: 50 });
    let state = reduceAll([ev('callIn', phoneCallIn('a')), ev('callIn', phoneCallIn('b'))]);
    expect(state.activeSessionId).toBe('b'); // both ringing: the latest offer
    state = reducer(state, ev('userAccessed', { sessionId: 'a' }));
    expect(state.activeSessionId).toBe('a'); // talking beats ringing
    state = reducer(state, A.held('a', true));
    state = reducer(state, ev('userAccessed', { sessionId: 'b' }));
    expect(state.activeSessionId).toBe('b');
    state = reducer(state, A.held('b', true));
    state = reducer(state, A.held('a', false));
    expect(state.activeSessionId).toBe('a'); // taken off hold: most recently engaged
    state = reducer(state, ev('sessionEnded', { sessionId: 'a' }));
    expect(state.activeSessionId).toBe('b'); // the held one remains
    state = reducer(state, ev('callIn', phoneCallIn('c')));
    expect(state.activeSessionId).toBe('b'); // held still beats ringing
    state = reducer(state, ev('sessionEnded', { sessionId: 'b' }));
    expect(state.activeSessionId).toBe('c');
  });
});

describe('state', () => {
  it('nothing changes → the same state; lifecycle transitions', () => {
    const reducer = createReducer({ historySize: 50 });
    const s0 = initialState();
    const s1 = reducer(s0, A.authenticating());
    expect(s1.lifecycle).toEqual({ status: 'authenticating' });
    expect(reducer(s1, A.authenticating())).toBe(s1);
    // An action naming both waits is stored with the line's only; the same again is no change.
    const both = { type: 'lifecycle/authenticating', waitingForLineSeconds: 4, retryingInSeconds: 2 } as const;
    const waiting = reducer(s1, both);
    expect(waiting.lifecycle).toEqual({ status: 'authenticating', waitingForLineSeconds: 4 });
    expect(reducer(waiting, both)).toBe(waiting);
    const s2 = reducer(reducer(s1, A.loading()), A.ready(5));
    expect(s2.lifecycle).toEqual({ status: 'ready', readyAt: 5 });
    const error = { code: 'login_failed' as const, message: 'x', retryable: true };
    expect(reducer(s2, A.failed(error)).lifecycle).toEqual({ status: 'error', error });
    expect(reducer(s2, { type: 'no/such' } as never)).toBe(s2);
  });

  it('does not change the state it was given', () => {
    const before = reduceAll([ev('callIn', phoneCallIn('a')), ev('userAccessed', { sessionId: 'a' })]);
    const snapshot = JSON.stringify(before);
    reduceAll([A.held('a', true), ev('sessionEnded', { sessionId: 'a' }), ev('callIn', phoneCallIn('b'))], 50, before);
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(before.sessions['a'].status).toBe('talking');
  });

  it('`sessions` is a frozen record without a prototype, built once per state; JSON and spread see it', () => {
    const state = reduceAll([ev('callIn', phoneCallIn('a')), ev('callIn', phoneCallIn('b'))]);
    expect(state.sessions).toBe(state.sessions);
    expect(Object.isFrozen(state.sessions)).toBe(true);
    expect(Object.getPrototypeOf(state.sessions)).toBeNull();
    // A lookup by any id finds a session or nothing, never something inherited.
    expect(state.sessions['constructor']).toBeUndefined();
    expect(state.sessions['toString']).toBeUndefined();
    expect(Object.keys(state.sessions)).toEqual(['a', 'b']);
    expect(JSON.parse(JSON.stringify(state)).sessions.b.id).toBe('b');
    expect({ ...state }.sessions['a'].id).toBe('a');
    expect(live(state).map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('looks like plain data: its keys, structuredClone and spread carry every field', () => {
    const state = reduceAll([ev('callIn', phoneCallIn('a')), ev('userAccessed', { sessionId: 'a' })]);
    const keys = ['lifecycle', 'agent', 'sessions', 'sessionOrder', 'activeSessionId', 'history', 'diagnostics'];
    expect(Object.keys(state)).toEqual(keys);
    const clone = structuredClone(state);
    expect(Object.keys(clone)).toEqual(keys);
    expect(clone.sessions['a'].status).toBe('talking');
    expect(clone.sessionOrder).toEqual(['a']);
    expect({ ...state }.sessionOrder).toEqual(['a']);
    expect(Object.isFrozen(state.sessionOrder)).toBe(true);
  });

  it('a session id like __proto__ is an ordinary key', () => {
    const state = reduceAll([ev('callIn', phoneCallIn('__proto__'))]);
    expect(Object.keys(state.sessions)).toEqual(['__proto__']);
    expect(liveSession(state, '__proto__')?.status).toBe('ringing');
  });

  it('a state built by hand (not by the store) is still reduced correctly', () => {
    const built = reduceAll([ev('callIn', phoneCallIn('a')), ev('userAccessed', { sessionId: 'a' })]);
    const byHand: DeskState = JSON.parse(JSON.stringify(built));
    const next = reduceAll([A.held('a', true), ev('callIn', phoneCallIn('b'))], 50, byHand);
    expect(next.sessions['a'].status).toBe('held');
    expect(next.sessionOrder).toEqual(['a', 'b']);
    expect(next.activeSessionId).toBe('a');
  });
});
