import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, output, signal } from '@angular/core';
import type { DeskSession } from '@tccc-desk/desk-core';
import { moduleOf } from './channel-commands';
import { DeskI18n } from '../i18n/desk-i18n';
import { channelLabel, peerLabel, sessionDetails, sessionStatusLabel } from './format';

export type TransferRequest = { userId: string } | { skillGroupId: string };

export const DTMF_KEYS: readonly string[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

@Component({
  selector: 'tccc-session-controls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = session();
    <section class="active" data-testid="active-session" [attr.data-session-id]="s.id" [attr.data-status]="s.status"
      [attr.data-channel]="s.channel" [attr.aria-label]="t('controls.label', { channel: s.channel })">
      <header>
        <span class="peer" data-testid="active-peer">{{ peer() }}</span>
        <span class="status" data-testid="active-status">{{ channel() }} · {{ status() }}
          @if (s.answeredAt) { · {{ elapsed() }} }
          @if (s.muted) { · {{ t('controls.muted') }} }
        </span>
        @if (details().length) {
          <dl class="details" data-testid="session-details">
            @for (row of details(); track row.key) {
              <div [attr.data-testid]="'detail-' + row.key"><dt>{{ row.label }}</dt><dd>{{ row.value }}</dd></div>
            }
          </dl>
        }
      </header>

      <div class="buttons">
        @if (canAccept()) {
          <button type="button" class="accept" data-testid="accept" [disabled]="disabled()" (click)="accept.emit()">{{ t('controls.accept') }}</button>
        }
        <button type="button" class="hangup" data-testid="hangup" [disabled]="disabled()" (click)="hangUp.emit()">{{ endLabel() }}</button>
        @if (connected()) {
          <!-- The label says what a press does (Mute/Unmute), so no aria-pressed: a screen reader would
               announce "Unmute, pressed". data-active is the state, for styles and tests. -->
          @if (module() !== 'chat') {
            <button type="button" data-testid="mute" [attr.data-active]="s.muted" [disabled]="disabled()" (click)="toggleMute.emit(!s.muted)">
              {{ s.muted ? t('controls.unmute') : t('controls.mute') }}
            </button>
          }
          @if (module() === 'video') {
            <button type="button" data-testid="camera" [attr.data-active]="!!s.videoMuted" [disabled]="disabled()"
              (click)="toggleCamera.emit(!s.videoMuted)">
              {{ s.videoMuted ? t('controls.cameraOn') : t('controls.cameraOff') }}
            </button>
          }
          @if (module() === 'call') {
            <button type="button" data-testid="hold" [attr.data-active]="s.status === 'held'" [disabled]="disabled()"
              (click)="toggleHold.emit(s.status !== 'held')">
              {{ s.status === 'held' ? t('controls.resume') : t('controls.hold') }}
            </button>
          }
          @if (s.channel === 'phone') {
            <button type="button" data-testid="keypad-toggle" [attr.aria-expanded]="keypadOpen()" (click)="keypadOpen.set(!keypadOpen())">{{ t('controls.keypad') }}</button>
          }
          <button type="button" data-testid="transfer-toggle" [attr.aria-expanded]="transferOpen()" (click)="transferOpen.set(!transferOpen())">{{ t('controls.transfer') }}</button>
        }
      </div>

      <!-- Tones reach a phone line's IVR or extension: not a colleague, not an app user (voip). -->
      @if (connected() && s.channel === 'phone' && keypadOpen()) {
        <div class="keypad" role="group" [attr.aria-label]="t('keypad.label')">
          @for (key of keys; track key) {
            <button type="button" [attr.data-testid]="'dtmf-' + key" [attr.aria-label]="t('keypad.send', { key })" [disabled]="disabled()"
              (click)="sendDigit(key)">{{ key }}</button>
          }
          <output class="sent" data-testid="dtmf-sent" aria-live="polite">{{ sent() }}</output>
        </div>
      }

      @if (connected() && transferOpen()) {
        <form class="transfer" (submit)="$event.preventDefault(); submitTransfer()" [attr.aria-label]="t('transfer.form')">
          <label for="tccc-transfer-user">{{ t('transfer.toAgent') }}</label>
          <input id="tccc-transfer-user" data-testid="transfer-user" placeholder="agent@example.com" autocomplete="off"
            [value]="userId()" (input)="userId.set($any($event.target).value)" />
          <label for="tccc-transfer-skill">{{ t('transfer.orSkill') }}</label>
          <input id="tccc-transfer-skill" data-testid="transfer-skill" [placeholder]="t('transfer.skillPlaceholder')" autocomplete="off"
            [value]="skillGroupId()" (input)="skillGroupId.set($any($event.target).value)" />
          @if (transferProblem()) { <p class="hint" data-testid="transfer-hint">{{ transferProblem() }}</p> }
          <button type="submit" data-testid="transfer-submit" [disabled]="disabled() || !transferTarget()">{{ t('transfer.submit') }}</button>
        </form>
      }
    </section>
  `,
  styles: `
    .active { border: 1px solid var(--tccc-border); border-radius: 6px; padding: 8px; display: grid; gap: 8px; }
    header { display: grid; gap: 2px; }
    .peer { font-weight: 600; font-size: 14px; }
    .status { color: var(--tccc-muted); font-size: 11px; }
    .details { margin: 2px 0 0; display: grid; gap: 1px; font-size: 11px; }
    .details div { display: flex; gap: 6px; }
    .details dt { color: var(--tccc-muted); min-width: 52px; }
    .details dd { margin: 0; }
    .buttons { display: flex; flex-wrap: wrap; gap: 6px; }
    .accept { background: var(--tccc-ok); color: #fff; border-color: var(--tccc-ok); }
    .hangup { background: var(--tccc-danger); color: #fff; border-color: var(--tccc-danger); }
    .keypad { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4px; }
    .keypad button { padding: 6px 0; font-size: 14px; }
    .sent { grid-column: 1 / -1; min-height: 1.2em; font-family: monospace; color: var(--tccc-muted); }
    .transfer { display: grid; gap: 4px; }
    .transfer label { color: var(--tccc-muted); font-size: 11px; }
    .hint { margin: 0; color: var(--tccc-danger); font-size: 11px; }
  `,
})
export class SessionControlsComponent {
  readonly session = input.required<DeskSession>();
  readonly disabled = input(false);
  readonly now = input(0);

  readonly accept = output<void>();
  readonly hangUp = output<void>();
  /** true = mute. */
  readonly toggleMute = output<boolean>();
  /** true = hold. */
  readonly toggleHold = output<boolean>();
  /** true = camera off (video). */
  readonly toggleCamera = output<boolean>();
  readonly digit = output<string>();
  readonly transfer = output<TransferRequest>();

  readonly keys = DTMF_KEYS;
  private readonly i18n = inject(DeskI18n);
  readonly t = this.i18n.t;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  readonly keypadOpen = signal(false);
  readonly transferOpen = signal(false);
  readonly sent = signal('');
  readonly userId = signal('');
  readonly skillGroupId = signal('');

  readonly peer = computed(() => peerLabel(this.t, this.session()));
  readonly channel = computed(() => channelLabel(this.t, this.session()));
  readonly module = computed(() => moduleOf(this.session()));
  readonly details = computed(() => sessionDetails(this.t, this.session()));
  readonly endLabel = computed(() => {
    const s = this.session();
    if (s.status === 'ringing' && s.direction !== 'outbound') return this.t('controls.decline');
    if (s.channel === 'im') return this.t('controls.endChat');
    if (s.channel === 'video') return this.t('controls.endVideo');
    return this.t('controls.hangUp');
  });
  readonly status = computed(() => sessionStatusLabel(this.t, this.session()));
  readonly elapsed = computed(() => this.i18n.clock(this.now() - (this.session().answeredAt ?? this.now())));
  readonly canAccept = computed(() => this.session().status === 'ringing' && this.session().direction !== 'outbound');
  readonly connected = computed(() => this.session().status === 'talking' || this.session().status === 'held');

  readonly transferTarget = computed<TransferRequest | null>(() => {
    const userId = this.userId().trim();
    const skillGroupId = this.skillGroupId().trim();
    if (userId && !skillGroupId) return { userId };
    if (skillGroupId && !userId) return { skillGroupId };
    return null;
  });
  readonly transferProblem = computed(() =>
    this.userId().trim() && this.skillGroupId().trim() ? this.t('transfer.both') : null,
  );

  /** The transfer shortcut: open the form (if the contact is connected) and put the caret in the agent field. */
  openTransfer(): boolean {
    if (!this.connected()) return false;
    this.transferOpen.set(true);
    afterNextRender(() => this.focus('transfer-user'), { injector: this.injector });
    return true;
  }

  /** Focus one of the card's controls by its test id (after a render, when it exists). */
  focus(testId: string): boolean {
    const target = this.host.nativeElement.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
    target?.focus();
    return !!target;
  }

  sendDigit(key: string): void {
    this.sent.update((digits) => (digits + key).slice(-24));
    this.digit.emit(key);
  }

  submitTransfer(): void {
    const target = this.transferTarget();
    if (!target || this.disabled()) return;
    this.transfer.emit(target);
    this.transferOpen.set(false);
    this.userId.set('');
    this.skillGroupId.set('');
  }
}
