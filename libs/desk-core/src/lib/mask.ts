/**
 * Masking for documents that leave the page (diagnostics): a value is copied with every secret
 * taken out. Keys that name a credential lose their value; in every string a JWT becomes
 * `[jwt]`, a URL keeps its origin and path (never its query, where an SdkURL carries its token),
 * and a phone number keeps its last 4 digits. Ids (sessionId…) are left whole: support needs them.
 */
const SECRET_KEY = /token|secret|password|authorization|signature|cookie|sdkurl|credential/i;
/** Fields that are ids, not numbers to hide (a session id may hold a digit run). */
const ID_KEY = /^(id|sessionId|requestId|skillGroupId|calleeUserId|command|name|code)$/;
const JWT = /eyJ[\w-]{2,}\.[\w-]{2,}\.[\w-]*/g;
const URL_WITH_QUERY = /\b(https?:\/\/[^\s"'<>?#]+)[?#][^\s"'<>]*/gi;
// An ISO timestamp is matched first and kept; otherwise 7+ digits with phone separators, standing
// alone (not a digit run inside an id such as a UUID's "b2f9-7849376906ef").
const PHONE_OR_DATE = /\d{4}-\d{2}-\d{2}T[\d:.]+Z?|(?<![A-Za-z0-9])\+?\d(?:[\s\-().]*\d){6,}(?![A-Za-z0-9])/g;
const MAX_DEPTH = 8;
const MAX_STRING = 2_000;

export function maskPhone(text: string): string {
  return text.replace(PHONE_OR_DATE, (match) => {
    if (/T/.test(match)) return match;
    const digits = match.replace(/\D/g, '');
    return `•••${digits.slice(-4)}`;
  });
}

export function maskText(text: string, key?: string): string {
  let out = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
  out = out.replace(JWT, '[jwt]').replace(URL_WITH_QUERY, '$1?[redacted]');
  return key !== undefined && ID_KEY.test(key) ? out : maskPhone(out);
}

/** A deep copy fit to send: plain data only (functions, symbols and cycles dropped). */
export function masked(value: unknown, key?: string, depth = 0, seen = new WeakSet<object>()): unknown {
  if (key !== undefined && SECRET_KEY.test(key)) return value === undefined ? undefined : '[redacted]';
  if (typeof value === 'string') return maskText(value, key);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'object') return undefined;
  // `seen` holds the objects on the current path: a cycle, not an object met twice (a payload is
  // both an event's and its session's raw).
  if (seen.has(value) || depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => masked(item, undefined, depth + 1, seen) ?? null);
    if (value instanceof Error) return { name: value.name, message: maskText(value.message) };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const copy = masked(v, k, depth + 1, seen);
      if (copy !== undefined) out[k] = copy;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
