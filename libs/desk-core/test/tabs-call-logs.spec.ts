/**
 * Call logs across tabs: a follower's unacked$ (the leader's list, with its own acks shown at once
 * and undone when they fail), takeovers, seat changes, and what a follower checks itself.
 */
import { createTabDesk, type CallLog, type CallLogStorage, type Desk, type DeskErrorInfo, type LoginResult, type TabInfo, type TabOptions } from '../src/index';
import { createFakeLoader, createFakeSdk, type FakeSdk } from './fake-sdk';
import { FakeProfile } from './fake-tabs';
import { phoneCallIn } from './helpers';
import { role, until, wait } from './tab-helpers';

interface Tab {
  id: string;
  desk: Desk;
  sdk: FakeSdk;
  roles: TabInfo['role'][];
  errors: DeskErrorInfo[];
  /** Every unacked$ emission, as ids (with `:reason` when it failed). */
  lists: string[][];
}

let profile: FakeProfile;
let tabs: Tab[];
/** The seat the next login answers with. */
let seat: string;

function memoryStorage(): CallLogStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function openTab(id: string, extra: Partial<TabOptions> = {}, callLogStorage: CallLogStorage | null = null): Tab {
  const sdk = createFakeSdk();
  const login = (): Promise<LoginResult> => Promise.resolve({ sdkUrl: 'https://sdk.example.test/tccc.js?token=t', seatUserId: seat });
  const desk = createTabDesk({
    login,
    loader: createFakeLoader(sdk),
    callLogStorage,
    historyStorage: null,
    tabs: { scope: () => 'alice', environment: profile.environment(id), tabId: id, window: null, snapshotRetryMs: 50, ...extra },
  });
  const tab: Tab = { id, desk, sdk, roles: [], errors: [], lists: [] };
  desk.tab$.subscribe((info) => tab.roles.push(info.role));
  desk.errors$.subscribe((error) => tab.errors.push(error));
  desk.callLogs.unacked$.subscribe((list) => tab.lists.push(list.map(label)));
  tabs.push(tab);
  return tab;
}

const label = (log: CallLog) => (log.lastFailure ? `${log.id}:${log.lastFailure}` : log.id);
const ids = (desk: Desk) => desk.callLogs.unacked().map(label);
const last = (tab: Tab) => tab.lists.at(-1);

/** A missed call: logged at once. */
function missed(tab: Tab, sessionId: string): void {
  tab.sdk.emit('callIn', phoneCallIn(sessionId));
  tab.sdk.emit('sessionEnded', { sessionId, closeBy: 'client' });
}

async function leaderAndFollower(followerOptions: Partial<TabOptions> = {}, storage: CallLogStorage | null = null): Promise<[Tab, Tab]> {
  const a = openTab('a', {}, storage);
  await until(() => role(a) === 'leader', 'a to lead');
  const b = openTab('b', followerOptions, storage);
  await until(() => role(b) === 'follower', 'b to follow');
  await Promise.all([a.desk.connect(), b.desk.connect()]);
  return [a, b];
}

beforeEach(() => {
  profile = new FakeProfile();
  tabs = [];
  seat = 'seat-1';
});

afterEach(() => {
  for (const tab of tabs) tab.desk.destroy();
});

describe('two followers', () => {
  it('acking the same record: both resolve, it is gone everywhere, no tab lists it again', async () => {
    const [a, b] = await leaderAndFollower();
    const c = openTab('c');
    await until(() => role(c) === 'follower', 'c to follow');
    missed(a, 's-1');
    missed(a, 's-2');
    await until(() => last(b)?.length === 2 && last(c)?.length === 2, 'both followers to list both');
    const from = { b: b.lists.length, c: c.lists.length };
    b.desk.callLogs.ack('s-1');
    c.desk.callLogs.ack('s-1');
    await until(() => [a, b, c].every((tab) => last(tab)?.join() === 's-2'), 'every tab to list only s-2');
    await wait(30);
    for (const tab of [a, b, c]) expect(last(tab)).toEqual(['s-2']);
    // Once acked here, never listed here again (the other follower's ack answers too).
    expect([...b.lists.slice(from.b), ...c.lists.slice(from.c)].flat()).not.toContain('s-1');
    expect([b, c].flatMap((t) => t.errors)).toEqual([]);
  });
});

describe('a follower that takes over', () => {
  it('its callLogs$ offers what is still unacknowledged exactly once, and unacked$ ends on its own desk\'s list', async () => {
    const storage = memoryStorage();
    const [a, b] = await leaderAndFollower({}, storage);
    const offered: string[] = [];
    b.desk.callLogs$.subscribe((log) => offered.push(log.id));
    missed(a, 's-1');
    missed(a, 's-2');
    await until(() => last(b)?.length === 2, 'the follower to list both');
    b.desk.callLogs.ack('s-1');
    await until(() => ids(a.desk).length === 1, 'the ack in the leader');
    profile.crash(a.id);
    await until(() => role(b) === 'leader', 'b to take over');
    await until(() => offered.length > 0, 'the rest offered');
    await wait(30);
    expect(offered).toEqual(['s-2']);
    expect(last(b)).toEqual(['s-2']);
    // A late subscriber is offered it too (once), as a plain desk's callLogs$ does.
    const late: string[] = [];
    b.desk.callLogs$.subscribe((log) => late.push(log.id)).unsubscribe();
    expect(late).toEqual(['s-2']);
  });
});

describe('what a follower checks itself', () => {
  it('notes longer than the desk takes throw invalid_argument at once, as in the tab that owns the desk', async () => {
    const [a, b] = await leaderAndFollower();
    const tooLong = 'x'.repeat(4_001);
    expect(() => a.desk.callLogs.setNotes('s-1', tooLong)).toThrow(expect.objectContaining({ code: 'invalid_argument', field: 'notes' }));
    expect(() => b.desk.callLogs.setNotes('s-1', tooLong)).toThrow(expect.objectContaining({ code: 'invalid_argument', field: 'notes' }));
    for (const bad of [undefined, 7, '', { id: 's-1' }]) {
      expect(() => b.desk.callLogs.ack(bad as string)).toThrow(expect.objectContaining({ code: 'invalid_argument', field: 'id' }));
      expect(() => b.desk.callLogs.fail(bad as string, 'why')).toThrow(expect.objectContaining({ code: 'invalid_argument', field: 'id' }));
    }
    expect(() => b.desk.callLogs.fail('s-1', '  ')).toThrow(expect.objectContaining({ code: 'invalid_argument', field: 'reason' }));
    await wait(20);
    expect(b.errors).toEqual([]);
  });
});
