/** A Desk for tests: streams driven by the test, every command a jest mock resolving by default. */
import type {
  AgentState,
  CallLog,
  Desk,
  DiagnosticsDocument,
  DeskErrorInfo,
  DeskEvent,
  DeskSession,
  DeskState,
  Lifecycle,
  TabInfo,
} from '@tccc-desk/desk-core';
import { BehaviorSubject, Subject, distinctUntilChanged, map, of } from 'rxjs';

export function session(overrides: Partial<DeskSession> = {}): DeskSession {
  return {
    id: 's-1',
    channel: 'phone',
    direction: 'inbound',
    status: 'ringing',
    muted: false,
    peer: { phoneNumber: '+8613800000001', displayName: '+8613800000001' },
    offeredAt: 1_700_000_000_000,
    ivrPath: [],
    raw: {},
    ...overrides,
  };
}

export function deskState(overrides: Partial<DeskState> = {}): DeskState {
  return {
    lifecycle: { status: 'ready', readyAt: 1_700_000_000_000 },
    agent: { status: 'free', online: true },
    sessions: {},
    sessionOrder: [],
    activeSessionId: null,
    history: [],
    diagnostics: { unexpectedEvents: 0, eventsSeen: 0 },
    ...overrides,
  };
}

const resolved = <T>(value?: T) => jest.fn(() => Promise.resolve(value as T));

export class FakeDesk implements Desk {
  readonly store = new BehaviorSubject<DeskState>(deskState());
  readonly eventSubject = new Subject<DeskEvent>();
  readonly errorSubject = new Subject<DeskErrorInfo>();

  readonly state$ = this.store.asObservable();
  readonly lifecycle$ = this.store.pipe(map((s) => s.lifecycle), distinctUntilChanged());
  readonly agent$ = this.store.pipe(map((s) => s.agent), distinctUntilChanged());
  readonly sessions$ = this.store.pipe(
    map((s) => s.sessionOrder.map((id) => s.sessions[id]).filter((x): x is DeskSession => !!x)),
  );
  readonly activeSession$ = this.store.pipe(map((s) => (s.activeSessionId ? (s.sessions[s.activeSessionId] ?? null) : null)));
  readonly history$ = this.store.pipe(map((s) => s.history));
  readonly events$ = this.eventSubject.asObservable();
  readonly errors$ = this.errorSubject.asObservable();

  connect = resolved<void>();
  retry = resolved<void>();
  destroy = jest.fn(() => {
    this.store.complete();
    this.eventSubject.complete();
    this.errorSubject.complete();
  });
  preflight = jest.fn();
  signOut = jest.fn(() => this.destroy());
  readonly tabSubject = new BehaviorSubject<TabInfo>({ role: 'alone' });
  readonly tab$ = this.tabSubject.asObservable();
  useHere = resolved<void>();

  readonly call = {
    dial: resolved({ sessionId: 'out-1' }),
    accept: resolved<void>(),
    hangUp: resolved<void>(),
    delete: resolved<void>(),
    mute: resolved<void>(),
    unmute: resolved<void>(),
    isMuted: resolved(false),
    hold: resolved<void>(),
    unhold: resolved<void>(),
    transfer: resolved<void>(),
    sendDigits: resolved<void>(),
    internal: resolved({ sessionId: 'int-1' }),
  };
  readonly chat = { accept: resolved<void>(), end: resolved<void>(), transfer: resolved<void>() };
  readonly video = {
    accept: resolved<void>(),
    end: resolved<void>(),
    mute: resolved<void>(),
    unmute: resolved<void>(),
    muteVideo: resolved<void>(),
    unmuteVideo: resolved<void>(),
    transfer: resolved<void>(),
  };
  readonly agent = { online: resolved<void>(), offline: resolved<void>(), setStatus: resolved<void>() };
  readonly devices = { isBrowserSupported: jest.fn(() => true), microphones: resolved([]), speakers: resolved([]) };
  readonly ui = { show: resolved<void>(), hide: resolved<void>() };
  intercept = jest.fn((): (() => void) => () => undefined);
  diagnostics = jest.fn(async (): Promise<DiagnosticsDocument> => ({ kind: 'tccc-desk-diagnostics', format: 1 }) as DiagnosticsDocument);
  readonly callLogSubject = new Subject<CallLog>();
  readonly callLogs$ = this.callLogSubject.asObservable();
  readonly callLogs = { ack: jest.fn(), fail: jest.fn(), setNotes: jest.fn(), unacked: jest.fn((): readonly CallLog[] => []), unacked$: of<readonly CallLog[]>([]) };

  setLifecycle(lifecycle: Lifecycle): void {
    this.store.next({ ...this.store.value, lifecycle });
  }

  setAgent(agent: AgentState): void {
    this.store.next({ ...this.store.value, agent });
  }

  setSessions(sessions: DeskSession[], activeSessionId: string | null = sessions[0]?.id ?? null): void {
    this.store.next({
      ...this.store.value,
      sessions: Object.fromEntries(sessions.map((s) => [s.id, s])),
      sessionOrder: sessions.map((s) => s.id),
      activeSessionId,
    });
  }

  emitEvent(event: DeskEvent): void {
    this.eventSubject.next(event);
  }
}
