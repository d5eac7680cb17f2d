// TC3-HMAC-SHA256 as Tencent Cloud specifies it and tencentcloud-sdk-nodejs 4.1.313 computes it
// (tencentcloud/common/sign.js). Pure functions: the request verifier decides what to do with them.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

export interface Tc3Authorization {
  secretId: string;
  /** yyyy-mm-dd from the credential scope. */
  date: string;
  service: string;
  signedHeaders: string[];
  /** Lowercase hex. */
  signature: string;
}

// `TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request, SignedHeaders=a;b, Signature=<hex>`
const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/,\s]+)\/tc3_request,\s*SignedHeaders=([a-z0-9-]+(?:;[a-z0-9-]+)*),\s*Signature=([0-9a-f]{64})$/;

/** Parses the Authorization header; null when it is missing or not a well-formed TC3 header. */
export function parseTc3Authorization(header: string | undefined): Tc3Authorization | null {
  const match = header ? AUTHORIZATION.exec(header.trim()) : null;
  if (!match) return null;
  const [, secretId, date, service, signedHeaders, signature] = match;
  return { secretId, date, service, signedHeaders: signedHeaders.split(';'), signature };
}

/** The UTC calendar date of a unix timestamp, as the credential scope carries it. */
export function utcDate(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

export interface CanonicalRequestInput {
  method: string;
  /** Path and query exactly as requested, e.g. `/` or `/?a=b`. */
  url: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  signedHeaders: readonly string[];
  body: Buffer;
}

function headerValue(headers: CanonicalRequestInput['headers'], name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().toLowerCase();
}

/** Host as the client signs it: the hostname without the port (`ccc.localhost:4300` → `ccc.localhost`). */
function hostWithoutPort(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1); // [::1]:4300
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function canonicalRequest(input: CanonicalRequestInput): string {
  const queryStart = input.url.indexOf('?');
  const path = queryStart === -1 ? input.url : input.url.slice(0, queryStart);
  const query = queryStart === -1 ? '' : input.url.slice(queryStart + 1);
  const canonicalHeaders = input.signedHeaders
    .map((name) => {
      const value = headerValue(input.headers, name);
      return `${name}:${name === 'host' ? hostWithoutPort(value) : value}\n`;
    })
    .join('');
  return [
    input.method.toUpperCase(),
    path,
    query,
    canonicalHeaders,
    input.signedHeaders.join(';'),
    sha256Hex(input.body),
  ].join('\n');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export interface SignatureInput {
  secretKey: string;
  service: string;
  timestampSeconds: number;
  canonicalRequest: string;
}

/** Hex signature of a canonical request; the date of the scope is derived from the timestamp. */
export function tc3Signature(input: SignatureInput): string {
  const date = utcDate(input.timestampSeconds);
  const stringToSign = [
    TC3_ALGORITHM,
    String(input.timestampSeconds),
    `${date}/${input.service}/tc3_request`,
    sha256Hex(input.canonicalRequest),
  ].join('\n');
  const kDate = hmac(`TC3${input.secretKey}`, date);
  const kService = hmac(kDate, input.service);
  const kSigning = hmac(kService, 'tc3_request');
  return createHmac('sha256', kSigning).update(stringToSign).digest('hex');
}

/** Constant-time comparison of two hex signatures (length is not secret: both are 64 characters). */
export function signaturesMatch(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(provided, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
