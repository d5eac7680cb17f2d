import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
  type WritableSignal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { DeskEvent, DeskSession, TabInfo } from '@tccc-desk/desk-core';
import { scan } from 'rxjs';
import { injectDesk } from '../angular/desk-token';
import { TCCC_DESK_SHORTCUTS } from '../angular/desk-shortcuts-token';
import { DeskI18n } from '../i18n/desk-i18n';
import type { MessageKey } from '../i18n/messages';
import { REMOTE_VERSION } from '../desk/versions';
import { deskSignals } from '../angular/desk-signals';
import { AfterCallWorkComponent } from './after-call-work.component';
import { channelCommands, moduleOf } from './channel-commands';
import { AgentStatusComponent, DEFAULT_REST_REASONS, type AgentStatusChange } from './agent-status.component';
import { DialerComponent } from './dialer.component';
import { ErrorPanelComponent } from './error-panel.component';
import { EventLogComponent } from './event-log.component';
import { InternalCallComponent } from './internal-call.component';
import { errorText, incomingText, lifecycleLabel } from './format';
import { warmFirstContactChunks } from './first-contact-chunks';
import { SHORTCUT_ACTIONS, isTypingTarget, matchShortcut, resolveShortcuts, type DeskShortcuts, type ShortcutAction } from './shortcuts';
import { SessionControlsComponent, type TransferRequest } from './session-controls.component';
import { SessionListComponent } from './session-list.component';
import { ShortcutHelpComponent, type ShortcutHelpRow } from './shortcut-help.component';
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
    DialerComponent,
    ErrorPanelComponent,
    EventLogComponent,
    InternalCallComponent,
    SessionControlsComponent,
    SessionListComponent,
    ShortcutHelpComponent,
    StateInspectorComponent,
  ],
  providers: [DeskI18n],
  host: { class: 'tccc-desk', '[attr.lang]': 'i18n.locale()' },
  template: `
    <section class="desk" [attr.aria-label]="t('desk.label')">
      <header class="top">
        <h2>{{ t('desk.title') }}</h2>
        <!-- Which deployment of the desk this is (the remote ships without redeploying shells). -->
        <span class="build" data-testid="desk-build" [attr.title]="t('desk.buildTitle')">v{{ remoteVersion }}</span>
        <span class="lifecycle" data-testid="desk-status" [attr.data-status]="lifecycle().status" aria-live="polite">
          {{ lifecycleText() }}
        </span>
        @if (bindings().size) {
          <button type="button" class="link help-toggle" data-testid="shortcut-help-toggle" [attr.aria-expanded]="helpOpen()"
            aria-controls="tccc-shortcut-help" (click)="toggleHelp()">{{ t('shortcuts.toggle') }}@if (helpKey()) { <kbd>{{ helpKey() }}</kbd> }</button>
        }
      </header>

      @if (follower()) {
        <p class="tab-banner" role="status" data-testid="desk-other-tab">
          {{ t('tabs.follower') }}
          <button type="button" data-testid="desk-use-here" (click)="useHere()">{{ t('tabs.useHere') }}</button>
        </p>
      }

      @if (helpOpen()) {
        <!-- Its chunk comes the first time it is opened. -->
        @defer (on immediate) {
          <tccc-shortcut-help [rows]="helpRows()" (closed)="toggleHelp()" />
        } @error {
          <p role="alert" data-testid="shortcut-help-failed">{{ t('desk.partFailed') }}</p>
        }
      }

      @if (lifecycle(); as l) {
        @if (l.status === 'error') {
          <!-- Its chunk is fetched only when the desk fails; if even that cannot load, the status and a retry. -->
          @defer (on immediate) {
            <tccc-error-panel [error]="l.error" (retry)="retry()" />
          } @error {
            <p role="alert" data-testid="desk-error" [attr.data-code]="l.error.code">
              {{ lifecycleText() }} <button type="button" data-testid="desk-retry" (click)="retry()">{{ t('error.retry') }}</button>
            </p>
          }
        }
      }

      <div class="announcer" aria-live="assertive" aria-atomic="true" data-testid="incoming-call">
        @if (incoming(); as call) {
          @if (!follower()) {
            {{ call.text }}
            <!-- For screen readers; on screen the key is in the shortcut list (one line less in the panel). -->
            @if (call.hint) { <span class="visually-hidden">{{ call.hint }}</span> }
          }
        }
      </div>

      @if (ready()) {
        <tccc-agent-status [agent]="agent()" [restReasons]="restReasons()" (statusChange)="setAgentStatus($event)" />

        <!-- Loaded on first use (a contact, after-call work), not with the desk: it is ready sooner. -->
        @if (agent().status === 'arrange') {
          @defer (on immediate) {
            <tccc-after-call-work (finish)="finishAfterCallWork($event)" />
          } @error {
            <!-- Without its chunk the agent can still finish (without notes), never stuck in after-call work. -->
            <p class="acw-failed" role="alert" data-testid="acw-failed">
              {{ t('acw.loadFailed') }} <button type="button" data-testid="acw-finish" (click)="finishAfterCallWork()">{{ t('acw.finish') }}</button>
            </p>
          }
        }

        @if (sessions().length) {
          <!-- One chunk (first-contact): the list and the controls come, or fail, together; then one message. -->
          @defer (on immediate) {
            <tccc-session-list [sessions]="sessions()" [selectedId]="current()?.id ?? null" [now]="now()" (select)="selected.set($event)" />
            @if (current(); as session) {
              <tccc-session-controls
                #controls
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
          } @error {
            <!-- Its chunk could not be fetched (network, a redeploy that removed it): say so, never a silent blank. -->
            <p role="alert" data-testid="session-list-failed">{{ t('sessions.loadFailed') }}</p>
          }
        } @else {
          <p class="empty" data-testid="session-list-empty">{{ t('sessions.empty') }}</p>
        }

        <tccc-dialer (dialNumber)="dial($event)" />
        <tccc-internal-call (callAgent)="callAgent($event)" />
      } @else if (lifecycle().status !== 'error') {
        <p class="waiting" data-testid="desk-waiting">{{ lifecycleText() }}</p>
      }

      @if (commandError()) {
        <p class="command-error" role="alert" data-testid="command-error">
          <span>{{ commandErrorText()?.message }}
            @if (commandErrorText()?.detail; as detail) { <span class="detail" lang="en">{{ detail }}</span> }</span>
          <button type="button" class="link" data-testid="command-error-dismiss" (click)="commandError.set(null)" [attr.aria-label]="t('command.dismiss')">×</button>
        </p>
      }

      @if (showDiagnostics()) {
        <!-- For integrators, closed by default: each body (and its chunk) comes when first opened. -->
        <details data-testid="event-log" (toggle)="opened($event, eventLogOpened)">
          <summary>{{ t('eventLog.summary', { count: events().length }) }}</summary>
          @defer (when eventLogOpened()) {
            <tccc-event-log [events]="events()" />
          } @error {
            <p role="alert">{{ t('desk.partFailed') }}</p>
          }
        </details>
        <details data-testid="state-inspector" (toggle)="opened($event, stateOpened)">
          <summary>{{ t('state.summary') }}</summary>
          @defer (when stateOpened()) {
            <tccc-state-inspector [state]="signals.state()" />
          } @error {
            <p role="alert">{{ t('desk.partFailed') }}</p>
          }
        </details>
      }
      <div class="diagnostics">
        <button type="button" data-testid="diagnostics-download" [disabled]="diagnosticsBusy()" (click)="downloadDiagnostics()">{{ t('diagnostics.download') }}</button>
        @if (diagnosticsProblem()) { <span class="problem" role="alert" data-testid="diagnostics-problem">{{ diagnosticsProblem() }}</span> }
      </div>
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
    .top { gap: 8px; }
    h2 { flex: 1; }
    .lifecycle { font-size: 11px; color: var(--tccc-muted); }
    .help-toggle { font-size: 11px; color: var(--tccc-accent); text-decoration: underline; padding: 2px 4px; }
    :host ::ng-deep kbd { font: 11px ui-monospace, monospace; padding: 0 4px; border: 1px solid var(--tccc-border); border-radius: 3px; background: var(--tccc-chip); color: #18181b; }
    .detail { display: block; font-size: 11px; color: var(--tccc-muted); }
    .build { font-size: 11px; color: var(--tccc-muted); margin-left: auto; margin-right: 8px; }
    .lifecycle[data-status='ready'] { color: var(--tccc-ok); }
    .lifecycle[data-status='error'] { color: var(--tccc-danger); }
    .announcer:empty { display: none; }
    .announcer { padding: 6px 8px; border-radius: 6px; background: var(--tccc-ringing-bg); font-weight: 600; }
    .waiting { margin: 0; color: var(--tccc-muted); }
    .empty { margin: 0; color: var(--tccc-muted); padding: 4px 0; }
    .diagnostics { display: flex; gap: 8px; align-items: center; }
    .diagnostics .problem { color: var(--tccc-danger); }
    .tab-banner { margin: 0; padding: 6px 8px; border-radius: 6px; background: var(--tccc-acw-bg); display: flex; align-items: center; justify-content: space-between; gap: 8px; }
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
  /**
   * Keyboard shortcuts: `false` turns them off, `{ accept: 'Alt+A', hold: null }` rebinds or turns
   * off single ones (see shortcuts.ts). Default: `provideDesk({ shortcuts })`, else the defaults.
   */
  readonly shortcuts = input<DeskShortcuts | undefined>(undefined);
  /** This deployment's version, shown in the header. */
  protected readonly remoteVersion = REMOTE_VERSION;

  protected readonly desk = injectDesk();
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly providedShortcuts = inject(TCCC_DESK_SHORTCUTS, { optional: true });
  protected readonly i18n = inject(DeskI18n);
  readonly t = this.i18n.t;
  private readonly controls = viewChild<SessionControlsComponent>('controls');
  protected readonly signals = deskSignals({ desk: this.desk });

  readonly lifecycle = this.signals.lifecycle;
  readonly agent = this.signals.agent;
  readonly sessions = this.signals.sessions;
  readonly selected = signal<string | null>(null);
  /** What the last command rejected with (shown in the current language, so kept as it came). */
  readonly commandError = signal<unknown>(null);
  readonly commandErrorText = computed(() => (this.commandError() === null ? null : errorText(this.t, this.commandError())));
  readonly helpOpen = signal(false);
  /** The event log and the state inspector have been opened (their bodies stay once made). */
  protected readonly eventLogOpened = signal(false);
  protected readonly stateOpened = signal(false);
  protected readonly diagnosticsBusy = signal(false);
  protected readonly diagnosticsProblem = signal<string | null>(null);
  readonly now = signal(Date.now());

  readonly events = toSignal(
    this.desk.events$.pipe(scan((log: readonly DeskEvent[], event: DeskEvent) => [event, ...log].slice(0, EVENT_LOG_SIZE), [])),
    { initialValue: [] as readonly DeskEvent[] },
  );

  /** Which tab owns the desk: a follower mirrors another tab's desk and says so. */
  readonly tab = toSignal(this.desk.tab$, { initialValue: { role: 'alone' } as TabInfo });
  readonly follower = computed(() => this.tab().role === 'follower');

  readonly ready = computed(() => this.lifecycle().status === 'ready');
  readonly lifecycleText = computed(() => lifecycleLabel(this.t, this.lifecycle()));
  readonly bindings = computed(() => resolveShortcuts(this.shortcuts() ?? this.providedShortcuts ?? undefined));
  readonly helpKey = computed(() => this.bindings().get('help')?.label ?? null);
  readonly helpRows = computed((): readonly ShortcutHelpRow[] =>
    SHORTCUT_ACTIONS.map((action) => ({
      action,
      label: `shortcuts.${action}` as const satisfies MessageKey,
      key: this.bindings().get(action)?.label ?? null,
    })),
  );
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
  /** The contact ringing for this agent (not a call the agent is making). */
  readonly ringing = computed(() => this.sessions().find((session) => session.status === 'ringing' && session.direction !== 'outbound') ?? null);
  readonly incoming = computed(() => {
    const ringing = this.ringing();
    if (!ringing) return null;
    const key = this.bindings().get('accept')?.label;
    return { text: incomingText(this.t, ringing), hint: key ? this.t('incoming.acceptHint', { key }) : null };
  });

  constructor() {
    // Call durations tick once a second (zoneless: a signal write schedules change detection).
    const timer = setInterval(() => this.now.set(Date.now()), 1000);
    this.destroyRef.onDestroy(() => clearInterval(timer));

    const doc = this.host.nativeElement.ownerDocument;
    const onKey = (event: KeyboardEvent) => this.onKey(event);
    doc.addEventListener('keydown', onKey);
    this.destroyRef.onDestroy(() => doc.removeEventListener('keydown', onKey));

    // Once ready, the first contact's chunks come while the page is idle (first-contact-chunks.ts).
    const warmUp = new AbortController();
    this.destroyRef.onDestroy(() => warmUp.abort());
    let warming = false;
    effect(() => {
      if (!this.ready() || warming) return;
      warming = true;
      void warmFirstContactChunks(warmUp.signal);
    });

    // A new contact rings: bring the agent to its Accept button, unless they are busy elsewhere.
    // The controls are deferred (their chunk may still be on its way): wait for them.
    let announced: string | null = null;
    effect(() => {
      const id = this.ringing()?.id ?? null;
      const controls = this.controls();
      if (id === null) announced = null;
      if (id === null || id === announced || !controls) return;
      announced = id;
      afterNextRender(() => this.focusIncoming(), { injector: this.injector });
    });
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
    pending.catch((error: unknown) => this.commandError.set(error ?? new Error()));
  }

  /** The diagnostics document as a file (its code is fetched on the first click). */
  protected async downloadDiagnostics(): Promise<void> {
    this.diagnosticsBusy.set(true);
    this.diagnosticsProblem.set(null);
    try {
      const { saveDiagnostics } = await import('./save-diagnostics');
      await saveDiagnostics(this.desk);
    } catch (error) {
      this.diagnosticsProblem.set(this.t('diagnostics.failed', { reason: error instanceof Error ? error.message : this.t('diagnostics.unknownReason') }));
    } finally {
      this.diagnosticsBusy.set(false);
    }
  }

  /** A diagnostics disclosure opened: its body is made from now on. */
  protected opened(event: Event, flag: WritableSignal<boolean>): void {
    if ((event.target as HTMLDetailsElement | null)?.open) flag.set(true);
  }

  toggleHelp(): void {
    // The panel focuses itself when shown (ShortcutHelpComponent).
    this.helpOpen.set(!this.helpOpen());
  }

  /** A key anywhere on the page: one of the shortcuts, unless the agent is typing (see shortcuts.ts). */
  onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.helpOpen() && !event.defaultPrevented) {
      this.helpOpen.set(false);
      event.preventDefault();
      return;
    }
    const action = matchShortcut(event, this.bindings());
    // Handled once per page even with two desks mounted: the first one marks the event.
    if (action && this.perform(action)) event.preventDefault();
  }

  /** Does what a shortcut asks, if it applies now; false when it does not (the key is left alone). */
  perform(action: ShortcutAction): boolean {
    if (action === 'help') {
      this.toggleHelp();
      return true;
    }
    if (!this.ready()) return false;
    const current = this.current();
    const connected = !!current && (current.status === 'talking' || current.status === 'held');
    switch (action) {
      case 'accept': {
        const ringing = this.ringing();
        if (!ringing) return false;
        this.selected.set(ringing.id);
        this.accept(ringing);
        return true;
      }
      case 'hangUp':
        if (!current || current.status === 'ended' || current.status === 'transferred') return false;
        this.hangUp(current);
        return true;
      case 'mute':
        if (!connected || moduleOf(current) === 'chat') return false;
        this.setMuted(current, !current.muted);
        return true;
      case 'hold':
        if (!connected || moduleOf(current) !== 'call') return false;
        this.setHeld(current, current.status !== 'held');
        return true;
      case 'dialer':
        return this.focusTestId('dial-input');
      case 'transfer':
        return this.controls()?.openTransfer() ?? false;
      case 'available':
        this.setAgentStatus({ status: 'free' });
        return true;
      case 'break':
        this.setAgentStatus({ status: 'rest', restReason: this.restReasons()[0] });
        return true;
    }
  }

  private focusTestId(testId: string): boolean {
    const target = this.host.nativeElement.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
    target?.focus();
    return !!target;
  }

  /**
   * Focus goes to Accept only when it is free to take: nothing focused (the page body), or
   * something in the desk that is not a field. A host's form the agent is typing in keeps it;
   * the aria-live announcement still tells them.
   */
  private focusIncoming(): void {
    const doc = this.host.nativeElement.ownerDocument;
    const active = doc.activeElement;
    const free = !active || active === doc.body || active === doc.documentElement;
    const inDesk = !!active && this.host.nativeElement.contains(active) && !isTypingTarget({ target: active });
    if (free || inDesk) this.controls()?.focus('accept');
  }

  /** Take the desk over from the other tab (it lets go of its SDK; this tab logs in afresh). */
  useHere(): void {
    this.run(() => this.desk.useHere());
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
