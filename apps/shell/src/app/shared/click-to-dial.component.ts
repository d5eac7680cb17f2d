import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DeskService } from '../desk/desk.service';
import { CrmI18n } from '../i18n/crm-i18n.service';
import { NoticeService } from './notice.service';

/** A phone number that calls itself through the desk. Without a desk it is plain text with a hint. */
@Component({
  selector: 'crm-click-to-dial',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      class="dial"
      [attr.data-testid]="testId()"
      [attr.data-number]="number()"
      [disabled]="!desk.ready()"
      [attr.title]="desk.ready() ? t('dial.call', { number: number() }) : t('desk.notAvailable')"
      [attr.aria-label]="label() ? t('dial.callWho', { number: number(), who: label() }) : t('dial.call', { number: number() })"
      (click)="dial($event)"
    >
      <span aria-hidden="true">☎</span> {{ number() }}
    </button>
  `,
  styles: `
    .dial { font: inherit; border: 1px solid #cbd5e1; background: #fff; border-radius: 14px; padding: 2px 10px; cursor: pointer; color: #1d4ed8; }
    .dial:disabled { color: #475569; cursor: not-allowed; }
    .dial:not(:disabled):hover { background: #eff6ff; }
  `,
})
export class ClickToDialComponent {
  readonly number = input.required<string>();
  readonly label = input('');
  readonly testId = input('click-to-dial');
  protected readonly desk = inject(DeskService);
  private readonly notice = inject(NoticeService);
  readonly t = inject(CrmI18n).t;
  readonly digits = computed(() => this.number().replace(/[^\d+]/g, ''));

  dial(event: Event): void {
    event.stopPropagation(); // rows are links
    this.desk.dial(this.digits()).catch((error: unknown) =>
      this.notice.show(this.t('dial.failed', { number: this.number(), reason: error instanceof Error ? error.message : this.t('dial.unknownError') })),
    );
  }
}
