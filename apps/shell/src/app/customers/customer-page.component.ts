import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CallLogService } from '../call-logs/call-log.service';
import { SavedCallLogsComponent } from '../call-logs/saved-call-logs.component';
import { DeskService } from '../desk/desk.service';
import { CallHistoryTableComponent } from '../history/call-history-table.component';
import { callRecord } from '../history/call-record';
import { ClickToDialComponent } from '../shared/click-to-dial.component';
import { CUSTOMERS } from './customers.data';
import { customerNumbers, samePhoneNumber } from './phone-match';
import { CrmI18n } from '../i18n/crm-i18n.service';

@Component({
  selector: 'crm-customer-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ClickToDialComponent, CallHistoryTableComponent, SavedCallLogsComponent],
  template: `
    <a routerLink="/customers" class="back">{{ t('customer.back') }}</a>
    @if (customer(); as c) {
      <article data-testid="customer-page" [attr.data-customer-id]="c.id">
        <h1 data-testid="customer-name">{{ c.name }}</h1>
        @if (c.doNotCall) {
          <p class="dnc" data-testid="customer-do-not-call">{{ t('customer.doNotCall') }}</p>
        }
        <dl>
          <dt>{{ t('customers.company') }}</dt><dd>{{ c.company }}</dd>
          <dt>{{ t('customers.city') }}</dt><dd>{{ c.city }}</dd>
          <dt>{{ t('customers.tier') }}</dt><dd>{{ c.tier }}</dd>
          <dt>{{ t('customer.email') }}</dt><dd>{{ c.email }}</dd>
          <dt>{{ t('customer.mobile') }}</dt><dd><crm-click-to-dial [number]="c.mobile" [label]="c.name" [testId]="'call-' + c.id + '-mobile'" /></dd>
          @if (c.office) {
            <dt>{{ t('customer.office') }}</dt><dd><crm-click-to-dial [number]="c.office" [label]="t('customers.officeOf', { name: c.name })" [testId]="'call-' + c.id + '-office'" /></dd>
          }
        </dl>
        @if (onCall()) {
          <p class="live" data-testid="customer-on-call" role="status">{{ t('customer.onCall') }}</p>
        }
        <h2>{{ t('customer.calls', { name: c.name }) }}</h2>
        <crm-call-history-table [records]="records()" [emptyText]="t('customer.noCalls')" />
        <h2>{{ t('customer.logs', { name: c.name }) }}</h2>
        <crm-saved-call-logs [records]="savedLogs()" [emptyText]="t('logs.noneForCustomer')" />
      </article>
    } @else {
      <p data-testid="customer-not-found">{{ t('customer.notFound', { id: id() }) }}</p>
    }
  `,
  styles: `
    .back { display: inline-block; margin-bottom: 10px; color: #1d4ed8; }
    h1 { font-size: 22px; margin: 0 0 12px; }
    h2 { font-size: 16px; margin: 20px 0 8px; }
    dl { display: grid; grid-template-columns: 100px 1fr; gap: 6px 12px; background: #fff; padding: 12px; border-radius: 8px; border: 1px solid #e2e8f0; max-width: 560px; }
    dt { color: #475569; } dd { margin: 0; }
    .live { color: #15803d; font-weight: 600; }
    .dnc { display: inline-block; margin: 0 0 10px; padding: 2px 10px; border-radius: 12px; background: #fef2f2; color: #991b1b; font-weight: 600; }
  `,
})
export class CustomerPageComponent {
  protected readonly i18n = inject(CrmI18n);
  readonly t = this.i18n.t;
  /** Route parameter (withComponentInputBinding). */
  readonly id = input.required<string>();
  private readonly desk = inject(DeskService);
  private readonly callLogs = inject(CallLogService);

  readonly customer = computed(() => CUSTOMERS.find((c) => c.id === this.id()) ?? null);
  private readonly isThisCustomer = (phoneNumber: string | undefined) => {
    const customer = this.customer();
    return !!customer && customerNumbers(customer).some((n) => samePhoneNumber(n, phoneNumber));
  };
  readonly records = computed(() =>
    this.desk
      .history()
      .filter((session) => this.isThisCustomer(session.peer.phoneNumber))
      .map((session) => callRecord(session, CUSTOMERS, this.t)),
  );
  readonly savedLogs = computed(() => this.callLogs.saved().filter((log) => log.customerId === this.id()));
  readonly onCall = computed(() => this.desk.liveCalls().some((session) => this.isThisCustomer(session.peer.phoneNumber)));
}
