/**
 * Development sign-in: pick a demo user (alice, bob, carol) and get a JWT from the emulator's dev
 * identity provider, as the enterprise SSO would issue it. The token is the desk's Bearer token.
 * Only the chosen user is remembered (sessionStorage), never the token.
 */
import { Injectable, inject, signal } from '@angular/core';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import { DeskService } from '../desk/desk.service';
import { releaseEarlyUnless, takeEarlyToken } from '../early/early-start';
import { DEMO_USERS, fetchDevToken, rememberedUser, safeStorage, USER_KEY, type DevToken } from './dev-token';

export { DEMO_USERS } from './dev-token';

/** Fetch a new token this long before the old one expires. */
const EXPIRY_MARGIN_MS = 60_000;

@Injectable({ providedIn: 'root' })
export class DevAuthService {
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly desk = inject(DeskService);
  private token: DevToken | null = null;

  readonly user = signal<string | null>(null);
  readonly problem = signal<string | null>(null);
  readonly users = DEMO_USERS;

  /** Sign the remembered user in again after a reload. */
  resume(): void {
    const sub = rememberedUser();
    if (sub) void this.signIn(sub);
  }

  async signIn(sub: string): Promise<void> {
    if (this.user() === sub) return;
    if (this.user()) this.signOut();
    // A desk login started before Angular for someone else stops (and its desk signs out).
    releaseEarlyUnless(sub);
    this.problem.set(null);
    try {
      // main.ts may have fetched it already, before Angular started (and started the desk's login with it).
      this.token = await (takeEarlyToken(sub) ?? this.fetchToken(sub));
    } catch (error) {
      this.problem.set(error instanceof Error ? error.message : 'Sign-in failed.');
      return;
    }
    this.user.set(sub);
    safeStorage()?.setItem(USER_KEY, sub);
    void this.desk.start(() => this.accessToken());
  }

  signOut(): void {
    releaseEarlyUnless(null);
    this.desk.stop();
    this.token = null;
    this.user.set(null);
    safeStorage()?.removeItem(USER_KEY);
  }

  /** The desk calls this for every login: a valid token, refreshed when close to expiry. */
  private async accessToken(): Promise<string> {
    const sub = this.user();
    if (!sub) throw new Error('Not signed in.');
    if (!this.token || this.token.expiresAt - EXPIRY_MARGIN_MS < Date.now()) this.token = await this.fetchToken(sub);
    return this.token.value;
  }

  private fetchToken(sub: string): Promise<DevToken> {
    return fetchDevToken(this.config.idpTokenUrl, sub);
  }
}
