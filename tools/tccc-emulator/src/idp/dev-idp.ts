// A development stand-in for the enterprise SSO behind the gateway: an RS256 key pair made at
// start-up, access tokens for the demo portal users, and the public JWKS to verify them.
import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { type Clock, unixSeconds } from '../clock';
import type { DemoPortalUser } from '../config/demo-config';

export const DEV_IDP_ALGORITHM = 'RS256';

export interface TokenRequest {
  sub: string;
  /** Lifetime; negative gives an already expired token (tests). Default 3600. */
  ttlSeconds?: number;
  audience?: string;
  issuer?: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

export class UnknownUserError extends Error {}

export interface DevIdp {
  issuer: string;
  audience: string;
  jwks: { keys: JWK[] };
  issueToken(request: TokenRequest): Promise<TokenResponse>;
}

export interface DevIdpOptions {
  issuer: string;
  audience: string;
  clock: Clock;
  users: readonly DemoPortalUser[];
}

export async function createDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  const { privateKey, publicKey } = await generateKeyPair(DEV_IDP_ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwks = { keys: [{ ...publicJwk, kid, alg: DEV_IDP_ALGORITHM, use: 'sig' }] };

  return {
    issuer: options.issuer,
    audience: options.audience,
    jwks,
    async issueToken(request) {
      const user = options.users.find((candidate) => candidate.sub === request.sub);
      if (!user) throw new UnknownUserError(`Unknown portal user "${request.sub}".`);
      const ttlSeconds = request.ttlSeconds ?? 3600;
      const issuedAt = unixSeconds(options.clock);
      const accessToken = await new SignJWT({ name: user.name })
        // RFC 9068's access-token type, which token-api requires (AUTH_TOKEN_TYPE).
        .setProtectedHeader({ alg: DEV_IDP_ALGORITHM, kid, typ: 'at+jwt' })
        .setIssuer(request.issuer ?? options.issuer)
        .setAudience(request.audience ?? options.audience)
        .setSubject(user.sub)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .setJti(randomUUID())
        .sign(privateKey);
      return { access_token: accessToken, token_type: 'Bearer', expires_in: ttlSeconds };
    },
  };
}
