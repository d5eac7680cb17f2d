// The measurements behind desk-core.bench.ts. A desk is built on a fake SDK object (a fake loader
// resolves a fake `tccc` global) and events are fired synchronously through the listeners the
// desk registered with `tccc.on`, exactly as the SDK would call them.
import { Subject, map, scan } from 'rxjs';
import { TCCC_EVENT_NAMES, eventPayload, type TcccGlobal } from '@tccc-desk/tccc-sdk';
import { createDesk, type Desk, type DeskState } from '../src/index';

type Listener = (payload: unknown) => void;

interface BenchSdk {
  tccc: TcccGlobal;
  emit(name: string, payload: unknown): void;
  listenerCount(): number;
}

/** The leanest fake that behaves like the SDK: a listener set per event. */
function createBenchSdk(): BenchSdk {
  const listeners = new Map<string, Set<Listener>>();
  const ok = () => Promise.resolve({ status: 'success' });
  const tccc = {
    events: Object.fromEntries(TCCC_EVENT_NAMES.map((name) => [name, name])),
    on(name: string, listener: Listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
    },
    off(name: string, listener: Listener) {
      listeners.get(name)?.delete(listener);
    },
    Call: { hold: ok, unHold: ok },
    Chat: {},
    Video: {},
    Agent: {},
    Devices: { isBrowserSupported: () => true },
    UI: {},
  } as unknown as TcccGlobal;
  return {
    tccc,
    emit(name, payload) {
      const set = listeners.get(name);
      if (set) for (const listener of set) listener(payload);
    },
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

interface Bench {
  desk: Desk;
  sdk: BenchSdk;
  emissions: () => number;
}

async function readyDesk(): Promise<Bench> {
  const sdk = createBenchSdk();
  const desk = createDesk({
    login: () => Promise.resolve({ sdkUrl: 'https://sdk.example.test/tccc.js' }),
    loader: { load: () => Promise.resolve(sdk.tccc), teardown: () => undefined },
  });
  await desk.connect();
  let count = 0;
  let last: DeskState | undefined;
  // The one subscriber on state$.
  desk.state$.subscribe((state) => {
    count++;
    last = state;
  });
  if (!last) throw new Error('state$ did not replay');
  return { desk, sdk, emissions: () => count };
}

const callIn = (sessionId: string) => ({
  type: 'phone',
  sessionId,
  timeout: 30,
  calleePhoneNumber: '4001234567',
  callerPhoneNumber: '13800138000',
  callerLocation: 'Shenzhen',
});
const BUSY = { status: 'busy' };
const FREE = { status: 'free' };

/** One contact, start to end, with the agent's status around it: 5 events. */
const EVENTS_PER_CYCLE = 5;
function cycle(sdk: BenchSdk, id: string): void {
  sdk.emit('callIn', callIn(id));
  sdk.emit('userAccessed', { sessionId: id });
  sdk.emit('statusChanged', BUSY);
  sdk.emit('sessionEnded', { sessionId: id, closeBy: 'client' });
  sdk.emit('statusChanged', FREE);
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

/** CPU seconds this process spent since `since` (all threads: GC work counts). */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** Events per second of wall time, and per second of this process's CPU time. */
interface Rate {
  perS: number;
  perCpuS: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

// ---------------------------------------------------------------------------------------------

/** Events per second into state$ (one subscriber), over the 5-event contact cycle. */
async function throughput(cycles: number): Promise<number> {
  const { desk, sdk, emissions } = await readyDesk();
  const sessionIds = ids('t', cycles);
  const before = emissions();
  const start = process.hrtime.bigint();
  for (const id of sessionIds) cycle(sdk, id);
  const elapsed = seconds(start);
  const events = cycles * EVENTS_PER_CYCLE;
  if (emissions() - before !== events) throw new Error(`state$ emitted ${emissions() - before} times for ${events} events`);
  desk.destroy();
  return events / elapsed;
}

/** Seconds per event of the contact cycle while `live - 1` other sessions are live (talking). */
async function costPerEvent(live: number, cycles: number): Promise<number> {
  const { desk, sdk } = await readyDesk();
  for (const id of ids('bg', live - 1)) {
    sdk.emit('callIn', callIn(id));
    sdk.emit('userAccessed', { sessionId: id });
  }
  const sessionIds = ids('c', cycles);
  const start = process.hrtime.bigint();
  for (const id of sessionIds) cycle(sdk, id);
  const elapsed = seconds(start);
  let state: DeskState | undefined;
  desk.state$.subscribe((s) => (state = s)).unsubscribe();
  if (state?.sessionOrder.length !== live - 1) throw new Error('the live set changed size');
  desk.destroy();
  return elapsed / (cycles * EVENTS_PER_CYCLE);
}

/** Seconds per hold/unhold command (awaited) on one of `live` talking sessions. */
async function holdCost(live: number, rounds: number): Promise<number> {
  const { desk, sdk } = await readyDesk();
  for (const id of ids('bg', live)) {
    sdk.emit('callIn', callIn(id));
    sdk.emit('userAccessed', { sessionId: id });
  }
  const target = `bg-${live - 1}`;
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) {
    await desk.call.hold(target);
    await desk.call.unhold(target);
  }
  const elapsed = seconds(start);
  desk.destroy();
  return elapsed / (rounds * 2);
}

function collect(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

/** Heap growth (MB) after `sessions` sessions opened, answered and ended on one desk. */
async function heapGrowth(sessions: number): Promise<number> {
  const { desk, sdk } = await readyDesk();
  for (const id of ids('warm', 5_000)) cycle(sdk, id); // JIT and history at their steady size
  const before = collect();
  for (let i = 0; i < sessions; i++) {
    const id = `h-${i}`;
    sdk.emit('callIn', callIn(id));
    sdk.emit('userAccessed', { sessionId: id });
    sdk.emit('sessionEnded', { sessionId: id, closeBy: 'seat' });
  }
  const after = collect();
  let state: DeskState | undefined;
  desk.state$.subscribe((s) => (state = s)).unsubscribe();
  if (state?.sessionOrder.length !== 0 || state.history.length !== 50) throw new Error('unexpected state after the heap run');
  desk.destroy();
  if (sdk.listenerCount() !== 0) throw new Error('listeners left after destroy');
  return (after - before) / (1024 * 1024);
}

/** Heap growth (MB) after `commands` hold/unhold commands (awaited) on one talking session. */
async function heapAfterCommands(commands: number): Promise<number> {
  const { desk, sdk } = await readyDesk();
  sdk.emit('callIn', callIn('cmd'));
  sdk.emit('userAccessed', { sessionId: 'cmd' });
  for (let i = 0; i < 2_000; i++) await (i % 2 ? desk.call.unhold('cmd') : desk.call.hold('cmd')); // warm-up
  const before = collect();
  for (let i = 0; i < commands; i++) await (i % 2 ? desk.call.unhold('cmd') : desk.call.hold('cmd'));
  const after = collect();
  desk.destroy();
  return (after - before) / (1024 * 1024);
}

/** The five channels' offers, each then answered and ended (with the agent's status): 5 events. */
const CHANNEL_OFFERS: ReadonlyArray<(sessionId: string) => Record<string, unknown>> = [
  (sessionId) => callIn(sessionId),
  (sessionId) => ({ type: 'im', sessionId, timeout: 0, nickname: 'Visitor', peerSource: 'web', channelName: 'Shop' }),
  (sessionId) => ({ type: 'voip', sessionId, timeout: 30, callee: 'hotline', userId: 'o-1', nickname: 'Wei' }),
  (sessionId) => ({ type: 'video', sessionId, timeout: 30, userId: 'o-2', nickname: 'Mei' }),
  (sessionId) => ({ type: 'internal', sessionId, timeout: 30, peerUserId: 'bob@example.com' }),
];

function mixedCycle(sdk: BenchSdk, id: string, i: number): void {
  sdk.emit('callIn', CHANNEL_OFFERS[i % CHANNEL_OFFERS.length](id));
  sdk.emit('userAccessed', { sessionId: id });
  sdk.emit('statusChanged', BUSY);
  sdk.emit('sessionEnded', { sessionId: id, closeBy: 'client' });
  sdk.emit('statusChanged', FREE);
}

/** Events per second into state$ with all five channels mixed. */
async function channelsThroughput(cycles: number): Promise<Rate> {
  const { desk, sdk, emissions } = await readyDesk();
  const sessionIds = ids('m', cycles);
  const before = emissions();
  const start = process.hrtime.bigint();
  const startCpu = process.cpuUsage();
  for (let i = 0; i < sessionIds.length; i++) mixedCycle(sdk, sessionIds[i], i);
  const cpu = cpuSeconds(startCpu);
  const elapsed = seconds(start);
  const events = cycles * EVENTS_PER_CYCLE;
  if (emissions() - before !== events) throw new Error(`state$ emitted ${emissions() - before} times for ${events} events`);
  desk.destroy();
  return { perS: events / elapsed, perCpuS: events / cpu };
}

// The baseline: the same SDK events, through the same listeners, folded by a plain `scan` over a
// plain object (a spread per change, nothing else): what any hand-written store would cost.
interface PlainState {
  sessions: Record<string, { id: string; type: unknown; status: string; payload: unknown }>;
  history: unknown[];
  agent: unknown;
}

function plainReduce(state: PlainState, { name, payload }: { name: string; payload: Record<string, unknown> }): PlainState {
  const id = payload['sessionId'] as string;
  switch (name) {
    case 'callIn':
      return { ...state, sessions: { ...state.sessions, [id]: { id, type: payload['type'], status: 'ringing', payload } } };
    case 'userAccessed':
      return { ...state, sessions: { ...state.sessions, [id]: { ...state.sessions[id], status: 'talking' } } };
    case 'sessionEnded': {
      const { [id]: ended, ...sessions } = state.sessions;
      return { ...state, sessions, history: [ended, ...state.history].slice(0, 50) };
    }
    case 'statusChanged':
      return { ...state, agent: payload['status'] };
    default:
      return state;
  }
}

/** Events per second through a plain scan, on the same mixed-channel cycle. */
function plainScanThroughput(cycles: number): Rate {
  const sdk = createBenchSdk();
  const events = new Subject<{ name: string; payload: unknown }>();
  for (const name of ['callIn', 'userAccessed', 'statusChanged', 'sessionEnded']) {
    sdk.tccc.on(name as never, ((response: unknown) => events.next({ name, payload: response })) as never);
  }
  let count = 0;
  const subscription = events
    .pipe(
      map(({ name, payload }) => ({ name, payload: eventPayload(payload as never) as Record<string, unknown> })),
      scan(plainReduce, { sessions: {}, history: [], agent: null }),
    )
    .subscribe(() => count++);
  const sessionIds = ids('p', cycles);
  const start = process.hrtime.bigint();
  const startCpu = process.cpuUsage();
  for (let i = 0; i < sessionIds.length; i++) mixedCycle(sdk, sessionIds[i], i);
  const cpu = cpuSeconds(startCpu);
  const elapsed = seconds(start);
  subscription.unsubscribe();
  if (count !== cycles * EVENTS_PER_CYCLE) throw new Error('the plain scan missed events');
  return { perS: (cycles * EVENTS_PER_CYCLE) / elapsed, perCpuS: (cycles * EVENTS_PER_CYCLE) / cpu };
}

// ---------------------------------------------------------------------------------------------

export async function main(): Promise<void> {
  const ROUNDS = 5;
  const started = process.hrtime.bigint();
  const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

  await throughput(20_000); // warm-up
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) rates.push(await throughput(40_000));
  const eventsPerS = median(rates);
  console.log(`events/s into state$ (1 subscriber, 200,000 events/round): median ${fmt(eventsPerS)} [${rates.map((x) => fmt(x)).join(', ')}]`);

  await costPerEvent(1_000, 5_000); // warm-up
  const small: number[] = [];
  const large: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const one = await costPerEvent(1, 20_000);
    const thousand = await costPerEvent(1_000, 20_000);
    small.push(one);
    large.push(thousand);
    ratios.push(thousand / one);
  }
  const costRatio = median(large) / median(small);
  console.log(
    `cost per event, contact cycle (callIn, userAccessed, statusChanged, sessionEnded, statusChanged): ` +
      `1 live ${fmt(median(small) * 1e9)} ns, 1,000 live ${fmt(median(large) * 1e9)} ns, ratio ${fmt(costRatio, 2)} ` +
      `[per round ${ratios.map((x) => fmt(x, 2)).join(', ')}]`,
  );

  await holdCost(1_000, 2_000); // warm-up
  const holdSmall: number[] = [];
  const holdLarge: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    holdSmall.push(await holdCost(1, 10_000));
    holdLarge.push(await holdCost(1_000, 10_000));
  }
  console.log(
    `(info) hold/unhold command, awaited: 1 live ${fmt(median(holdSmall) * 1e9)} ns, 1,000 live ${fmt(median(holdLarge) * 1e9)} ns, ` +
      `ratio ${fmt(median(holdLarge) / median(holdSmall), 2)}`,
  );

  const growths: number[] = [];
  for (let r = 0; r < ROUNDS; r++) growths.push(await heapGrowth(100_000));
  const heapGrowthMb = median(growths);
  console.log(`heap growth after 100,000 sessions opened and ended: median ${fmt(heapGrowthMb, 2)} MB [${growths.map((x) => fmt(x, 2)).join(', ')}]`);

  await heapAfterCommands(10_000); // warm-up
  const commandGrowths: number[] = [];
  for (let r = 0; r < 3; r++) commandGrowths.push(await heapAfterCommands(200_000));
  const commandGrowthMb = median(commandGrowths);
  console.log(`heap growth after 200,000 commands (hold/unhold, awaited): median ${fmt(commandGrowthMb, 2)} MB [${commandGrowths.map((x) => fmt(x, 2)).join(', ')}]`);

  // All five channels mixed, and the plain-scan baseline measured in the same run, interleaved.
  await channelsThroughput(10_000);
  plainScanThroughput(10_000);
  // Each round measures both back to back, and the cost is the median of the per-round ratios
  // of CPU time: on a shared machine, time spent waiting for a core is not the desk's cost (the
  // wall-clock ratio is printed beside it).
  const mixed: number[] = [];
  const plain: number[] = [];
  const costs: number[] = [];
  const wallCosts: number[] = [];
  for (let r = 0; r < 2 * ROUNDS + 1; r++) {
    const desk = await channelsThroughput(40_000);
    const base = plainScanThroughput(40_000);
    mixed.push(desk.perS);
    plain.push(base.perS);
    costs.push(base.perCpuS / desk.perCpuS);
    wallCosts.push(base.perS / desk.perS);
  }
  const channelsPerS = median(mixed);
  const plainPerS = median(plain);
  const costVsPlain = median(costs);
  console.log(
    `events/s, five channels mixed: desk median ${fmt(channelsPerS)} [${mixed.map((x) => fmt(x)).join(', ')}]; ` +
      `plain scan over a plain object median ${fmt(plainPerS)} [${plain.map((x) => fmt(x)).join(', ')}]; ` +
      `cost vs plain (median of per-round ratios of CPU time) ${fmt(costVsPlain, 2)} [${costs.map((x) => fmt(x, 2)).join(', ')}]; ` +
      `of wall time ${fmt(median(wallCosts), 2)}`,
  );

  console.log(
    `targets: events/s >= 200,000, ratio <= 1.5, heap growth <= 5 MB (sessions and commands), cost vs plain scan <= 3; took ${fmt(seconds(started), 1)} s`,
  );
  console.log(
    JSON.stringify({
      events_per_s: Math.round(eventsPerS),
      cost_ratio_1000_vs_1: Number(costRatio.toFixed(3)),
      heap_growth_mb: Number(heapGrowthMb.toFixed(3)),
      heap_growth_after_commands_mb: Number(commandGrowthMb.toFixed(3)),
      channels: Math.round(channelsPerS),
      plain_scan_events_per_s: Math.round(plainPerS),
      cost_vs_plain_scan: Number(costVsPlain.toFixed(3)),
    }),
  );
}
