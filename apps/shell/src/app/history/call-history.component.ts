import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { CUSTOMERS } from '../customers/customers.data';
import { DeskService } from '../desk/desk.service';
import { callRecord } from './call-record';
import { CallHistoryTableComponent } from './call-history-table.component';

@Component({
  selector: 'crm-call-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CallHistoryTableComponent],
  template: `
    <h1>Call history</h1>
    <p class="muted">Calls handled at this desk since sign-in (from the desk's history stream).</p>
    <crm-call-history-table [records]="records()" />
  `,
  styles: `h1 { font-size: 20px; margin: 0 0 4px; } .muted { color: #64748b; margin: 0 0 12px; }`,
})
export class CallHistoryComponent {
  private readonly desk = inject(DeskService);
  readonly records = computed(() => this.desk.history().map((session) => callRecord(session, CUSTOMERS)));
}
