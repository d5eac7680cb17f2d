// Verifies access tokens from the identity provider: signature against its JWKS, issuer, audience,
// an allow-list of asymmetric algorithms (so `alg: none` and HS256-with-the-public-key cannot
// pass), a required expiry and subject, and a small clock tolerance.
import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Clock } from '../clock';
import { AppError } from '../errors';
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
}

export type TokenVerifier = (token: string) => Promise<Identity>;

/** True when the failure is ours (key set unreachable or broken), not the caller's token. */
function isKeySetUnavailable(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  // jose reports a non-200 or non-JSON key set response as a plain JOSEError.
  if (error instanceof errors.JOSEError) return error.code === 'ERR_JOSE_GENERIC';
  // Network errors from fetching the key set (ECONNREFUSED, ENOTFOUND, …).
  return typeof (error as { syscall?: unknown } | null)?.syscall === 'string';
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { keys, issuer, audience, algorithms, clockToleranceSeconds, clock } = options;
  return async function verifyToken(token) {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer,
        audience,
        algorithms,
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(clock()),
      });
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
