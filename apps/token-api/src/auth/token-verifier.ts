// Verifies access tokens from the identity provider: signature against its JWKS, issuer, audience,
// an allow-list of asymmetric algorithms (so `alg: none` and HS256-with-the-public-key cannot
// pass), a required expiry and subject, the access-token `typ` when configured, a maximum token
// age, and a small clock tolerance. Key retrieval and verification together get one deadline.
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { FetchJsonError } from '../net/fetch-json-within';
import { unauthorized } from './bearer-token';

export interface Identity {
  /** The identity provider's subject: the key into the seat directory. */
  readonly sub: string;
}

export interface TokenVerifierOptions {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  algorithms: string[];
  clockToleranceSeconds: number;
  clock: Clock;
  /** The JOSE header `typ` every access token must carry (e.g. `at+jwt`, RFC 9068); unset: not checked. */
  tokenType?: string;
  /** Longest accepted lifetime: `iat` at most this far back, `exp` at most this far after `iat` and now. */
  maxTokenAgeSeconds: number;
  /** Bound on key retrieval plus verification; past it the login gets 503 auth_unavailable. */
  deadlineMs: number;
}

export type TokenVerifier = (token: string) => Promise<Identity>;

/** True when the failure is ours (key set unreachable or broken), not the caller's token. */
function isKeySetUnavailable(error: unknown): boolean {
  if (error instanceof DeadlinePassed || error instanceof FetchJsonError) return true;
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  // jose reports a non-200 or non-JSON key set response as a plain JOSEError.
  if (error instanceof errors.JOSEError) return error.code === 'ERR_JOSE_GENERIC';
  // Network errors from fetching the key set (ECONNREFUSED, ENOTFOUND, …).
  return typeof (error as { syscall?: unknown } | null)?.syscall === 'string';
}

class DeadlinePassed extends Error {
  override readonly name = 'DeadlinePassed';
}

/** `work`, or a DeadlinePassed rejection once `ms` have gone by (the work itself is bounded too). */
async function withinDeadline<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const passed = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlinePassed(`token verification took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, passed]);
  } finally {
    clearTimeout(timer);
  }
}

/** jose checks `iat` against maxTokenAge (too old, or in the future); this bounds `exp` as well. */
function checkLifetime(payload: JWTPayload, maxAgeSeconds: number, toleranceSeconds: number, nowSeconds: number): void {
  const { iat, exp } = payload as { iat: number; exp: number };
  if (exp - iat > maxAgeSeconds || exp - nowSeconds > maxAgeSeconds + toleranceSeconds) {
    throw unauthorized('invalid_token', 'The access token is not valid.', new Error('"exp" too far from "iat" or now'));
  }
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { keys, issuer, audience, algorithms, clockToleranceSeconds, clock, tokenType, maxTokenAgeSeconds, deadlineMs } = options;
  return async function verifyToken(token) {
    try {
      const now = clock();
      const { payload } = await withinDeadline(
        deadlineMs,
        jwtVerify(token, keys, {
          issuer,
          audience,
          algorithms,
          clockTolerance: clockToleranceSeconds,
          requiredClaims: ['exp', 'sub', 'iat'],
          maxTokenAge: maxTokenAgeSeconds,
          ...(tokenType ? { typ: tokenType } : {}),
          currentDate: new Date(now),
        }),
      );
      checkLifetime(payload, maxTokenAgeSeconds, clockToleranceSeconds, Math.floor(now / 1000));
      const sub = payload.sub;
      if (typeof sub !== 'string' || sub.length === 0 || sub.length > 255) {
        throw unauthorized('invalid_token', 'The access token has no usable subject.');
      }
      return { sub };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof errors.JWTExpired) throw unauthorized('token_expired', 'The access token has expired.', error);
      if (isKeySetUnavailable(error)) {
        throw new AppError(503, 'auth_unavailable', 'Token verification is temporarily unavailable.', {
          expose: true,
          headers: { 'Retry-After': '5' },
          cause: error,
        });
      }
      // Which check failed is for our log, not for a caller probing the verifier.
      throw unauthorized('invalid_token', 'The access token is not valid.', error);
    }
  };
}
