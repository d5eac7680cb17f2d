import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { CUSTOMERS } from '../customers/customers.data';
import { DeskService } from '../desk/desk.service';
import { NoticeService } from '../shared/notice.service';
import { CrmI18n, type CrmMessageKey } from '../i18n/crm-i18n.service';
import type { DeskSession } from 'tccc_remote/desk';

const TITLE: Record<DeskSession['channel'], CrmMessageKey> = {
  phone: 'pop.phone',
  voip: 'pop.voip',
  im: 'pop.im',
  video: 'pop.video',
  internal: 'pop.internal',
};
import { screenPops } from './screen-pop';

/**
 * Screen pop: a ringing inbound contact opens the caller's customer page (once per contact) and
 * shows a card with accept; an unknown number shows a "new caller" card.
 */
@Component({
  selector: 'crm-screen-pop',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <div class="pops" aria-live="assertive">
      @for (pop of pops(); track pop.sessionId) {
        <section class="card" role="alertdialog" [attr.aria-label]="t(title[pop.channel])" data-testid="screen-pop"
          [attr.data-kind]="pop.kind" [attr.data-session-id]="pop.sessionId">
          <p class="title" data-testid="screen-pop-title">{{ t(title[pop.channel]) }}</p>
          @switch (pop.kind) {
            @case ('customer') {
              <p class="who"><a [routerLink]="['/customers', pop.customer.id]" data-testid="screen-pop-customer">{{ pop.customer.name }}</a></p>
              <p class="meta">{{ pop.customer.company }} · {{ pop.customer.tier }} · {{ pop.phoneNumber }}</p>
            }
            @case ('visitor') {
              <p class="who" data-testid="screen-pop-visitor">{{ pop.label }}</p>
              <p class="meta">{{ pop.channel === 'im' ? t('pop.chat') : t('pop.videoChannel') }}@if (pop.details) { · {{ pop.details }} }</p>
            }
            @case ('colleague') {
              <p class="who" data-testid="screen-pop-colleague">{{ pop.label }}</p>
              <p class="meta">{{ t('pop.colleague') }}</p>
            }
            @default {
              <p class="who" data-testid="screen-pop-new-caller">{{ t('pop.newCaller') }}</p>
              <p class="meta">{{ pop.label }}</p>
            }
          }
          <button type="button" class="accept" data-testid="screen-pop-accept" (click)="accept(pop.sessionId)">{{ t('pop.accept') }}</button>
        </section>
      }
    </div>
  `,
  styles: `
    .pops { position: fixed; top: 64px; left: 50%; transform: translateX(-50%); display: grid; gap: 8px; z-index: 10; }
    .card { background: #fff; border: 2px solid #eab308; border-radius: 10px; padding: 12px 16px; min-width: 300px; box-shadow: 0 8px 24px rgba(0,0,0,.15); }
    .title { margin: 0; font-size: 12px; text-transform: uppercase; color: #a16207; font-weight: 700; }
    .who { margin: 4px 0 0; font-size: 18px; font-weight: 600; }
    .meta { margin: 2px 0 10px; color: #475569; }
    .accept { font: inherit; background: #15803d; color: #fff; border: none; border-radius: 6px; padding: 6px 16px; cursor: pointer; }
  `,
})
export class ScreenPopComponent {
  private readonly desk = inject(DeskService);
  private readonly router = inject(Router);
  private readonly notice = inject(NoticeService);
  readonly t = inject(CrmI18n).t;
  readonly title = TITLE;
  /** Contacts already popped (a plain set: not state the template shows). */
  private readonly popped = new Set<string>();

  readonly pops = computed(() => screenPops(this.desk.sessions(), CUSTOMERS));

  constructor() {
    // Open the caller's record once per contact, not on every state change.
    effect(() => {
      for (const pop of this.pops()) {
        if (pop.kind !== 'customer' || this.popped.has(pop.sessionId)) continue;
        this.popped.add(pop.sessionId);
        void this.router.navigate(['/customers', pop.customer.id]);
      }
    });
  }

  accept(sessionId: string): void {
    this.desk.accept(sessionId).catch((error: unknown) =>
      this.notice.show(this.t('pop.acceptFailed', { reason: error instanceof Error ? error.message : this.t('dial.unknownError') })),
    );
  }
}
