import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { DeskEvent, DeskSession } from '@tccc-desk/desk-core';
import { scan } from 'rxjs';
import { injectDesk } from '../angular/desk-token';
import { REMOTE_VERSION } from '../desk/versions';
import { deskSignals } from '../angular/desk-signals';
import { AfterCallWorkComponent } from './after-call-work.component';
import { DiagnosticsDownloadComponent } from './diagnostics-download.component';
import { channelCommands } from './channel-commands';
import { AgentStatusComponent, DEFAULT_REST_REASONS, type AgentStatusChange } from './agent-status.component';
import { DialerComponent } from './dialer.component';
import { ErrorPanelComponent } from './error-panel.component';
import { EventLogComponent } from './event-log.component';
import { InternalCallComponent } from './internal-call.component';
import { errorMessage, lifecycleLabel, peerLabel } from './format';
import { SessionControlsComponent, type TransferRequest } from './session-controls.component';
import { SessionListComponent } from './session-list.component';
import { StateInspectorComponent } from './state-inspector.component';

const EVENT_LOG_SIZE = 100;

/**
 * `<tccc-desk>`: the agent desk. It renders the desk's streams and sends its commands; all state
 * lives in desk-core. The desk is `TCCC_DESK` (the page's desk unless provided otherwise).
 */
@Component({
  selector: 'tccc-desk',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AgentStatusComponent,
    AfterCallWorkComponent,
    DiagnosticsDownloadComponent,
    DialerComponent,
    ErrorPanelComponent,
    EventLogComponent,
    InternalCallComponent,
    SessionControlsComponent,
    SessionListComponent,
    StateInspectorComponent,
  ],
  host: { class: 'tccc-desk' },
  template: `
    <section class="desk" aria-label="Contact center desk">
      <header class="top">
        <h2>Desk</h2>
        <!-- Which deployment of the desk this is (the remote ships without redeploying shells). -->
        <span class="build" data-testid="desk-build" title="Desk version">v{{ remoteVersion }}</span>
        <span class="lifecycle" data-testid="desk-status" [attr.data-status]="lifecycle().status" aria-live="polite">
          {{ lifecycleText() }}
        </span>
      </header>

      @if (lifecycle(); as l) {
        @if (l.status === 'error') {
          <tccc-error-panel [error]="l.error" (retry)="retry()" />
        }
      }

      <div class="announcer" aria-live="assertive" aria-atomic="true" data-testid="incoming-call">
        @if (incoming(); as call) { Incoming {{ call.kind }} from {{ call.from }} }
      </div>

      @if (ready()) {
        <tccc-agent-status [agent]="agent()" [restReasons]="restReasons()" (statusChange)="setAgentStatus($event)" />

        <!-- Loaded on first use (a contact, after-call work), not with the desk: it is ready sooner. -->
        @if (agent().status === 'arrange') {
          @defer (on immediate) {
            <tccc-after-call-work (finish)="finishAfterCallWork($event)" />
          }
        }

        <tccc-session-list [sessions]="sessions()" [selectedId]="current()?.id ?? null" [now]="now()" (select)="selected.set($event)" />

        @if (current(); as session) {
          @defer (on immediate) {
          <tccc-session-controls
            [session]="session"
            [now]="now()"
            (accept)="accept(session)"
            (hangUp)="hangUp(session)"
            (toggleMute)="setMuted(session, $event)"
            (toggleHold)="setHeld(session, $event)"
            (toggleCamera)="setCameraOff(session, $event)"
            (digit)="sendDigit(session, $event)"
            (transfer)="transfer(session, $event)"
          />
          }
        }

        <tccc-dialer (dialNumber)="dial($event)" />
        <tccc-internal-call (callAgent)="callAgent($event)" />
      } @else if (lifecycle().status !== 'error') {
        <p class="waiting" data-testid="desk-waiting">{{ lifecycleText() }}</p>
      }

      @if (commandError()) {
        <p class="command-error" role="alert" data-testid="command-error">
          {{ commandError() }}
          <button type="button" class="link" data-testid="command-error-dismiss" (click)="commandError.set(null)" aria-label="Dismiss">×</button>
        </p>
      }

      @if (showDiagnostics()) {
        <tccc-event-log [events]="events()" />
        <tccc-state-inspector [state]="signals.state()" />
      }
      <tccc-diagnostics-download [desk]="desk" />
    </section>
  `,
  styles: `
    :host {
      --tccc-accent: #2563eb; --tccc-ok: #15803d; --tccc-danger: #b91c1c; --tccc-danger-bg: #fef2f2;
      --tccc-ringing-bg: #fef9c3; --tccc-acw-bg: #e0f2fe; --tccc-border: #d4d4d8; --tccc-muted: #52525b;
      --tccc-chip: #f4f4f5; --tccc-bg: #fff;
      display: block; font: 13px/1.4 system-ui, sans-serif; color: #18181b;
    }
    .desk { display: grid; gap: 10px; padding: 12px; background: var(--tccc-bg); border: 1px solid var(--tccc-border); border-radius: 8px; }
    .top { display: flex; align-items: center; justify-content: space-between; }
    h2 { margin: 0; font-size: 15px; }
    .lifecycle { font-size: 11px; color: var(--tccc-muted); }
    .build { font-size: 11px; color: var(--tccc-muted); margin-left: auto; margin-right: 8px; }
    .lifecycle[data-status='ready'] { color: var(--tccc-ok); }
    .lifecycle[data-status='error'] { color: var(--tccc-danger); }
    .announcer:empty { display: none; }
    .announcer { padding: 6px 8px; border-radius: 6px; background: var(--tccc-ringing-bg); font-weight: 600; }
    .waiting { margin: 0; color: var(--tccc-muted); }
    .command-error { margin: 0; color: var(--tccc-danger); display: flex; justify-content: space-between; gap: 6px; }
    .link { border: none; background: none; cursor: pointer; color: inherit; }
    :host ::ng-deep button { font: inherit; padding: 4px 10px; border: 1px solid var(--tccc-border); border-radius: 6px; background: #fff; cursor: pointer; }
    :host ::ng-deep button:disabled { opacity: .5; cursor: default; }
    :host ::ng-deep input, :host ::ng-deep select { font: inherit; padding: 4px 6px; border: 1px solid var(--tccc-border); border-radius: 6px; }
    :host ::ng-deep :focus-visible { outline: 2px solid var(--tccc-accent); outline-offset: 1px; }
    :host ::ng-deep .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  `,
})
export class DeskComponent implements OnInit {
  /** Rest reasons offered with "On a break". */
  readonly restReasons = input<readonly string[]>(DEFAULT_REST_REASONS);
  /** Connect the desk when shown, if nobody has (the shell usually has, earlier). */
  readonly autoConnect = input(true);
  /** Event log and state inspector, for integrators. */
  readonly showDiagnostics = input(true);
  /** This deployment's version, shown in the header. */
  protected readonly remoteVersion = REMOTE_VERSION;

  protected readonly desk = injectDesk();
  private readonly destroyRef = inject(DestroyRef);
  protected readonly signals = deskSignals({ desk: this.desk });

  readonly lifecycle = this.signals.lifecycle;
  readonly agent = this.signals.agent;
  readonly sessions = this.signals.sessions;
  readonly selected = signal<string | null>(null);
  readonly commandError = signal<string | null>(null);
  readonly now = signal(Date.now());

  readonly events = toSignal(
    this.desk.events$.pipe(scan((log: readonly DeskEvent[], event: DeskEvent) => [event, ...log].slice(0, EVENT_LOG_SIZE), [])),
    { initialValue: [] as readonly DeskEvent[] },
  );

  readonly ready = computed(() => this.lifecycle().status === 'ready');
  readonly lifecycleText = computed(() => lifecycleLabel(this.lifecycle()));
  /** The session the controls act on: the one picked in the list, else the desk's active one. */
  readonly current = computed(() => {
    const sessions = this.sessions();
    return (
      sessions.find((session) => session.id === this.selected()) ??
      this.signals.activeSession() ??
      sessions.at(0) ??
      null
    );
  });
  readonly incoming = computed(() => {
    const ringing = this.sessions().find((session) => session.status === 'ringing' && session.direction !== 'outbound');
    if (!ringing) return null;
    const kind = ringing.channel === 'im' ? 'chat' : ringing.channel === 'video' ? 'video call' : ringing.channel === 'internal' ? 'internal call' : 'call';
    return { kind, from: peerLabel(ringing) };
  });

  constructor() {
    // Call durations tick once a second (zoneless: a signal write schedules change detection).
    const timer = setInterval(() => this.now.set(Date.now()), 1000);
    this.destroyRef.onDestroy(() => clearInterval(timer));
  }

  ngOnInit(): void {
    // A failed connect shows as the lifecycle's error state, with retry: nothing more to report.
    if (this.autoConnect() && this.lifecycle().status === 'idle') this.desk.connect().catch(() => undefined);
  }

  run(command: () => Promise<unknown>): void {
    this.commandError.set(null);
    let pending: Promise<unknown>;
    try {
      pending = command();
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.catch((error: unknown) => this.commandError.set(errorMessage(error)));
  }

  retry(): void {
    this.commandError.set(null);
    this.desk.retry().catch(() => undefined); // the outcome shows as the lifecycle
  }

  setAgentStatus(change: AgentStatusChange): void {
    this.run(async () => {
      if (change.status === 'offline') return this.desk.agent.offline();
      if (!this.agent().online) await this.desk.agent.online();
      return this.desk.agent.setStatus({ status: change.status, restReason: change.restReason });
    });
  }

  /** Notes go to the call log of the contact just ended (if its log waits for them), then free. */
  finishAfterCallWork(notes = ''): void {
    const last = this.signals.history()[0];
    if (notes && last) {
      try {
        this.desk.callLogs.setNotes(last.id, notes);
      } catch {
        // Its log is already out (no after-call work was expected for it): nothing to add to.
      }
    }
    this.run(() => this.desk.agent.setStatus({ status: 'free' }));
  }

  // Each channel through its own SDK module (phone/voip/internal: Call, im: Chat, video: Video).
  accept(session: DeskSession): void {
    this.run(() => channelCommands(this.desk, session).accept());
  }

  hangUp(session: DeskSession): void {
    this.run(() => channelCommands(this.desk, session).end());
  }

  setMuted(session: DeskSession, muted: boolean): void {
    this.run(() => channelCommands(this.desk, session).setMuted(muted));
  }

  setHeld(session: DeskSession, held: boolean): void {
    this.run(() => channelCommands(this.desk, session).setHeld?.(held) ?? Promise.resolve());
  }

  setCameraOff(session: DeskSession, off: boolean): void {
    this.run(() => channelCommands(this.desk, session).setCameraOff?.(off) ?? Promise.resolve());
  }

  sendDigit(session: DeskSession, digit: string): void {
    this.run(() => channelCommands(this.desk, session).sendDigit?.(digit) ?? Promise.resolve());
  }

  callAgent(calleeUserId: string): void {
    this.run(() => this.desk.call.internal({ calleeUserId }));
  }

  dial(phoneNumber: string): void {
    this.run(() => this.desk.call.dial({ phoneNumber }));
  }

  transfer(session: DeskSession, target: TransferRequest): void {
    this.run(() => channelCommands(this.desk, session).transfer(target));
  }
}
