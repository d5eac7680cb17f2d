// The last line of defence for log output: every serialized line (message and every field, at any
// depth) is scrubbed of SdkURL tokens, bearer tokens, JWTs, Tencent SecretIds, SecretKey-like
// strings and the configured credentials, before it is written. The code never hands these to
// the logger on purpose; this catches what slips through, such as an upstream error message that
// quotes an SdkURL.
const CENSOR = '[redacted]';

// Each pattern keeps its first group (the name) and replaces the value that follows.
const PATTERNS: readonly [RegExp, string][] = [
  // URL parameters that carry credentials: ?token=…&sig=…
  [/([?&;](?:token|sdk_?token|access_?token|id_?token|signature|sig|secret\w*|key|password)=)[^&\s"'\\]+/gi, `$1${CENSOR}`],
  // name=value or "name":"value" for key-like names (text, or inside the JSON line).
  [/((?:secret_?key|secret_?id|password|api_?key|access_?token|authorization)\\?"?\s*[:=]\s*\\?"?)(?!\[redacted)(?!Bearer\s)[^\s"\\,&;]+/gi, `$1${CENSOR}`],
  [/(Bearer\s+)[A-Za-z0-9._~+/-]+=*/gi, `$1${CENSOR}`],
  // A JWT anywhere: three base64url parts, the first one a JSON object ("eyJ").
  [/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, CENSOR],
  // Tencent Cloud SecretIds start with AKID.
  [/\bAKID[A-Za-z0-9]{8,}/g, CENSOR],
  // SecretKey-like: 32+ letters and digits in one run, mixing both (UUIDs and words do not match).
  // Not the request id: the gateway's (nginx $request_id) is 32 hex digits, and the log is where an
  // error a user reports is looked up by it; the configured credentials are still removed verbatim.
  [/(?<!"requestId":")\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{32,}\b/g, CENSOR],
];

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A scrubber for serialized log lines; `secrets` (e.g. the SecretKey) are removed verbatim too. */
export function createLogScrubber(secrets: readonly string[] = []): (line: string) => string {
  const exact = secrets.filter((secret) => secret.length >= 8).map(escapeForRegExp);
  const patterns: [RegExp, string][] = exact.length > 0 ? [[new RegExp(exact.join('|'), 'g'), CENSOR], ...PATTERNS] : [...PATTERNS];
  return function scrubLine(line) {
    let scrubbed = line;
    for (const [pattern, replacement] of patterns) scrubbed = scrubbed.replace(pattern, replacement);
    return scrubbed;
  };
}
