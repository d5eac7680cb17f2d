/**
 * Development sign-in: pick a demo user (alice, bob, carol) and get a JWT from the emulator's dev
 * identity provider, as the enterprise SSO would issue it. The token is the desk's Bearer token.
 * Only the chosen user is remembered (sessionStorage), never the token.
 */
import { Injectable, inject, signal } from '@angular/core';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import { DeskService } from '../desk/desk.service';

export const DEMO_USERS = [
  { sub: 'alice', name: 'Alice', note: 'seat alice@example.com' },
  { sub: 'bob', name: 'Bob', note: 'seat bob@example.com' },
  { sub: 'carol', name: 'Carol', note: 'no seat' },
] as const;

const USER_KEY = 'tccc-shell.dev-user';
/** Fetch a new token this long before the old one expires. */
const EXPIRY_MARGIN_MS = 60_000;

interface Token {
  value: string;
  expiresAt: number;
}

@Injectable({ providedIn: 'root' })
export class DevAuthService {
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly desk = inject(DeskService);
  private token: Token | null = null;

  readonly user = signal<string | null>(null);
  readonly problem = signal<string | null>(null);
  readonly users = DEMO_USERS;

  /** Sign the remembered user in again after a reload. */
  resume(): void {
    const sub = safeStorage()?.getItem(USER_KEY);
    if (sub && DEMO_USERS.some((u) => u.sub === sub)) void this.signIn(sub);
  }

  async signIn(sub: string): Promise<void> {
    if (this.user() === sub) return;
    if (this.user()) this.signOut();
    this.problem.set(null);
    try {
      this.token = await this.fetchToken(sub);
    } catch (error) {
      this.problem.set(error instanceof Error ? error.message : 'Sign-in failed.');
      return;
    }
    this.user.set(sub);
    safeStorage()?.setItem(USER_KEY, sub);
    void this.desk.start(() => this.accessToken());
  }

  signOut(): void {
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

  private async fetchToken(sub: string): Promise<Token> {
    let response: Response;
    try {
      response = await fetch(this.config.idpTokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sub }),
      });
    } catch {
      throw new Error('The sign-in service (development identity provider) is unreachable.');
    }
    if (!response.ok) throw new Error(`The sign-in service refused (HTTP ${response.status}).`);
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('The sign-in service sent no token.');
    const ttlS = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    return { value: body.access_token, expiresAt: Date.now() + ttlS * 1000 };
  }
}

function safeStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
