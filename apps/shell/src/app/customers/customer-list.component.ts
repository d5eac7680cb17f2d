import { ChangeDetectionStrategy, Component, computed, signal, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ClickToDialComponent } from '../shared/click-to-dial.component';
import { CUSTOMERS } from './customers.data';
import { CrmI18n } from '../i18n/crm-i18n.service';

@Component({
  selector: 'crm-customer-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ClickToDialComponent],
  template: `
    <h1>{{ t('customers.title') }}</h1>
    <label class="search">
      <span class="visually-hidden">{{ t('customers.search') }}</span>
      <input type="search" [placeholder]="t('customers.searchPlaceholder')" data-testid="customer-search"
        [value]="query()" (input)="query.set($any($event.target).value)" />
    </label>
    <table data-testid="customer-table">
      <thead>
        <tr><th scope="col">{{ t('customers.name') }}</th><th scope="col">{{ t('customers.company') }}</th><th scope="col">{{ t('customers.city') }}</th><th scope="col">{{ t('customers.tier') }}</th><th scope="col">{{ t('customers.phone') }}</th></tr>
      </thead>
      <tbody>
        @for (c of filtered(); track c.id) {
          <tr [attr.data-testid]="'customer-row-' + c.id">
            <td><a [routerLink]="['/customers', c.id]" [attr.data-testid]="'customer-link-' + c.id">{{ c.name }}</a></td>
            <td>{{ c.company }}</td>
            <td>{{ c.city }}</td>
            <td><span class="tier" [attr.data-tier]="c.tier">{{ c.tier }}</span></td>
            <td class="phones">
              <crm-click-to-dial [number]="c.mobile" [label]="t('customers.mobileOf', { name: c.name })" [testId]="'call-' + c.id + '-mobile'" />
              @if (c.office) {
                <crm-click-to-dial [number]="c.office" [label]="t('customers.officeOf', { name: c.name })" [testId]="'call-' + c.id + '-office'" />
              }
            </td>
          </tr>
        } @empty {
          <tr><td colspan="5">{{ t('customers.noMatch', { query: query() }) }}</td></tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    h1 { font-size: 20px; margin: 0 0 12px; }
    .search input { width: 320px; padding: 6px 8px; margin-bottom: 12px; font: inherit; }
    table { border-collapse: collapse; width: 100%; background: #fff; }
    th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e2e8f0; }
    th { background: #f1f5f9; font-weight: 600; font-size: 12px; text-transform: uppercase; color: #475569; }
    .phones { display: flex; gap: 6px; flex-wrap: wrap; }
    .tier { font-size: 11px; padding: 1px 6px; border-radius: 8px; background: #e2e8f0; }
    .tier[data-tier='Gold'] { background: #fde68a; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  `,
})
export class CustomerListComponent {
  protected readonly i18n = inject(CrmI18n);
  readonly t = this.i18n.t;
  readonly query = signal('');
  readonly filtered = computed(() => {
    const q = this.query().trim().toLowerCase();
    if (!q) return CUSTOMERS;
    const digits = q.replace(/\D/g, '');
    return CUSTOMERS.filter(
      (c) =>
        c.name.toLowerCase().includes(q) ||
        c.company.toLowerCase().includes(q) ||
        (digits.length >= 3 && (c.mobile.includes(digits) || (c.office ?? '').includes(digits))),
    );
  });
}
