import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { getDesk, hasPageDesk } from '../lib/desk/page-desk';
import { DeskComponent } from '../lib/ui/desk.component';
import { DEFAULT_IDP_TOKEN_URL, DEMO_USERS, devIdpToken } from './dev-login';

/** The remote on its own (:4201), for the desk team: pick a demo user, get the desk. */
@Component({
  selector: 'tccc-dev-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DeskComponent],
  template: `
    <main>
      <h1>TCCC desk: standalone development page</h1>
      <p class="note">The remote as a shell would load it. Sign in as a demo user of the emulator's identity provider.</p>
      <div class="login" role="group" aria-label="Development sign-in">
        @for (user of users; track user.sub) {
          <button type="button" [attr.data-testid]="'dev-login-' + user.sub" [attr.aria-pressed]="user.sub === signedInAs()"
            (click)="signIn(user.sub)">{{ user.label }}</button>
        }
        @if (signedInAs()) {
          <button type="button" data-testid="dev-logout" (click)="signOut()">Sign out</button>
        }
      </div>
      @if (loginError()) { <p class="error" role="alert" data-testid="dev-login-error">{{ loginError() }}</p> }
      @if (signedInAs()) {
        @for (session of [deskSession()]; track session) {
          <tccc-desk data-testid="desk" />
        }
      }
    </main>
  `,
  styles: `
    main { max-width: 420px; margin: 24px auto; font: 14px/1.4 system-ui, sans-serif; }
    h1 { font-size: 18px; }
    .note { color: #52525b; }
    .login { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 12px; }
    .error { color: #b91c1c; }
  `,
})
export class DevPageComponent {
  readonly users = DEMO_USERS;
  readonly signedInAs = signal<string | null>(null);
  readonly loginError = signal<string | null>(null);
  /** Bumped on each sign-in so `<tccc-desk>` is re-created around the new desk. */
  readonly deskSession = signal(0);
  private token: string | null = null;
  private readonly idpTokenUrl = new URLSearchParams(location.search).get('idp') ?? DEFAULT_IDP_TOKEN_URL;

  async signIn(sub: string): Promise<void> {
    this.loginError.set(null);
    try {
      const token = await devIdpToken(sub, this.idpTokenUrl);
      // One SDK login per page: a different person means a fresh desk.
      if (hasPageDesk() && this.signedInAs() !== sub) getDesk().destroy();
      this.token = token;
      const desk = getDesk({ getAccessToken: () => this.token ?? '' });
      this.signedInAs.set(sub);
      this.deskSession.update((n) => n + 1);
      desk.connect().catch(() => undefined); // failures show in the desk, with retry
    } catch (error) {
      this.loginError.set(error instanceof Error ? error.message : String(error));
    }
  }

  signOut(): void {
    if (hasPageDesk()) getDesk().destroy();
    this.token = null;
    this.signedInAs.set(null);
  }
}
