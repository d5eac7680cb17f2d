import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { CallLogService } from '../call-logs/call-log.service';
import { SavedCallLogsComponent } from '../call-logs/saved-call-logs.component';
import { CUSTOMERS } from '../customers/customers.data';
import { DeskService } from '../desk/desk.service';
import { callRecord } from './call-record';
import { CallHistoryTableComponent } from './call-history-table.component';
import { CrmI18n } from '../i18n/crm-i18n.service';

@Component({
  selector: 'crm-call-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CallHistoryTableComponent, SavedCallLogsComponent],
  template: `
    <h1>{{ t('history.title') }}</h1>
    <p class="muted">{{ t('history.intro') }}</p>
    <crm-call-history-table [records]="records()" [emptyText]="t('history.empty')" />
    <h2>{{ t('history.saved') }}</h2>
    <p class="muted">{{ t('history.savedIntro') }}</p>
    <crm-saved-call-logs [records]="saved()" [showWho]="true" [emptyText]="t('history.noSaved')" />
  `,
  styles: `h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 20px 0 4px; } .muted { color: #475569; margin: 0 0 12px; }`,
})
export class CallHistoryComponent {
  protected readonly i18n = inject(CrmI18n);
  readonly t = this.i18n.t;
  private readonly desk = inject(DeskService);
  readonly saved = inject(CallLogService).saved;
  readonly records = computed(() => this.desk.history().map((session) => callRecord(session, CUSTOMERS, this.t)));
}
