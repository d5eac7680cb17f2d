import { ChangeDetectionStrategy, Component, input, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { formatDuration, type CallRecord } from './call-record';
import { CHANNEL_NAME as CHANNEL, CrmI18n, DIRECTION_NAME as DIRECTION } from '../i18n/crm-i18n.service';

@Component({
  selector: 'crm-call-history-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <table data-testid="call-history">
      <thead>
        <tr><th scope="col">{{ t('history.who') }}</th><th scope="col">{{ t('history.direction') }}</th><th scope="col">{{ t('history.when') }}</th><th scope="col">{{ t('history.duration') }}</th><th scope="col">{{ t('history.outcome') }}</th></tr>
      </thead>
      <tbody>
        @for (r of records(); track r.id) {
          <tr [attr.data-testid]="'call-record-' + r.id">
            <td>
              @if (r.customer) { <a [routerLink]="['/customers', r.customer.id]">{{ r.who }}</a> } @else { {{ r.who }} }
              @if (r.phoneNumber && r.customer) { <span class="muted">{{ r.phoneNumber }}</span> }
            </td>
            <td data-testid="call-record-channel" [attr.data-channel]="r.channel">{{ directionName(r.direction) }} {{ r.channel !== 'phone' && r.channel !== 'internal' ? '(' + channelName(r.channel) + ')' : '' }}</td>
            <td>{{ i18n.dateTime(r.startedAt) }}</td>
            <td data-testid="call-record-duration">{{ duration(r.durationMs) }}</td>
            <td data-testid="call-record-outcome">{{ r.outcome }}</td>
          </tr>
        } @empty {
          <tr><td colspan="5" data-testid="call-history-empty">{{ emptyText() }}</td></tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    table { border-collapse: collapse; width: 100%; background: #fff; }
    th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e2e8f0; }
    th { background: #f1f5f9; font-weight: 600; font-size: 12px; text-transform: uppercase; color: #475569; }
    .muted { color: #475569; margin-left: 6px; font-size: 12px; }
  `,
})
export class CallHistoryTableComponent {
  protected readonly i18n = inject(CrmI18n);
  readonly t = this.i18n.t;
  readonly records = input.required<readonly CallRecord[]>();
  readonly emptyText = input('No calls yet in this session.');

  channelName(channel: CallRecord['channel']): string {
    return this.t(CHANNEL[channel]);
  }

  directionName(direction: CallRecord['direction']): string {
    return this.t(DIRECTION[direction]);
  }

  duration(ms: number | null): string {
    return formatDuration(ms, this.i18n.locale());
  }
}
