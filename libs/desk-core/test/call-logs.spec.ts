import { createDesk, MAX_UNACKED_CALL_LOGS, type CallLog, type CallLogStorage, type Desk, type DeskSession } from '../src/index';
import { createFakeLoader, createFakeSdk, type FakeSdk } from './fake-sdk';
import { phoneCallIn } from './helpers';

/** A Storage in memory that outlives the desk (a reload is a new desk on the same storage). */
function memoryStorage(): CallLogStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

let now = 1_000;
const clock = () => now;

async function readyDesk(storage: CallLogStorage | null, seatUserId: string | undefined = 'alice@example.com'): Promise<{ desk: Desk; sdk: FakeSdk; logs: CallLog[] }> {
  const sdk = createFakeSdk();
  const login = () => Promise.resolve({ sdkUrl: 'https://sdk.example.test/tccc.js?token=secret-token', ...(seatUserId ? { seatUserId } : {}) });
  const desk = createDesk({ login, loader: createFakeLoader(sdk), clock, callLogStorage: storage });
  const logs: CallLog[] = [];
  desk.callLogs$.subscribe((log) => logs.push(log));
  await desk.connect();
  return { desk, sdk, logs };
}

/** An inbound phone call answered at 2 s and ended by the caller at 65 s. */
function talkedCall(sdk: FakeSdk, id: string): void {
  now = 1_000;
  sdk.emit('callIn', phoneCallIn(id));
  now = 2_000;
  sdk.emit('userAccessed', { sessionId: id });
  sdk.emit('statusChanged', { status: 'busy' });
  now = 65_000;
  sdk.emit('sessionEnded', { sessionId: id, closeBy: 'client', mainReason: 'hang up', subReason: 'caller hung up' });
}

/** A ready desk whose host could not save the call log of i1 (a talked call, after-call work over). */
async function failedSave(storage: CallLogStorage, reason: string): ReturnType<typeof readyDesk> {
  const desk = await readyDesk(storage);
  talkedCall(desk.sdk, 'i1');
  desk.sdk.emit('statusChanged', { status: 'free' });
  desk.desk.callLogs.fail('i1', reason);
  return desk;
}

describe('callLogs$', () => {
  it('one record per finished contact, after after-call work, with the notes the agent typed', async () => {
    const { desk, sdk, logs } = await readyDesk(memoryStorage());
    talkedCall(sdk, 'i1');
    sdk.emit('statusChanged', { status: 'arrange' });
    expect(logs).toEqual([]); // after-call work is not over
    desk.callLogs.setNotes('i1', 'Wants a callback on Monday');
    now = 90_000;
    sdk.emit('sessionCompleted', { sessionId: 'i1' });
    sdk.emit('statusChanged', { status: 'free' });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toEqual({
      id: 'i1',
      sessionId: 'i1',
      seatUserId: 'alice@example.com',
      channel: 'phone',
      direction: 'inbound',
      outcome: 'ended',
      peer: expect.objectContaining({ phoneNumber: '13800138000' }),
      offeredAt: 1_000,
      answeredAt: 2_000,
      endedAt: 65_000,
      loggedAt: 90_000,
      durationS: 63,
      closeBy: 'client',
      mainReason: 'hang up',
      subReason: 'caller hung up',
      transfers: [],
      notes: 'Wants a callback on Monday',
    });
    // A repeated sessionCompleted or status change logs nothing more.
    sdk.emit('sessionCompleted', { sessionId: 'i1' });
    sdk.emit('statusChanged', { status: 'rest' });
    expect(logs).toHaveLength(1);
  });

  it('without after-call work: logged when the agent is free again; a missed call at once', async () => {
    const { sdk, logs } = await readyDesk(memoryStorage());
    talkedCall(sdk, 'i1');
    expect(logs).toEqual([]); // still busy: after-call work may follow
    sdk.emit('statusChanged', { status: 'free' });
    expect(logs.map((l) => l.id)).toEqual(['i1']);
    sdk.emit('callIn', phoneCallIn('missed-1'));
    sdk.emit('sessionEnded', { sessionId: 'missed-1', closeBy: 'client' });
    expect(logs.map((l) => [l.id, l.outcome, l.durationS])).toEqual([
      ['i1', 'ended', 63],
      ['missed-1', 'missed', 0],
    ]);
  });

  it('a transferred contact lists where it went', async () => {
    const { sdk, logs } = await readyDesk(null);
    sdk.emit('callIn', phoneCallIn('t1'));
    sdk.emit('userAccessed', { sessionId: 't1' });
    sdk.emit('transfer', { sessionId: 't1', userId: 'bob@example.com' });
    sdk.emit('statusChanged', { status: 'free' });
    expect(logs).toEqual([expect.objectContaining({ id: 't1', outcome: 'transferred', transfers: [{ userId: 'bob@example.com' }] })]);
  });

  it('ack: never offered again, not after a reload either', async () => {
    const storage = memoryStorage();
    const first = await readyDesk(storage);
    talkedCall(first.sdk, 'i1');
    first.sdk.emit('statusChanged', { status: 'free' });
    first.desk.callLogs.ack('i1');
    expect(first.desk.callLogs.unacked()).toEqual([]);
    first.desk.destroy();
    const second = await readyDesk(storage);
    expect(second.logs).toEqual([]);
    expect(storage.data.size).toBe(0);
  });

  it('an ack before the login said whose seat it is (a tab that took over runs one made there): what that seat kept skips it, in storage too', async () => {
    const storage = memoryStorage();
    const first = await readyDesk(storage);
    talkedCall(first.sdk, 'i1');
    talkedCall(first.sdk, 'i2');
    first.sdk.emit('statusChanged', { status: 'free' });
    first.desk.destroy(); // neither saved yet
    const sdk = createFakeSdk();
    const login = () => Promise.resolve({ sdkUrl: 'https://sdk.example.test/tccc.js?token=t', seatUserId: 'alice@example.com' });
    const second = createDesk({ login, loader: createFakeLoader(sdk), clock, callLogStorage: storage });
    const logs: string[] = [];
    second.callLogs$.subscribe((log) => logs.push(log.id));
    second.callLogs.ack('i1'); // before connect(): the seat's records are not loaded yet
    await second.connect();
    expect(logs).toEqual(['i2']);
    expect(second.callLogs.unacked().map((log) => log.id)).toEqual(['i2']);
    second.callLogs.ack('unknown-after-login'); // once the seat is known, an unknown id is nothing to remember
    second.destroy();
    const third = await readyDesk(storage);
    expect(third.logs.map((log) => log.id)).toEqual(['i2']);
    third.desk.destroy();
  });

  it('fail: kept with the reason and offered again after a reload (also to a late subscriber)', async () => {
    const storage = memoryStorage();
    const first = await failedSave(storage, 'CRM returned 503');
    // A late subscriber on the same page gets what is not acked.
    const late: CallLog[] = [];
    first.desk.callLogs$.subscribe((log) => late.push(log));
    expect(late).toEqual([expect.objectContaining({ id: 'i1', lastFailure: 'CRM returned 503' })]);
    first.desk.destroy(); // the page is reloaded

    const second = await readyDesk(storage);
    expect(second.logs).toEqual([expect.objectContaining({ id: 'i1', durationS: 63, lastFailure: 'CRM returned 503' })]);
    second.desk.callLogs.ack('i1');
    second.desk.destroy();
    expect((await readyDesk(storage)).logs).toEqual([]);
  });

  it('unacked$ says nothing until the login has named the seat (an empty list then would mean "not logged in yet"), then the seat\'s list', async () => {
    const storage = memoryStorage();
    const first = await failedSave(storage, 'CRM storage is full');
    first.desk.destroy(); // a reload: i1 stays in storage

    const sdk = createFakeSdk();
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const login = async () => {
      await answered;
      return { sdkUrl: 'https://sdk.example.test/tccc.js?token=secret-token', seatUserId: 'alice@example.com' };
    };
    const desk = createDesk({ login, loader: createFakeLoader(sdk), clock, callLogStorage: storage });
    const lists: string[][] = [];
    desk.callLogs.unacked$.subscribe((list) => lists.push(list.map((log) => log.id)));
    const ready = desk.connect();
    await Promise.resolve();
    expect(lists).toEqual([]);
    answer();
    await ready;
    expect(lists).toEqual([['i1']]);
    // A login without a seat (memory only): what memory has is the list, [] included.
    const seatless = await readyDesk(null, ''); // '': the login names no seat
    const seen: number[] = [];
    seatless.desk.callLogs.unacked$.subscribe((list) => seen.push(list.length));
    expect(seen).toEqual([0]);
    desk.destroy();
    seatless.desk.destroy();
  });

  it('unacked$: the list now and on every change (offered, failed with its reason, acked), never one still in after-call work; completes on destroy', async () => {
    const { desk, sdk } = await readyDesk(memoryStorage());
    const lists: string[][] = [];
    let completed = false;
    desk.callLogs.unacked$.subscribe({ next: (list) => lists.push(list.map((log) => `${log.id}${log.lastFailure ? ` (${log.lastFailure})` : ''}`)), complete: () => (completed = true) });
    talkedCall(sdk, 'i1');
    sdk.emit('statusChanged', { status: 'arrange' });
    expect(lists).toEqual([[]]); // in after-call work: not out yet
    sdk.emit('statusChanged', { status: 'free' });
    desk.callLogs.fail('i1', 'CRM storage is full');
    desk.callLogs.fail('nope', 'unknown: no change');
    desk.callLogs.ack('i1');
    desk.callLogs.ack('i1'); // again: no change
    expect(lists).toEqual([[], ['i1'], ['i1 (CRM storage is full)'], []]);
    expect(desk.callLogs.unacked()).toEqual([]);
    desk.destroy();
    expect(completed).toBe(true);
  });

  it('a record still in after-call work at a reload is offered after it', async () => {
    const storage = memoryStorage();
    const first = await readyDesk(storage);
    talkedCall(first.sdk, 'i1');
    first.sdk.emit('statusChanged', { status: 'arrange' });
    first.desk.callLogs.setNotes('i1', 'half typed');
    first.desk.destroy();
    const second = await readyDesk(storage);
    expect(second.logs).toEqual([expect.objectContaining({ id: 'i1', notes: 'half typed' })]);
  });

  it('kept per seat: another seat on the same browser does not get them', async () => {
    const storage = memoryStorage();
    const alice = await readyDesk(storage, 'alice@example.com');
    talkedCall(alice.sdk, 'i1');
    alice.sdk.emit('statusChanged', { status: 'free' });
    alice.desk.destroy();
    expect((await readyDesk(storage, 'bob@example.com')).logs).toEqual([]);
    expect((await readyDesk(storage, 'alice@example.com')).logs.map((l) => l.id)).toEqual(['i1']);
  });

  it('the stored records carry no SdkURL or token', async () => {
    const storage = memoryStorage();
    const { sdk } = await readyDesk(storage);
    talkedCall(sdk, 'i1');
    sdk.emit('statusChanged', { status: 'free' });
    const stored = [...storage.data.values()].join('\n');
    expect(stored).toContain('"i1"');
    expect(stored).not.toMatch(/sdk\.example\.test|secret-token|token=/);
  });

  it(`is bounded: at most ${MAX_UNACKED_CALL_LOGS} un-acked records, the oldest go first`, async () => {
    const storage = memoryStorage();
    const { desk, sdk } = await readyDesk(storage);
    for (let i = 0; i < MAX_UNACKED_CALL_LOGS + 5; i++) {
      sdk.emit('callIn', phoneCallIn(`m${i}`));
      sdk.emit('sessionEnded', { sessionId: `m${i}` });
    }
    const unacked = desk.callLogs.unacked();
    expect(unacked).toHaveLength(MAX_UNACKED_CALL_LOGS);
    expect(unacked[0]?.id).toBe('m5');
    expect(unacked.at(-1)?.id).toBe(`m${MAX_UNACKED_CALL_LOGS + 4}`);
    desk.destroy();
    expect((await readyDesk(storage)).logs).toHaveLength(MAX_UNACKED_CALL_LOGS);
  });

  it('ignores stored data that is not its own', async () => {
    const storage = memoryStorage();
    storage.setItem('tccc-desk.call-logs.v1:alice@example.com', '{"v":1,"entries":[{"log":{"id":"x"}},null,"junk"]}');
    expect((await readyDesk(storage)).logs).toEqual([]);
    storage.setItem('tccc-desk.call-logs.v1:alice@example.com', 'not json');
    expect((await readyDesk(storage)).logs).toEqual([]);
  });

  it('validates its input', async () => {
    const { desk, sdk } = await readyDesk(null);
    expect(() => desk.callLogs.ack('' as never)).toThrow(expect.objectContaining({ code: 'invalid_argument', field: 'id' }));
    expect(() => desk.callLogs.fail('i1', '')).toThrow(expect.objectContaining({ field: 'reason' }));
    expect(() => desk.callLogs.setNotes('nope', 'x')).toThrow(expect.objectContaining({ field: 'sessionId' }));
    talkedCall(sdk, 'i1');
    expect(() => desk.callLogs.setNotes('i1', 7 as never)).toThrow(expect.objectContaining({ field: 'notes' }));
    expect(() => desk.callLogs.setNotes('i1', 'x'.repeat(4_001))).toThrow(expect.objectContaining({ field: 'notes' }));
    expect(() => desk.callLogs.ack('unknown')).not.toThrow();
    expect(() => createDesk({ login: async () => ({ sdkUrl: 'x' }), callLogStorage: {} as never })).toThrow(expect.objectContaining({ field: 'callLogStorage' }));
  });

  it('completes on destroy', async () => {
    const { desk } = await readyDesk(null);
    const complete = jest.fn();
    desk.callLogs$.subscribe({ complete });
    desk.destroy();
    expect(complete).toHaveBeenCalled();
  });
});

describe('callLogs$ while after-call work is not over', () => {
  it('an acked record that was waiting is never offered; a record made before the seat was known gets it and is offered once its work is over', async () => {
    const storage = memoryStorage();
    const sdk = createFakeSdk();
    let logins = 0;
    // The first login names no seat; after the token expires, the retry's does.
    const login = () => Promise.resolve({ sdkUrl: 'https://sdk.example.test/tccc.js', ...(++logins > 1 ? { seatUserId: 'alice@example.com' } : {}) });
    const desk = createDesk({ login, loader: createFakeLoader(sdk), clock, callLogStorage: storage });
    const logs: CallLog[] = [];
    desk.callLogs$.subscribe((log) => logs.push(log));
    await desk.connect();

    talkedCall(sdk, 'acked');
    sdk.emit('statusChanged', { status: 'arrange' });
    desk.callLogs.ack('acked'); // the host dropped it before its work was over
    sdk.emit('sessionCompleted', { sessionId: 'acked' });
    expect(logs).toEqual([]);
    talkedCall(sdk, 'later');
    sdk.emit('statusChanged', { status: 'arrange' });
    expect(logs).toEqual([]);

    sdk.emit('tokenExpired', {});
    await desk.retry(); // logs in again, this time for alice
    expect(logs).toEqual([]); // still in after-call work
    desk.callLogs.setNotes('later', 'call back');
    sdk.emit('sessionCompleted', { sessionId: 'later' });
    expect(logs.map((l) => [l.sessionId, l.seatUserId, l.notes])).toEqual([['later', 'alice@example.com', 'call back']]);
    sdk.emit('statusChanged', { status: 'free' });
    expect(logs).toHaveLength(1);
    expect(desk.callLogs.unacked().map((l) => l.sessionId)).toEqual(['later']);
    desk.destroy();
  });
});

describe('who placed the contact', () => {
  it('an internal call the agent placed and the colleague never answered is placedByAgent (not missed by the agent); one offered to the agent is not', async () => {
    const { desk, sdk, logs } = await readyDesk(null);
    const history: DeskSession[][] = [];
    desk.history$.subscribe((h) => history.push([...h]));
    sdk.answer('Call.startInternalCall', () => {
      sdk.emit('callOuted', { sessionId: 'out-1' });
      return Promise.resolve({ status: 'success' });
    });
    await desk.call.internal({ calleeUserId: 'bob@example.com' });
    sdk.emit('sessionEnded', { sessionId: 'out-1', closeBy: 'seat', mainReason: 'cancelled' });
    sdk.emit('callIn', { type: 'internal', sessionId: 'in-1', timeout: 0, peerUserId: 'carol@example.com' });
    sdk.emit('sessionEnded', { sessionId: 'in-1', closeBy: 'client', mainReason: 'cancelled' });
    sdk.emit('statusChanged', { status: 'free' });
    const byId = Object.fromEntries(logs.map((log) => [log.id, log]));
    expect(byId['out-1']).toMatchObject({ channel: 'internal', outcome: 'missed', placedByAgent: true });
    expect(byId['in-1']).toMatchObject({ channel: 'internal', outcome: 'missed' });
    expect(byId['in-1']).not.toHaveProperty('placedByAgent');
    const last = history[history.length - 1];
    expect(last.find((s) => s.id === 'out-1')?.placedByAgent).toBe(true);
    expect(last.find((s) => s.id === 'in-1')).not.toHaveProperty('placedByAgent');
  });

  it('a call whose first event outran the command\'s answer (adopted) is placedByAgent once the answer comes', async () => {
    const { desk, sdk, logs } = await readyDesk(null);
    sdk.answer('Call.startInternalCall', () => {
      sdk.emit('userAccessed', { sessionId: 'int-2' }); // bob picked up before the start was answered
      return Promise.resolve({ status: 'success', data: { sessionId: 'int-2' } });
    });
    await desk.call.internal({ calleeUserId: 'bob@example.com' });
    sdk.answer('Call.startOutboundCall', () => {
      sdk.emit('calloutAccepted', { sessionId: 'out-2' });
      return Promise.resolve({ status: 'success', data: { sessionId: 'out-2' } });
    });
    await desk.call.dial({ phoneNumber: '13800000000' });
    for (const id of ['int-2', 'out-2']) sdk.emit('sessionEnded', { sessionId: id, closeBy: 'seat', mainReason: 'hang up' });
    sdk.emit('statusChanged', { status: 'free' });
    expect(logs.filter((log) => log.id === 'int-2' || log.id === 'out-2').map((log) => [log.id, log.placedByAgent])).toEqual([
      ['int-2', true],
      ['out-2', true],
    ]);
  });
});
