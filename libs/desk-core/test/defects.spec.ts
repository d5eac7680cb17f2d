// One describe per defect of issue 9: each test failed before its fix (see the list).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createDesk, isDeskError, type CreateDeskOptions, type Desk, type DeskErrorInfo, type DeskState } from '../src/index';
import { createFakeLoader, createFakeLogin, createFakeSdk, type FakeSdk } from './fake-sdk';
import { phoneCallIn, settle } from './helpers';

interface Harness {
  desk: Desk;
  sdk: FakeSdk;
  state: () => DeskState;
  errors: DeskErrorInfo[];
  login: ReturnType<typeof createFakeLogin>;
}

async function readyDesk(options: Partial<CreateDeskOptions> = {}): Promise<Harness> {
  const sdk = createFakeSdk();
  const login = createFakeLogin();
  const desk = createDesk({ login, loader: createFakeLoader(sdk), clock: () => 42, ...options });
  let latest: DeskState | undefined;
  desk.state$.subscribe((s) => (latest = s));
  const errors: DeskErrorInfo[] = [];
  desk.errors$.subscribe((e) => errors.push(e));
  await desk.connect();
  return { desk, sdk, state: () => latest as DeskState, errors, login };
}

async function rejection(promise: Promise<unknown>): Promise<DeskErrorInfo & Error> {
  try {
    await promise;
  } catch (error) {
    expect(isDeskError(error)).toBe(true);
    return error as DeskErrorInfo & Error;
  }
  throw new Error('expected a rejection');
}

const imCallIn = (sessionId: string) => ({ type: 'im', sessionId, timeout: 0, nickname: 'Visitor 7', peerSource: 'web', channelName: 'Shop' });

describe('defect 1: call.delete removes an ended session (删除会话), never a live one', () => {
  it('a live session is invalid_state without calling the SDK; an ended one is deleted and leaves history', async () => {
    const { desk, sdk, state } = await readyDesk();
    sdk.emit('callIn', phoneCallIn('i1'));
    sdk.emit('userAccessed', { sessionId: 'i1' });
    expect(await rejection(desk.call.delete('i1'))).toMatchObject({ code: 'invalid_state', field: 'sessionId' });
    expect(sdk.calls).toEqual([]);
    sdk.emit('sessionEnded', { sessionId: 'i1', closeBy: 'client' });
    expect(state().history.map((s) => s.id)).toEqual(['i1']);
    await desk.call.delete('i1');
    expect(sdk.calls).toEqual([{ method: 'Call.deleteCall', args: [{ sessionId: 'i1' }] }]);
    expect(state().history).toEqual([]);
    expect(await rejection(desk.call.delete('i1'))).toMatchObject({ code: 'unknown_session' });
  });
});

describe('defect 2: a settled command is not kept until destroy()', () => {
  it('the SDK response of a finished command can be garbage-collected while the desk lives', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const { desk, sdk } = await readyDesk();
    sdk.emit('callIn', phoneCallIn('i1'));
    sdk.emit('userAccessed', { sessionId: 'i1' });
    let ref: WeakRef<object> | undefined;
    sdk.answer('Call.hold', () => {
      const response = { status: 'success', ballast: new Array(10_000).fill(1) };
      ref = new WeakRef(response);
      return Promise.resolve(response);
    });
    await desk.call.hold('i1');
    await settle();
    gc();
    await settle();
    gc();
    expect(ref?.deref()).toBeUndefined();
    desk.destroy();
  });
});

describe('defect 3: no ghost sessions', () => {
  it('a sessionEnded that arrives before its callIn leaves no ringing session', async () => {
    const { sdk, state } = await readyDesk();
    sdk.emit('sessionEnded', { sessionId: 'g1', closeBy: 'client' });
    sdk.emit('callIn', phoneCallIn('g1'));
    expect(state().sessionOrder).toEqual([]);
    expect(state().history.map((s) => s.id)).toEqual(['g1']);
  });

  it('a repeated callIn for an ended session neither revives it nor deletes its history record', async () => {
    const { sdk, state } = await readyDesk();
    sdk.emit('callIn', phoneCallIn('g2'));
    sdk.emit('userAccessed', { sessionId: 'g2' });
    sdk.emit('sessionEnded', { sessionId: 'g2', closeBy: 'client' });
    sdk.emit('callIn', phoneCallIn('g2'));
    expect(state().sessionOrder).toEqual([]);
    expect(state().history).toHaveLength(1);
    expect(state().history[0]).toMatchObject({ id: 'g2', status: 'ended', answeredAt: 42 });
  });

  it('with historySize 0, a late startOutboundCall answer does not bring back a dialing ghost', async () => {
    const { desk, sdk, state } = await readyDesk({ historySize: 0 });
    sdk.answer('Call.startOutboundCall', () => {
      sdk.emit('callOuted', { sessionId: 'o1', calleePhoneNumber: '10086' });
      sdk.emit('sessionEnded', { sessionId: 'o1', closeBy: 'client' });
      return Promise.resolve({ status: 'success', data: { sessionId: 'o1' } });
    });
    await desk.call.dial({ phoneNumber: '10086' });
    expect(state().sessionOrder).toEqual([]);
  });

  it('a ringing session whose timeout passed with no event leaves the live list', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    try {
      const { sdk, state, desk } = await readyDesk({ clock: () => Date.now() });
      sdk.emit('callIn', phoneCallIn('t1', { timeout: 30 }));
      sdk.emit('callIn', phoneCallIn('t0', { timeout: 0 })); // 0 = never times out
      jest.advanceTimersByTime(29_000);
      expect(state().sessionOrder).toEqual(['t1', 't0']);
      jest.advanceTimersByTime(60_000);
      expect(state().sessionOrder).toEqual(['t0']);
      expect(state().history[0]).toMatchObject({ id: 't1', status: 'ended', closeBy: 'timer' });
      desk.destroy();
    } finally {
      jest.useRealTimers();
    }
  });

  it('an answered session is not expired by its offer timeout', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    try {
      const { sdk, state, desk } = await readyDesk({ clock: () => Date.now() });
      sdk.emit('callIn', phoneCallIn('t2', { timeout: 10 }));
      sdk.emit('userAccessed', { sessionId: 't2' });
      jest.advanceTimersByTime(120_000);
      expect(state().sessions['t2']?.status).toBe('talking');
      desk.destroy();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('defect 4: an internal call whose callOuted outruns startInternalCall', () => {
  it('stays an internal call to the callee', async () => {
    const { desk, sdk, state } = await readyDesk();
    sdk.answer('Call.startInternalCall', () => {
      sdk.emit('callOuted', { sessionId: 'int-9' });
      return Promise.resolve({ status: 'success', data: { sessionId: 'int-9' } });
    });
    await desk.call.internal({ calleeUserId: 'bob@corp' });
    expect(state().sessions['int-9']).toMatchObject({
      channel: 'internal',
      direction: 'internal',
      status: 'dialing',
      peer: { userId: 'bob@corp', displayName: 'bob@corp' },
    });
  });
});

describe('defect 5: the platform’s statusChanged is the agent’s status; requests are pending', () => {
  it('is online right after login', async () => {
    const { state } = await readyDesk();
    expect(state().agent.online).toBe(true);
  });

  it('a newer statusChanged is not overwritten by the requested status', async () => {
    const { desk, sdk, state } = await readyDesk();
    sdk.answer('Agent.setStatus', () => {
      sdk.emit('statusChanged', { status: 'busy' }); // a call came in meanwhile
      return Promise.resolve({ status: 'success' });
    });
    await desk.agent.setStatus({ status: 'rest', restReason: 'lunch' });
    expect(state().agent.status).toBe('busy');
  });

  it('stopNotReady is a request, shown as pending, never as the status; statusChanged confirms it', async () => {
    const { desk, sdk, state } = await readyDesk();
    sdk.emit('statusChanged', { status: 'notReady' });
    await desk.agent.setStatus({ status: 'stopNotReady' });
    expect(state().agent.status).toBe('notReady');
    expect(state().agent.pending).toEqual({ status: 'stopNotReady' });
    sdk.emit('statusChanged', { status: 'free' });
    expect(state().agent).toEqual({ status: 'free', online: true });
  });

  it('a failed request is no longer pending', async () => {
    const { desk, sdk, state } = await readyDesk();
    sdk.emit('statusChanged', { status: 'free' });
    sdk.answer('Agent.setStatus', () => Promise.resolve({ status: 'error', errorMsg: 'no' }));
    await rejection(desk.agent.setStatus({ status: 'rest' }));
    expect(state().agent).toEqual({ status: 'free', online: true });
  });

  it('going offline during a call stays offline after the hang-up', async () => {
    const { desk, sdk, state } = await readyDesk();
    sdk.emit('callIn', phoneCallIn('i1'));
    sdk.emit('userAccessed', { sessionId: 'i1' });
    sdk.emit('statusChanged', { status: 'busy' });
    await desk.agent.offline();
    sdk.emit('sessionEnded', { sessionId: 'i1' });
    sdk.emit('statusChanged', { status: 'free' });
    expect(state().agent).toMatchObject({ status: 'free', online: false });
  });
});

describe('defect 6: tokenExpired after ready', () => {
  it('ends in a visible, retryable token_expired; retry logs in afresh', async () => {
    const { desk, sdk, state, login, errors } = await readyDesk();
    sdk.emit('tokenExpired', { message: 'expired' });
    expect(state().lifecycle).toMatchObject({ status: 'error', error: { code: 'token_expired', retryable: true } });
    expect(errors.map((e) => e.code)).toContain('token_expired');
    await expect(desk.call.accept('x')).rejects.toMatchObject({ code: 'not_ready' });
    await desk.retry();
    expect(login.calls).toBe(2);
    expect(state().lifecycle.status).toBe('ready');
  });
});

describe('defect 8: only what the guide documents is required', () => {
  it('call.internal resolves when the SDK returns no data (the guide documents none)', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.answer('Call.startInternalCall', () => Promise.resolve({ status: 'success' }));
    await expect(desk.call.internal({ calleeUserId: 'bob@corp' })).resolves.toEqual({});
  });

  it('call.isMuted falls back to what the desk knows when data is not a boolean', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.emit('callIn', phoneCallIn('i1'));
    sdk.emit('userAccessed', { sessionId: 'i1' });
    await desk.call.mute('i1');
    sdk.answer('Call.isMicMuted', () => Promise.resolve({ status: 'success' }));
    await expect(desk.call.isMuted('i1')).resolves.toBe(true);
    sdk.answer('Call.isMicMuted', () => Promise.resolve({ status: 'success', data: { muted: false } }));
    await expect(desk.call.isMuted('i1')).resolves.toBe(false);
  });
});

describe('defect 9: commands check the session state and channel before the SDK', () => {
  it('hold and mute on a ringing session are invalid_state', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.emit('callIn', phoneCallIn('r1'));
    expect(await rejection(desk.call.hold('r1'))).toMatchObject({ code: 'invalid_state', field: 'sessionId' });
    expect(await rejection(desk.call.mute('r1'))).toMatchObject({ code: 'invalid_state' });
    expect(await rejection(desk.call.unhold('r1'))).toMatchObject({ code: 'invalid_state' });
    expect(sdk.calls).toEqual([]);
  });

  it('call.accept on a chat session is wrong_channel and names the right module', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.emit('callIn', imCallIn('c1'));
    const error = await rejection(desk.call.accept('c1'));
    expect(error).toMatchObject({ code: 'wrong_channel', field: 'sessionId' });
    expect(error.message).toContain('chat.accept');
    expect(await rejection(desk.video.accept('c1'))).toMatchObject({ code: 'wrong_channel' });
    expect(sdk.calls).toEqual([]);
    await desk.chat.accept('c1');
    expect(sdk.calls.map((c) => c.method)).toEqual(['Chat.accept']);
  });
});

describe('defect 10: validation follows the guide, no stricter', () => {
  it('sendDigits without digits sends only the session (dtmfText is optional)', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.emit('callIn', phoneCallIn('i1'));
    sdk.emit('userAccessed', { sessionId: 'i1' });
    await desk.call.sendDigits('i1');
    expect(sdk.calls).toEqual([{ method: 'Call.sendDigits', args: [{ sessionId: 'i1' }] }]);
  });

  it('transfer takes no target, one, or both', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.emit('callIn', phoneCallIn('i1'));
    sdk.emit('userAccessed', { sessionId: 'i1' });
    await desk.call.transfer({ sessionId: 'i1' });
    await desk.call.transfer({ sessionId: 'i1', skillGroupId: 'sg', userId: 'bob' });
    expect(sdk.calls.map((c) => c.args[0])).toEqual([{ sessionId: 'i1' }, { sessionId: 'i1', skillGroupId: 'sg', userId: 'bob' }]);
  });
});

describe('sessions the desk never saw offered are adopted (e.g. after a page reload)', () => {
  it('userAccessed for an unknown session opens a talking session the agent can hang up', async () => {
    const { desk, sdk, state } = await readyDesk();
    sdk.emit('userAccessed', { sessionId: 'u1' });
    expect(state().sessions['u1']).toMatchObject({ status: 'talking', adopted: true, answeredAt: 42 });
    await desk.call.hangUp('u1');
    expect(sdk.calls).toEqual([{ method: 'Call.hungUp', args: [{ sessionId: 'u1' }] }]);
  });

  it('calloutAccepted for an unknown session opens a talking outbound session', async () => {
    const { sdk, state } = await readyDesk();
    sdk.emit('calloutAccepted', { sessionId: 'u2' });
    expect(state().sessions['u2']).toMatchObject({ status: 'talking', direction: 'outbound', adopted: true });
  });

  it('sessionEnded for an unknown session goes to history, with its channel when the payload says', async () => {
    const { sdk, state } = await readyDesk();
    sdk.emit('sessionEnded', { sessionId: 'u3', type: 'im', closeBy: 'client' });
    expect(state().sessionOrder).toEqual([]);
    expect(state().history[0]).toMatchObject({ id: 'u3', channel: 'im', status: 'ended', closeBy: 'client', adopted: true });
    expect(state().diagnostics.unexpectedEvents).toBe(0);
  });
});
