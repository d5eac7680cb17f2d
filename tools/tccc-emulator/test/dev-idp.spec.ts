import { createRemoteJWKSet, jwtVerify, errors } from 'jose';
import { startEmulator, type RunningEmulator } from '../src';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: false });
});
afterAll(() => emulator.close());

async function requestToken(body: unknown): Promise<Response> {
  return fetch(`${emulator.url}/dev/idp/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function verify(token: string) {
  return jwtVerify(token, createRemoteJWKSet(new URL(emulator.jwksUrl)), { issuer: emulator.issuer, audience: emulator.audience });
}

describe('dev identity provider', () => {
  it('exposes issuer, audience and JWKS URL on the running emulator', () => {
    expect(emulator.issuer).toBe(`${emulator.url}/dev/idp`);
    expect(emulator.audience).toBe('tccc-desk');
    expect(emulator.jwksUrl).toBe(`${emulator.url}/.well-known/jwks.json`);
  });

  it('issues an RS256 access token for a portal user that verifies against the JWKS', async () => {
    const response = await requestToken({ sub: 'alice' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const { payload, protectedHeader } = await verify(body.access_token);
    expect(protectedHeader.alg).toBe('RS256');
    expect(protectedHeader.kid).toEqual(expect.any(String));
    expect(payload).toMatchObject({ iss: emulator.issuer, aud: 'tccc-desk', sub: 'alice', name: 'Alice Anderson' });
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it('issues tokens for portal users without a seat too (the token API decides about seats)', async () => {
    const body = await (await requestToken({ sub: 'carol' })).json();
    expect((await verify(body.access_token)).payload.sub).toBe('carol');
  });

  it('answers 400 JSON for an unknown user and for a malformed request', async () => {
    const unknown = await requestToken({ sub: 'mallory' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: 'unknown_user' });
    const malformed = await requestToken({ user: 'alice' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('honours overrides for tests: expired, other audience, other issuer', async () => {
    const expired = (await (await requestToken({ sub: 'bob', ttlSeconds: -60 })).json()).access_token;
    await expect(verify(expired)).rejects.toBeInstanceOf(errors.JWTExpired);
    const otherAudience = (await (await requestToken({ sub: 'bob', audience: 'someone-else' })).json()).access_token;
    await expect(verify(otherAudience)).rejects.toBeInstanceOf(errors.JWTClaimValidationFailed);
    const otherIssuer = (await (await requestToken({ sub: 'bob', issuer: 'https://evil.example' })).json()).access_token;
    await expect(verify(otherIssuer)).rejects.toBeInstanceOf(errors.JWTClaimValidationFailed);
  });

  it('allows local development origins on the token endpoint, preflight included', async () => {
    for (const origin of ['http://localhost:4200', 'https://localhost:8443', 'http://127.0.0.1:4201']) {
      const preflight = await fetch(`${emulator.url}/dev/idp/token`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
    }
    const response = await fetch(`${emulator.url}/dev/idp/token`, {
      method: 'POST',
      headers: { origin: 'http://localhost:4200', 'content-type': 'application/json' },
      body: JSON.stringify({ sub: 'alice' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
  });

  it('mints no token for a text/plain or form body (what a foreign page can send without a preflight)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await fetch(`${emulator.url}/dev/idp/token`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': type },
        body: JSON.stringify({ sub: 'alice' }),
      });
      expect(response.status).toBe(415);
      const body = await response.json();
      expect(body).toMatchObject({ error: 'unsupported_media_type' });
      expect(JSON.stringify(body)).not.toContain('access_token');
    }
  });

  it('gives no CORS approval to an origin that is not local', async () => {
    const preflight = await fetch(`${emulator.url}/dev/idp/token`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves only public key material in the JWKS', async () => {
    const { keys } = await (await fetch(emulator.jwksUrl)).json();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
  });
});
