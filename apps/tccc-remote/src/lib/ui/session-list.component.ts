import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { DeskSession } from '@tccc-desk/desk-core';
import { channelLabel, formatDuration, peerLabel, sessionStatusLabel } from './format';

@Component({
  selector: 'tccc-session-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="sessions" data-testid="session-list" aria-label="Live sessions">
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
              {{ channel(session) }} · {{ session.direction }} · {{ statusLabel(session) }}
              @if (session.answeredAt) {
                · {{ elapsed(session) }}
              }
            </span>
          </button>
        </li>
      } @empty {
        <li class="empty" data-testid="session-list-empty">No live calls</li>
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
    .empty { color: var(--tccc-muted); padding: 4px 0; }
  `,
})
export class SessionListComponent {
  readonly sessions = input.required<readonly DeskSession[]>();
  readonly selectedId = input<string | null>(null);
  /** ms since epoch, ticking, for call durations. */
  readonly now = input(0);
  readonly select = output<string>();

  label(session: DeskSession): string {
    return peerLabel(session);
  }

  channel(session: DeskSession): string {
    return channelLabel(session);
  }

  statusLabel(session: DeskSession): string {
    return sessionStatusLabel(session);
  }

  elapsed(session: DeskSession): string {
    return formatDuration(this.now() - (session.answeredAt ?? this.now()));
  }
}
