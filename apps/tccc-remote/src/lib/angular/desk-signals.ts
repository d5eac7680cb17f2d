import { Injector, inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { AgentState, Desk, DeskSession, DeskState, Lifecycle } from '@tccc-desk/desk-core';
import { getDesk } from '../desk/page-desk';
import { TCCC_DESK } from './desk-token';

export interface DeskSignals {
  state: Signal<DeskState | undefined>;
  lifecycle: Signal<Lifecycle>;
  agent: Signal<AgentState>;
  sessions: Signal<readonly DeskSession[]>;
  activeSession: Signal<DeskSession | null>;
  history: Signal<readonly DeskSession[]>;
}

/** What the adapters read: any object with the desk's state streams. */
export type DeskStreams = Pick<Desk, 'state$' | 'lifecycle$' | 'agent$' | 'sessions$' | 'activeSession$' | 'history$'>;

export const INITIAL_AGENT: AgentState = { status: 'unknown', online: false };

/**
 * The desk's streams as signals, unsubscribed when the injector is destroyed. Call in an
 * injection context, or pass `injector`. The desk defaults to `TCCC_DESK`, else the page's desk.
 */
export function deskSignals(options: { desk?: DeskStreams; injector?: Injector } = {}): DeskSignals {
  const injector = options.injector ?? inject(Injector);
  const desk: DeskStreams = options.desk ?? injector.get(TCCC_DESK, null) ?? getDesk();
  const opts = { injector };
  return {
    state: toSignal(desk.state$, opts),
    lifecycle: toSignal(desk.lifecycle$, { ...opts, initialValue: { status: 'idle' } as Lifecycle }),
    agent: toSignal(desk.agent$, { ...opts, initialValue: INITIAL_AGENT }),
    sessions: toSignal(desk.sessions$, { ...opts, initialValue: [] as readonly DeskSession[] }),
    activeSession: toSignal(desk.activeSession$, { ...opts, initialValue: null }),
    history: toSignal(desk.history$, { ...opts, initialValue: [] as readonly DeskSession[] }),
  };
}
