// Unusual but plausible event sequences, through the one reducer.
import * as deskActions from '../src/lib/actions';
import * as commandActions from '../src/lib/command-actions';
import { createReducer } from '../src/lib/reducer';
import { initialState } from '../src/lib/state';
import { ev, phoneCallIn, reduceAll } from './helpers';

const A = { ...deskActions, ...commandActions };

describe('reducer: unusual but plausible sequences', () => {
  it('a contact transferred away, offered back and answered, ends once in history', () => {
    const state = reduceAll([
      ev('callIn', phoneCallIn('x')),
      ev('userAccessed', { sessionId: 'x' }),
      ev('transfer', { sessionId: 'x', userId: 'bob' }),
      ev('callIn', phoneCallIn('x')),
      ev('userAccessed', { sessionId: 'x' }),
      ev('sessionEnded', { sessionId: 'x', closeBy: 'client' }),
    ]);
    expect(state.sessionOrder).toEqual([]);
    expect(state.history.map((s) => [s.id, s.status])).toEqual([['x', 'ended']]);
    expect(state.diagnostics.unexpectedEvents).toBe(0);
  });

  it('the caller side of an internal call whose events all outrun startInternalCall', () => {
    const state = reduceAll([
      A.internalRequested('bob'),
      ev('callOuted', { sessionId: 'i1' }, 10),
      ev('userAccessed', { sessionId: 'i1' }, 20), // the callee picked up
      A.internalStarted('i1', 'bob', 30),
    ]);
    expect(state.sessions['i1']).toMatchObject({ channel: 'internal', direction: 'internal', status: 'talking', answeredAt: 20, peer: { userId: 'bob' } });
    expect(state.diagnostics.unexpectedEvents).toBe(0);
  });

  it('two internal calls being started: the first callOuted is the first call', () => {
    const state = reduceAll([A.internalRequested('bob'), A.internalRequested('carol'), ev('callOuted', { sessionId: 'i1' }), ev('callOuted', { sessionId: 'i2' })]);
    expect([state.sessions['i1'].peer.userId, state.sessions['i2'].peer.userId]).toEqual(['bob', 'carol']);
  });

  it('a failed startInternalCall leaves no pending callee behind: a later callOuted is a phone call', () => {
    const state = reduceAll([A.internalRequested('bob'), A.internalFailed('bob'), ev('callOuted', { sessionId: 'o1', calleePhoneNumber: '10086' })]);
    expect(state.sessions['o1']).toMatchObject({ channel: 'phone', direction: 'outbound', peer: { phoneNumber: '10086' } });
  });

  it('after a page reload mid-call: the call is adopted, can be held, and ends in history', () => {
    const state = reduceAll([
      ev('userAccessed', { sessionId: 'r1' }, 100),
      A.held('r1', true),
      ev('sessionEnded', { sessionId: 'r1', closeBy: 'seat' }, 200),
    ]);
    expect(state.history[0]).toMatchObject({ id: 'r1', status: 'ended', adopted: true, channelKnown: false, answeredAt: 100, endedAt: 200 });
  });

  it('auto-transferred, then reported ended, then offered again late: the callIn is ignored', () => {
    const state = reduceAll([
      ev('callIn', phoneCallIn('t1')),
      ev('autoTransfer', { sessionId: 't1' }),
      ev('sessionEnded', { sessionId: 't1', closeBy: 'timer' }),
      ev('callIn', phoneCallIn('t1')),
    ]);
    expect(state.sessionOrder).toEqual([]);
    expect(state.history).toHaveLength(1);
    expect(state.history[0]).toMatchObject({ status: 'transferred', closeBy: 'timer' });
    expect(state.diagnostics.lastUnexpected?.reason).toBe('callIn for a session that already ended');
  });

  it('a dial answer after the callee already answered only fills in the details', () => {
    const state = reduceAll([
      ev('callOuted', { sessionId: 'o1' }),
      ev('calloutAccepted', { sessionId: 'o1' }),
      A.dialed({ phoneNumber: '10086', phoneDesc: 'Hotline' }, { sessionId: 'o1' }, 5),
    ]);
    expect(state.sessions['o1']).toMatchObject({ status: 'talking', peer: { displayName: 'Hotline', phoneNumber: '10086' } });
  });

  it('tokenExpired before ready is the loader’s to report: the lifecycle is left alone', () => {
    const state = reduceAll([A.loading(), ev('tokenExpired', { message: 'x' })]);
    expect(state.lifecycle).toEqual({ status: 'loading' });
  });

  it('an offer expiry that comes early, for an answered or an untimed offer changes nothing', () => {
    const reducer = createReducer({ historySize: 5 });
    let state = reducer(initialState(), ev('callIn', phoneCallIn('a', { timeout: 30 }), 1_000));
    expect(reducer(state, A.expiredOffer('a', 20_000))).toBe(state);
    const untimed = reducer(state, ev('callIn', phoneCallIn('b', { timeout: 0 }), 1_000));
    expect(reducer(untimed, A.expiredOffer('b', 1e12))).toBe(untimed);
    state = reducer(state, ev('userAccessed', { sessionId: 'a' }, 2_000));
    expect(reducer(state, A.expiredOffer('a', 1e12))).toBe(state);
  });

  it('deleting a live session or one not in history changes nothing', () => {
    const state = reduceAll([ev('callIn', phoneCallIn('a'))]);
    expect(createReducer({ historySize: 5 })(state, A.deleted('a'))).toBe(state);
    expect(createReducer({ historySize: 5 })(state, A.deleted('zzz'))).toBe(state);
  });

  it('the agent goes offline while a request is pending: the platform’s answer still settles it', () => {
    const state = reduceAll([A.ready(1), A.statusRequested('rest', 'lunch'), A.online(false), ev('statusChanged', { status: 'rest' })]);
    expect(state.agent).toEqual({ status: 'rest', restReason: 'lunch', online: false });
  });

  it('video: the camera state starts on, follows muteVideo, and is not on other channels', () => {
    const state = reduceAll([
      ev('callIn', { type: 'video', sessionId: 'v', timeout: 0, userId: 'u' }),
      ev('callIn', { type: 'im', sessionId: 'c', timeout: 0, nickname: 'n', channelName: 'Shop', clientData: 'k=1' }),
      ev('userAccessed', { sessionId: 'v' }),
      A.videoMuted('v', true),
    ]);
    expect(state.sessions['v'].videoMuted).toBe(true);
    expect(state.sessions['c'].videoMuted).toBeUndefined();
    expect(state.sessions['c'].peer).toMatchObject({ nickname: 'n', channelName: 'Shop', clientData: 'k=1' });
  });
});
