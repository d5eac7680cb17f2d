// The non-phone channels (chat, video, voip, internal) under late, repeated and out-of-order
// events and commands in every state: one describe per defect of the channels hunt, each test
// failed before its fix.
import { historyRestored } from '../src/lib/actions';
import type { DeskSession } from '../src/index';
import { ev, phoneCallIn, reduceAll } from './helpers';

const im = (id: string, extra: Record<string, unknown> = {}) => ({ type: 'im', sessionId: id, timeout: 0, nickname: 'Lily', channelName: 'Web shop', ...extra });
const video = (id: string) => ({ type: 'video', sessionId: id, timeout: 0, nickname: 'Wei', userId: 'o-8812' });

describe('channels defect 1: a late answer for a contact transferred away neither revives it nor loses it', () => {
  it('a chat auto-transferred while ringing, then a late userAccessed: stays transferred in history, no ghost call', () => {
    const state = reduceAll([ev('callIn', im('c1', { timeout: 10 })), ev('autoTransfer', { sessionId: 'c1' }), ev('userAccessed', { sessionId: 'c1' })]);
    expect(state.sessionOrder).toEqual([]);
    expect(state.history.map((s) => [s.id, s.channel, s.status])).toEqual([['c1', 'im', 'transferred']]);
    expect(state.diagnostics.lastUnexpected).toEqual({ event: 'userAccessed', sessionId: 'c1', reason: 'userAccessed for a session that was transferred away' });
  });

  it('a video the agent transferred, then a repeated userAccessed or calloutAccepted: the same', () => {
    const state = reduceAll([
      ev('callIn', video('v1')),
      ev('userAccessed', { sessionId: 'v1' }),
      ev('transfer', { sessionId: 'v1', skillGroupId: '7' }),
      ev('userAccessed', { sessionId: 'v1' }),
      ev('calloutAccepted', { sessionId: 'v1' }),
    ]);
    expect(state.sessionOrder).toEqual([]);
    expect(state.history).toHaveLength(1);
    expect(state.history[0]).toMatchObject({ id: 'v1', channel: 'video', status: 'transferred', transferredTo: { skillGroupId: '7' } });
    expect(state.diagnostics.unexpectedEvents).toBe(2);
  });

  it('a transferred contact offered back (a new callIn) is still live again, as before', () => {
    const state = reduceAll([ev('callIn', im('c2')), ev('userAccessed', { sessionId: 'c2' }), ev('transfer', { sessionId: 'c2' }), ev('callIn', im('c2')), ev('userAccessed', { sessionId: 'c2' })]);
    expect(state.sessions['c2']).toMatchObject({ channel: 'im', status: 'talking' });
    expect(state.history).toEqual([]);
  });

  it('a chat interrupted by a reload and then accessed again is live as the chat it was, not a guessed phone call', () => {
    const interrupted: DeskSession = {
      id: 'c3',
      channel: 'im',
      direction: 'inbound',
      status: 'ended',
      muted: false,
      peer: { displayName: 'Lily', nickname: 'Lily', channelName: 'Web shop' },
      offeredAt: 100,
      answeredAt: 200,
      endedAt: 900,
      endReason: 'interrupted',
      interrupted: true,
      restored: true,
      ivrPath: [],
      raw: null,
    };
    const state = reduceAll([historyRestored([interrupted]), ev('userAccessed', { sessionId: 'c3' }, 1_000)]);
    expect(state.history).toEqual([]);
    const live = state.sessions['c3'];
    expect(live).toMatchObject({ channel: 'im', direction: 'inbound', status: 'talking', adopted: true, offeredAt: 100, answeredAt: 1_000, peer: interrupted.peer });
    expect(live.channelKnown).toBeUndefined();
    expect(live.interrupted).toBeUndefined();
    expect(live.endedAt).toBeUndefined();
  });

  it('a phone call live beside it is untouched', () => {
    const state = reduceAll([ev('callIn', phoneCallIn('p1')), ev('userAccessed', { sessionId: 'p1' }), ev('callIn', im('c4')), ev('autoTransfer', { sessionId: 'c4' }), ev('userAccessed', { sessionId: 'c4' })]);
    expect(state.sessionOrder).toEqual(['p1']);
    expect(state.activeSessionId).toBe('p1');
  });
});
