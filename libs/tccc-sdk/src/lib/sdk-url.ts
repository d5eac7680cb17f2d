import { TcccLoadError } from './errors';

// Plain http only where browsers treat the origin as secure anyway (the guide allows localhost in
// development); everywhere else the SDK needs HTTPS for the microphone.
function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '127.0.0.1' || hostname === '[::1]'
  );
}

/** The SdkURL as a URL, or `invalid_argument`. The message never repeats the value. */
export function parseSdkUrl(sdkUrl: unknown): URL {
  if (typeof sdkUrl !== 'string' || sdkUrl.trim() === '') {
    throw new TcccLoadError('invalid_argument', 'sdkUrl must be a non-empty string');
  }
  let url: URL;
  try {
    url = new URL(sdkUrl); // no base: relative URLs throw
  } catch {
    throw new TcccLoadError('invalid_argument', 'sdkUrl must be an absolute URL');
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new TcccLoadError(
    'invalid_argument',
    'sdkUrl must be an https URL (plain http only for localhost, *.localhost or 127.0.0.1)',
  );
}

/**
 * The parts of an SdkURL that must never be shown: the whole URL and every query/fragment value
 * long enough to be a token. Used to scrub text that comes from the SDK itself.
 */
export function secretsOf(sdkUrl: string, url: URL): string[] {
  const candidates = [
    ...url.searchParams.values(), // decoded
    ...url.search
      .slice(1)
      .split('&')
      .map((pair) => pair.slice(pair.indexOf('=') + 1)), // as written
    url.hash.slice(1),
    // A token may also sit in the path; long segments only, so file names like tccc-sdk.js stay.
    ...url.pathname.split('/').filter((segment) => segment.length >= 24),
  ];
  const secrets = new Set<string>([sdkUrl, url.href]);
  for (const value of candidates) if (value.length >= 6) secrets.add(value);
  // Longest first, so a token inside the URL does not leave the rest of the URL behind.
  return [...secrets].sort((a, b) => b.length - a.length);
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}

/**
 * `text` with the SdkURL and its token-like parts replaced by `[redacted]`: the one redaction
 * function for SdkURLs (the loader and desk-core both use it). Never throws: an SdkURL that does
 * not parse is still removed whole.
 */
export function redactSdkUrl(text: string, sdkUrl: string): string {
  if (!sdkUrl) return text;
  let url: URL | undefined;
  try {
    url = new URL(sdkUrl);
  } catch {
    url = undefined;
  }
  return redact(text, url ? secretsOf(sdkUrl, url) : [sdkUrl]);
}
