import { createDesk, isDeskError, type Desk, type DeskErrorInfo, type DeskState } from '../src/index';
import { createFakeLoader, createFakeLogin, createFakeSdk, type FakeSdk } from './fake-sdk';
import { phoneCallIn } from './helpers';

interface Harness {
  desk: Desk;
  sdk: FakeSdk;
  state: () => DeskState;
  errors: DeskErrorInfo[];
}

async function readyDesk(): Promise<Harness> {
  const sdk = createFakeSdk();
  const desk = createDesk({ login: createFakeLogin(), loader: createFakeLoader(sdk), clock: () => 42 });
  let latest: DeskState | undefined;
  desk.state$.subscribe((s) => (latest = s));
  const errors: DeskErrorInfo[] = [];
  desk.errors$.subscribe((e) => errors.push(e));
  await desk.connect();
  // One live inbound phone session, answered.
  sdk.emit('callIn', phoneCallIn('i1'));
  sdk.emit('userAccessed', { sessionId: 'i1' });
  return { desk, sdk, state: () => latest as DeskState, errors };
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

const long = (n: number, c = 'x') => c.repeat(n);

type Case = [label: string, run: (desk: Desk) => Promise<unknown>, field: string];

const invalid: Case[] = [
  ['dial without options', (d) => d.call.dial(null as never), 'options'],
  ['dial with a number as phoneNumber', (d) => d.call.dial({ phoneNumber: 12345 as never }), 'phoneNumber'],
  ['dial with letters', (d) => d.call.dial({ phoneNumber: '0755-CALL-NOW' }), 'phoneNumber'],
  ['dial with a + in the middle', (d) => d.call.dial({ phoneNumber: '86+755' }), 'phoneNumber'],
  ['dial with too few digits', (d) => d.call.dial({ phoneNumber: '12' }), 'phoneNumber'],
  ['dial with too many digits', (d) => d.call.dial({ phoneNumber: long(21, '1') }), 'phoneNumber'],
  ['dial with only a +', (d) => d.call.dial({ phoneNumber: '+' }), 'phoneNumber'],
  ['dial with an empty phoneDesc', (d) => d.call.dial({ phoneNumber: '10086', phoneDesc: ' ' }), 'phoneDesc'],
  ['dial with a long phoneDesc', (d) => d.call.dial({ phoneNumber: '10086', phoneDesc: long(65) }), 'phoneDesc'],
  ['dial with a long uui', (d) => d.call.dial({ phoneNumber: '10086', uui: long(1025) }), 'uui'],
  ['dial with a numeric skillGroupId', (d) => d.call.dial({ phoneNumber: '10086', skillGroupId: 7 as never }), 'skillGroupId'],
  ['dial with a bad callerPhoneNumber', (d) => d.call.dial({ phoneNumber: '10086', callerPhoneNumber: 'me' }), 'callerPhoneNumber'],
  ['dial with no servingNumberGroupIds', (d) => d.call.dial({ phoneNumber: '10086', servingNumberGroupIds: [] }), 'servingNumberGroupIds'],
  ['dial with an empty servingNumberGroupId', (d) => d.call.dial({ phoneNumber: '10086', servingNumberGroupIds: [''] }), 'servingNumberGroupIds'],
  ['accept with an empty id', (d) => d.call.accept(''), 'sessionId'],
  ['accept with a number', (d) => d.call.accept(7 as never), 'sessionId'],
  ['accept with a 129-character id', (d) => d.call.accept(long(129)), 'sessionId'],
  ['hangUp with a control character', (d) => d.call.hangUp('i\u00001'), 'sessionId'],
  ['mute without an id', (d) => d.call.mute(undefined as never), 'sessionId'],
  ['transfer to an empty userId', (d) => d.call.transfer({ sessionId: 'i1', userId: '' }), 'userId'],
  ['transfer without a target object', (d) => d.call.transfer(null as never), 'target'],
  ['transfer without a sessionId', (d) => d.chat.transfer({ userId: 'bob' } as never), 'sessionId'],
  ['sendDigits with a null', (d) => d.call.sendDigits('i1', null as never), 'digits'],
  ['sendDigits with letters', (d) => d.call.sendDigits('i1', '12a'), 'digits'],
  ['sendDigits with a space', (d) => d.call.sendDigits('i1', '1 2'), 'digits'],
  ['sendDigits too long', (d) => d.call.sendDigits('i1', long(33, '1')), 'digits'],
  ['sendDigits with a number', (d) => d.call.sendDigits('i1', 12 as never), 'digits'],
  ['sendDigits without a session', (d) => d.call.sendDigits('', '1'), 'sessionId'],
  ['internal without a callee', (d) => d.call.internal({} as never), 'calleeUserId'],
  ['internal with a string useMobile', (d) => d.call.internal({ calleeUserId: 'bob', useMobile: 'yes' as never }), 'useMobile'],
  ['setStatus to a platform-only status', (d) => d.agent.setStatus({ status: 'busy' as never }), 'status'],
  ['setStatus without options', (d) => d.agent.setStatus(undefined as never), 'options'],
  ['setStatus free with a restReason', (d) => d.agent.setStatus({ status: 'free', restReason: 'lunch' }), 'restReason'],
  ['setStatus rest with an empty restReason', (d) => d.agent.setStatus({ status: 'rest', restReason: '' }), 'restReason'],
  ['video.mute with an empty id', (d) => d.video.mute(''), 'sessionId'],
];

describe('commands: invalid input', () => {
  it.each(invalid)('%s → invalid_argument naming the field, SDK not called', async (_label, run, field) => {
    const { desk, sdk, errors } = await readyDesk();
    const error = await rejection(run(desk));
    expect(error).toMatchObject({ code: 'invalid_argument', field, retryable: false });
    expect(error.message).toContain(field);
    expect(sdk.calls).toEqual([]);
    expect(errors).toEqual([]); // the caller's own mistake: not broadcast
  });
});

describe('commands: state checks', () => {
  it('not_ready before ready, for every command, without calling the SDK', async () => {
    const sdk = createFakeSdk();
    const desk = createDesk({ login: createFakeLogin(), loader: createFakeLoader(sdk) });
    const commands: Array<() => Promise<unknown>> = [
      () => desk.call.dial({ phoneNumber: '10086' }),
      () => desk.call.accept('i1'),
      () => desk.call.hangUp('i1'),
      () => desk.call.hold('i1'),
      () => desk.call.transfer({ sessionId: 'i1', userId: 'bob' }),
      () => desk.call.sendDigits('i1', '1#'),
      () => desk.call.internal({ calleeUserId: 'bob' }),
      () => desk.chat.accept('c1'),
      () => desk.video.muteVideo('v1'),
      () => desk.agent.online(),
      () => desk.agent.setStatus({ status: 'free' }),
      () => desk.devices.microphones(),
      () => desk.ui.show(),
    ];
    for (const command of commands) expect(await rejection(command())).toMatchObject({ code: 'not_ready', retryable: false });
    // Before ready, browser support is a feature check: Node has no getUserMedia/RTCPeerConnection.
    expect(desk.devices.isBrowserSupported()).toBe(false);
    const connecting = desk.connect();
    expect((await rejection(desk.call.accept('i1'))).code).toBe('not_ready'); // authenticating
    await connecting;
    expect(sdk.calls).toEqual([]);
    expect(desk.devices.isBrowserSupported()).toBe(true); // ready: the SDK answers
    expect(sdk.calls.map((c) => c.method)).toEqual(['Devices.isBrowserSupported']);
    desk.destroy();
  });

  it('unknown_session for an id that is not live, without calling the SDK', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.emit('sessionEnded', { sessionId: 'i1' });
    for (const run of [() => desk.call.accept('i1'), () => desk.chat.end('nope'), () => desk.call.transfer({ sessionId: 'nope', userId: 'bob' }), () => desk.call.sendDigits('nope', '1')]) {
      expect(await rejection(run())).toMatchObject({ code: 'unknown_session', field: 'sessionId' });
    }
    expect(sdk.calls).toEqual([]);
  });

  it('destroyed after destroy(), even with bad input; a pending SDK call is cut short', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.answer('Call.hold', () => new Promise(() => undefined)); // never answers
    const pending = desk.call.hold('i1');
    desk.destroy();
    expect((await rejection(pending)).code).toBe('destroyed');
    expect((await rejection(desk.call.accept(''))).code).toBe('destroyed');
    expect((await rejection(desk.agent.offline())).code).toBe('destroyed');
    expect(() => desk.devices.isBrowserSupported()).toThrow(expect.objectContaining({ code: 'destroyed' }));
  });
});

describe('commands: SDK errors', () => {
  it.each([
    ['{status:error, errMsg}', () => Promise.resolve({ status: 'error', errMsg: 'line busy' }), 'line busy'],
    ['{status:error, errorMsg}', () => Promise.resolve({ status: 'error', errorMsg: 'no permission' }), 'no permission'],
    ['a rejection with errMsg (the guide’s `throw res`)', () => Promise.reject({ status: 'error', errMsg: 'rejected' }), 'rejected'],
    ['a thrown Error', () => { throw new Error('boom'); }, 'boom'],
    ['{status:error} without a message', () => Promise.resolve({ status: 'error' }), 'The TCCC SDK reported an error without a message'],
  ])('%s → sdk_error with the SDK’s message, reported on errors$, state unchanged', async (_label, answer, message) => {
    const { desk, sdk, state, errors } = await readyDesk();
    sdk.answer('Call.hold', answer);
    const before = state();
    const error = await rejection(desk.call.hold('i1'));
    expect(error).toMatchObject({ code: 'sdk_error', message, retryable: false });
    expect(errors).toEqual([{ code: 'sdk_error', message, retryable: false }]);
    expect(state()).toBe(before);
  });

  it('a dial answer without a sessionId is an sdk_error', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.answer('Call.startOutboundCall', () => Promise.resolve({ status: 'success', data: {} }));
    expect((await rejection(desk.call.dial({ phoneNumber: '10086' }))).code).toBe('sdk_error');
  });
});

describe('commands: success', () => {
  it('dial normalises the number, sends only known fields, and opens a dialing session', async () => {
    const { desk, sdk, state } = await readyDesk();
    sdk.answer('Call.startOutboundCall', () => Promise.resolve({ status: 'success', data: { sessionId: 'o9', calleeLocation: 'SZ' } }));
    const data = await desk.call.dial({ phoneNumber: ' +86 (755) 8688-8888 ', phoneDesc: 'Tencent', extra: 'dropped' } as never);
    expect(data).toEqual({ sessionId: 'o9', calleeLocation: 'SZ' });
    expect(sdk.calls).toEqual([{ method: 'Call.startOutboundCall', args: [{ phoneNumber: '+8675586888888', phoneDesc: 'Tencent' }] }]);
    expect(state().sessions['o9']).toMatchObject({ status: 'dialing', direction: 'outbound', offeredAt: 42, peer: { displayName: 'Tencent', phoneNumber: '+8675586888888', location: 'SZ' } });
    // i1 is talking, so it stays the active session
    expect(state().activeSessionId).toBe('i1');
  });

  it('session commands call the documented SDK methods with { sessionId }, each channel through its module', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.emit('callIn', phoneCallIn('p2'));
    sdk.emit('callIn', { type: 'im', sessionId: 'c1', timeout: 0, nickname: 'Ann' });
    sdk.emit('callIn', { type: 'video', sessionId: 'v1', timeout: 0, userId: 'u1' });
    await desk.call.accept('p2');
    await desk.call.hangUp('i1');
    await desk.chat.accept('c1');
    await desk.chat.end('c1');
    await desk.video.accept('v1');
    sdk.emit('userAccessed', { sessionId: 'v1' }); // the fake SDK answers commands, sends no events
    await desk.video.muteVideo('v1');
    await desk.video.unmuteVideo('v1');
    await desk.video.end('v1');
    expect(sdk.calls.map((c) => [c.method, c.args])).toEqual([
      ['Call.accept', [{ sessionId: 'p2' }]],
      ['Call.hungUp', [{ sessionId: 'i1' }]],
      ['Chat.accept', [{ sessionId: 'c1' }]],
      ['Chat.end', [{ sessionId: 'c1' }]],
      ['Video.accept', [{ sessionId: 'v1' }]],
      ['Video.muteVideo', [{ sessionId: 'v1' }]],
      ['Video.unmuteVideo', [{ sessionId: 'v1' }]],
      ['Video.end', [{ sessionId: 'v1' }]],
    ]);
  });

  it('mute/unmute/isMuted, hold/unhold and the camera update the session (the SDK sends no event for them)', async () => {
    const { desk, sdk, state } = await readyDesk();
    await desk.call.mute('i1');
    expect(state().sessions['i1'].muted).toBe(true);
    await desk.call.unmute('i1');
    expect(state().sessions['i1'].muted).toBe(false);
    sdk.answer('Call.isMicMuted', () => Promise.resolve({ status: 'success', data: true }));
    expect(await desk.call.isMuted('i1')).toBe(true);
    expect(state().sessions['i1'].muted).toBe(true);
    await desk.call.hold('i1');
    expect(state().sessions['i1'].status).toBe('held');
    await desk.call.unhold('i1');
    expect(state().sessions['i1'].status).toBe('talking');
    sdk.emit('callIn', { type: 'video', sessionId: 'v1', timeout: 0, userId: 'u1' });
    expect(state().sessions['v1'].videoMuted).toBe(false);
    sdk.emit('userAccessed', { sessionId: 'v1' });
    await desk.video.mute('v1');
    await desk.video.muteVideo('v1');
    expect(state().sessions['v1']).toMatchObject({ muted: true, videoMuted: true });
    await desk.video.unmuteVideo('v1');
    expect(state().sessions['v1'].videoMuted).toBe(false);
    expect(sdk.calls.map((c) => c.method)).toEqual([
      'Call.muteMic',
      'Call.unmuteMic',
      'Call.isMicMuted',
      'Call.hold',
      'Call.unHold',
      'Video.muteMic',
      'Video.muteVideo',
      'Video.unmuteVideo',
    ]);
  });

  it('transfer, sendDigits and internal send exactly the checked options', async () => {
    const { desk, sdk, state } = await readyDesk();
    sdk.emit('callIn', { type: 'video', sessionId: 'v1', timeout: 0, userId: 'u1' });
    sdk.emit('userAccessed', { sessionId: 'v1' });
    await desk.call.sendDigits('i1', '12*#');
    await desk.call.transfer({ sessionId: 'i1', userId: 'bob@corp' });
    await desk.video.transfer({ sessionId: 'v1', skillGroupId: 'sg-1' });
    expect(await desk.call.internal({ calleeUserId: 'carol@corp', useMobile: true })).toEqual({ sessionId: 'int-1' });
    expect(sdk.calls).toEqual([
      { method: 'Call.sendDigits', args: [{ sessionId: 'i1', dtmfText: '12*#' }] },
      { method: 'Call.transfer', args: [{ sessionId: 'i1', userId: 'bob@corp' }] },
      { method: 'Video.transfer', args: [{ sessionId: 'v1', skillGroupId: 'sg-1' }] },
      { method: 'Call.startInternalCall', args: [{ calleeUserId: 'carol@corp', useMobile: true }] },
    ]);
    expect(state().sessions['int-1']).toMatchObject({ channel: 'internal', direction: 'internal', status: 'dialing', peer: { userId: 'carol@corp' } });
  });

  it('agent, devices and ui commands', async () => {
    const { desk, sdk, state } = await readyDesk();
    await desk.agent.online();
    expect(state().agent.online).toBe(true);
    await desk.agent.setStatus({ status: 'rest', restReason: 'lunch' });
    expect(state().agent).toEqual({ status: 'unknown', online: true, pending: { status: 'rest', restReason: 'lunch' } });
    sdk.emit('statusChanged', { status: 'rest' });
    expect(state().agent).toEqual({ status: 'rest', restReason: 'lunch', online: true });
    await desk.agent.offline();
    expect(state().agent.online).toBe(false);
    expect(await desk.devices.microphones()).toEqual([{ kind: 'audioinput', deviceId: 'mic' }]);
    expect(await desk.devices.speakers()).toEqual([{ kind: 'audiooutput', deviceId: 'spk' }]);
    expect(desk.devices.isBrowserSupported()).toBe(true);
    sdk.answer('Devices.isBrowserSupported', () => false);
    expect(desk.devices.isBrowserSupported()).toBe(false);
    await desk.ui.show();
    await desk.ui.hide();
    expect(sdk.calls.map((c) => c.method)).toEqual([
      'Agent.online',
      'Agent.setStatus',
      'Agent.offline',
      'Devices.getMicrophones',
      'Devices.getSpeakers',
      'Devices.isBrowserSupported',
      'Devices.isBrowserSupported',
      'UI.show',
      'UI.hide',
    ]);
    expect(sdk.calls[1].args).toEqual([{ status: 'rest', restReason: 'lunch' }]);
  });
});
