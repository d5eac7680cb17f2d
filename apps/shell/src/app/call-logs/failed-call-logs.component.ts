import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { CallLog } from 'tccc_remote/desk';
import { CUSTOMERS } from '../customers/customers.data';
import { CallLogService } from './call-log.service';
import { matchCustomer } from './saved-call-log';
import { CrmI18n } from '../i18n/crm-i18n.service';

/** Call logs the CRM could not save, each with its reason and a retry (shown on every page). */
@Component({
  selector: 'crm-failed-call-logs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (f of logs.failed(); track f.log.id) {
      <p class="failed" role="alert" [attr.data-testid]="'call-log-failed-' + f.log.id">
        <span>{{ t('logs.failed', { who: who(f.log), reason: f.reason }) }}</span>
        <button type="button" [attr.data-testid]="'call-log-retry-' + f.log.id" (click)="logs.retry(f.log.id)">{{ t('logs.retry') }}</button>
      </p>
    }
  `,
  styles: `
    .failed { margin: 0; padding: 8px 20px; background: #fff7ed; color: #9a3412; display: flex; justify-content: space-between; align-items: center; gap: 12px; }
    button { font: inherit; border: 1px solid #fdba74; background: #fff; border-radius: 6px; padding: 2px 10px; cursor: pointer; }
  `,
})
export class FailedCallLogsComponent {
  protected readonly i18n = inject(CrmI18n);
  readonly t = this.i18n.t;
  protected readonly logs = inject(CallLogService);

  who(log: CallLog): string {
    return matchCustomer(log, CUSTOMERS)?.name ?? log.peer.displayName ?? log.peer.phoneNumber ?? this.t('logs.aContact');
  }
}
