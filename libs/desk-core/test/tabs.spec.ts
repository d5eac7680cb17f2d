/**
 * One SDK per agent across tabs: the leader/follower protocol over fake Web Locks and a fake
 * BroadcastChannel (fake-tabs.ts), with real desks (createDesk) over fake SDKs in each tab.
 */
import { firstValueFrom, filter } from 'rxjs';
import {
  createDesk,
  createTabDesk,
  FORWARDED_COMMANDS,
  isDeskError,
  LOCAL_MEMBERS,
  type Desk,
  type DeskEvent,
  type DeskSession,
  type CallLogStorage,
  type LoginResult,
  type TabInfo,
  type TabOptions,
} from '../src/index';
import { startElection, type ElectionRole } from '../src/lib/tabs/leader-election';
import { createFakeLoader, createFakeSdk, type FakeLoader, type FakeSdk } from './fake-sdk';
import { FakeProfile } from './fake-tabs';
import { phoneCallIn } from './helpers';
import { role, status, until, wait } from './tab-helpers';

interface Tab {
  id: string;
  desk: Desk;
  sdk: FakeSdk;
  loader: FakeLoader;
  roles: TabInfo['role'][];
}

let profile: FakeProfile;
let logins: string[];
let tabs: Tab[];

function openTab(
  id: string,
  extra: Partial<TabOptions> = {},
  historyStorage: CallLogStorage | null = null,
  callLogStorage: CallLogStorage | null = null,
): Tab {
  const sdk = createFakeSdk();
  const loader = createFakeLoader(sdk);
  const login = (): Promise<LoginResult> => {
    logins.push(id);
    return Promise.resolve({ sdkUrl: `https://sdk.example.test/tccc.js?token=t-${logins.length}`, seatUserId: 'seat-1' });
  };
  const desk = createTabDesk({
    login,
    loader,
    callLogStorage,
    historyStorage,
    tabs: { scope: () => 'alice', environment: profile.environment(id), tabId: id, window: null, snapshotRetryMs: 50, ...extra },
  });
  const tab: Tab = { id, desk, sdk, loader, roles: [] };
  desk.tab$.subscribe((info) => tab.roles.push(info.role));
  tabs.push(tab);
  return tab;
}

const sessionsOf = (desk: Desk) => firstValueFrom(desk.sessions$);

beforeEach(() => {
  profile = new FakeProfile();
  logins = [];
  tabs = [];
});

afterEach(() => {
  for (const tab of tabs) tab.desk.destroy();
});

async function leaderAndFollower(): Promise<[Tab, Tab]> {
  const a = openTab('a');
  await until(() => role(a) === 'leader', 'a to lead');
  const b = openTab('b');
  await until(() => role(b) === 'follower', 'b to follow');
  await Promise.all([a.desk.connect(), b.desk.connect()]);
  return [a, b];
}

describe('leader election', () => {
  it('elects one leader; only it logs in and loads the SDK; the follower is ready by mirror', async () => {
    const [a, b] = await leaderAndFollower();
    expect(role(a)).toBe('leader');
    expect(role(b)).toBe('follower');
    expect(logins).toEqual(['a']);
    expect(a.loader.loads).toBe(1);
    expect(b.loader.loads).toBe(0);
    await expect(status(b.desk)).resolves.toBe('ready');
  });

  it('two tabs claiming at once: exactly one leads, one login in total', async () => {
    const a = openTab('a');
    const b = openTab('b');
    const c = openTab('c');
    await until(() => [a, b, c].every((t) => role(t) !== undefined), 'every tab to know its role');
    await Promise.all([a.desk.connect(), b.desk.connect(), c.desk.connect()]);
    expect([a, b, c].map(role).filter((r) => r === 'leader')).toHaveLength(1);
    expect([a, b, c].map(role).filter((r) => r === 'follower')).toHaveLength(2);
    expect(logins).toHaveLength(1);
  });

  it('the leader crashes mid-call: a follower takes over with a fresh login and is ready', async () => {
    const [a, b] = await leaderAndFollower();
    a.sdk.emit('callIn', phoneCallIn('s-crash'));
    a.sdk.emit('userAccessed', { sessionId: 's-crash' });
    await firstValueFrom(b.desk.sessions$.pipe(filter((s) => s[0]?.status === 'talking')));
    profile.crash(a.id);
    await until(() => role(b) === 'leader', 'b to take over');
    await until(() => logins.length === 2, 'a fresh login');
    await firstValueFrom(b.desk.lifecycle$.pipe(filter((l) => l.status === 'ready')));
    expect(logins).toEqual(['a', 'b']);
    expect(b.loader.loads).toBe(1);
  });

  it('"Use it here": the old leader tears its SDK down, the new one logs in afresh', async () => {
    const [a, b] = await leaderAndFollower();
    const teardowns = a.loader.teardowns;
    await b.desk.useHere();
    expect(role(b)).toBe('leader');
    await until(() => role(a) === 'follower', 'a to step down');
    expect(a.loader.teardowns).toBeGreaterThan(teardowns);
    await firstValueFrom(b.desk.lifecycle$.pipe(filter((l) => l.status === 'ready')));
    expect(logins).toEqual(['a', 'b']);
    // And the old leader now mirrors the new one and forwards to it.
    b.sdk.emit('callIn', phoneCallIn('s-here'));
    await firstValueFrom(a.desk.sessions$.pipe(filter((s) => s.length === 1)));
    await a.desk.call.accept('s-here');
    expect(b.sdk.calls.map((c) => c.method)).toContain('Call.accept');
    expect(a.sdk.calls.map((c) => c.method)).not.toContain('Call.accept');
  });
});

describe('what the agent keeps', () => {
  it('the tab that takes over shows the call history the old leader kept for the seat', async () => {
    const data = new Map<string, string>();
    const storage: CallLogStorage = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
    const a = openTab('a', {}, storage);
    await until(() => role(a) === 'leader', 'a to lead');
    const b = openTab('b', {}, storage);
    await until(() => role(b) === 'follower', 'b to follow');
    await Promise.all([a.desk.connect(), b.desk.connect()]);
    a.sdk.emit('callIn', phoneCallIn('kept-1'));
    a.sdk.emit('sessionEnded', { sessionId: 'kept-1' });
    await firstValueFrom(b.desk.history$.pipe(filter((h) => h.length === 1)));
    profile.crash(a.id);
    await until(() => role(b) === 'leader', 'b to take over');
    const history = await firstValueFrom(b.desk.history$.pipe(filter((h) => h.length === 1)));
    expect(history[0]).toMatchObject({ id: 'kept-1', restored: true });
    expect(logins).toEqual(['a', 'b']);
  });

  it('the leader asks before its tab closes during a live call; a follower never does', async () => {
    const leaderWindow = new EventTarget();
    const followerWindow = new EventTarget();
    const a = openTab('a', { window: leaderWindow });
    await until(() => role(a) === 'leader', 'a to lead');
    const b = openTab('b', { window: followerWindow });
    await until(() => role(b) === 'follower', 'b to follow');
    await Promise.all([a.desk.connect(), b.desk.connect()]);
    const closing = (target: EventTarget) => {
      const event = new Event('beforeunload', { cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(closing(leaderWindow)).toBe(false); // no call: closes quietly
    a.sdk.emit('callIn', phoneCallIn('s-live'));
    a.sdk.emit('userAccessed', { sessionId: 's-live' });
    await firstValueFrom(b.desk.sessions$.pipe(filter((s) => s.length === 1)));
    expect(closing(leaderWindow)).toBe(true);
    expect(closing(followerWindow)).toBe(false);
  });
});

describe('mirrored streams and forwarded commands', () => {
  it('state$, sessions$, events$ and history$ of the follower follow the leader', async () => {
    const [a, b] = await leaderAndFollower();
    const seen: DeskEvent['name'][] = [];
    b.desk.events$.subscribe((e) => seen.push(e.name));
    a.sdk.emit('callIn', phoneCallIn('s-1'));
    const ringing = await firstValueFrom(b.desk.sessions$.pipe(filter((s) => s.length === 1)));
    expect(ringing[0]).toMatchObject({ id: 's-1', status: 'ringing', channel: 'phone' });
    await until(() => seen.includes('callIn'), 'the event');
    a.sdk.emit('sessionEnded', { sessionId: 's-1', closeBy: 'client' });
    const history = await firstValueFrom(b.desk.history$.pipe(filter((h) => h.length === 1)));
    expect(history[0]).toMatchObject({ id: 's-1', status: 'ended' });
    // The same state, without the SDK's raw payloads (never sent to other tabs).
    const leaderState = JSON.parse(JSON.stringify(await firstValueFrom(a.desk.state$))) as { history: Array<{ raw: unknown }> };
    for (const past of leaderState.history) past.raw = null;
    expect(await firstValueFrom(b.desk.state$)).toEqual(leaderState);
  });

  it('accept, hold and hang up from the follower run in the leader with the same result', async () => {
    const [a, b] = await leaderAndFollower();
    a.sdk.emit('callIn', phoneCallIn('s-2'));
    await firstValueFrom(b.desk.sessions$.pipe(filter((s) => s.length === 1)));
    await b.desk.call.accept('s-2');
    a.sdk.emit('userAccessed', { sessionId: 's-2' });
    await firstValueFrom(b.desk.sessions$.pipe(filter((s) => s[0]?.status === 'talking')));
    await b.desk.call.hold('s-2');
    const held = await firstValueFrom(b.desk.sessions$.pipe(filter((s) => s[0]?.status === 'held')));
    expect(held[0].id).toBe('s-2');
    await b.desk.call.hangUp('s-2');
    expect(a.sdk.calls.map((c) => c.method)).toEqual(expect.arrayContaining(['Call.accept', 'Call.hold', 'Call.hungUp']));
    expect(b.sdk.calls).toEqual([]);
    await expect(b.desk.call.isMuted('s-2')).resolves.toBe(false);
    const dialed = await b.desk.call.dial({ phoneNumber: '075586888888' });
    expect(dialed).toEqual(await a.sdk.tccc.Call.startOutboundCall({ phoneNumber: '075586888888' }).then((r) => (r as { data: unknown }).data));
  });

  it('a command the leader refuses rejects in the follower with the same typed DeskError', async () => {
    const [a, b] = await leaderAndFollower();
    const inLeader = await a.desk.call.hold('nope').catch((e: unknown) => e);
    const inFollower = await b.desk.call.hold('nope').catch((e: unknown) => e);
    expect(isDeskError(inFollower)).toBe(true);
    expect(inFollower).toMatchObject({ code: 'unknown_session', field: 'sessionId', message: (inLeader as Error).message });
    await expect(b.desk.call.dial({ phoneNumber: '' })).rejects.toMatchObject({ code: 'invalid_argument' });
    // An interceptor in the leader's tab blocks a follower's command too.
    a.desk.intercept('agent.setStatus', { before: () => ({ block: 'not now' }) });
    await expect(b.desk.agent.setStatus({ status: 'rest' })).rejects.toMatchObject({ code: 'command_blocked' });
  });

  it('the leader dies while a follower command is in flight: typed tab_leader_unavailable, not retryable (it may have run)', async () => {
    const [a, b] = await leaderAndFollower();
    a.sdk.emit('callIn', phoneCallIn('s-3'));
    a.sdk.emit('userAccessed', { sessionId: 's-3' });
    await firstValueFrom(b.desk.sessions$.pipe(filter((s) => s[0]?.status === 'talking')));
    a.sdk.answer('Call.hold', () => new Promise(() => undefined)); // never answers
    const hold = b.desk.call.hold('s-3').catch((e: unknown) => e);
    await until(() => a.sdk.calls.some((c) => c.method === 'Call.hold'), 'the hold to reach the leader');
    profile.crash('a');
    const error = await hold;
    expect(isDeskError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'tab_leader_unavailable', retryable: false, message: expect.stringMatching(/may or may not have run/) });
    await until(() => role(b) === 'leader', 'b to take over');
  });

  it('no answer from the leader in time: tab_leader_unavailable after the timeout', async () => {
    const a = openTab('a');
    await until(() => role(a) === 'leader', 'a to lead');
    const b = openTab('b', { commandTimeoutMs: 100 });
    await until(() => role(b) === 'follower', 'b to follow');
    await a.desk.connect();
    profile.channels.drop = (message) => message['t'] === 'cmd';
    const started = Date.now();
    // Sent, never answered: the outcome is unknown, so no retry is suggested.
    await expect(b.desk.agent.online()).rejects.toMatchObject({ code: 'tab_leader_unavailable', retryable: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(a.sdk.calls.map((c) => c.method)).not.toContain('Agent.online');
  });

  it('lost messages: a sequence gap makes the follower ask for a snapshot, and it catches up', async () => {
    const [a, b] = await leaderAndFollower();
    let dropping = true;
    profile.channels.drop = (message, _from, to) => dropping && to === 'b' && (message['t'] === 'state' || message['t'] === 'event');
    a.sdk.emit('callIn', phoneCallIn('s-4'));
    await wait(20);
    expect(await sessionsOf(b.desk)).toEqual([]); // lost on the way
    dropping = false;
    const hellos = () => profile.channels.sent.filter((s) => s.from === 'b' && s.message['t'] === 'hello').length;
    const before = hellos();
    a.sdk.emit('statusChanged', { status: 'busy' }); // the next push shows the gap
    await until(() => hellos() > before, 'a new hello');
    const caught = await firstValueFrom(b.desk.sessions$.pipe(filter((s) => s.length === 1)));
    expect(caught[0].id).toBe('s-4');
  });

  it('a lost hello is sent again until the snapshot comes', async () => {
    const a = openTab('a');
    await until(() => role(a) === 'leader', 'a to lead');
    await a.desk.connect();
    let lost = 0;
    profile.channels.drop = (message) => message['t'] === 'hello' && lost++ < 2;
    const b = openTab('b');
    await firstValueFrom(b.desk.lifecycle$.pipe(filter((l) => l.status === 'ready')));
    expect(lost).toBeGreaterThanOrEqual(2);
  });

  it('call logs are offered to the leader\'s host only; a follower can still list and ack them; one that takes over is offered the rest', async () => {
    const shared = new Map<string, string>(); // the profile's localStorage
    const storage = {
      getItem: (key: string) => shared.get(key) ?? null,
      setItem: (key: string, value: string) => void shared.set(key, value),
      removeItem: (key: string) => void shared.delete(key),
    };
    const a = openTab('a', {}, null, storage);
    await until(() => role(a) === 'leader', 'a to lead');
    const b = openTab('b', {}, null, storage);
    await until(() => role(b) === 'follower', 'b to follow');
    await Promise.all([a.desk.connect(), b.desk.connect()]);
    const offeredA: string[] = [];
    const offeredB: string[] = [];
    a.desk.callLogs$.subscribe((log) => offeredA.push(log.id));
    b.desk.callLogs$.subscribe((log) => offeredB.push(log.id));

    a.sdk.emit('callIn', phoneCallIn('s-5'));
    a.sdk.emit('sessionEnded', { sessionId: 's-5', closeBy: 'client' }); // missed: logged at once
    a.sdk.emit('callIn', phoneCallIn('s-6'));
    a.sdk.emit('sessionEnded', { sessionId: 's-6', closeBy: 'client' });
    await until(() => b.desk.callLogs.unacked().length === 2, 'the follower to know of both');
    expect(offeredA).toEqual(['s-5', 's-6']);
    expect(offeredB).toEqual([]); // two hosts saving one record would store it twice

    // A save that failed in the leader's tab shows in the follower's list too, with its reason.
    const listedInB: string[][] = [];
    b.desk.callLogs.unacked$.subscribe((list) => listedInB.push(list.map((log) => `${log.id}:${log.lastFailure ?? ''}`)));
    a.desk.callLogs.fail('s-5', 'CRM storage is full');
    await until(() => listedInB.at(-1)?.[0] === 's-5:CRM storage is full', 'the failure in the follower');
    expect(listedInB.at(-1)).toEqual(['s-5:CRM storage is full', 's-6:']);
    expect((await firstValueFrom(a.desk.callLogs.unacked$)).map((log) => log.lastFailure)).toEqual(['CRM storage is full', undefined]);

    b.desk.callLogs.ack('s-5'); // a follower's UI may still ack
    expect(listedInB.at(-1)).toEqual(['s-6:']); // at once in the follower
    await until(() => a.desk.callLogs.unacked().length === 1, 'the ack in the leader');
    expect(() => b.desk.callLogs.ack('')).toThrow(expect.objectContaining({ code: 'invalid_argument' }));

    profile.crash(a.id); // before its host saved s-6
    await until(() => role(b) === 'leader', 'b to take over');
    await until(() => offeredB.includes('s-6'), 'the unsaved record offered to the new leader\'s host');
    expect(offeredB).toEqual(['s-6']);
  });
});

describe('a follower\'s ack that does not reach the leader', () => {
  it('is undone in the follower\'s list when the command fails, and said on errors$', async () => {
    const storage = new Map<string, string>();
    const callLogStorage = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) };
    const a = openTab('a', {}, null, callLogStorage);
    await until(() => role(a) === 'leader', 'a to lead');
    const b = openTab('b', { commandTimeoutMs: 200 }, null, callLogStorage);
    await until(() => role(b) === 'follower', 'b to follow');
    await Promise.all([a.desk.connect(), b.desk.connect()]);
    const errors: string[] = [];
    b.desk.errors$.subscribe((error) => errors.push(error.code));
    a.sdk.emit('callIn', phoneCallIn('s-5'));
    a.sdk.emit('sessionEnded', { sessionId: 's-5', closeBy: 'client' });
    await until(() => b.desk.callLogs.unacked().length === 1, 'the follower to know of the log');
    profile.channels.drop = (message) => message['t'] === 'cmd';
    b.desk.callLogs.ack('s-5');
    expect(b.desk.callLogs.unacked()).toEqual([]);
    await until(() => errors.length === 1, 'the failed ack said');
    expect(errors).toEqual(['tab_leader_unavailable']);
    expect(b.desk.callLogs.unacked().map((log) => log.id)).toEqual(['s-5']);
    expect(a.desk.callLogs.unacked().map((log) => log.id)).toEqual(['s-5']);
  });
});

describe('the Desk API is covered', () => {
  function functionPaths(desk: Desk): string[] {
    const paths: string[] = [];
    for (const [key, value] of Object.entries(desk)) {
      if (typeof value === 'function') paths.push(key);
      else if (value && typeof value === 'object' && !('subscribe' in value)) {
        for (const [verb, fn] of Object.entries(value as Record<string, unknown>)) if (typeof fn === 'function') paths.push(`${key}.${verb}`);
      }
    }
    return paths.sort();
  }

  it('every function of the Desk is forwarded or explicitly local, and the tab desk has them all', async () => {
    const plain = createDesk({ login: () => Promise.reject(new Error('x')), callLogStorage: null, historyStorage: null, loader: createFakeLoader(createFakeSdk()) });
    const listed = [...FORWARDED_COMMANDS, ...LOCAL_MEMBERS].sort();
    expect(functionPaths(plain)).toEqual(listed);
    plain.destroy();
    const tab = openTab('a');
    expect(functionPaths(tab.desk)).toEqual(listed);
    expect(new Set(listed).size).toBe(listed.length);
  });
});

describe('without Web Locks or BroadcastChannel', () => {
  it('works alone and says so once', async () => {
    const said: string[] = [];
    const sdk = createFakeSdk();
    const make = () =>
      createTabDesk({
        login: () => Promise.resolve({ sdkUrl: 'https://sdk.example.test/x.js?token=t' }),
        loader: createFakeLoader(sdk),
        callLogStorage: null,
        historyStorage: null,
        tabs: { scope: () => 'alice', environment: null, log: (m) => said.push(m) },
      });
    const one = make();
    const two = make();
    await one.connect();
    await expect(firstValueFrom(one.tab$)).resolves.toEqual({ role: 'alone' });
    await expect(status(one)).resolves.toBe('ready');
    sdk.emit('callIn', phoneCallIn('s-9'));
    const sessions: readonly DeskSession[] = await sessionsOf(one);
    expect(sessions.map((s) => s.id)).toEqual(['s-9']);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/no Web Locks or BroadcastChannel/);
    one.destroy();
    two.destroy();
  });

  it('validates its options', () => {
    expect(() => createTabDesk({ login: () => Promise.reject(new Error('x')), tabs: { scope: 'alice' as never } })).toThrow(expect.objectContaining({ code: 'invalid_argument', field: 'tabs.scope' }));
    expect(() => createTabDesk({ login: () => Promise.reject(new Error('x')), tabs: { scope: () => 'a', commandTimeoutMs: -1, environment: profile.environment('z') } })).toThrow(
      expect.objectContaining({ field: 'tabs.commandTimeoutMs' }),
    );
  });
});

describe('whom the tabs coordinate for (review defect 1)', () => {
  it('no scope (no sub, or the token source failed): each tab works alone, never in a shared default scope', async () => {
    const said: string[] = [];
    const a = openTab('a', { scope: () => null, log: (m) => said.push(m) });
    const b = openTab('b', { scope: () => Promise.reject(new Error('signed out')), log: (m) => said.push(m) });
    await until(() => role(a) !== undefined && role(b) !== undefined, 'both tabs to know their role');
    expect([role(a), role(b)]).toEqual(['alone', 'alone']);
    await Promise.all([a.desk.connect(), b.desk.connect()]);
    expect(logins.sort()).toEqual(['a', 'b']); // each its own desk
    expect(profile.channels.sent).toEqual([]); // nothing said to anyone
    expect(profile.locks.holder).toBeNull(); // no lock taken
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/no signed-in person/);
    a.sdk.emit('callIn', phoneCallIn('s-alone'));
    expect((await sessionsOf(a.desk)).map((x) => x.id)).toEqual(['s-alone']);
    expect(await sessionsOf(b.desk)).toEqual([]);
  });

  it('a tab ignores messages whose scope is not its own (or that carry none)', async () => {
    const [a, b] = await leaderAndFollower();
    await until(() => profile.channels.sent.some((m) => m.message['t'] === 'snapshot'), 'the snapshot');
    const forged = JSON.parse(JSON.stringify(await firstValueFrom(a.desk.state$))) as Record<string, unknown>;
    forged['lifecycle'] = { status: 'idle' };
    const rogue = profile.channels.forTab('mallory')('tccc-desk.tabs:alice');
    rogue.postMessage({ t: 'snapshot', to: 'b', leader: 'mallory', seq: 999, state: forged, unacked: [], scope: 'bob' });
    rogue.postMessage({ t: 'snapshot', to: 'b', leader: 'mallory', seq: 999, state: forged, unacked: [] });
    rogue.postMessage({ t: 'state', leader: 'mallory', seq: 1000, state: forged, scope: 'bob' });
    await wait(30);
    await expect(status(b.desk)).resolves.toBe('ready');
    // And b still forwards to a.
    await b.desk.agent.setStatus({ status: 'rest' });
    expect(a.sdk.calls.map((c) => c.method)).toContain('Agent.setStatus');
    // What the leader sends names its scope.
    const fromA = profile.channels.sent.filter((m) => m.from === 'a');
    expect(fromA.length).toBeGreaterThan(0);
    for (const m of fromA) expect(m.message['scope']).toBe('alice');
  });
});

describe('what the leader posts (review defect 7)', () => {
  const posted = (from: string, kind: string, since = 0) => profile.channels.sent.slice(since).filter((m) => m.from === from && m.message['t'] === kind);

  it('a leader with no followers posts no state (nor events)', async () => {
    const a = openTab('a');
    await until(() => role(a) === 'leader', 'a to lead');
    await a.desk.connect();
    a.sdk.emit('callIn', phoneCallIn('s-solo'));
    for (let i = 0; i < 200; i++) a.sdk.emit('statusChanged', { status: i % 2 ? 'busy' : 'free' });
    await wait(20);
    expect(posted('a', 'state')).toEqual([]);
    expect(posted('a', 'event')).toEqual([]);
    expect((await sessionsOf(a.desk)).map((x) => x.id)).toEqual(['s-solo']);
  });

  it('with a follower, a burst of changes posts one state per tick (the latest, without raw)', async () => {
    const [a, b] = await leaderAndFollower();
    a.sdk.emit('callIn', phoneCallIn('s-burst'));
    await firstValueFrom(b.desk.sessions$.pipe(filter((s) => s.length === 1)));
    await wait(10);
    const mark = profile.channels.sent.length;
    for (let i = 0; i < 200; i++) a.sdk.emit('statusChanged', { status: i % 2 ? 'busy' : 'rest' });
    await wait(30);
    const states = posted('a', 'state', mark);
    expect(states).toHaveLength(1);
    expect(posted('a', 'event', mark)).toHaveLength(200); // events are not lost
    const sessions = (states[0].message['state'] as { sessions: Record<string, { raw: unknown }> }).sessions;
    expect(Object.keys(sessions)).toEqual(['s-burst']);
    expect(sessions['s-burst'].raw).toBeNull();
    expect((await firstValueFrom(b.desk.state$)).agent.status).toBe((await firstValueFrom(a.desk.state$)).agent.status);
  });

  it('a follower that leaves is forgotten: the leader stops posting', async () => {
    const [a, b] = await leaderAndFollower();
    b.desk.destroy();
    await wait(10);
    const mark = profile.channels.sent.length;
    a.sdk.emit('statusChanged', { status: 'busy' });
    await wait(20);
    expect(posted('a', 'state', mark)).toEqual([]);
    // A follower heard from again (heartbeat) gets a snapshot and the posts again.
    const c = openTab('c', { heartbeatMs: 20 });
    await firstValueFrom(c.desk.agent$.pipe(filter((x) => x.status === 'busy')));
    a.sdk.emit('statusChanged', { status: 'rest' });
    await firstValueFrom(c.desk.agent$.pipe(filter((x) => x.status === 'rest')));
  });
});

describe('election races (review defects 3 and 4)', () => {
  it('a steal while our queued grant is granted but its callback has not run yet: a later steal still makes us step down', async () => {
    const roles: Record<string, ElectionRole[]> = { a: [], b: [], c: [] };
    const elect = (tab: string) => startElection({ locks: profile.locks.forTab(tab), name: 'x', onRole: (r) => roles[tab].push(r) });
    const b = elect('b');
    await until(() => roles['b'].at(-1) === 'leader', 'b to lead');
    const a = elect('a');
    await until(() => roles['a'].at(-1) === 'follower', 'a to queue');
    profile.locks.deferCallbacks = true;
    profile.locks.crash('b'); // the lock goes to a's queued request: granted, callback not yet run
    a.steal();
    profile.locks.runDeferred();
    await until(() => roles['a'].at(-1) === 'leader', 'a to lead');
    await wait(5);
    const c = elect('c');
    await until(() => roles['c'].at(-1) === 'follower', 'c to queue');
    c.steal();
    await until(() => roles['c'].at(-1) === 'leader', 'c to lead');
    await wait(10);
    expect(roles['a'].at(-1)).toBe('follower'); // never two leaders
    for (const e of [a, b, c]) e.stop();
  });

  it('the lock manager refuses (SecurityError): the tab works alone, says so once, and logs in', async () => {
    const said: string[] = [];
    profile.locks.refuse = Object.assign(new Error('The request is not allowed in this context.'), { name: 'SecurityError' });
    const a = openTab('a', { log: (m) => said.push(m) });
    const b = openTab('b', { log: (m) => said.push(m) });
    await until(() => role(a) === 'alone' && role(b) === 'alone', 'both tabs to work alone');
    await a.desk.connect();
    await expect(status(a.desk)).resolves.toBe('ready');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/refused the Web Locks/);
  });
});

describe('the unload guard (review defect 8)', () => {
  function spyWindow() {
    const target = new EventTarget();
    let listening = 0;
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    target.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean) => {
      if (type === 'beforeunload') listening++;
      add(type, listener, options);
    };
    target.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: EventListenerOptions | boolean) => {
      if (type === 'beforeunload') listening--;
      remove(type, listener, options);
    };
    const closing = () => {
      const event = new Event('beforeunload', { cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    return { target, closing, listening: () => listening };
  }

  it('without Web Locks the tab asks before closing during a live call, and listens only while one is live', async () => {
    const page = spyWindow();
    const sdk = createFakeSdk();
    const desk = createTabDesk({
      login: () => Promise.resolve({ sdkUrl: 'https://sdk.example.test/x.js?token=t' }),
      loader: createFakeLoader(sdk),
      callLogStorage: null,
      historyStorage: null,
      tabs: { scope: () => 'alice', environment: null, log: () => undefined, window: page.target },
    });
    await desk.connect();
    expect(page.listening()).toBe(0);
    expect(page.closing()).toBe(false);
    sdk.emit('callIn', phoneCallIn('s-fallback'));
    sdk.emit('userAccessed', { sessionId: 's-fallback' });
    expect(page.listening()).toBe(1);
    expect(page.closing()).toBe(true);
    sdk.emit('sessionEnded', { sessionId: 's-fallback' });
    expect(page.listening()).toBe(0);
    desk.destroy();
  });
});

describe('commands run once (review defect 2)', () => {
  it('a command made before the follower knows its leader waits for it: never sent to no one in particular, run once', async () => {
    const a = openTab('a');
    await until(() => role(a) === 'leader', 'a to lead');
    await a.desk.connect();
    let lostHellos = 0;
    profile.channels.drop = (message) => (message['t'] === 'hello' || message['t'] === 'here') && lostHellos++ < 2;
    const b = openTab('b');
    await until(() => role(b) === 'follower', 'b to follow');
    const set = b.desk.agent.setStatus({ status: 'rest' });
    await set;
    const commands = profile.channels.sent.filter((m) => m.message['t'] === 'cmd');
    expect(commands).toHaveLength(1);
    expect(commands[0].message['to']).toBe('a');
    expect(a.sdk.calls.filter((c) => c.method === 'Agent.setStatus')).toHaveLength(1);
  });

  it('no leader known within the timeout: rejected as retryable (it was never sent)', async () => {
    const a = openTab('a');
    await until(() => role(a) === 'leader', 'a to lead');
    profile.channels.drop = (message) => message['t'] === 'hello' || message['t'] === 'here';
    const b = openTab('b', { commandTimeoutMs: 80 });
    await until(() => role(b) === 'follower', 'b to follow');
    await expect(b.desk.agent.online()).rejects.toMatchObject({ code: 'tab_leader_unavailable', retryable: true });
    expect(profile.channels.sent.filter((m) => m.message['t'] === 'cmd')).toEqual([]);
  });

  it('a message from a tab with an older leadership term does not make the follower follow it', async () => {
    const [a, b] = await leaderAndFollower();
    let answer!: () => void;
    a.sdk.answer('Agent.setStatus', () => new Promise((resolve) => (answer = () => resolve({ data: {} }))));
    const inFlight = b.desk.agent.setStatus({ status: 'rest' }).then(
      () => 'done',
      (e: unknown) => e,
    );
    await until(() => a.sdk.calls.some((c) => c.method === 'Agent.setStatus'), 'the command to reach the leader');
    const rogue = profile.channels.forTab('stale')('tccc-desk.tabs:alice');
    rogue.postMessage({ t: 'leader', leader: 'stale', scope: 'alice', term: 1 });
    rogue.postMessage({ t: 'snapshot', to: 'b', leader: 'stale', seq: 0, state: JSON.parse(JSON.stringify(await firstValueFrom(a.desk.state$))), unacked: [], scope: 'alice', term: 1 });
    await wait(20);
    answer();
    await expect(inFlight).resolves.toBe('done'); // still a's to answer, not rejected by a stray
    a.sdk.answer('Agent.setStatus', () => Promise.resolve({ data: {} }));
    await b.desk.agent.setStatus({ status: 'free' });
    const commands = profile.channels.sent.filter((m) => m.message['t'] === 'cmd' && m.message['path'] === 'agent.setStatus');
    expect(commands.map((m) => m.message['to'])).toEqual(['a', 'a']);
    expect(a.sdk.calls.map((c) => c.method)).toContain('Agent.setStatus');
    // A real handover (a higher term) is followed.
    await b.desk.useHere();
    await until(() => role(a) === 'follower', 'a to step down');
    await a.desk.agent.setStatus({ status: 'rest' });
    expect(b.sdk.calls.map((c) => c.method)).toContain('Agent.setStatus');
  });
});

describe('values that cannot be copied to another tab (review defect 6)', () => {
  it('a payload with a function: the follower still gets the state (no raw) and the event (as plain data)', async () => {
    const [a, b] = await leaderAndFollower();
    const seen: DeskEvent[] = [];
    b.desk.events$.subscribe((e) => seen.push(e));
    a.sdk.emit('callIn', phoneCallIn('s-fn', { onSomething: () => 1 }));
    const sessions = await firstValueFrom(b.desk.sessions$.pipe(filter((s) => s.length === 1)));
    expect(sessions[0]).toMatchObject({ id: 's-fn', raw: null });
    await until(() => seen.some((e) => e.name === 'callIn'), 'the event in the follower');
    expect((seen.find((e) => e.name === 'callIn')?.payload as { sessionId?: string }).sessionId).toBe('s-fn');
  });

  it('a result that cannot be sent back: the follower gets a typed error at once, not a silent timeout', async () => {
    const a = openTab('a');
    await until(() => role(a) === 'leader', 'a to lead');
    const b = openTab('b', { commandTimeoutMs: 1_500 });
    await until(() => role(b) === 'follower', 'b to follow');
    await Promise.all([a.desk.connect(), b.desk.connect()]);
    const circular: Record<string, unknown> = { sessionId: 'out-1' };
    circular['self'] = circular;
    a.sdk.answer('Call.startOutboundCall', () => Promise.resolve({ data: circular }));
    const started = Date.now();
    const error = await b.desk.call.dial({ phoneNumber: '075586888888' }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toMatchObject({ code: 'sdk_error', retryable: false, message: expect.stringMatching(/cannot be sent/) });
  });

  it('a message that cannot be copied even as plain data is reported on errors$', async () => {
    const [a] = await leaderAndFollower();
    const reported: string[] = [];
    a.desk.errors$.subscribe((e) => reported.push(e.message));
    const circular: Record<string, unknown> = { fn: () => 1 };
    circular['self'] = circular;
    a.sdk.emit('statusChanged', { status: 'busy', extra: circular });
    await until(() => reported.some((m) => /could not share/.test(m)), 'the report');
  });
});

describe('after the leader said bye', () => {
  it('a leader that said bye but stays (its page came back from the back/forward cache) is followed again', async () => {
    const [a, b] = await leaderAndFollower();
    // The leader's pagehide said bye (as a's own tab would), then its page came back and still leads.
    const channel = profile.channels.forTab('a')('tccc-desk.tabs:alice');
    const term = profile.channels.sent.find((m) => m.from === 'a' && typeof m.message['term'] === 'number')?.message['term'];
    channel.postMessage({ t: 'bye', leader: 'a', scope: 'alice', term });
    await wait(20);
    a.sdk.emit('statusChanged', { status: 'busy' });
    await firstValueFrom(b.desk.agent$.pipe(filter((x) => x.status === 'busy')));
    await b.desk.agent.setStatus({ status: 'rest' });
    expect(a.sdk.calls.map((c) => c.method)).toContain('Agent.setStatus');
    channel.close();
  });
});
