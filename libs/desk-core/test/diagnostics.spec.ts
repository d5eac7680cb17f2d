import { createDesk, type Desk } from '../src/index';
import { DIAGNOSTICS_EVENTS } from '../src/lib/diagnostics';
import { maskText, masked } from '../src/lib/mask';
import { createFakeLoader, createFakeSdk, type FakeSdk } from './fake-sdk';
import { phoneCallIn } from './helpers';

const TOKEN = 'one-time-token-Zm9vYmFy';
const SDK_URL = `https://sdk.tccc.example.test/tccc-sdk.js?SdkAppId=1400000000&token=${TOKEN}&userId=alice%40example.com`;
const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZUBleGFtcGxlLmNvbSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const CALLER = '13800138000';
const DIALLED = '+86 755 8688 8888';

async function busyDesk(): Promise<{ desk: Desk; sdk: FakeSdk }> {
  const sdk = createFakeSdk();
  let now = 1_700_000_000_000;
  const desk = createDesk({
    login: () => Promise.resolve({ sdkUrl: SDK_URL, seatUserId: 'alice@example.com' }),
    loader: createFakeLoader(sdk),
    clock: () => (now += 5),
    callLogStorage: null,
    versions: { remote: '0.1.0', contract: '1' },
  });
  await desk.connect();
  sdk.emit('callIn', phoneCallIn('i1', { callerPhoneNumber: CALLER, remark: `forwarded by ${JWT}`, protectedCaller: `+86${CALLER}` }));
  sdk.emit('userAccessed', { sessionId: 'i1' });
  await desk.call.dial({ phoneNumber: DIALLED });
  sdk.answer('Call.hold', () => Promise.resolve({ status: 'error', errorMsg: `hold refused for ${CALLER}, see ${SDK_URL}` }));
  await desk.call.hold('i1').catch(() => undefined);
  sdk.emit('sessionEnded', { sessionId: 'i1', closeBy: 'client', mainReason: `caller ${CALLER} hung up` });
  return { desk, sdk };
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('desk.diagnostics()', () => {
  it('one JSON document: versions, SDK host, lifecycle history, events, commands with timings, errors, preflight', async () => {
    const { desk } = await busyDesk();
    const doc = await desk.diagnostics();
    expect(doc.kind).toBe('tccc-desk-diagnostics');
    expect(doc.versions).toEqual({ deskCore: '0.1.0', remote: '0.1.0', contract: '1' });
    expect(doc.sdkHost).toBe('sdk.tccc.example.test');
    expect((doc.lifecycle.history as Array<{ status: string }>).map((l) => l.status)).toEqual(['idle', 'authenticating', 'loading', 'ready']);
    expect((doc.events as Array<{ name: string }>).map((e) => e.name)).toEqual(['callIn', 'userAccessed', 'sessionEnded']);
    const commands = doc.commands as Array<{ command: string; ok: boolean; durationMs: number; error?: { code: string } }>;
    expect(commands.map((c) => [c.command, c.ok, c.error?.code])).toEqual([
      ['call.dial', true, undefined],
      ['call.hold', false, 'sdk_error'],
    ]);
    expect(commands.every((c) => typeof c.durationMs === 'number' && c.durationMs >= 0)).toBe(true);
    expect((doc.errors as Array<{ code: string }>).map((e) => e.code)).toEqual(['sdk_error']);
    expect(doc.preflight).toEqual(expect.objectContaining({ browserSupported: true }));
    // It is JSON: it survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('a real document has no token, SdkURL query, JWT or phone number in clear', async () => {
    const { desk } = await busyDesk();
    const text = JSON.stringify(await desk.diagnostics());
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('token=');
    expect(text).not.toContain('SdkAppId=');
    expect(text).not.toMatch(/tccc-sdk\.js\?(?!\[redacted\])/);
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(text).not.toContain(CALLER);
    expect(text).not.toContain('86888888');
    // No text holds a phone-like run of 7+ digits (timestamps are numbers; generatedAt is an ISO date).
    const texts = strings(JSON.parse(text)).filter((t) => !/^\d{4}-\d{2}-\d{2}T/.test(t));
    expect(texts.filter((t) => /\d{7,}/.test(t.replace(/[\s\-().]/g, '')))).toEqual([]);
    // What is left is still useful: the last 4 digits, the session id, the SDK's host.
    expect(text).toContain('•••8000');
    expect(text).toContain('•••8888');
    expect(text).toContain('"sessionId":"i1"');
    expect(text).toContain('[jwt]');
  });

  it('keeps the last 500 events', async () => {
    const { desk, sdk } = await busyDesk();
    for (let i = 0; i < DIAGNOSTICS_EVENTS + 20; i++) sdk.emit('statusChanged', { status: i % 2 ? 'free' : 'rest' });
    const doc = await desk.diagnostics();
    expect(doc.events).toHaveLength(DIAGNOSTICS_EVENTS);
    expect((doc.events as Array<{ name: string }>).every((e) => e.name === 'statusChanged')).toBe(true);
  });
});

describe('masking', () => {
  it.each([
    ['a URL query', 'see https://h.example/x.js?token=abc&a=1 now', 'see https://h.example/x.js?[redacted] now'],
    ['a JWT', `Bearer ${JWT}`, 'Bearer [jwt]'],
    ['a phone with separators', 'call 138-0013-8000', 'call •••8000'],
    ['an E.164 number', '+8613800138000', '•••8000'],
    ['an ISO date (kept)', '2026-12-01T21:20:40.000Z', '2026-12-01T21:20:40.000Z'],
    ['a short number (kept)', 'room 4300', 'room 4300'],
    ['a UUID (kept)', '5220b498-9f9f-444e-b2f9-7849376906ef', '5220b498-9f9f-444e-b2f9-7849376906ef'],
    ['a number in a sentence', 'hold refused for 13800138000, sorry', 'hold refused for •••8000, sorry'],
  ])('%s', (_label, input, output) => {
    expect(maskText(input)).toBe(output);
  });

  it('credential keys lose their value; ids keep theirs; cycles and functions are dropped', () => {
    const cyclic: Record<string, unknown> = { sessionId: '12345678-9999', accessToken: 'x', SdkURL: 'y', nested: { password: 'p' }, fn: () => 1 };
    cyclic['self'] = cyclic;
    expect(masked(cyclic)).toEqual({ sessionId: '12345678-9999', accessToken: '[redacted]', SdkURL: '[redacted]', nested: { password: '[redacted]' }, self: '[…]' });
  });
});
