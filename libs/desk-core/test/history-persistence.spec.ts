/**
 * Call history across reloads and tabs: per seat, bounded, without payloads or secrets, the
 * calls live at the reload shown as interrupted, cleared on sign-out.
 */
import { firstValueFrom, filter } from 'rxjs';
import { createDesk, type CallLog, type CallLogStorage, type Desk } from '../src/index';
import { createFakeLoader, createFakeSdk, type FakeSdk } from './fake-sdk';
import { phoneCallIn, settle } from './helpers';

function memoryStorage(): CallLogStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

let now = 1_000;
const clock = () => now;
const opened: Desk[] = [];

async function openDesk(storage: CallLogStorage, seatUserId: string, historySize?: number): Promise<{ desk: Desk; sdk: FakeSdk; logs: CallLog[] }> {
  const sdk = createFakeSdk();
  const desk = createDesk({
    login: () => Promise.resolve({ sdkUrl: 'https://sdk.example.test/tccc.js?token=secret-token', seatUserId }),
    loader: createFakeLoader(sdk),
    clock,
    historyStorage: storage,
    callLogStorage: null,
    ...(historySize === undefined ? {} : { historySize }),
  });
  opened.push(desk);
  const logs: CallLog[] = [];
  desk.callLogs$.subscribe((log) => logs.push(log));
  await desk.connect();
  return { desk, sdk, logs };
}

function endedCall(sdk: FakeSdk, id: string): void {
  sdk.emit('callIn', phoneCallIn(id));
  sdk.emit('userAccessed', { sessionId: id });
  sdk.emit('sessionEnded', { sessionId: id, closeBy: 'client' });
}

const historyOf = (desk: Desk) => firstValueFrom(desk.history$);

afterEach(() => {
  for (const desk of opened.splice(0)) desk.destroy();
});

describe('history across reloads', () => {
  it('comes back for the same seat after a reload, and for no other seat', async () => {
    const storage = memoryStorage();
    const first = await openDesk(storage, 'alice');
    endedCall(first.sdk, 'c-1');
    first.desk.destroy(); // the page goes

    const again = await openDesk(storage, 'alice');
    const history = await historyOf(again.desk);
    expect(history.map((s) => [s.id, s.status, s.restored])).toEqual([['c-1', 'ended', true]]);
    expect(again.logs).toEqual([]); // logged before the reload: not a new contact

    const bob = await openDesk(storage, 'bob');
    await expect(historyOf(bob.desk)).resolves.toEqual([]);
  });

  it('stores no payload, token or SdkURL', async () => {
    const storage = memoryStorage();
    const { sdk } = await openDesk(storage, 'alice');
    sdk.emit('callIn', phoneCallIn('c-2', { secretField: 'payload-only' }));
    sdk.emit('sessionEnded', { sessionId: 'c-2' });
    await settle(); // one write per burst
    const stored = [...storage.data.values()].join('\n');
    expect(stored).toContain('c-2');
    expect(stored).not.toMatch(/secret-token|sdk\.example\.test|payload-only/);
    expect([...storage.data.keys()]).toEqual(['tccc-desk.history.v1:alice']);
  });

  it('is bounded by historySize', async () => {
    const storage = memoryStorage();
    const { sdk } = await openDesk(storage, 'alice', 3);
    for (let i = 1; i <= 5; i++) endedCall(sdk, `c-${i}`);
    await settle();
    const stored = JSON.parse(storage.data.get('tccc-desk.history.v1:alice') as string) as { history: Array<{ id: string }> };
    expect(stored.history.map((s) => s.id)).toEqual(['c-5', 'c-4', 'c-3']);
    const again = await openDesk(storage, 'alice', 3);
    expect((await historyOf(again.desk)).map((s) => s.id)).toEqual(['c-5', 'c-4', 'c-3']);
  });

  it('a call live at the reload shows as interrupted; the platform\'s later events for it are adopted', async () => {
    const storage = memoryStorage();
    now = 5_000;
    const first = await openDesk(storage, 'alice');
    first.sdk.emit('callIn', phoneCallIn('live-1'));
    first.sdk.emit('userAccessed', { sessionId: 'live-1' });
    now = 9_000;
    first.sdk.emit('statusChanged', { status: 'busy' }); // last save while talking
    first.desk.destroy();

    now = 12_000;
    const again = await openDesk(storage, 'alice');
    const [interrupted] = await historyOf(again.desk);
    // Generic in the data (a reload or another tab's takeover); the UI words it from `interrupted`.
    expect(interrupted).toMatchObject({ id: 'live-1', status: 'ended', interrupted: true, endReason: 'interrupted', endedAt: 9_000, answeredAt: 5_000 });
    expect(interrupted.peer.phoneNumber).toBeDefined();
    expect(again.logs).toEqual([]);

    // The platform still has the call: it is live again and can be hung up.
    again.sdk.emit('userAccessed', { sessionId: 'live-1' });
    const live = await firstValueFrom(again.desk.sessions$.pipe(filter((s) => s.length === 1)));
    expect(live[0]).toMatchObject({ id: 'live-1', status: 'talking', adopted: true });
    await again.desk.call.hangUp('live-1');
    again.sdk.emit('sessionEnded', { sessionId: 'live-1', closeBy: 'seat' });
    const history = await historyOf(again.desk);
    expect(history.filter((s) => s.id === 'live-1')).toHaveLength(1);
    expect(history[0]).toMatchObject({ id: 'live-1', status: 'ended' });
  });

  it('a call live at the reload, adopted and then ended, produces its call log (review defect 5)', async () => {
    const storage = memoryStorage();
    const first = await openDesk(storage, 'alice');
    first.sdk.emit('callIn', phoneCallIn('live-2'));
    first.sdk.emit('userAccessed', { sessionId: 'live-2' });
    first.sdk.emit('statusChanged', { status: 'busy' });
    first.desk.destroy();

    const again = await openDesk(storage, 'alice');
    expect((await historyOf(again.desk))[0]).toMatchObject({ id: 'live-2', interrupted: true });
    again.sdk.emit('userAccessed', { sessionId: 'live-2' });
    await firstValueFrom(again.desk.sessions$.pipe(filter((s) => s.length === 1)));
    again.sdk.emit('sessionEnded', { sessionId: 'live-2', closeBy: 'client' });
    again.sdk.emit('statusChanged', { status: 'free' }); // no after-call work: logged now
    await settle();
    expect(again.logs.map((log) => log.sessionId)).toEqual(['live-2']);
    expect(again.desk.callLogs.unacked().map((log) => log.sessionId)).toEqual(['live-2']);
  });

  it('is cleared on sign-out (un-acked call logs are another store)', async () => {
    const storage = memoryStorage();
    const { desk, sdk } = await openDesk(storage, 'alice');
    endedCall(sdk, 'c-7');
    await settle();
    expect(storage.data.has('tccc-desk.history.v1:alice')).toBe(true);
    desk.signOut();
    expect(storage.data.has('tccc-desk.history.v1:alice')).toBe(false);
    const again = await openDesk(storage, 'alice');
    await expect(historyOf(again.desk)).resolves.toEqual([]);
  });

  it('a seat change within one desk shows none of the previous seat\'s history or call logs (review defect 9)', async () => {
    const storage = memoryStorage();
    const logStorage = memoryStorage();
    // Alice's desk, on an earlier page: one call in history, its call log not acked.
    const aliceSdk = createFakeSdk();
    const alice = createDesk({
      login: () => Promise.resolve({ sdkUrl: 'https://sdk.example.test/tccc.js?token=t', seatUserId: 'alice' }),
      loader: createFakeLoader(aliceSdk),
      clock,
      historyStorage: storage,
      callLogStorage: logStorage,
    });
    opened.push(alice);
    await alice.connect();
    endedCall(aliceSdk, 'alice-call');
    await settle();
    expect(alice.callLogs.unacked().map((l) => l.sessionId)).toEqual(['alice-call']);
    alice.destroy();

    // One desk: the first login is Alice's (the SDK fails to load), the retry's is Bob's.
    const seats = ['alice', 'bob'];
    const sdk = createFakeSdk();
    const loader = createFakeLoader(sdk);
    loader.failWith = new Error('script failed');
    const desk = createDesk({
      login: () => Promise.resolve({ sdkUrl: 'https://sdk.example.test/tccc.js?token=t', seatUserId: seats.shift() }),
      loader,
      clock,
      historyStorage: storage,
      callLogStorage: logStorage,
    });
    opened.push(desk);
    await desk.connect().catch(() => undefined);
    expect((await historyOf(desk)).map((s) => s.id)).toEqual(['alice-call']);
    loader.failWith = undefined;
    await desk.retry();
    await settle();
    expect(await historyOf(desk)).toEqual([]);
    expect(desk.callLogs.unacked()).toEqual([]);
    expect([...storage.data.keys()]).toEqual(['tccc-desk.history.v1:alice']); // nothing of Alice's under Bob
    expect(storage.data.get('tccc-desk.history.v1:alice')).toContain('alice-call'); // still Alice's
    expect([...logStorage.data.keys()]).toEqual(['tccc-desk.call-logs.v1:alice']);
  });

  it('rejects a historyStorage that is not a Storage', () => {
    expect(() => createDesk({ login: () => Promise.reject(new Error('x')), historyStorage: {} as never })).toThrow(expect.objectContaining({ field: 'historyStorage' }));
  });
});
