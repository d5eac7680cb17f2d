/**
 * The development sign-in's token and remembered user, without Angular: main.ts uses them before
 * Angular starts (early-start.ts) and DevAuthService after. Only the user is remembered
 * (sessionStorage), never the token.
 */
export const DEMO_USERS = [
  { sub: 'alice', name: 'Alice', note: 'seat alice@example.com' },
  { sub: 'bob', name: 'Bob', note: 'seat bob@example.com' },
  { sub: 'carol', name: 'Carol', note: 'no seat' },
] as const;

export const USER_KEY = 'tccc-shell.dev-user';

export interface DevToken {
  value: string;
  expiresAt: number;
}

export function safeStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** The demo user signed in before this page load (a reload keeps them signed in), or null. */
export function rememberedUser(storage: Storage | null = safeStorage()): string | null {
  const sub = storage?.getItem(USER_KEY) ?? null;
  return sub && DEMO_USERS.some((u) => u.sub === sub) ? sub : null;
}

/** A JWT for `sub` from the development identity provider, as the enterprise SSO would issue it. */
export async function fetchDevToken(idpTokenUrl: string, sub: string, doFetch: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<DevToken> {
  if (!sub) throw new Error('No user to sign in.');
  let response: Response;
  try {
    response = await doFetch(idpTokenUrl, {
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
