/** The parts of a Desk the shell uses, driven by the test; commands are jest mocks. */
import type { AgentState, CallLog, Desk, DeskSession, Lifecycle } from 'tccc_remote/desk';
import { BehaviorSubject, NEVER, Subject } from 'rxjs';

export function fakeDesk(lifecycle: Lifecycle = { status: 'idle' }) {
  const lifecycle$ = new BehaviorSubject<Lifecycle>(lifecycle);
  const agent$ = new BehaviorSubject<AgentState>({ status: 'unknown', online: false });
  const sessions$ = new BehaviorSubject<readonly DeskSession[]>([]);
  const history$ = new BehaviorSubject<readonly DeskSession[]>([]);
  const callLogs$ = new Subject<CallLog>();
  const unacked$ = new BehaviorSubject<readonly CallLog[]>([]);
  const desk = {
    state$: NEVER,
    lifecycle$,
    agent$,
    sessions$,
    activeSession$: NEVER,
    history$,
    events$: NEVER,
    errors$: NEVER,
    connect: jest.fn(async () => lifecycle$.next({ status: 'ready', readyAt: 1 })),
    retry: jest.fn(async () => lifecycle$.next({ status: 'ready', readyAt: 2 })),
    destroy: jest.fn(() => lifecycle$.complete()),
    call: { dial: jest.fn(async () => ({ sessionId: 'out-1' })), accept: jest.fn(async () => undefined) },
    chat: { accept: jest.fn(async () => undefined) },
    video: { accept: jest.fn(async () => undefined) },
    intercept: jest.fn((): (() => void) => () => undefined),
    callLogs$,
    callLogs: { ack: jest.fn(), fail: jest.fn(), setNotes: jest.fn(), unacked: jest.fn(() => unacked$.value), unacked$ },
  };
  return { desk, asDesk: desk as unknown as Desk, lifecycle$, agent$, sessions$, history$, callLogs$, unacked$ };
}
