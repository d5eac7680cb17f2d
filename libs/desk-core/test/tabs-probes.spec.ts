/** Probes: bad options to createTabDesk, and a desk destroyed while tab-peers.ts loads. */
import { firstValueFrom, type Observable } from 'rxjs';
import { createTabDesk, type LoginResult, type TabOptions } from '../src/index';
import { tabPeersChunk } from '../src/lib/tabs/tab-desk';
import * as realPeers from '../src/lib/tabs/tab-peers';
import { createFakeLoader, createFakeSdk } from './fake-sdk';
import { FakeProfile } from './fake-tabs';
import { until, wait } from './tab-helpers';

const login = (): Promise<LoginResult> => Promise.resolve({ sdkUrl: 'https://sdk.example.test/tccc.js?token=t', seatUserId: 'seat-1' });

describe('createTabDesk checks its tabs options', () => {
  const make = (tabs: Partial<TabOptions>) => () => createTabDesk({ login, loader: createFakeLoader(createFakeSdk()), callLogStorage: null, historyStorage: null, tabs: { scope: () => 'alice', window: null, ...tabs } });
  it.each([
    ['tabs.environment', { environment: {} as never }],
    ['tabs.environment', { environment: { channel: () => ({}) as never, locks: {} as never } }],
    ['tabs.environment', { environment: 'navigator' as never }],
    ['tabs.log', { environment: null, log: 'console' as never }],
    ['tabs.window', { environment: null, window: {} as never }],
    ['tabs.tabId', { environment: null, tabId: '' }],
    ['tabs.tabId', { environment: null, tabId: 7 as never }],
  ])('%s: %p is refused with invalid_argument', (field, tabs) => {
    expect(make(tabs)).toThrow(expect.objectContaining({ code: 'invalid_argument', field }));
  });

  it('a lock manager that throws instead of answering: the tab works alone (and connects), it does not hang', async () => {
    const profile = new FakeProfile();
    const env = profile.environment('a');
    const said: string[] = [];
    const desk = createTabDesk({
      login,
      loader: createFakeLoader(createFakeSdk()),
      callLogStorage: null,
      historyStorage: null,
      tabs: {
        scope: () => 'alice',
        window: null,
        log: (m) => said.push(m),
        environment: {
          channel: env.channel,
          locks: {
            request: () => {
              throw new Error('SecurityError: not allowed here');
            },
          },
        },
      },
    });
    try {
      await expect(firstValueFrom(desk.tab$)).resolves.toEqual({ role: 'alone' });
      await desk.connect();
      expect(said).toHaveLength(1);
    } finally {
      desk.destroy();
    }
  });
});

describe('destroyed while tab-peers.ts loads', () => {
  const realLoad = tabPeersChunk.load;
  afterEach(() => (tabPeersChunk.load = realLoad));

  it('a follower with commands waiting: they reject as destroyed, every stream completes, no rejection is left unhandled, nothing is posted later', async () => {
    const profile = new FakeProfile();
    const open = (id: string) =>
      createTabDesk({ login, loader: createFakeLoader(createFakeSdk()), callLogStorage: null, historyStorage: null, tabs: { scope: () => 'alice', environment: profile.environment(id), tabId: id, window: null, snapshotRetryMs: 20, heartbeatMs: 20 } });
    const a = open('a');
    const roles: string[] = [];
    a.tab$.subscribe((t) => roles.push(t.role));
    await until(() => roles.at(-1) === 'leader', 'a to lead');
    await a.connect();
    let release!: () => void;
    tabPeersChunk.load = () => new Promise((resolve) => (release = () => resolve(realPeers)));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const b = open('b');
    const bRoles: string[] = [];
    let completed = 0;
    b.tab$.subscribe((t) => bRoles.push(t.role));
    await until(() => bRoles.at(-1) === 'follower', 'b to follow');
    const accept = b.call.accept('s-1');
    b.callLogs.ack('s-1');
    b.callLogs.fail('s-1', 'no CRM');
    const streams: Array<Observable<unknown>> = [b.state$, b.events$, b.errors$, b.callLogs.unacked$, b.callLogs$, b.tab$];
    for (const stream of streams) {
      stream.subscribe({ complete: () => completed++ });
    }
    b.destroy();
    const postedByB = () => profile.channels.sent.filter((s) => s.from === 'b').length;
    const posted = postedByB();
    await expect(accept).rejects.toMatchObject({ code: 'destroyed' });
    expect(completed).toBe(6);
    release(); // the load ends after destroy()
    await wait(120); // a hello or heartbeat timer (20 ms) would have posted by now
    process.off('unhandledRejection', onUnhandled);
    expect(postedByB()).toBe(posted);
    expect(unhandled).toEqual([]);
    a.destroy();
  });
});

describe('a sequence gap', () => {
  it('a state after a gap is a full state: mirrored at once, and so are the next ones, not only once the snapshot asked for comes', async () => {
    const profile = new FakeProfile();
    const open = (id: string) =>
      createTabDesk({ login, loader: createFakeLoader(sdks[id]), callLogStorage: null, historyStorage: null, tabs: { scope: () => 'alice', environment: profile.environment(id), tabId: id, window: null, snapshotRetryMs: 5_000 } });
    const sdks = { a: createFakeSdk(), b: createFakeSdk() } as Record<string, ReturnType<typeof createFakeSdk>>;
    const a = open('a');
    const roles: string[] = [];
    a.tab$.subscribe((t) => roles.push(t.role));
    await until(() => roles.at(-1) === 'leader', 'a to lead');
    const b = open('b');
    try {
      await Promise.all([a.connect(), b.connect()]);
      await gapThenState(b, sdks['a'], profile);
    } finally {
      a.destroy();
      b.destroy();
    }
  });
});

/** A lost event (a gap), then a state while the snapshot asked for is lost too: the follower shows that state. */
async function gapThenState(b: ReturnType<typeof createTabDesk>, leaderSdk: ReturnType<typeof createFakeSdk>, profile: FakeProfile): Promise<void> {
  const agentStatus = () => {
    let status = '';
    b.agent$.subscribe((agent) => (status = agent.status)).unsubscribe();
    return status;
  };
  profile.channels.drop = (message, _from, to) => to === 'b' && message['t'] === 'event'; // lost: the gap
  leaderSdk.emit('ready', {}); // an event only
  await wait(20);
  profile.channels.drop = (message, _from, to) => to === 'b' && message['t'] === 'snapshot'; // and the snapshot asked for
  leaderSdk.emit('statusChanged', { status: 'rest' }); // a state (and an event) after the gap
  await until(() => agentStatus() === 'rest', 'the follower to show the newer state', 1_000);
  leaderSdk.emit('statusChanged', { status: 'notReady' }); // and the next one, the snapshot still not here
  await until(() => agentStatus() === 'notReady', 'the follower to show the next state', 1_000);
}
