/** The emulator's development identity provider (a stand-in for the enterprise SSO). */
export const DEMO_USERS = [
  { sub: 'alice', label: 'Alice (seat alice@example.com)' },
  { sub: 'bob', label: 'Bob (seat bob@example.com)' },
  { sub: 'carol', label: 'Carol (no seat)' },
] as const;

export const DEFAULT_IDP_TOKEN_URL = 'http://localhost:4300/dev/idp/token';

export async function devIdpToken(sub: string, idpTokenUrl = DEFAULT_IDP_TOKEN_URL): Promise<string> {
  const response = await fetch(idpTokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sub }),
  });
  if (!response.ok) throw new Error(`The development identity provider answered HTTP ${response.status}.`);
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error('The development identity provider sent no token.');
  return body.access_token;
}
