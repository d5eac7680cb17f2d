// The non-phone channels (chat, video, voip, internal) under late, repeated and out-of-order
// events and commands in every state: one describe per defect of the channels hunt, each test
// failed before its fix.
import { expiredOffer, historyRestored } from '../src/lib/actions';
import { createDesk, isDeskError, type Desk, type DeskErrorInfo, type DeskSession } from '../src/index';
import { createFakeLoader, createFakeLogin, createFakeSdk, type FakeSdk } from './fake-sdk';
import { ev, phoneCallIn, reduceAll, settle } from './helpers';

async function readyDesk(): Promise<{ desk: Desk; sdk: FakeSdk }> {
  const sdk = createFakeSdk();
  const desk = createDesk({ login: createFakeLogin(), loader: createFakeLoader(sdk), clock: () => 42, callLogStorage: null, historyStorage: null });
  await desk.connect();
  return { desk, sdk };
}

/** How a command was refused (a DeskError), and that the SDK was not called. */
async function refusal(sdk: FakeSdk, promise: Promise<unknown>): Promise<DeskErrorInfo> {
  const calls = sdk.calls.length;
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isDeskError(error)).toBe(true);
  expect(sdk.calls.length).toBe(calls);
  return error as DeskErrorInfo;
}

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

describe('channels defect 2: a command on a contact that already ended or was transferred says so', () => {
  it('accepting a chat the visitor already left, ending a video already over, transferring a chat transferred away', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.emit('callIn', im('c1'));
    sdk.emit('sessionEnded', { sessionId: 'c1', closeBy: 'client' }); // the visitor left before the agent clicked
    expect(await refusal(sdk, desk.chat.accept('c1'))).toMatchObject({
      code: 'unknown_session',
      field: 'sessionId',
      message: 'Session "c1" already ended: chat.accept needs a live session.',
    });
    sdk.emit('callIn', video('v1'));
    sdk.emit('userAccessed', { sessionId: 'v1' });
    sdk.emit('sessionEnded', { sessionId: 'v1', closeBy: 'client' });
    expect((await refusal(sdk, desk.video.muteVideo('v1'))).message).toBe('Session "v1" already ended: video.muteVideo needs a live session.');
    sdk.emit('callIn', im('c2'));
    sdk.emit('userAccessed', { sessionId: 'c2' });
    sdk.emit('transfer', { sessionId: 'c2', userId: 'bob' });
    expect((await refusal(sdk, desk.chat.end('c2'))).message).toBe('Session "c2" was transferred away: chat.end needs a live session.');
    // Never seen at all: as before.
    expect((await refusal(sdk, desk.chat.end('nope'))).message).toBe('No live session has the id "nope".');
    desk.destroy();
    await settle();
  });

  it('call.delete of an id not in history does not speak of live sessions', async () => {
    const { desk, sdk } = await readyDesk();
    expect(await refusal(sdk, desk.call.delete('gone'))).toMatchObject({ code: 'unknown_session', message: 'No ended or transferred session in history has the id "gone".' });
    desk.destroy();
    await settle();
  });
});

describe('channels defect 3: a command the channel does not have is refused without pointing at a command that does not exist', () => {
  it('hold, mute and keypad on a chat, hold and keypad on a video, delete of a chat: the channel has none; the module’s commands are named', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.emit('callIn', im('c1'));
    sdk.emit('userAccessed', { sessionId: 'c1' });
    sdk.emit('callIn', video('v1'));
    sdk.emit('userAccessed', { sessionId: 'v1' });
    expect(await refusal(sdk, desk.call.hold('c1'))).toMatchObject({
      code: 'wrong_channel',
      field: 'sessionId',
      message: 'Session "c1" is a chat (im) session: call.hold does not apply; chat (im) sessions have no hold (theirs: chat.accept, chat.end, chat.transfer).',
    });
    expect((await refusal(sdk, desk.call.mute('c1'))).message).toContain('chat (im) sessions have no mute');
    expect((await refusal(sdk, desk.video.mute('c1'))).message).toContain('chat (im) sessions have no mute');
    expect((await refusal(sdk, desk.call.sendDigits('v1', '1'))).message).toBe(
      'Session "v1" is a video session: call.sendDigits does not apply; video sessions have no sendDigits (theirs: video.accept, video.end, video.mute, video.unmute, video.muteVideo, video.unmuteVideo, video.transfer).',
    );
    expect((await refusal(sdk, desk.call.hold('v1'))).message).toContain('video sessions have no hold');
    // Where the module has the verb, it is named, as before.
    expect((await refusal(sdk, desk.call.hangUp('c1'))).message).toBe('Session "c1" is a chat (im) session: call.hangUp does not apply; use chat.end.');
    expect((await refusal(sdk, desk.call.mute('v1'))).message).toContain('use video.mute');
    sdk.emit('sessionEnded', { sessionId: 'c1', closeBy: 'seat' });
    expect((await refusal(sdk, desk.call.delete('c1'))).message).toContain('chat (im) sessions have no delete');
    desk.destroy();
    await settle();
  });
});

describe('channels defect 4: a double-clicked Accept (or End, Hold, Mute…) reaches the SDK once', () => {
  /** The SDK answers `method` a little later, as a real one does: the command is in flight meanwhile. */
  const slow = (sdk: FakeSdk, method: string) => sdk.answer(method, () => new Promise((resolve) => setTimeout(() => resolve({ status: 'success' }), 5)));

  it('chat, video and an internal call: the second accept joins the first; both resolve; the SDK never refuses a second one', async () => {
    const { desk, sdk } = await readyDesk();
    const cases: Array<[string, Record<string, unknown>, string, (id: string) => Promise<void>]> = [
      ['c1', im('c1'), 'Chat.accept', (id) => desk.chat.accept(id)],
      ['v1', video('v1'), 'Video.accept', (id) => desk.video.accept(id)],
      ['i1', { type: 'internal', sessionId: 'i1', timeout: 0, peerUserId: 'alice@example.com' }, 'Call.accept', (id) => desk.call.accept(id)],
    ];
    for (const [id, offer, method, accept] of cases) {
      sdk.emit('callIn', offer);
      slow(sdk, method);
      const first = accept(id);
      const second = accept(id); // the second click, before the SDK answered the first
      await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
      expect(sdk.calls.filter((c) => c.method === method && (c.args[0] as { sessionId: string }).sessionId === id)).toHaveLength(1);
      sdk.emit('userAccessed', { sessionId: id });
    }
    // Once settled, the same command is a new one (and checked again: no longer ringing).
    expect(await refusal(sdk, desk.chat.accept('c1'))).toMatchObject({ code: 'invalid_state' });
    desk.destroy();
    await settle();
  });

  it('a refusal reaches both callers; different sessions, other verbs and repeated keypad digits are never joined', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.emit('callIn', phoneCallIn('p1'));
    sdk.emit('userAccessed', { sessionId: 'p1' });
    sdk.emit('callIn', phoneCallIn('p2'));
    sdk.emit('userAccessed', { sessionId: 'p2' });
    sdk.answer('Call.hold', () => Promise.resolve({ status: 'error', errorMsg: 'line busy' }));
    const holds = await Promise.allSettled([desk.call.hold('p1'), desk.call.hold('p1'), desk.call.hold('p2')]);
    expect(holds.map((h) => h.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(sdk.calls.filter((c) => c.method === 'Call.hold').map((c) => c.args[0])).toEqual([{ sessionId: 'p1' }, { sessionId: 'p2' }]);
    await Promise.all([desk.call.mute('p1'), desk.call.unmute('p1'), desk.call.sendDigits('p1', '1'), desk.call.sendDigits('p1', '1')]);
    expect(sdk.calls.filter((c) => c.method !== 'Call.hold').map((c) => c.method)).toEqual(['Call.muteMic', 'Call.unmuteMic', 'Call.sendDigits', 'Call.sendDigits']);
    desk.destroy();
    await settle();
  });
});

describe('channels defect 5: the platform’s word after the desk expired an offer still counts', () => {
  // A chat offered with 10 s to accept; the platform said nothing for 15 s (timeout + grace), so
  // the desk took it off the live list as not answered (session/expired).
  const gaveUp = [ev('callIn', im('c1', { timeout: 10 }), 0), expiredOffer('c1', 15_000)];

  it('a late userAccessed (the agent’s accept outran the expiry): the chat is live again, as it was offered', () => {
    const state = reduceAll([...gaveUp, ev('userAccessed', { sessionId: 'c1' }, 16_000)]);
    expect(state.history).toEqual([]);
    const live = state.sessions['c1'];
    expect(live).toMatchObject({ channel: 'im', status: 'talking', offeredAt: 0, answeredAt: 16_000, peer: { nickname: 'Lily', channelName: 'Web shop' } });
    expect(live.endedAt).toBeUndefined();
    expect(live.closeBy).toBeUndefined();
    expect(live.endReason).toBeUndefined();
    expect(state.diagnostics.unexpectedEvents).toBe(0);
    // …and it ends as usual, once.
    const after = reduceAll([ev('sessionEnded', { sessionId: 'c1', closeBy: 'client' }, 20_000)], 50, state);
    expect(after.history.map((s) => [s.id, s.status, s.closeBy])).toEqual([['c1', 'ended', 'client']]);
    expect(after.sessionOrder).toEqual([]);
  });

  it('a late autoTransfer: history says it was transferred, not that the desk gave up', () => {
    const state = reduceAll([...gaveUp, ev('autoTransfer', { sessionId: 'c1', skillGroupId: '3' }, 16_000)]);
    expect(state.sessionOrder).toEqual([]);
    expect(state.history).toHaveLength(1);
    expect(state.history[0]).toMatchObject({ id: 'c1', status: 'transferred', transferredTo: { skillGroupId: '3' }, endedAt: 15_000 });
    expect(state.history[0].endReason).toBeUndefined();
  });

  it('a late sessionEnded: ended as the platform says (who, why), not the desk’s guess', () => {
    const state = reduceAll([...gaveUp, ev('sessionEnded', { sessionId: 'c1', closeBy: 'client', mainReason: 'visitor left' }, 16_000)]);
    expect(state.history).toHaveLength(1);
    expect(state.history[0]).toMatchObject({ id: 'c1', status: 'ended', closeBy: 'client', endReason: 'visitor left', endedAt: 15_000 });
  });

  it('still no ghosts: a repeated callIn stays out; after the platform ended it, a late userAccessed too', () => {
    expect(reduceAll([...gaveUp, ev('callIn', im('c1', { timeout: 10 }), 16_000)]).sessionOrder).toEqual([]);
    const state = reduceAll([...gaveUp, ev('sessionEnded', { sessionId: 'c1' }, 16_000), ev('userAccessed', { sessionId: 'c1' }, 17_000)]);
    expect(state.sessionOrder).toEqual([]);
    expect(state.diagnostics.lastUnexpected).toMatchObject({ event: 'userAccessed', sessionId: 'c1' });
  });
});

describe('channels defect 4, review: a command sent to an SDK that went away is not joined by one for the next SDK', () => {
  it('hangUp in flight when the page’s SDK is torn down; after retry the same hangUp reaches the new SDK', async () => {
    const sdks = [createFakeSdk(), createFakeSdk()];
    let unloaded: (() => void) | undefined;
    let loads = 0;
    const loader = {
      load: () => Promise.resolve(sdks[loads++]!.tccc),
      teardown: () => undefined,
      onUnload(listener: () => void) {
        unloaded = listener;
        return () => (unloaded = undefined);
      },
    };
    const desk = createDesk({ login: createFakeLogin(), loader, clock: () => 42, callLogStorage: null, historyStorage: null });
    await desk.connect();
    const [first, second] = sdks as [FakeSdk, FakeSdk];
    first.emit('callIn', phoneCallIn('p1'));
    first.emit('userAccessed', { sessionId: 'p1' });
    first.answer('Call.hungUp', () => new Promise(() => undefined)); // a torn-down SDK never answers
    const stuck = desk.call.hangUp('p1');
    stuck.catch(() => undefined);
    await settle();
    unloaded?.(); // another consumer on the page removed the SDK
    await desk.retry();
    // The call goes on at the platform: the new SDK reports it, and the agent hangs up again.
    second.emit('userAccessed', { sessionId: 'p1' });
    second.answer('Call.hungUp', () => Promise.resolve({ status: 'success' }));
    const again = desk.call.hangUp('p1');
    await expect(Promise.race([again.then(() => 'settled'), settle().then(() => 'pending')])).resolves.toBe('settled');
    expect(second.calls.filter((c) => c.method === 'Call.hungUp')).toHaveLength(1);
    desk.destroy();
    await settle();
  });
});

describe('channels defect 4, review: a repeat after the opposite command is a new command', () => {
  it('mute, unmute, mute while the first mute is in flight: the SDK gets all three and the call ends muted', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.emit('callIn', phoneCallIn('p1'));
    sdk.emit('userAccessed', { sessionId: 'p1' });
    for (const method of ['Call.muteMic', 'Call.unmuteMic']) {
      sdk.answer(method, () => new Promise((resolve) => setTimeout(() => resolve({ status: 'success' }), 5)));
    }
    let muted: boolean | undefined;
    desk.sessions$.subscribe((sessions) => (muted = sessions.find((s) => s.id === 'p1')?.muted));
    await Promise.all([desk.call.mute('p1'), desk.call.unmute('p1'), desk.call.mute('p1')]);
    expect(sdk.calls.filter((c) => c.method.startsWith('Call.') && c.method.endsWith('Mic')).map((c) => c.method)).toEqual(['Call.muteMic', 'Call.unmuteMic', 'Call.muteMic']);
    expect(muted).toBe(true);
    desk.destroy();
    await settle();
  });
});
