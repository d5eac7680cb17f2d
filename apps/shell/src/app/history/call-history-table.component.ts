import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DatePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { formatDuration, type CallRecord } from './call-record';

@Component({
  selector: 'crm-call-history-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink],
  template: `
    <table data-testid="call-history">
      <thead>
        <tr><th scope="col">Who</th><th scope="col">Direction</th><th scope="col">When</th><th scope="col">Duration</th><th scope="col">How it ended</th></tr>
      </thead>
      <tbody>
        @for (r of records(); track r.id) {
          <tr [attr.data-testid]="'call-record-' + r.id">
            <td>
              @if (r.customer) { <a [routerLink]="['/customers', r.customer.id]">{{ r.who }}</a> } @else { {{ r.who }} }
              @if (r.phoneNumber && r.customer) { <span class="muted">{{ r.phoneNumber }}</span> }
            </td>
            <td data-testid="call-record-channel" [attr.data-channel]="r.channel">{{ r.direction }} {{ r.channel !== 'phone' ? '(' + channelName(r.channel) + ')' : '' }}</td>
            <td>{{ r.startedAt | date: 'medium' }}</td>
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
    .muted { color: #64748b; margin-left: 6px; font-size: 12px; }
  `,
})
export class CallHistoryTableComponent {
  readonly records = input.required<readonly CallRecord[]>();
  readonly emptyText = input('No calls yet in this session.');

  channelName(channel: CallRecord['channel']): string {
    return { phone: 'phone', voip: 'audio', im: 'chat', video: 'video', internal: 'internal' }[channel];
  }

  duration(ms: number | null): string {
    return formatDuration(ms);
  }
}
