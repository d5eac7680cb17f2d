import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { DeskSession } from '@tccc-desk/desk-core';
import { moduleOf } from './channel-commands';
import { channelLabel, formatDuration, peerLabel, sessionDetails, sessionStatusLabel } from './format';

export type TransferRequest = { userId: string } | { skillGroupId: string };

export const DTMF_KEYS: readonly string[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

@Component({
  selector: 'tccc-session-controls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = session();
    <section class="active" data-testid="active-session" [attr.data-session-id]="s.id" [attr.data-status]="s.status"
      [attr.data-channel]="s.channel" [attr.aria-label]="'Current ' + channel().toLowerCase() + ' contact'">
      <header>
        <span class="peer" data-testid="active-peer">{{ peer() }}</span>
        <span class="status" data-testid="active-status">{{ channel() }} · {{ status() }}
          @if (s.answeredAt) { · {{ elapsed() }} }
          @if (s.muted) { · muted }
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
          <button type="button" class="accept" data-testid="accept" [disabled]="disabled()" (click)="accept.emit()">Accept</button>
        }
        <button type="button" class="hangup" data-testid="hangup" [disabled]="disabled()" (click)="hangUp.emit()">{{ endLabel() }}</button>
        @if (connected()) {
          @if (module() !== 'chat') {
            <button type="button" data-testid="mute" [attr.aria-pressed]="s.muted" [disabled]="disabled()" (click)="toggleMute.emit(!s.muted)">
              {{ s.muted ? 'Unmute' : 'Mute' }}
            </button>
          }
          @if (module() === 'video') {
            <button type="button" data-testid="camera" [attr.aria-pressed]="!!s.videoMuted" [disabled]="disabled()"
              (click)="toggleCamera.emit(!s.videoMuted)">
              {{ s.videoMuted ? 'Camera on' : 'Camera off' }}
            </button>
          }
          @if (module() === 'call') {
            <button type="button" data-testid="hold" [attr.aria-pressed]="s.status === 'held'" [disabled]="disabled()"
              (click)="toggleHold.emit(s.status !== 'held')">
              {{ s.status === 'held' ? 'Resume' : 'Hold' }}
            </button>
            <button type="button" data-testid="keypad-toggle" [attr.aria-expanded]="keypadOpen()" (click)="keypadOpen.set(!keypadOpen())">Keypad</button>
          }
          <button type="button" data-testid="transfer-toggle" [attr.aria-expanded]="transferOpen()" (click)="transferOpen.set(!transferOpen())">Transfer</button>
        }
      </div>

      @if (connected() && module() === 'call' && keypadOpen()) {
        <div class="keypad" role="group" aria-label="Keypad (DTMF)">
          @for (key of keys; track key) {
            <button type="button" [attr.data-testid]="'dtmf-' + key" [attr.aria-label]="'Send ' + key" [disabled]="disabled()"
              (click)="sendDigit(key)">{{ key }}</button>
          }
          <output class="sent" data-testid="dtmf-sent" aria-live="polite">{{ sent() }}</output>
        </div>
      }

      @if (connected() && transferOpen()) {
        <form class="transfer" (submit)="$event.preventDefault(); submitTransfer()" aria-label="Transfer the call">
          <label for="tccc-transfer-user">To an agent</label>
          <input id="tccc-transfer-user" data-testid="transfer-user" placeholder="agent@example.com" autocomplete="off"
            [value]="userId()" (input)="userId.set($any($event.target).value)" />
          <label for="tccc-transfer-skill">or a skill group</label>
          <input id="tccc-transfer-skill" data-testid="transfer-skill" placeholder="Skill group id" autocomplete="off"
            [value]="skillGroupId()" (input)="skillGroupId.set($any($event.target).value)" />
          @if (transferProblem()) { <p class="hint" data-testid="transfer-hint">{{ transferProblem() }}</p> }
          <button type="submit" data-testid="transfer-submit" [disabled]="disabled() || !transferTarget()">Transfer</button>
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
  readonly keypadOpen = signal(false);
  readonly transferOpen = signal(false);
  readonly sent = signal('');
  readonly userId = signal('');
  readonly skillGroupId = signal('');

  readonly peer = computed(() => peerLabel(this.session()));
  readonly channel = computed(() => channelLabel(this.session()));
  readonly module = computed(() => moduleOf(this.session()));
  readonly details = computed(() => sessionDetails(this.session()));
  readonly endLabel = computed(() => {
    const s = this.session();
    if (s.status === 'ringing' && s.direction !== 'outbound') return 'Decline';
    if (s.channel === 'im') return 'End chat';
    if (s.channel === 'video') return 'End video';
    return 'Hang up';
  });
  readonly status = computed(() => sessionStatusLabel(this.session()));
  readonly elapsed = computed(() => formatDuration(this.now() - (this.session().answeredAt ?? this.now())));
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
    this.userId().trim() && this.skillGroupId().trim() ? 'Choose an agent or a skill group, not both.' : null,
  );

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
