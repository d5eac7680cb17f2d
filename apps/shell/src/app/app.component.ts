import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { DevAuthService } from './auth/dev-auth.service';
import { FailedCallLogsComponent } from './call-logs/failed-call-logs.component';
import { DeskPanelComponent } from './desk/desk-panel.component';
import { HeaderComponent } from './header/header.component';
import { CrmI18n } from './i18n/crm-i18n.service';
import { ScreenPopComponent } from './screen-pop/screen-pop.component';
import { NoticeService } from './shared/notice.service';

@Component({
  selector: 'crm-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, HeaderComponent, DeskPanelComponent, ScreenPopComponent, FailedCallLogsComponent],
  template: `
    <crm-header />
    <crm-screen-pop />
    <crm-failed-call-logs />
    @if (notice.message(); as message) {
      <p class="notice" role="alert" data-testid="notice">
        {{ message }} <button type="button" (click)="notice.dismiss()" [attr.aria-label]="t('app.dismiss')">×</button>
      </p>
    }
    <div class="layout">
      <main><router-outlet /></main>
      <crm-desk-panel />
    </div>
  `,
  styles: `
    .layout { display: flex; gap: 20px; padding: 20px; align-items: flex-start; }
    main { flex: 1; min-width: 0; }
    .notice { margin: 0; padding: 8px 20px; background: #fef2f2; color: #991b1b; display: flex; justify-content: space-between; }
    .notice button { border: none; background: none; cursor: pointer; font-size: 16px; }
  `,
})
export class AppComponent implements OnInit {
  protected readonly notice = inject(NoticeService);
  private readonly auth = inject(DevAuthService);
  readonly t = inject(CrmI18n).t;

  ngOnInit(): void {
    this.auth.resume();
  }
}
