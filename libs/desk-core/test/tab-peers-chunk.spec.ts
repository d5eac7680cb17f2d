/**
 * The other-tabs part of the protocol (tab-peers.ts) is loaded only when there is another tab:
 * never by a tab that leads alone; and a failed load (its chunk) is reported, then tried again.
 */
import { firstValueFrom } from 'rxjs';
import type { Desk, DeskErrorInfo, LoginResult, TabInfo } from '../src/index';
import { createFakeLoader, createFakeSdk } from './fake-sdk';
import { FakeProfile } from './fake-tabs';

const PEERS = '../src/lib/tabs/tab-peers';

interface Tab {
  desk: Desk;
  roles: TabInfo['role'][];
  errors: DeskErrorInfo[];
}

/** createTabDesk from a fresh module registry, tab-peers.ts failing while `chunk.failing`, its loads counted. */
function withPeersChunk() {
  const chunk = { failing: false, loads: 0 };
  jest.resetModules();
  jest.doMock(PEERS, () => {
    chunk.loads += 1;
    if (chunk.failing) throw new Error('ChunkLoadError: Loading chunk 178 failed.');
    return jest.requireActual(PEERS);
  });
  const { createTabDesk } = jest.requireActual<typeof import('../src/index')>('../src/index');
  const profile = new FakeProfile();
  const opened: Tab[] = [];
  const open = (id: string): Tab => {
    const login = (): Promise<LoginResult> => Promise.resolve({ sdkUrl: 'https://sdk.example.test/tccc.js?token=t', seatUserId: 'seat-1' });
    const desk = createTabDesk({
      login,
      loader: createFakeLoader(createFakeSdk()),
      callLogStorage: null,
      historyStorage: null,
      tabs: { scope: () => 'alice', environment: profile.environment(id), tabId: id, window: null, snapshotRetryMs: 50, commandTimeoutMs: 2_000 },
    });
    const tab: Tab = { desk, roles: [], errors: [] };
    desk.tab$.subscribe((info) => tab.roles.push(info.role));
    desk.errors$.subscribe((error) => tab.errors.push(error));
    opened.push(tab);
    return tab;
  };
  return { chunk, open, opened, profile };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, what: string, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(5);
  }
}

const role = (tab: Tab) => tab.roles.at(-1);
const status = async (desk: Desk) => (await firstValueFrom(desk.lifecycle$)).status;

let tabs: Tab[] = [];

afterEach(() => {
  for (const tab of tabs) tab.desk.destroy();
  tabs = [];
  jest.dontMock(PEERS);
});

describe('the other-tabs code (tab-peers.ts)', () => {
  it('a tab that leads with no follower never loads it, and is ready', async () => {
    const { chunk, open, opened } = withPeersChunk();
    tabs = opened;
    const a = open('a');
    await until(() => role(a) === 'leader', 'a to lead');
    await a.desk.connect();
    await expect(status(a.desk)).resolves.toBe('ready');
    await a.desk.agent.setStatus({ status: 'free' });
    expect(chunk.loads).toBe(0);
  });

  it('a follower whose load fails: its commands reject as retryable tab_leader_unavailable, said once on errors$; a later try mirrors the leader', async () => {
    const { chunk, open, opened } = withPeersChunk();
    tabs = opened;
    const a = open('a');
    await until(() => role(a) === 'leader', 'a to lead');
    await a.desk.connect();
    chunk.failing = true;
    const b = open('b');
    await until(() => role(b) === 'follower', 'b to follow');
    await expect(b.desk.connect()).rejects.toMatchObject({ code: 'tab_leader_unavailable', retryable: true });
    await expect(b.desk.agent.setStatus({ status: 'free' })).rejects.toMatchObject({ code: 'tab_leader_unavailable', retryable: true });
    expect(b.errors).toEqual([expect.objectContaining({ code: 'tab_leader_unavailable', retryable: true })]);
    // The chunk is back: the follower's retry (1 s later) loads it, asks for a snapshot and mirrors the leader.
    chunk.failing = false;
    let mirrored = 'idle';
    b.desk.lifecycle$.subscribe((lifecycle) => (mirrored = lifecycle.status));
    await until(() => mirrored === 'ready', 'the follower to mirror the ready leader');
    // Its commands go to the leader again.
    await expect(b.desk.agent.setStatus({ status: 'free' })).resolves.toBeUndefined();
    expect(b.errors).toHaveLength(1);
  });

  it('a leader whose load fails when a follower first speaks: said once however often it asks; loaded on a later hello, it answers with a snapshot', async () => {
    const { chunk, open, opened, profile } = withPeersChunk();
    tabs = opened;
    const a = open('a');
    await until(() => role(a) === 'leader', 'a to lead');
    await a.desk.connect();
    // A follower's side of the channel, by hand: its hellos, and what the leader posts to it.
    const channel = profile.environment('x').channel('tccc-desk.tabs:alice');
    const heard: Array<{ t: string; to?: string }> = [];
    channel.addEventListener('message', (event) => heard.push((event as { data: { t: string; to?: string } }).data));
    const hello = () => channel.postMessage({ t: 'hello', from: 'x', scope: 'alice' });
    chunk.failing = true;
    hello();
    await until(() => chunk.loads === 1 && a.errors.length === 1, 'the failed load');
    hello();
    await until(() => chunk.loads === 2, 'the second try');
    await wait(20);
    expect(a.errors).toEqual([expect.objectContaining({ code: 'tab_leader_unavailable', retryable: true })]);
    expect(heard.filter((m) => m.t === 'snapshot')).toEqual([]);
    chunk.failing = false;
    hello();
    await until(() => heard.some((m) => m.t === 'snapshot' && m.to === 'x'), 'the snapshot');
    expect(a.errors).toHaveLength(1);
    await expect(status(a.desk)).resolves.toBe('ready');
  });
});
