import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DatePipe } from '@angular/common';
import type { SavedCallLog } from './saved-call-log';

/** The call logs saved on a customer's page: when, how long, how it ended, the agent's notes. */
@Component({
  selector: 'crm-saved-call-logs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    <ul class="logs" data-testid="saved-call-logs">
      @for (r of records(); track r.id) {
        <li [attr.data-testid]="'saved-call-log-' + r.id">
          <div class="head">
            @if (showWho()) { <strong data-testid="saved-call-log-who">{{ r.who }}</strong> }
            <strong>{{ r.direction }} {{ r.channel }}</strong>
            <span>{{ r.startedAt | date: 'medium' }}</span>
            <span data-testid="saved-call-log-duration">{{ minutes(r.durationS) }}</span>
            <span data-testid="saved-call-log-outcome">{{ r.outcome }}{{ r.endedBy ? ' (' + r.endedBy + ')' : '' }}</span>
          </div>
          @if (r.notes) { <p class="notes" data-testid="saved-call-log-notes">{{ r.notes }}</p> }
        </li>
      } @empty {
        <li class="muted" data-testid="saved-call-logs-empty">{{ emptyText() }}</li>
      }
    </ul>
  `,
  styles: `
    .logs { list-style: none; margin: 0; padding: 0; background: #fff; border: 1px solid #e2e8f0; border-radius: 8px; }
    li { padding: 8px 12px; border-bottom: 1px solid #e2e8f0; }
    li:last-child { border-bottom: none; }
    .head { display: flex; gap: 16px; flex-wrap: wrap; }
    .notes { margin: 4px 0 0; color: #334155; white-space: pre-wrap; }
    .muted { color: #64748b; }
  `,
})
export class SavedCallLogsComponent {
  readonly records = input.required<readonly SavedCallLog[]>();
  /** Name the customer (or number) on each row: the all-customers list. */
  readonly showWho = input(false);
  readonly emptyText = input('No call logs saved for this customer yet.');

  minutes(seconds: number): string {
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }
}
