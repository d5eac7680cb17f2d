// The key set token-api verifies with: fetched once and cached, a rotated key picked up, and an
// unknown `kid` (a forged token) refetching at most once per cooldown.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, jwtVerify, type KeyLike, SignJWT } from 'jose';
import { createRemoteKeySet } from '../src/auth/remote-key-set';
import { createOutboundAgent } from '../src/net/agents';

let server: Server;
let url: string;
let served: JWK[] = [];
let fetches = 0;
let now = 1_000_000;
let first: { privateKey: KeyLike; jwk: JWK };
let second: { privateKey: KeyLike; jwk: JWK };

async function keyPair(kid: string): Promise<{ privateKey: KeyLike; jwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256' } };
}

const sign = (key: { privateKey: KeyLike; jwk: JWK }) =>
  new SignJWT({ sub: 'alice' }).setProtectedHeader({ alg: 'RS256', kid: key.jwk.kid! }).setIssuedAt().setExpirationTime('5m').sign(key.privateKey);

beforeAll(async () => {
  [first, second] = await Promise.all([keyPair('one'), keyPair('two')]);
  server = createServer((_req, res) => {
    fetches += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: served }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it('fetches once, caches, picks up a rotated key, and refetches for unknown kids at most once per cooldown', async () => {
  served = [first.jwk];
  const keys = createRemoteKeySet({ url, agent: createOutboundAgent('http:'), deadlineMs: 1000, cooldownMs: 30_000, cacheMaxAgeMs: 600_000, clock: () => now });
  await Promise.all([jwtVerify(await sign(first), keys), jwtVerify(await sign(first), keys)]);
  expect(fetches).toBe(1);

  // The IdP rotates to a second key; after the cooldown, a token with the new kid triggers one refetch.
  served = [first.jwk, second.jwk];
  now += 31_000;
  await expect(jwtVerify(await sign(second), keys)).resolves.toMatchObject({ payload: { sub: 'alice' } });
  expect(fetches).toBe(2);

  // Forged kids inside the cooldown do not reach the IdP.
  const forged = await keyPair('forged');
  for (let i = 0; i < 5; i += 1) await expect(jwtVerify(await sign(forged), keys)).rejects.toThrow();
  expect(fetches).toBe(2);

  // Past the cache age the set is fetched again.
  now += 600_001;
  await jwtVerify(await sign(first), keys);
  expect(fetches).toBe(3);
});
