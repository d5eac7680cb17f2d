import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { DevAuthService } from '../auth/dev-auth.service';
import { DeskService } from '../desk/desk.service';
import { CrmI18n, type CrmMessageKey } from '../i18n/crm-i18n.service';

const AGENT_LABEL: Record<string, CrmMessageKey> = {
  free: 'agent.free',
  busy: 'agent.busy',
  rest: 'agent.rest',
  arrange: 'agent.arrange',
  notReady: 'agent.notReady',
  stopNotReady: 'agent.notReady',
  unknown: 'agent.unknown',
};

@Component({
  selector: 'crm-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
  template: `
    <header class="bar">
      <a class="brand" routerLink="/customers">{{ t('header.brand') }}</a>
      <nav [attr.aria-label]="t('header.nav')">
        <a routerLink="/customers" routerLinkActive="active" data-testid="nav-customers">{{ t('header.customers') }}</a>
        <a routerLink="/history" routerLinkActive="active" data-testid="nav-history">{{ t('header.history') }}</a>
      </nav>

      <div class="desk" data-testid="header-desk" [attr.data-state]="status().kind">
        @if (status().kind === 'ready') {
          <span class="agent" data-testid="header-agent-status" [attr.data-status]="agentStatus()">{{ agentLabel() }}</span>
          @if (liveCalls() > 0) {
            <span class="live" data-testid="header-live-call" role="status">{{ liveCalls() > 1 ? t('header.onCalls', { count: liveCalls() }) : t('header.onCall') }}</span>
          }
          @if (ringing() > 0) {
            <span class="ringing" data-testid="header-ringing">{{ t('header.ringing') }}</span>
          }
        } @else {
          <span class="desk-text" data-testid="header-desk-status" [attr.data-code]="statusCode()">{{ status().text }}</span>
          @if (status().kind === 'unavailable') {
            <button type="button" data-testid="header-desk-retry" (click)="retry()">{{ t('header.retry') }}</button>
          }
        }
      </div>

      <div class="user">
        @if (auth.user(); as user) {
          <span data-testid="signed-in-user">{{ user }}</span>
          <button type="button" data-testid="sign-out" (click)="auth.signOut()">{{ t('header.signOut') }}</button>
        } @else {
          <label for="crm-dev-login">{{ t('header.signInAs') }}</label>
          <select id="crm-dev-login" data-testid="dev-login-select" (change)="signIn($any($event.target).value)">
            <option value="">{{ t('header.choose') }}</option>
            @for (u of auth.users; track u.sub) {
              <option [value]="u.sub">{{ u.name }} ({{ u.note }})</option>
            }
          </select>
        }
        @if (auth.problem()) {
          <span class="problem" role="alert" data-testid="dev-login-error">{{ auth.problem() }}</span>
        }
      </div>

      <div class="language">
        <label for="crm-language">{{ t('header.language') }}</label>
        <select id="crm-language" data-testid="language-select" (change)="i18n.setLocale($any($event.target).value)">
          @for (locale of i18n.locales; track locale) {
            <option [value]="locale" [selected]="locale === i18n.locale()" [attr.lang]="locale">{{ i18n.names[locale] }}</option>
          }
        </select>
      </div>
    </header>
  `,
  styles: `
    .bar { display: flex; align-items: center; gap: 20px; padding: 10px 20px; background: #1e293b; color: #f8fafc; }
    .brand { font-weight: 700; color: inherit; text-decoration: none; font-size: 16px; }
    nav { display: flex; gap: 12px; }
    nav a { color: #cbd5e1; text-decoration: none; padding: 4px 8px; border-radius: 4px; }
    nav a.active { background: #334155; color: #fff; }
    .desk { margin-left: auto; display: flex; align-items: center; gap: 8px; font-size: 13px; }
    .desk[data-state='unavailable'] .desk-text { color: #fca5a5; }
    .agent { padding: 2px 8px; border-radius: 10px; background: #334155; }
    .agent[data-status='free'] { background: #166534; }
    .live { color: #86efac; font-weight: 600; }
    .ringing { color: #fde047; font-weight: 600; }
    .user, .language { display: flex; align-items: center; gap: 6px; font-size: 13px; }
    .problem { color: #fca5a5; }
    button, select { font: inherit; }
  `,
})
export class HeaderComponent {
  protected readonly auth = inject(DevAuthService);
  private readonly desk = inject(DeskService);
  protected readonly i18n = inject(CrmI18n);
  readonly t = this.i18n.t;

  readonly status = this.desk.status;
  readonly statusCode = computed(() => {
    const status = this.status();
    return status.kind === 'unavailable' ? (status.code ?? 'remote') : null;
  });
  readonly agentStatus = computed(() => (this.desk.agent().online ? this.desk.agent().status : 'offline'));
  readonly agentLabel = computed(() => {
    const agent = this.desk.agent();
    if (!agent.online) return this.t('agent.offline');
    const key = AGENT_LABEL[agent.status];
    const label = key ? this.t(key) : agent.status;
    return agent.restReason && agent.status === 'rest' ? this.t('agent.withReason', { status: label, reason: agent.restReason }) : label;
  });
  readonly liveCalls = computed(() => this.desk.liveCalls().length);
  readonly ringing = computed(() => this.desk.sessions().filter((s) => s.status === 'ringing').length);

  signIn(sub: string): void {
    if (sub) void this.auth.signIn(sub);
  }

  retry(): void {
    void this.desk.retry();
  }
}
