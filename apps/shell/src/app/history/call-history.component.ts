import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { CallLogService } from '../call-logs/call-log.service';
import { SavedCallLogsComponent } from '../call-logs/saved-call-logs.component';
import { CUSTOMERS } from '../customers/customers.data';
import { DeskService } from '../desk/desk.service';
import { callRecord } from './call-record';
import { CallHistoryTableComponent } from './call-history-table.component';

@Component({
  selector: 'crm-call-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CallHistoryTableComponent, SavedCallLogsComponent],
  template: `
    <h1>Call history</h1>
    <p class="muted">Calls handled at this desk since sign-in (from the desk's history stream).</p>
    <crm-call-history-table [records]="records()" />
    <h2>Saved call logs</h2>
    <p class="muted">Every finished contact's call log the CRM saved (kept across reloads).</p>
    <crm-saved-call-logs [records]="saved()" [showWho]="true" emptyText="No call logs saved yet." />
  `,
  styles: `h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 20px 0 4px; } .muted { color: #64748b; margin: 0 0 12px; }`,
})
export class CallHistoryComponent {
  private readonly desk = inject(DeskService);
  readonly saved = inject(CallLogService).saved;
  readonly records = computed(() => this.desk.history().map((session) => callRecord(session, CUSTOMERS)));
}
