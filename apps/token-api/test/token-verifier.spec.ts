// The verifier's rules with a local key set, for the cases the dev identity provider will not
// sign (no exp, no sub, ES256) and for time at the edges of the clock tolerance.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, type JWTPayload, type KeyLike, SignJWT } from 'jose';
import { createTokenVerifier } from '../src/auth/token-verifier';
import { ALLOWED_JWT_ALGORITHMS } from '../src/config';
import { AppError } from '../src/errors';

const ISSUER = 'https://idp.test';
const AUDIENCE = 'tccc-desk';
const NOW = 1_800_000_000; // seconds

let rsa: { privateKey: KeyLike };
let ec: { privateKey: KeyLike };
let verify: ReturnType<typeof createTokenVerifier>;
let keys: ReturnType<typeof createLocalJWKSet>;

/** The rules every verifier here shares; a test overrides what it is about. */
const RULES = {
  issuer: ISSUER,
  audience: AUDIENCE,
  algorithms: ALLOWED_JWT_ALGORITHMS,
  clockToleranceSeconds: 5,
  clock: () => NOW * 1000,
  maxTokenAgeSeconds: 3600,
  deadlineMs: 2000,
};

function sign(key: KeyLike, alg: string, kid: string, claims: JWTPayload, typ?: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, kid, ...(typ ? { typ } : {}) }).sign(key);
}

const claims = (overrides: JWTPayload = {}): JWTPayload => ({ iss: ISSUER, aud: AUDIENCE, sub: 'alice', iat: NOW, exp: NOW + 300, ...overrides });

async function rejection(token: string): Promise<{ status: number; code: string }> {
  const error = await verify(token).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { status: error.status, code: error.code };
}

beforeAll(async () => {
  const rsaPair = await generateKeyPair('RS256');
  const ecPair = await generateKeyPair('ES256');
  rsa = rsaPair;
  ec = ecPair;
  keys = createLocalJWKSet({
    keys: [
      { ...(await exportJWK(rsaPair.publicKey)), kid: 'rsa', alg: 'RS256' },
      { ...(await exportJWK(ecPair.publicKey)), kid: 'ec', alg: 'ES256' },
    ],
  });
  verify = createTokenVerifier({ keys, ...RULES });
});

it('accepts RS256 and ES256 tokens and returns the subject', async () => {
  await expect(verify(await sign(rsa.privateKey, 'RS256', 'rsa', claims()))).resolves.toEqual({ sub: 'alice' });
  await expect(verify(await sign(ec.privateKey, 'ES256', 'ec', claims({ sub: 'bob' })))).resolves.toEqual({ sub: 'bob' });
});

it('rejects a token without exp', async () => {
  const { exp: _exp, ...withoutExp } = claims();
  expect(await rejection(await sign(rsa.privateKey, 'RS256', 'rsa', withoutExp))).toEqual({ status: 401, code: 'invalid_token' });
});

it('rejects a token without sub', async () => {
  const { sub: _sub, ...withoutSub } = claims();
  expect(await rejection(await sign(rsa.privateKey, 'RS256', 'rsa', withoutSub))).toEqual({ status: 401, code: 'invalid_token' });
});

it('allows 5 s of clock skew, not more', async () => {
  await expect(verify(await sign(rsa.privateKey, 'RS256', 'rsa', claims({ exp: NOW - 3 })))).resolves.toEqual({ sub: 'alice' });
  expect(await rejection(await sign(rsa.privateKey, 'RS256', 'rsa', claims({ exp: NOW - 10 })))).toEqual({ status: 401, code: 'token_expired' });
  expect(await rejection(await sign(rsa.privateKey, 'RS256', 'rsa', claims({ nbf: NOW + 60 })))).toEqual({ status: 401, code: 'invalid_token' });
});

it('rejects algorithms outside the allow-list even with a matching key', async () => {
  const rs384 = await generateKeyPair('RS384');
  const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(rs384.publicKey)), kid: 'rs384' }] });
  const strict = createTokenVerifier({ ...RULES, keys });
  const token = await sign(rs384.privateKey, 'RS384', 'rs384', claims());
  await expect(strict(token)).rejects.toMatchObject({ status: 401, code: 'invalid_token' });
});

it('answers 503 auth_unavailable (not 401) when the key set cannot be fetched', async () => {
  const server = createServer((_req, res) => {
    res.statusCode = 500;
    res.end('down');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const remote = createTokenVerifier({
      ...RULES,
      keys: createRemoteJWKSet(new URL(`http://127.0.0.1:${port}/jwks.json`), { timeoutDuration: 1000 }),
    });
    const token = await sign(rsa.privateKey, 'RS256', 'rsa', claims());
    await expect(remote(token)).rejects.toMatchObject({ status: 503, code: 'auth_unavailable' });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe('access-token type (AUTH_TOKEN_TYPE)', () => {
  it('requires the configured typ when set, and ignores typ when not', async () => {
    const typed = createTokenVerifier({ keys, ...RULES, tokenType: 'at+jwt' });
    await expect(typed(await sign(rsa.privateKey, 'RS256', 'rsa', claims(), 'at+jwt'))).resolves.toEqual({ sub: 'alice' });
    // An ID token or any other JWT from the same issuer is not an access token.
    await expect(typed(await sign(rsa.privateKey, 'RS256', 'rsa', claims(), 'JWT'))).rejects.toMatchObject({ status: 401, code: 'invalid_token' });
    await expect(typed(await sign(rsa.privateKey, 'RS256', 'rsa', claims()))).rejects.toMatchObject({ status: 401, code: 'invalid_token' });
    await expect(verify(await sign(rsa.privateKey, 'RS256', 'rsa', claims(), 'JWT'))).resolves.toEqual({ sub: 'alice' });
  });
});

describe('maximum token age (AUTH_MAX_TOKEN_AGE_SECONDS = 3600 here)', () => {
  it('rejects iat in the future beyond the clock tolerance', async () => {
    await expect(verify(await sign(rsa.privateKey, 'RS256', 'rsa', claims({ iat: NOW + 3 })))).resolves.toEqual({ sub: 'alice' });
    expect(await rejection(await sign(rsa.privateKey, 'RS256', 'rsa', claims({ iat: NOW + 600, exp: NOW + 900 })))).toMatchObject({ status: 401 });
  });

  it('rejects an exp a century away, or further from iat than the maximum age', async () => {
    const century = NOW + 100 * 365 * 86_400;
    expect(await rejection(await sign(rsa.privateKey, 'RS256', 'rsa', claims({ exp: century })))).toEqual({ status: 401, code: 'invalid_token' });
    expect(await rejection(await sign(rsa.privateKey, 'RS256', 'rsa', claims({ iat: NOW - 10, exp: NOW + 3600 })))).toEqual({
      status: 401,
      code: 'invalid_token',
    });
    await expect(verify(await sign(rsa.privateKey, 'RS256', 'rsa', claims({ iat: NOW - 10, exp: NOW + 3590 })))).resolves.toEqual({ sub: 'alice' });
  });

  it('rejects a token issued longer ago than the maximum age, and one without iat', async () => {
    expect(await rejection(await sign(rsa.privateKey, 'RS256', 'rsa', claims({ iat: NOW - 7200, exp: NOW + 60 })))).toMatchObject({ status: 401 });
    const { iat: _iat, ...withoutIat } = claims();
    expect(await rejection(await sign(rsa.privateKey, 'RS256', 'rsa', withoutIat))).toEqual({ status: 401, code: 'invalid_token' });
  });
});
