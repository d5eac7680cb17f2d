import { ChangeDetectionStrategy, Component, input, inject } from '@angular/core';
import type { SavedCallLog } from './saved-call-log';
import { CHANNEL_NAME, CrmI18n, DIRECTION_NAME, type CrmMessageKey } from '../i18n/crm-i18n.service';

/** The call logs saved on a customer's page: when, how long, how it ended, the agent's notes. */
@Component({
  selector: 'crm-saved-call-logs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="logs" data-testid="saved-call-logs">
      @for (r of records(); track r.id) {
        <li [attr.data-testid]="'saved-call-log-' + r.id">
          <div class="head">
            @if (showWho()) { <strong data-testid="saved-call-log-who">{{ r.who }}</strong> }
            <!-- An internal call's direction is its channel: "internal", not "internal internal". -->
            <strong data-testid="saved-call-log-kind">{{ r.direction !== 'internal' ? t(direction[r.direction]) : '' }} {{ t(channel[r.channel]) }}</strong>
            <span>{{ i18n.dateTime(r.startedAt) }}</span>
            <span data-testid="saved-call-log-duration">{{ minutes(r.durationS) }}</span>
            <span data-testid="saved-call-log-outcome">{{ t(outcome[r.outcome]) }}{{ r.endedBy ? ' (' + r.endedBy + ')' : '' }}</span>
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
    .muted { color: #475569; }
  `,
})
export class SavedCallLogsComponent {
  protected readonly i18n = inject(CrmI18n);
  readonly t = this.i18n.t;
  readonly channel = CHANNEL_NAME;
  readonly direction = DIRECTION_NAME;
  readonly outcome: Readonly<Record<SavedCallLog['outcome'], CrmMessageKey>> = { ended: 'log.ended', transferred: 'log.transferred', missed: 'log.missed', notAnswered: 'log.notAnswered' };
  readonly records = input.required<readonly SavedCallLog[]>();
  /** Name the customer (or number) on each row: the all-customers list. */
  readonly showWho = input(false);
  readonly emptyText = input('No call logs saved for this customer yet.');

  minutes(seconds: number): string {
    return this.i18n.clock(seconds * 1000);
  }
}
