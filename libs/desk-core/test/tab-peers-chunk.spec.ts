/**
 * The other-tabs part of the protocol (tab-peers.ts) is loaded only when there is another tab:
 * never by a tab that leads alone. A failed load is reported once, then tried again after a
 * backoff both roles share; while it loads, a follower's commands still end (the tab leads, the
 * command times out, or the desk is destroyed).
 */
import type { Desk, DeskErrorInfo, LoginResult, TabInfo } from '../src/index';
import { createTabDesk } from '../src/index';
import { tabPeersChunk } from '../src/lib/tabs/tab-desk';
import * as realPeers from '../src/lib/tabs/tab-peers';
import { createFakeLoader, createFakeSdk } from './fake-sdk';
import { FakeProfile } from './fake-tabs';
import { role, status, until, wait } from './tab-helpers';

interface Tab {
  desk: Desk;
  roles: TabInfo['role'][];
  errors: DeskErrorInfo[];
}

type Chunk = typeof realPeers;
const realLoad = tabPeersChunk.load;

/**
 * tab-peers.ts loaded through a stand-in: it fails while `failing`, a load waits for `release()`
 * (or `fail()`) while `holding`; loads are counted.
 */
function withPeersChunk(commandTimeoutMs = 2_000) {
  const held: Array<{ resolve: (chunk: Chunk) => void; reject: (error: Error) => void }> = [];
  const chunk = {
    failing: false,
    holding: false,
    loads: 0,
    release: () => held.splice(0).forEach((load) => load.resolve(realPeers)),
    fail: () => held.splice(0).forEach((load) => load.reject(new Error('ChunkLoadError: Loading chunk 178 failed.'))),
  };
  tabPeersChunk.load = () => {
    chunk.loads += 1;
    if (chunk.failing) return Promise.reject(new Error('ChunkLoadError: Loading chunk 178 failed.'));
    if (chunk.holding) return new Promise<Chunk>((resolve, reject) => held.push({ resolve, reject }));
    return Promise.resolve(realPeers);
  };
  const profile = new FakeProfile();
  const open = (id: string): Tab => {
    const login = (): Promise<LoginResult> => Promise.resolve({ sdkUrl: 'https://sdk.example.test/tccc.js?token=t', seatUserId: 'seat-1' });
    const desk = createTabDesk({
      login,
      loader: createFakeLoader(createFakeSdk()),
      callLogStorage: null,
      historyStorage: null,
      tabs: { scope: () => 'alice', environment: profile.environment(id), tabId: id, window: null, snapshotRetryMs: 50, commandTimeoutMs },
    });
    const tab: Tab = { desk, roles: [], errors: [] };
    desk.tab$.subscribe((info) => tab.roles.push(info.role));
    desk.errors$.subscribe((error) => tab.errors.push(error));
    tabs.push(tab);
    return tab;
  };
  /** A follower's side of the channel, by hand: what it posts, and what the leader posts to it. */
  const handFollower = (id: string) => {
    const channel = profile.environment(id).channel('tccc-desk.tabs:alice');
    const heard: Array<Record<string, unknown>> = [];
    channel.addEventListener('message', (event) => heard.push((event as { data: Record<string, unknown> }).data));
    return { heard, say: (message: Record<string, unknown>) => channel.postMessage({ from: id, scope: 'alice', ...message }) };
  };
  return { chunk, open, handFollower };
}

/** A leader that is ready, and a follower whose first load of tab-peers.ts failed. */
async function leaderAndFailedFollower(chunk: ReturnType<typeof withPeersChunk>['chunk'], open: (id: string) => Tab): Promise<[Tab, Tab]> {
  const a = open('a');
  await until(() => role(a) === 'leader', 'a to lead');
  await a.desk.connect();
  chunk.failing = true;
  const b = open('b');
  await until(() => role(b) === 'follower' && b.errors.length === 1, 'b to follow, its load failed');
  return [a, b];
}

const retryable = { code: 'tab_leader_unavailable', retryable: true };
let tabs: Tab[] = [];

afterEach(() => {
  for (const tab of tabs) tab.desk.destroy();
  tabs = [];
  tabPeersChunk.load = realLoad;
});

describe('the other-tabs code (tab-peers.ts)', () => {
  it('a tab that leads with no follower never loads it, and is ready', async () => {
    const { chunk, open } = withPeersChunk();
    const a = open('a');
    await until(() => role(a) === 'leader', 'a to lead');
    await a.desk.connect();
    await expect(status(a.desk)).resolves.toBe('ready');
    await a.desk.agent.setStatus({ status: 'free' });
    expect(chunk.loads).toBe(0);
  });

  it('a follower whose load fails: commands reject as retryable at once, nothing it hears loads it again, one try after the backoff mirrors the leader', async () => {
    const { chunk, open, handFollower } = withPeersChunk();
    const [, b] = await leaderAndFailedFollower(chunk, open);
    expect(chunk.loads).toBe(1);
    await expect(b.desk.connect()).rejects.toMatchObject(retryable);
    await expect(b.desk.agent.setStatus({ status: 'free' })).rejects.toMatchObject(retryable);
    // What the leader's tab says (its own or a stray's) is dropped, not a reason to load.
    const stray = handFollower('x');
    stray.say({ t: 'leader', leader: 'a' });
    stray.say({ t: 'state', leader: 'a', seq: 1, state: {} });
    await wait(30);
    expect(chunk.loads).toBe(1);
    expect(b.errors).toEqual([expect.objectContaining(retryable)]);
    // The chunk is back: the follower's retry (1 s after the failure) loads it and mirrors the leader.
    chunk.failing = false;
    let mirrored = 'idle';
    b.desk.lifecycle$.subscribe((lifecycle) => (mirrored = lifecycle.status));
    await until(() => mirrored === 'ready', 'the follower to mirror the ready leader', 3_000);
    expect(chunk.loads).toBe(3); // the follower's two, and the leader's when the follower first spoke
    await expect(b.desk.agent.setStatus({ status: 'free' })).resolves.toBeUndefined();
    expect(b.errors).toHaveLength(1);
  });

  it('a synchronous command whose load fails is said once on errors$ (the failure), not twice', async () => {
    const { chunk, open } = withPeersChunk();
    const a = open('a');
    await until(() => role(a) === 'leader', 'a to lead');
    await a.desk.connect();
    chunk.holding = true;
    const b = open('b');
    await until(() => role(b) === 'follower' && chunk.loads === 1, 'b to follow and load');
    b.desk.callLogs.ack('s-1');
    chunk.fail();
    await until(() => b.errors.length > 0, 'the failure');
    await wait(20);
    expect(b.errors).toEqual([expect.objectContaining(retryable)]);
    // In the backoff: the same command fails at once, and says so (nothing else did).
    b.desk.callLogs.ack('s-1');
    await until(() => b.errors.length === 2, 'the second failure said');
    expect(chunk.loads).toBe(1);
  });

  it('a leader whose load fails when a follower first speaks: said once; in the backoff no load, a command is answered as retryable; after it, a hello gets a snapshot', async () => {
    const { chunk, open, handFollower } = withPeersChunk();
    const a = open('a');
    await until(() => role(a) === 'leader', 'a to lead');
    await a.desk.connect();
    const x = handFollower('x');
    chunk.failing = true;
    x.say({ t: 'hello' });
    await until(() => chunk.loads === 1 && a.errors.length === 1, 'the failed load');
    x.say({ t: 'hello' });
    x.say({ t: 'here' });
    x.say({ t: 'cmd', to: 'a', id: 7, path: 'agent.setStatus', args: [{ status: 'free' }] });
    await until(() => x.heard.some((m) => m.t === 'result'), 'the answer to the command');
    expect(x.heard.find((m) => m.t === 'result')).toMatchObject({ to: 'x', from: 'a', id: 7, ok: false, error: retryable });
    expect(chunk.loads).toBe(1);
    expect(a.errors).toEqual([expect.objectContaining(retryable)]);
    expect(x.heard.filter((m) => m.t === 'snapshot')).toEqual([]);
    chunk.failing = false;
    await wait(1_050); // the backoff after a first failure
    x.say({ t: 'hello' });
    await until(() => x.heard.some((m) => m.t === 'snapshot' && m.to === 'x'), 'the snapshot');
    expect(chunk.loads).toBe(2);
    expect(a.errors).toHaveLength(1);
    await expect(status(a.desk)).resolves.toBe('ready');
  });

  it('a leader whose load fails with follower commands waiting: each is answered as retryable, none is lost', async () => {
    const { chunk, open, handFollower } = withPeersChunk();
    const a = open('a');
    await until(() => role(a) === 'leader', 'a to lead');
    await a.desk.connect();
    const x = handFollower('x');
    chunk.holding = true;
    x.say({ t: 'cmd', to: 'a', id: 1, path: 'agent.setStatus', args: [{ status: 'free' }] });
    x.say({ t: 'cmd', to: 'a', id: 2, path: 'agent.setStatus', args: [{ status: 'busy' }] });
    await until(() => chunk.loads === 1, 'the load');
    await wait(20);
    chunk.fail();
    await until(() => x.heard.filter((m) => m.t === 'result').length === 2, 'both answers');
    expect(x.heard.filter((m) => m.t === 'result').map((m) => [m.id, m.ok])).toEqual([
      [1, false],
      [2, false],
    ]);
    expect(chunk.loads).toBe(1);
  });

  describe('while it loads', () => {
    it('the leader closes: the follower takes over and runs the waiting command itself', async () => {
      const { chunk, open } = withPeersChunk();
      const a = open('a');
      await until(() => role(a) === 'leader', 'a to lead');
      await a.desk.connect();
      chunk.holding = true;
      const b = open('b');
      await until(() => role(b) === 'follower' && chunk.loads === 1, 'b to follow and load');
      const command = b.desk.connect();
      a.desk.destroy();
      await until(() => role(b) === 'leader', 'b to take over');
      await expect(command).resolves.toBeUndefined();
      await expect(status(b.desk)).resolves.toBe('ready');
      chunk.release();
      await wait(20);
      expect(b.errors).toEqual([]);
    });

    it('a load that never ends: the command rejects as retryable after its timeout', async () => {
      const { chunk, open } = withPeersChunk(200);
      const a = open('a');
      await until(() => role(a) === 'leader', 'a to lead');
      await a.desk.connect();
      chunk.holding = true;
      const b = open('b');
      await until(() => role(b) === 'follower' && chunk.loads === 1, 'b to follow and load');
      const started = Date.now();
      await expect(b.desk.agent.setStatus({ status: 'free' })).rejects.toMatchObject(retryable);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      // It arrives after all: the follower follows, and its commands reach the leader.
      let mirrored = 'idle';
      b.desk.lifecycle$.subscribe((lifecycle) => (mirrored = lifecycle.status));
      chunk.holding = false;
      chunk.release();
      await until(() => mirrored === 'ready', 'the follower to mirror the ready leader');
      await expect(b.desk.agent.setStatus({ status: 'free' })).resolves.toBeUndefined();
      expect(chunk.loads).toBe(2); // the follower's one (no new try for the command), and the leader's
    });

    it('destroy(): the waiting command rejects as destroyed', async () => {
      const { chunk, open } = withPeersChunk();
      const a = open('a');
      await until(() => role(a) === 'leader', 'a to lead');
      chunk.holding = true;
      const b = open('b');
      await until(() => role(b) === 'follower' && chunk.loads === 1, 'b to follow and load');
      const command = b.desk.agent.setStatus({ status: 'free' });
      b.desk.destroy();
      await expect(command).rejects.toMatchObject({ code: 'destroyed' });
    });
  });
});
