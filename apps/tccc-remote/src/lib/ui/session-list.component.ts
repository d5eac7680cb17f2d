import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import type { DeskSession } from '@tccc-desk/desk-core';
import { DeskI18n } from '../i18n/desk-i18n';
import { channelLabel, directionLabel, peerLabel, sessionStatusLabel } from './format';

/** The desk's contacts (shown from the first one: `<tccc-desk>` says when there are none). */
@Component({
  selector: 'tccc-session-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="sessions" data-testid="session-list" [attr.aria-label]="t('sessions.label')">
      @for (session of sessions(); track session.id) {
        <li>
          <button
            type="button"
            class="session"
            [class.selected]="session.id === selectedId()"
            [attr.data-testid]="'session-' + session.id"
            [attr.data-status]="session.status"
            [attr.aria-pressed]="session.id === selectedId()"
            (click)="select.emit(session.id)"
          >
            <span class="peer">{{ label(session) }}</span>
            <span class="meta">
              {{ meta(session) }}
              @if (session.answeredAt) {
                · {{ elapsed(session) }}
              }
            </span>
          </button>
        </li>
      }
    </ul>
  `,
  styles: `
    .sessions { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
    .session { width: 100%; text-align: left; display: grid; gap: 2px; padding: 6px 8px; border: 1px solid var(--tccc-border);
      border-radius: 6px; background: var(--tccc-bg); cursor: pointer; }
    .session.selected { border-color: var(--tccc-accent); box-shadow: 0 0 0 1px var(--tccc-accent) inset; }
    .session[data-status='ringing'] { background: var(--tccc-ringing-bg); }
    .peer { font-weight: 600; }
    .meta { color: var(--tccc-muted); font-size: 11px; }
  `,
})
export class SessionListComponent {
  readonly sessions = input.required<readonly DeskSession[]>();
  readonly selectedId = input<string | null>(null);
  /** ms since epoch, ticking, for call durations. */
  readonly now = input(0);
  readonly select = output<string>();

  private readonly i18n = inject(DeskI18n);
  readonly t = this.i18n.t;

  label(session: DeskSession): string {
    return peerLabel(this.t, session);
  }

  /** "Chat · inbound · Ringing"; an internal call's direction is its channel already ("Internal · internal"). */
  meta(session: DeskSession): string {
    const channel = channelLabel(this.t, session);
    const status = sessionStatusLabel(this.t, session);
    return session.direction === 'internal' ? `${channel} · ${status}` : `${channel} · ${directionLabel(this.t, session)} · ${status}`;
  }

  elapsed(session: DeskSession): string {
    return this.i18n.clock(this.now() - (session.answeredAt ?? this.now()));
  }
}
