// The identity provider's key set, fetched with one overall deadline (fetchJsonWithin) and
// verified by jose's local key set. jose's own remote set bounds only the response headers, and
// it shares one pending fetch between all callers: one stalled JWKS response would hang every
// login after it. Keys are cached; an unknown `kid` refetches at most once per cooldown, so
// forged tokens cannot turn into a flood of requests to the identity provider.
import type http from 'node:http';
import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey, errors } from 'jose';
import type { Clock } from '../clock';
import { fetchJsonWithin } from '../net/fetch-json-within';

export interface RemoteKeySetOptions {
  url: string;
  agent: http.Agent;
  /** Bound on one fetch of the key set, connect to last byte. */
  deadlineMs: number;
  cooldownMs: number;
  cacheMaxAgeMs: number;
  clock: Clock;
}

const MAX_JWKS_BYTES = 256 * 1024;

function isKeySet(value: unknown): value is JSONWebKeySet {
  const keys = (value as { keys?: unknown } | null)?.keys;
  return Array.isArray(keys) && keys.every((key) => typeof key === 'object' && key !== null);
}

export function createRemoteKeySet(options: RemoteKeySetOptions): JWTVerifyGetKey {
  let local: { getKey: JWTVerifyGetKey; at: number } | undefined;
  let pending: Promise<JWTVerifyGetKey> | undefined;

  function reload(): Promise<JWTVerifyGetKey> {
    // Concurrent callers share one fetch; it settles within the deadline, so nobody waits longer.
    pending ??= fetchJsonWithin(options.url, { agent: options.agent, deadlineMs: options.deadlineMs, maxBytes: MAX_JWKS_BYTES })
      .then((json) => {
        if (!isKeySet(json)) throw new errors.JWKSInvalid('JSON Web Key Set malformed');
        const getKey = createLocalJWKSet(json);
        local = { getKey, at: options.clock() };
        return getKey;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  return async function getRemoteKey(header, token) {
    const age = local ? options.clock() - local.at : Infinity;
    const getKey = local && age < options.cacheMaxAgeMs ? local.getKey : await reload();
    try {
      return await getKey(header, token);
    } catch (error) {
      // A rotated key: fetch again, unless we fetched only just now.
      if (error instanceof errors.JWKSNoMatchingKey && local && options.clock() - local.at >= options.cooldownMs) {
        return (await reload())(header, token);
      }
      throw error;
    }
  };
}
