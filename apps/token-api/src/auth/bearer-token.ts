// Reads the caller's access token from `Authorization: Bearer …`, and only from there: a token in
// the query string would end up in proxy and browser logs, so it is not looked for.
import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors';

export const AUTH_REALM = 'tccc-desk';
const MAX_TOKEN_LENGTH = 8192;
// RFC 6750 b64token; a JWS compact serialisation always fits it.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

export function unauthorized(code: string, message: string, cause?: unknown): AppError {
  const error = code === 'missing_token' ? '' : `, error="invalid_token"`;
  return new AppError(401, code, message, {
    headers: { 'WWW-Authenticate': `Bearer realm="${AUTH_REALM}"${error}` },
    cause,
  });
}

function countAuthorizationHeaders(req: IncomingMessage): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() === 'authorization') count += 1;
  }
  return count;
}

export function readBearerToken(req: IncomingMessage): string {
  const header = req.headers.authorization;
  if (header === undefined || header === '') {
    throw unauthorized('missing_token', 'An Authorization: Bearer token is required.');
  }
  // Node keeps the first of duplicated Authorization headers and drops the rest silently; two
  // credentials in one request are ambiguous, so refuse rather than pick one.
  if (countAuthorizationHeaders(req) > 1) {
    throw unauthorized('invalid_token', 'Send exactly one Authorization header.');
  }
  const match = BEARER.exec(header);
  if (!match || match[1]!.length > MAX_TOKEN_LENGTH) {
    throw unauthorized('invalid_token', 'The Authorization header must be "Bearer <token>".');
  }
  return match[1]!;
}
