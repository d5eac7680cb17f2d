// The emulated call center's flows, observed as a page sees them: commands over /sdk/rpc, events
// over the SSE stream, the far party and faults over /control/sdk.
import { startEmulator, type RunningEmulator } from '../src';
import { control, controlOk, mintSdkUrl, openPage, pageConfigOf, sdkState, waitUntil, type TestPage } from './sdk-page';

let emulator: RunningEmulator;
let alice: TestPage;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: false, sdkReadyDelayMs: 10 });
  alice = await openPage(emulator);
});
afterAll(async () => {
  alice.close();
  await emulator.close();
});
beforeEach(async () => {
  expect((await control(emulator, 'POST', '/reset')).status).toBe(204);
  await controlOk(emulator, 'PUT', '/sdk/settings', { callOutedDelayMs: 20 });
});

/** Events the page received after `from` (an index into alice.events.received). */
const since = (from: number) => alice.events.received.slice(from);
const names = (from: number) => since(from).map((e) => e.event);

async function ringInbound(body: Record<string, unknown>): Promise<string> {
  const response = await control(emulator, 'POST', '/sdk/inbound', body);
  expect(response.status).toBe(201);
  return (await response.json()).sessionId;
}

async function acceptedInbound(type = 'phone', module = 'Call'): Promise<{ sessionId: string; from: number }> {
  const from = alice.events.received.length;
  const sessionId = await ringInbound({ type });
  await alice.events.waitFor((e) => e.event === 'callIn' && e.payload.sessionId === sessionId, 5000, from);
  expect(await alice.rpc(`${module}.accept`, { sessionId })).toEqual({ status: 'success' });
  await alice.events.waitFor('userAccessed', 5000, from);
  await alice.events.waitFor((e) => e.event === 'statusChanged' && e.payload.status === 'busy', 5000, from);
  return { sessionId, from };
}

describe('outbound phone call', () => {
  it('startOutboundCall → callOuted (~300 ms) → calloutAccepted on /answer (+busy) → hungUp → sessionEnded seat (+free)', async () => {
    await controlOk(emulator, 'PUT', '/sdk/settings', { callOutedDelayMs: 300 });
    const from = alice.events.received.length;
    const started = Date.now();
    const response = await alice.rpc('Call.startOutboundCall', { phoneNumber: '075586888888', phoneDesc: 'Tencent' });
    expect(response).toMatchObject({
      status: 'success',
      data: { sessionId: expect.any(String), calleePhoneNumber: '075586888888', callerPhoneNumber: expect.any(String), serverType: 'staffSeat', remark: 'Tencent' },
    });
    const { sessionId } = response.data as { sessionId: string };
    const outed = await alice.events.waitFor('callOuted', 5000, from);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(outed.payload).toMatchObject({ sessionId, calleePhoneNumber: '075586888888', remark: 'Tencent' });
    expect((await sdkState(emulator)).sessions).toEqual([expect.objectContaining({ sessionId, direction: 'outbound', status: 'dialing' })]);

    await controlOk(emulator, 'POST', `/sdk/sessions/${sessionId}/answer`);
    await alice.events.waitFor('statusChanged', 5000, from);
    expect(await alice.rpc('Call.hungUp', { sessionId })).toEqual({ status: 'success' });
    const ended = await alice.events.waitFor('sessionEnded', 5000, from);
    expect(ended.payload).toMatchObject({ sessionId, closeBy: 'seat', type: 'phone', duration: expect.any(Number) });
    await alice.events.waitFor((e) => e.event === 'statusChanged' && e.payload.status === 'free', 5000, from);
    expect(names(from)).toEqual(['callOuted', 'calloutAccepted', 'statusChanged', 'sessionEnded', 'statusChanged']);
    expect(since(from)[2].payload).toEqual({ status: 'busy' });
    expect((await sdkState(emulator)).agents).toEqual({ 'alice@example.com': 'free' });
  });

  it('the callee rejects: sessionEnded closeBy client, the agent never went busy', async () => {
    const from = alice.events.received.length;
    const { data } = await alice.rpc('Call.startOutboundCall', { phoneNumber: '13800000000' });
    const { sessionId } = data as { sessionId: string };
    await controlOk(emulator, 'POST', `/sdk/sessions/${sessionId}/reject`);
    const ended = await alice.events.waitFor('sessionEnded', 5000, from);
    expect(ended.payload).toMatchObject({ sessionId, closeBy: 'client', duration: 0 });
    expect(names(from)).toEqual(['callOuted', 'sessionEnded']); // callOuted first even when rejected early
  });

  it('calleeAutoAnswerMs answers by itself; the far party hangs up: closeBy client', async () => {
    await controlOk(emulator, 'PUT', '/sdk/settings', { calleeAutoAnswerMs: 50 });
    const from = alice.events.received.length;
    const { data } = await alice.rpc('Call.startOutboundCall', { phoneNumber: '13800000001' });
    const { sessionId } = data as { sessionId: string };
    await alice.events.waitFor('calloutAccepted', 5000, from);
    await controlOk(emulator, 'POST', `/sdk/sessions/${sessionId}/hangup`);
    expect((await alice.events.waitFor('sessionEnded', 5000, from)).payload).toMatchObject({ sessionId, closeBy: 'client' });
  });

  it('refuses a second call while one is in progress, and a bad number', async () => {
    await alice.rpc('Call.startOutboundCall', { phoneNumber: '13800000002' });
    const second = await alice.rpc('Call.startOutboundCall', { phoneNumber: '13800000003' });
    expect(second).toMatchObject({ status: 'error', errorMsg: expect.stringMatching(/already has a call/) });
    const bad = await alice.rpc('Call.startOutboundCall', { phoneNumber: 'call me' });
    expect(bad).toMatchObject({ status: 'error', errorMsg: expect.stringMatching(/phoneNumber/) });
    expect(bad.errMsg).toBe(bad.errorMsg);
  });

  it('is no stricter than the desk: a uui of 1,024 characters (desk-core COMMAND_LIMITS.uui) is placed', async () => {
    const response = await alice.rpc('Call.startOutboundCall', { phoneNumber: '13800000004', uui: 'u'.repeat(1024) });
    expect(response).toMatchObject({ status: 'success', data: { sessionId: expect.any(String) } });
  });
});

describe('inbound phone call', () => {
  it('callIn with the documented fields → Call.accept → userAccessed (+busy) → far hangup → sessionEnded client (+free)', async () => {
    const from = alice.events.received.length;
    const ivrPath = [{ key: '1', label: 'Sales' }];
    const sessionId = await ringInbound({ type: 'phone', callerPhoneNumber: '13912345678', calleePhoneNumber: '4008001234', callerLocation: 'Beijing', remark: 'VIP', ivrPath });
    const callIn = await alice.events.waitFor('callIn', 5000, from);
    expect(callIn.payload).toEqual({
      sessionId,
      type: 'phone',
      timeout: 30,
      callerPhoneNumber: '13912345678',
      calleePhoneNumber: '4008001234',
      callerLocation: 'Beijing',
      remark: 'VIP',
      ivrPath,
      serverType: 'staffSeat',
    });
    expect(await alice.rpc('Call.accept', { sessionId })).toEqual({ status: 'success' });
    await alice.events.waitFor('statusChanged', 5000, from);
    await controlOk(emulator, 'POST', `/sdk/sessions/${sessionId}/hangup`);
    await alice.events.waitFor((e) => e.event === 'statusChanged' && e.payload.status === 'free', 5000, from);
    expect(names(from)).toEqual(['callIn', 'userAccessed', 'statusChanged', 'sessionEnded', 'statusChanged']);
    expect(since(from)[3].payload).toMatchObject({ sessionId, closeBy: 'client' });
  });

  it('not accepted within timeout → autoTransfer → sessionEnded closeBy timer; accepting later fails', async () => {
    const from = alice.events.received.length;
    const sessionId = await ringInbound({ type: 'phone', timeout: 0.3 });
    await alice.events.waitFor('sessionEnded', 5000, from);
    expect(names(from)).toEqual(['callIn', 'autoTransfer', 'sessionEnded']);
    expect(since(from)[1].payload).toEqual({ sessionId });
    expect(since(from)[2].payload).toMatchObject({ sessionId, closeBy: 'timer' });
    expect(await alice.rpc('Call.accept', { sessionId })).toMatchObject({ status: 'error', errorMsg: expect.stringMatching(/ended/) });
  });

  it('timeout 0 never times out', async () => {
    const from = alice.events.received.length;
    const sessionId = await ringInbound({ type: 'phone', timeout: 0 });
    expect((await alice.events.waitFor('callIn', 5000, from)).payload.timeout).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(names(from)).toEqual(['callIn']);
    expect((await sdkState(emulator)).sessions).toEqual([expect.objectContaining({ sessionId, status: 'ringing' })]);
  });

  it('the agent declines a ringing call: sessionEnded seat, no status change', async () => {
    const from = alice.events.received.length;
    const sessionId = await ringInbound({ type: 'phone' });
    await alice.events.waitFor('callIn', 5000, from);
    expect(await alice.rpc('Call.hungUp', { sessionId })).toEqual({ status: 'success' });
    await alice.events.waitFor('sessionEnded', 5000, from);
    expect(names(from)).toEqual(['callIn', 'sessionEnded']);
    expect(await alice.rpc('Call.deleteCall', { sessionId })).toEqual({ status: 'success' });
    expect(await alice.rpc('Call.deleteCall', { sessionId })).toMatchObject({ status: 'error' });
  });
});

describe('in-call commands', () => {
  it('hold / unHold move talking ↔ held and refuse the wrong state', async () => {
    const { sessionId } = await acceptedInbound();
    expect(await alice.rpc('Call.unHold', { sessionId })).toMatchObject({ status: 'error', errorMsg: expect.stringMatching(/not held/) });
    expect(await alice.rpc('Call.hold', { sessionId })).toEqual({ status: 'success' });
    expect((await sdkState(emulator)).sessions[0].status).toBe('held');
    expect(await alice.rpc('Call.hold', { sessionId })).toMatchObject({ status: 'error' });
    expect(await alice.rpc('Call.sendDigits', { sessionId, dtmfText: '1' })).toMatchObject({ status: 'error' }); // not while held
    expect(await alice.rpc('Call.unHold', { sessionId })).toEqual({ status: 'success' });
    expect((await sdkState(emulator)).sessions[0].status).toBe('talking');
  });

  it('muteMic / unmuteMic / isMicMuted', async () => {
    const { sessionId } = await acceptedInbound();
    expect(await alice.rpc('Call.isMicMuted', { sessionId })).toEqual({ status: 'success', data: false });
    expect(await alice.rpc('Call.muteMic', { sessionId })).toEqual({ status: 'success' });
    expect(await alice.rpc('Call.isMicMuted', { sessionId })).toEqual({ status: 'success', data: true });
    expect(await alice.rpc('Call.unmuteMic', { sessionId })).toEqual({ status: 'success' });
    expect(await alice.rpc('Call.isMicMuted', { sessionId })).toEqual({ status: 'success', data: false });
    expect(await alice.rpc('Call.muteMic', { sessionId: 'nope' })).toMatchObject({ status: 'error', errorMsg: expect.stringMatching(/not found/) });
  });

  it('sendDigits accepts DTMF, and no dtmfText at all (optional in the guide)', async () => {
    const { sessionId } = await acceptedInbound();
    expect(await alice.rpc('Call.sendDigits', { sessionId, dtmfText: '12#*' })).toEqual({ status: 'success' });
    expect(await alice.rpc('Call.sendDigits', { sessionId })).toEqual({ status: 'success' });
    expect(await alice.rpc('Call.sendDigits', { sessionId, dtmfText: 'abc' })).toMatchObject({ status: 'error' });
  });

  it('transfer: the targets are optional (the guide), then fires transfer and sessionEnded seat', async () => {
    const { sessionId, from } = await acceptedInbound();
    expect(await alice.rpc('Call.transfer', { sessionId, skillGroupId: '42' })).toEqual({ status: 'success' });
    await alice.events.waitFor((e) => e.event === 'statusChanged' && e.payload.status === 'free', 5000, from);
    expect(names(from)).toEqual(['callIn', 'userAccessed', 'statusChanged', 'transfer', 'sessionEnded', 'statusChanged']);
    expect(since(from)[3].payload).toEqual({ sessionId, skillGroupId: '42' });
    expect(since(from)[4].payload).toMatchObject({ sessionId, closeBy: 'seat' });
  });

  it('another seat can neither see nor touch the session', async () => {
    const bob = await openPage(emulator, 'bob@example.com');
    try {
      const sessionId = await ringInbound({ type: 'phone', seatUserId: 'alice@example.com' });
      await alice.events.waitFor((e) => e.event === 'callIn' && e.payload.sessionId === sessionId);
      expect(await bob.rpc('Call.accept', { sessionId })).toMatchObject({ status: 'error', errorMsg: expect.stringMatching(/not found/) });
      expect(bob.events.names()).not.toContain('callIn');
    } finally {
      bob.close();
      // Later tests ring the default seat (the latest connected page): wait until bob's page is gone.
      await waitUntil(async () => (await sdkState(emulator)).pages.every((p: { seatUserId: string }) => p.seatUserId !== 'bob@example.com'));
    }
  });
});

describe('other channels', () => {
  it('internal: inbound callIn with peerUserId; startInternalCall → callOuted → calloutAccepted', async () => {
    const from = alice.events.received.length;
    const inbound = await ringInbound({ type: 'internal', peerUserId: 'bob@example.com', timeout: 10 });
    expect((await alice.events.waitFor('callIn', 5000, from)).payload).toEqual({ sessionId: inbound, type: 'internal', timeout: 10, peerUserId: 'bob@example.com' });
    await alice.rpc('Call.hungUp', { sessionId: inbound });

    const own = await alice.rpc('Call.startInternalCall', { calleeUserId: 'bob@example.com' });
    expect(own).toMatchObject({ status: 'success', data: { sessionId: expect.any(String) } });
    const { sessionId } = own.data as { sessionId: string };
    await alice.events.waitFor((e) => e.event === 'callOuted' && e.payload.sessionId === sessionId, 5000, from);
    await controlOk(emulator, 'POST', `/sdk/sessions/${sessionId}/answer`);
    await alice.events.waitFor('calloutAccepted', 5000, from);
    expect((await sdkState(emulator)).sessions.find((s: { sessionId: string }) => s.sessionId === sessionId)).toMatchObject({ type: 'internal', direction: 'internal', status: 'talking' });
    expect(await alice.rpc('Call.startInternalCall', { calleeUserId: 'alice@example.com' })).toMatchObject({ status: 'error' });
  });

  it('im: callIn with nickname; Call.accept is refused (use Chat), Chat.accept / Chat.end work', async () => {
    const from = alice.events.received.length;
    const sessionId = await ringInbound({ type: 'im', nickname: 'Lily', peerSource: 'wechat', clientData: 'order=17' });
    expect((await alice.events.waitFor('callIn', 5000, from)).payload).toEqual({ sessionId, type: 'im', timeout: 30, nickname: 'Lily', peerSource: 'wechat', clientData: 'order=17' });
    expect(await alice.rpc('Call.accept', { sessionId })).toMatchObject({ status: 'error', errorMsg: expect.stringMatching(/tccc\.Chat/) });
    expect(await alice.rpc('Chat.accept', { sessionId })).toEqual({ status: 'success' });
    expect(await alice.rpc('Chat.end', { sessionId })).toEqual({ status: 'success' });
    expect((await alice.events.waitFor('sessionEnded', 5000, from)).payload).toMatchObject({ sessionId, closeBy: 'seat', type: 'im' });
  });

  it('im: Chat.transfer', async () => {
    const { sessionId, from } = await acceptedInbound('im', 'Chat');
    expect(await alice.rpc('Chat.transfer', { sessionId, userId: 'bob@example.com' })).toEqual({ status: 'success' });
    expect((await alice.events.waitFor('transfer', 5000, from)).payload).toEqual({ sessionId, userId: 'bob@example.com' });
  });

  it('voip: callIn with callee and userId; Call.accept', async () => {
    const from = alice.events.received.length;
    const sessionId = await ringInbound({ type: 'voip', callee: 'hotline', userId: 'o-123', nickname: 'Wei' });
    expect((await alice.events.waitFor('callIn', 5000, from)).payload).toEqual({ sessionId, type: 'voip', timeout: 30, callee: 'hotline', userId: 'o-123', nickname: 'Wei' });
    expect(await alice.rpc('Call.accept', { sessionId })).toEqual({ status: 'success' });
    expect(await alice.rpc('Call.hold', { sessionId })).toEqual({ status: 'success' });
  });

  it('video: Video.accept, muteMic, muteVideo / unmuteVideo, Video.transfer', async () => {
    const { sessionId, from } = await acceptedInbound('video', 'Video');
    expect(since(from)[0].payload).toMatchObject({ type: 'video', userId: expect.any(String) });
    for (const method of ['Video.muteMic', 'Video.unmuteMic', 'Video.muteVideo', 'Video.unmuteVideo']) {
      expect(await alice.rpc(method, { sessionId })).toEqual({ status: 'success' });
    }
    expect(await alice.rpc('Call.hold', { sessionId })).toMatchObject({ status: 'error' });
    expect(await alice.rpc('Video.transfer', { sessionId, skillGroupId: '7' })).toEqual({ status: 'success' });
    await alice.events.waitFor('sessionEnded', 5000, from);
  });

  it('video: Video.end → sessionEnded seat', async () => {
    const { sessionId, from } = await acceptedInbound('video', 'Video');
    expect(await alice.rpc('Video.end', { sessionId })).toEqual({ status: 'success' });
    expect((await alice.events.waitFor('sessionEnded', 5000, from)).payload).toMatchObject({ sessionId, closeBy: 'seat', type: 'video' });
  });
});

describe('internal call between two open seats', () => {
  it('rings the callee page as an internal callIn; its accept answers the caller; a hang-up ends both', async () => {
    const bob = await openPage(emulator, 'bob@example.com');
    try {
      const from = alice.events.received.length;
      const started = await alice.rpc('Call.startInternalCall', { calleeUserId: 'bob@example.com' });
      const { sessionId } = started.data as { sessionId: string };
      const ring = await bob.events.waitFor('callIn');
      expect(ring.payload).toMatchObject({ type: 'internal', peerUserId: 'alice@example.com', timeout: 30 });
      const bobSession = ring.payload.sessionId as string;
      expect(await bob.rpc('Call.accept', { sessionId: bobSession })).toEqual({ status: 'success' });
      await alice.events.waitFor((e) => e.event === 'calloutAccepted' && e.payload.sessionId === sessionId, 5000, from);
      expect(await alice.rpc('Call.hungUp', { sessionId })).toEqual({ status: 'success' });
      expect((await bob.events.waitFor('sessionEnded')).payload).toMatchObject({ sessionId: bobSession, closeBy: 'client', type: 'internal' });
    } finally {
      bob.close();
      await waitUntil(async () => (await sdkState(emulator)).pages.every((p: { seatUserId: string }) => p.seatUserId !== 'bob@example.com'));
    }
  });
});

describe('agents who cannot take contacts', () => {
  it('offline: no inbound contact (409), statusChanged notReady; online again: free and offered', async () => {
    const from = alice.events.received.length;
    expect(await alice.rpc('Agent.offline')).toEqual({ status: 'success' });
    await alice.events.waitFor((e) => e.event === 'statusChanged' && e.payload.status === 'notReady', 5000, from);
    const refused = await control(emulator, 'POST', '/sdk/inbound', { type: 'im' });
    expect(refused.status).toBe(409);
    expect((await refused.json()).message).toMatch(/offline/);
    expect((await sdkState(emulator)).agentDetails['alice@example.com']).toEqual({ status: 'notReady', online: false });
    expect(await alice.rpc('Agent.setStatus', { status: 'free' })).toMatchObject({ status: 'error', errorMsg: expect.stringMatching(/offline/) });
    expect(await alice.rpc('Agent.online')).toEqual({ status: 'success' });
    await alice.events.waitFor((e) => e.event === 'statusChanged' && e.payload.status === 'free', 5000, from);
    await ringInbound({ type: 'im' });
  });

  it('resting (with its reason kept) or not ready: no inbound contact', async () => {
    expect(await alice.rpc('Agent.setStatus', { status: 'rest', restReason: 'lunch' })).toEqual({ status: 'success' });
    expect((await sdkState(emulator)).agentDetails['alice@example.com']).toEqual({ status: 'rest', online: true, restReason: 'lunch' });
    expect((await control(emulator, 'POST', '/sdk/inbound', { type: 'phone' })).status).toBe(409);
    expect(await alice.rpc('Agent.setStatus', { status: 'notReady' })).toEqual({ status: 'success' });
    expect((await control(emulator, 'POST', '/sdk/inbound', { type: 'video' })).status).toBe(409);
    expect(await alice.rpc('Agent.setStatus', { status: 'stopNotReady' })).toEqual({ status: 'success' });
    await ringInbound({ type: 'video' });
  });

  it('going offline during a call: after the hang-up the seat is notReady, not free', async () => {
    const { sessionId, from } = await acceptedInbound();
    expect(await alice.rpc('Agent.offline')).toEqual({ status: 'success' });
    await alice.rpc('Call.hungUp', { sessionId });
    await alice.events.waitFor((e) => e.event === 'statusChanged' && e.payload.status === 'notReady', 5000, from);
    expect(names(from)).toEqual(['callIn', 'userAccessed', 'statusChanged', 'sessionEnded', 'statusChanged']);
  });

  it('deleteCall (删除会话) takes an ended session off the list, never a live one', async () => {
    const { sessionId } = await acceptedInbound();
    expect(await alice.rpc('Call.deleteCall', { sessionId })).toMatchObject({ status: 'error', errorMsg: expect.stringMatching(/hang up first/) });
    await alice.rpc('Call.hungUp', { sessionId });
    expect(await alice.rpc('Call.deleteCall', { sessionId })).toEqual({ status: 'success' });
    expect((await sdkState(emulator)).sessions.some((s: { sessionId: string }) => s.sessionId === sessionId)).toBe(false);
  });
});

describe('sessionEnded closeBy and agent status', () => {
  it('the admin closes a session: closeBy admin with reasons', async () => {
    const { sessionId, from } = await acceptedInbound();
    await controlOk(emulator, 'POST', `/sdk/sessions/${sessionId}/close`, { mainReason: 'forced', subReason: 'supervisor' });
    expect((await alice.events.waitFor('sessionEnded', 5000, from)).payload).toMatchObject({ sessionId, closeBy: 'admin', mainReason: 'forced', subReason: 'supervisor' });
  });

  it('after-call work: arrange after the call, then sessionCompleted and free when the agent sets free', async () => {
    await controlOk(emulator, 'PUT', '/sdk/settings', { afterCallWork: true });
    const { sessionId, from } = await acceptedInbound();
    expect(await alice.rpc('Agent.setStatus', { status: 'rest' })).toMatchObject({ status: 'error', errorMsg: expect.stringMatching(/in a call/) });
    await alice.rpc('Call.hungUp', { sessionId });
    await alice.events.waitFor((e) => e.event === 'statusChanged' && e.payload.status === 'arrange', 5000, from);
    expect((await sdkState(emulator)).agents['alice@example.com']).toBe('arrange');
    expect(await alice.rpc('Agent.setStatus', { status: 'free' })).toEqual({ status: 'success' });
    await alice.events.waitFor((e) => e.event === 'statusChanged' && e.payload.status === 'free', 5000, from);
    expect(names(from)).toEqual(['callIn', 'userAccessed', 'statusChanged', 'sessionEnded', 'statusChanged', 'sessionCompleted', 'statusChanged']);
    expect(since(from)[5].payload).toEqual({ sessionId });
  });

  it('Agent.setStatus fires statusChanged; stopNotReady means free; bad values are an error', async () => {
    const from = alice.events.received.length;
    expect(await alice.rpc('Agent.setStatus', { status: 'notReady' })).toEqual({ status: 'success' });
    expect(await alice.rpc('Agent.setStatus', { status: 'stopNotReady' })).toEqual({ status: 'success' });
    expect(await alice.rpc('Agent.setStatus', { status: 'rest', restReason: 'lunch' })).toEqual({ status: 'success' });
    await alice.events.waitFor((e) => e.event === 'statusChanged' && e.payload.status === 'rest', 5000, from);
    expect(since(from).map((e) => e.payload.status)).toEqual(['notReady', 'free', 'rest']);
    expect(await alice.rpc('Agent.setStatus', { status: 'asleep' })).toMatchObject({ status: 'error', errorMsg: expect.stringMatching(/Agent\.setStatus/) });
  });
});

describe('faults and settings', () => {
  it('fail-next: the next call of that method resolves the error (both spellings), the one after succeeds', async () => {
    expect((await control(emulator, 'POST', '/sdk/fail-next', { method: 'Call.startOutboundCall', message: 'No outbound number' })).status).toBe(201);
    expect(await alice.rpc('Call.startOutboundCall', { phoneNumber: '13800000009' })).toEqual({ status: 'error', errorMsg: 'No outbound number', errMsg: 'No outbound number' });
    expect(await alice.rpc('Call.startOutboundCall', { phoneNumber: '13800000009' })).toMatchObject({ status: 'success' });
  });

  it('tokenExpired reaches the connected page', async () => {
    const from = alice.events.received.length;
    expect(await controlOk(emulator, 'POST', '/sdk/token-expired', { message: 'expired!' })).toEqual({ pages: 1 });
    expect((await alice.events.waitFor('tokenExpired', 5000, from)).payload).toEqual({ message: 'expired!' });
  });

  it('scriptStatus 404 answers the next SdkURL fetch with 404 only; the token stays usable', async () => {
    await controlOk(emulator, 'PUT', '/sdk/settings', { scriptStatus: 404 });
    const sdkUrl = await mintSdkUrl(emulator);
    expect((await fetch(sdkUrl)).status).toBe(404);
    expect((await controlOk(emulator, 'GET', '/sdk/settings')).scriptStatus).toBe(200);
    expect((await fetch(sdkUrl)).status).toBe(200);
  });

  it('the served page config carries readyDelayMs, neverReady and tokenExpiredOnLoad of that moment', async () => {
    await controlOk(emulator, 'PUT', '/sdk/settings', { readyDelayMs: 1234, neverReady: true, tokenExpiredOnLoad: true });
    const config = pageConfigOf(await (await fetch(await mintSdkUrl(emulator))).text());
    expect(config).toMatchObject({ readyDelayMs: 1234, neverReady: true, tokenExpiredOnLoad: true, pageKey: expect.any(String) });
    await control(emulator, 'POST', '/reset');
    const fresh = pageConfigOf(await (await fetch(await mintSdkUrl(emulator))).text());
    expect(fresh).toMatchObject({ readyDelayMs: 10, neverReady: false, tokenExpiredOnLoad: false });
    expect(fresh.pageKey).not.toBe(config.pageKey);
  });

  it('reset forgets sessions, settings and fail-next rules; the page stays connected', async () => {
    await ringInbound({ type: 'phone', timeout: 0 });
    await controlOk(emulator, 'POST', '/sdk/fail-next', { method: 'Call.accept' });
    await controlOk(emulator, 'PUT', '/sdk/settings', { afterCallWork: true });
    await control(emulator, 'POST', '/reset');
    const state = await sdkState(emulator);
    expect(state).toMatchObject({ sessions: [], failNext: {}, settings: { afterCallWork: false, callOutedDelayMs: 300 } });
    expect(state.pages).toEqual([expect.objectContaining({ seatUserId: 'alice@example.com', connectedAt: expect.any(Number) })]);
  });
});

describe('the workbench dev buttons (RPC with the page key)', () => {
  it('simulateInbound rings the page; farHangup ends its newest session', async () => {
    const from = alice.events.received.length;
    const rung = await alice.rpc('Emulator.simulateInbound', { type: 'im' });
    expect(rung).toMatchObject({ status: 'success', data: { sessionId: expect.any(String) } });
    const { sessionId } = rung.data as { sessionId: string };
    expect((await alice.events.waitFor('callIn', 5000, from)).payload).toMatchObject({ sessionId, type: 'im' });
    expect(await alice.rpc('Emulator.farHangup')).toEqual({ status: 'success', data: { sessionId } });
    expect((await alice.events.waitFor('sessionEnded', 5000, from)).payload).toMatchObject({ sessionId, closeBy: 'client' });
    expect(await alice.rpc('Emulator.farAnswer')).toMatchObject({ status: 'error', errorMsg: 'No live session' });
  });
});

describe('the page credential and CORS', () => {
  it('refuses RPC and events without a valid page key', async () => {
    const rpc = await fetch(`${emulator.url}/sdk/rpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: 'x'.repeat(32), method: 'Call.accept', params: { sessionId: 's' } }) });
    expect(rpc.status).toBe(401);
    expect(await rpc.json()).toMatchObject({ error: 'invalid_page_key' });
    expect((await fetch(`${emulator.url}/sdk/events?key=nope`)).status).toBe(401);
    const noKey = await fetch(`${emulator.url}/sdk/rpc`, { method: 'POST', body: JSON.stringify({ method: 'Call.accept' }) });
    expect(noKey.status).toBe(400);
  });

  it('answers CORS preflights from any origin on /sdk/rpc and /sdk/events', async () => {
    for (const path of ['/sdk/rpc', '/sdk/events']) {
      const preflight = await fetch(`${emulator.url}${path}`, { method: 'OPTIONS', headers: { origin: 'https://portal.example', 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
    }
    const rpc = await fetch(`${emulator.url}/sdk/rpc`, { method: 'POST', headers: { origin: 'https://portal.example', 'content-type': 'application/json' }, body: JSON.stringify({ key: alice.key, method: 'Call.isMicMuted', params: { sessionId: 'x' } }) });
    expect(rpc.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('control API input', () => {
  it.each([
    ['an unknown type', { type: 'fax' }],
    ['a field of another type', { type: 'phone', nickname: 'x' }],
    ['a negative timeout', { type: 'phone', timeout: -1 }],
    ['an unknown field', { type: 'im', colour: 'red' }],
    ['a remark on an internal call (the guide’s internal table has none)', { type: 'internal', remark: 'x' }],
    ['no type', {}],
  ])('inbound rejects %s with 400', async (_case, body) => {
    const response = await control(emulator, 'POST', '/sdk/inbound', body);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('invalid_request');
  });

  it('rejects bad fail-next, settings and token-expired bodies', async () => {
    expect((await control(emulator, 'POST', '/sdk/fail-next', { method: 'Call.explode' })).status).toBe(400);
    expect((await control(emulator, 'PUT', '/sdk/settings', { scriptStatus: 500 })).status).toBe(400);
    expect((await control(emulator, 'PUT', '/sdk/settings', { readyDelayMs: -5 })).status).toBe(400);
    expect((await control(emulator, 'POST', '/sdk/token-expired', { seatUserId: 42 })).status).toBe(400);
  });

  it('far-party actions: 404 for an unknown session, 409 for the wrong state', async () => {
    expect((await control(emulator, 'POST', '/sdk/sessions/unknown-id/answer')).status).toBe(404);
    const sessionId = await ringInbound({ type: 'phone' });
    const answer = await control(emulator, 'POST', `/sdk/sessions/${sessionId}/answer`);
    expect(answer.status).toBe(409);
    expect((await answer.json()).message).toMatch(/ringing/);
    expect((await control(emulator, 'POST', `/sdk/sessions/${sessionId}/close`, { closeBy: 'nobody' })).status).toBe(400);
  });

  it('409 when the named seat has no connected page', async () => {
    const response = await control(emulator, 'POST', '/sdk/inbound', { type: 'phone', seatUserId: 'carol@example.com' });
    expect(response.status).toBe(409);
    expect((await response.json()).message).toMatch(/No SDK page/);
  });
});

describe('lifecycle', () => {
  it('with no page connected, inbound is a 409; close() ends open event streams promptly', async () => {
    const own = await startEmulator({ port: 0, logger: false });
    expect((await fetch(`${own.url}/control/sdk/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'phone' }) })).status).toBe(409);
    const page = await openPage(own);
    await controlOk(own, 'POST', '/sdk/inbound', { type: 'phone', timeout: 60 }); // a pending timer
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1500);
    page.close();
  });
});
