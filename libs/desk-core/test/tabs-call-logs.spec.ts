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
/** Logins answer once this settles (a test holds it to keep a takeover's login under way). */
let loginsWait: Promise<void>;

function memoryStorage(): CallLogStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function openTab(id: string, extra: Partial<TabOptions> = {}, callLogStorage: CallLogStorage | null = null): Tab {
  const sdk = createFakeSdk();
  const login = async (): Promise<LoginResult> => {
    await loginsWait;
    return { sdkUrl: 'https://sdk.example.test/tccc.js?token=t', seatUserId: seat };
  };
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

/** A leader and a follower on one storage, two records listed in both; what b's callLogs$ offers. */
async function twoListed(): Promise<{ a: Tab; b: Tab; offered: string[] }> {
  const [a, b] = await leaderAndFollower({}, memoryStorage());
  const offered: string[] = [];
  b.desk.callLogs$.subscribe((log) => offered.push(log.id));
  missed(a, 's-1');
  missed(a, 's-2');
  await until(() => last(b)?.length === 2, 'the follower to list both');
  return { a, b, offered };
}

/** After the takeover: b's desk offers s-2 (not the acked s-1), once, and lists only it. */
async function onlyTheUnsavedOffered(b: Tab, offered: string[]): Promise<void> {
  await until(() => offered.length > 0, 'the unsaved record offered');
  await wait(30);
  expect(offered).toEqual(['s-2']);
  expect(ids(b.desk)).toEqual(['s-2']);
}

beforeEach(() => {
  profile = new FakeProfile();
  tabs = [];
  seat = 'seat-1';
  loginsWait = Promise.resolve();
});

afterEach(() => {
  for (const tab of tabs) tab.desk.destroy();
});

describe('a follower\'s optimistic acks', () => {
  it('two acks that both fail: both records are listed again, in the leader\'s order', async () => {
    const [a, b] = await leaderAndFollower({ commandTimeoutMs: 150 });
    missed(a, 's-1');
    missed(a, 's-2');
    missed(a, 's-3');
    await until(() => last(b)?.length === 3, 'the follower to list all three');
    profile.channels.drop = (message) => message['t'] === 'cmd';
    b.desk.callLogs.ack('s-1');
    b.desk.callLogs.ack('s-2');
    expect(last(b)).toEqual(['s-3']);
    await until(() => b.errors.length === 2, 'both failed acks said');
    expect(last(b)).toEqual(['s-1', 's-2', 's-3']);
    expect(ids(b.desk)).toEqual(['s-1', 's-2', 's-3']);
  });

  it('"Use it here" while an ack is in flight: once this tab leads, unacked$ is its own desk\'s list, not the follower\'s copy restored', async () => {
    // Memory only: the record lived in the old leader's tab, the new leader's desk has none.
    const [a, b] = await leaderAndFollower();
    missed(a, 's-1');
    await until(() => last(b)?.[0] === 's-1', 'the follower to list it');
    profile.channels.drop = (message) => message['t'] === 'cmd'; // in flight, never answered
    b.desk.callLogs.ack('s-1');
    await b.desk.useHere();
    await until(() => role(a) === 'follower', 'a to step down');
    await wait(50); // the ack's answer (the old leader's or this tab's), and the login
    expect(ids(b.desk)).toEqual([]);
    expect(last(b)).toEqual(ids(b.desk));
  });

  it('the leader\'s list coming between the optimistic ack and its failure: the leader\'s list, the record back in it', async () => {
    const [a, b] = await leaderAndFollower({ commandTimeoutMs: 150 });
    missed(a, 's-1');
    await until(() => last(b)?.[0] === 's-1', 'the follower to list it');
    profile.channels.drop = (message) => message['t'] === 'cmd';
    b.desk.callLogs.ack('s-1');
    expect(last(b)).toEqual([]);
    a.desk.callLogs.fail('s-1', 'CRM down'); // the leader's list, still with s-1
    missed(a, 's-2');
    await until(() => ids(b.desk).includes('s-2'), 'the leader\'s newer list');
    expect(last(b)).toEqual(['s-2']); // the ack is still under way: not shown again yet
    await until(() => b.errors.length === 1, 'the failed ack said');
    expect(last(b)).toEqual(['s-1:CRM down', 's-2']);
  });

});

describe('a follower\'s unacked$ emits only on change', () => {
  it('an ack of a record the leader does not have, a sequence gap and its snapshot: no new emission of the same list', async () => {
    const [a, b] = await leaderAndFollower();
    missed(a, 's-1');
    await until(() => last(b)?.[0] === 's-1', 'the follower to list it');
    const before = b.lists.length;
    a.desk.callLogs.ack('no-such-log'); // the leader's list is unchanged
    b.desk.callLogs.ack('no-such-log');
    await wait(30); // the follower's ack answered by the leader
    expect(b.errors).toEqual([]);
    expect(ids(a.desk)).toEqual(['s-1']);
    profile.channels.drop = (message) => message['t'] === 'state';
    a.sdk.emit('statusChanged', { status: 'busy' });
    await wait(10);
    profile.channels.drop = () => false;
    a.sdk.emit('statusChanged', { status: 'free' }); // the gap shows: hello → snapshot
    await wait(80);
    expect(b.lists.slice(before)).toEqual([]);
    expect(last(b)).toEqual(['s-1']);
  });
});

describe('a seat change in the leader', () => {
  it('the follower\'s list is the new seat\'s: nothing of the previous seat remains', async () => {
    const [a, b] = await leaderAndFollower();
    missed(a, 's-1');
    await until(() => last(b)?.[0] === 's-1', 'the follower to list it');
    seat = 'seat-2';
    a.sdk.emit('tokenExpired', {});
    await a.desk.retry(); // a fresh login, which answers with another seat
    expect(ids(a.desk)).toEqual([]);
    await until(() => ids(b.desk).length === 0, 'the follower to drop the previous seat\'s records');
    expect(last(b)).toEqual([]);
    // Nor its history (the state the follower mirrors).
    let history = -1;
    b.desk.history$.subscribe((list) => (history = list.length)).unsubscribe();
    expect(history).toBe(0);
  });
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
    const { a, b, offered } = await twoListed();
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

describe('a takeover while the new leader logs in', () => {
  it('every tab keeps listing the failed save until the new desk knows its seat, then lists that desk\'s list: never an empty list in between', async () => {
    const storage = memoryStorage();
    const [a, b] = await leaderAndFollower({}, storage);
    const c = openTab('c', {}, storage);
    await until(() => role(c) === 'follower', 'c to follow');
    await c.desk.connect();
    missed(a, 's-1');
    a.desk.callLogs.fail('s-1', 'disk full');
    await until(() => last(b)?.[0] === 's-1:disk full' && last(c)?.[0] === 's-1:disk full', 'the followers to list the failure');
    const [fromB, fromC] = [b.lists.length, c.lists.length];
    let answer!: () => void;
    loginsWait = new Promise<void>((resolve) => (answer = resolve));
    profile.crash(a.id);
    await until(() => role(b) === 'leader' || role(c) === 'leader', 'a follower to take over');
    const [next, other] = role(b) === 'leader' ? [b, c] : [c, b];
    await wait(100); // its login under way
    expect(next.desk.callLogs.unacked().map(label)).toEqual(['s-1:disk full']);
    answer();
    await next.desk.connect(); // resolves once its login is done and the SDK ready
    await wait(50);
    // The seat's storage brought the record back: the same list, so nothing new, and never [].
    expect(b.lists.slice(fromB)).not.toContainEqual([]);
    expect(c.lists.slice(fromC)).not.toContainEqual([]);
    expect(last(next)).toEqual(['s-1:disk full']);
    expect(last(other)).toEqual(['s-1:disk full']);
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

describe('an ack the tab that takes over has to run', () => {
  it('queued while no leader was known, run here once this tab leads: the record is not offered again after its login', async () => {
    const { a, b, offered } = await twoListed();
    profile.locks.deferCallbacks = true; // b is granted the lock, but leads only on runDeferred()
    a.desk.destroy(); // bye: b knows of no leader
    await wait(20);
    b.desk.callLogs.ack('s-1'); // waits for a leader: this tab, as it turns out
    profile.locks.runDeferred();
    await until(() => role(b) === 'leader', 'b to take over');
    await onlyTheUnsavedOffered(b, offered);
    expect(last(b)).toEqual(['s-2']);
    expect(b.errors).toEqual([]);
  });

  it('"Use it here" while an ack is in flight to the old leader: acking twice is harmless, so it runs here too and the record is not offered again', async () => {
    const { b, offered } = await twoListed();
    profile.channels.drop = (message) => message['t'] === 'cmd'; // the old leader never hears it
    b.desk.callLogs.ack('s-1');
    await b.desk.useHere();
    await onlyTheUnsavedOffered(b, offered);
    expect(b.errors).toEqual([]);
  });

  it('in flight when the leader said bye: it waits for the next leader (this tab), runs here, and is not offered again', async () => {
    const { a, b, offered } = await twoListed();
    profile.channels.drop = (message) => message['t'] === 'cmd';
    profile.locks.deferCallbacks = true;
    b.desk.callLogs.ack('s-1'); // sent, never heard
    await wait(10);
    a.desk.destroy(); // bye
    await wait(20);
    profile.locks.runDeferred();
    await until(() => role(b) === 'leader', 'b to take over');
    await onlyTheUnsavedOffered(b, offered);
    expect(b.errors).toEqual([]);
  });
});
