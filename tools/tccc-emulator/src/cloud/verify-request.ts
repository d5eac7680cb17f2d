// Authenticates a cloud API request the way Tencent's gateway does: parse the TC3 Authorization,
// check the clock skew, find the SecretKey, recompute the signature over the bytes received.
import type { IncomingHttpHeaders } from 'node:http';
import { canonicalRequest, parseTc3Authorization, signaturesMatch, tc3Signature, utcDate } from './tc3-signature';
import { TencentApiError } from './tencent-error';

/** The service name the CCC endpoint signs with (first label of `ccc.tencentcloudapi.com`). */
export const CCC_SERVICE = 'ccc';
const MAX_SKEW_SECONDS = 5 * 60;
const REQUIRED_SIGNED_HEADERS = ['content-type', 'host'];

export interface SignedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface VerifyOptions {
  nowSeconds: number;
  secretKeyFor(secretId: string): string | undefined;
}

function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readTimestamp(headers: IncomingHttpHeaders): number {
  const raw = singleHeader(headers, 'x-tc-timestamp');
  if (raw === undefined || raw === '') {
    throw new TencentApiError('MissingParameter', 'The request is missing a required header `X-TC-Timestamp`.');
  }
  if (!/^\d{1,12}$/.test(raw)) {
    throw new TencentApiError('InvalidParameter', 'The header `X-TC-Timestamp` must be a unix timestamp in seconds.');
  }
  return Number(raw);
}

function formatUtc(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

/** Resolves to the caller's SecretId, or throws the TencentApiError Tencent would answer. */
export function verifySignedRequest(request: SignedRequest, options: VerifyOptions): { secretId: string } {
  const authorization = parseTc3Authorization(singleHeader(request.headers, 'authorization'));
  if (!authorization) throw new TencentApiError('AuthFailure.InvalidAuthorization');
  const missing = REQUIRED_SIGNED_HEADERS.filter((name) => !authorization.signedHeaders.includes(name));
  if (missing.length > 0) {
    throw new TencentApiError('AuthFailure.InvalidAuthorization', `SignedHeaders must include ${missing.join(' and ')}.`);
  }

  const timestamp = readTimestamp(request.headers);
  if (Math.abs(options.nowSeconds - timestamp) > MAX_SKEW_SECONDS) {
    throw new TencentApiError(
      'AuthFailure.SignatureExpire',
      `Signature expired. Timestamp date: ${formatUtc(timestamp)}, server date: ${formatUtc(options.nowSeconds)} (UTC); the allowed skew is 5 minutes.`,
    );
  }

  const secretKey = options.secretKeyFor(authorization.secretId);
  if (secretKey === undefined) throw new TencentApiError('AuthFailure.SecretIdNotFound');

  // The scope must name this service and the timestamp's date; say which part is off, since a client
  // pointed at `localhost:PORT` instead of `ccc.localhost:PORT` signs for service "localhost:PORT".
  if (authorization.service !== CCC_SERVICE) {
    throw new TencentApiError(
      'AuthFailure.SignatureFailure',
      `The credential scope names service "${authorization.service}", expected "${CCC_SERVICE}" (use an endpoint whose first label is ccc, e.g. ccc.localhost:PORT).`,
    );
  }
  if (authorization.date !== utcDate(timestamp)) {
    throw new TencentApiError('AuthFailure.SignatureFailure', 'The credential scope date is not the UTC date of X-TC-Timestamp.');
  }

  const expected = tc3Signature({
    secretKey,
    service: CCC_SERVICE,
    timestampSeconds: timestamp,
    canonicalRequest: canonicalRequest({ ...request, signedHeaders: authorization.signedHeaders }),
  });
  if (!signaturesMatch(expected, authorization.signature)) throw new TencentApiError('AuthFailure.SignatureFailure');
  return { secretId: authorization.secretId };
}
