/**
 * /desk.manifest.json: remote name → the URL of its mf-manifest.json, written at deploy time (not
 * build time) so the desk ships without rebuilding the shell. Any failure yields no remotes and a
 * reason: the shell boots anyway, with the desk unavailable.
 */
export const DESK_MANIFEST_URL = '/desk.manifest.json';
export const DESK_REMOTE_NAME = 'tccc_remote';

export interface RemoteEntry {
  name: string;
  entry: string;
}

export type ManifestResult = { ok: true; remotes: RemoteEntry[] } | { ok: false; remotes: []; problem: string };

/** MF remote names become JS identifiers: letters, digits, _ and $ only. */
const REMOTE_NAME = /^[A-Za-z_$][\w$]*$/;

export function parseDeskManifest(json: unknown, baseUrl: string): ManifestResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, remotes: [], problem: 'The desk manifest is not a JSON object.' };
  }
  const remotes: RemoteEntry[] = [];
  for (const [name, value] of Object.entries(json)) {
    if (!REMOTE_NAME.test(name)) return { ok: false, remotes: [], problem: `Invalid remote name "${name}" in the desk manifest.` };
    if (typeof value !== 'string' || value.trim() === '') {
      return { ok: false, remotes: [], problem: `The desk manifest has no URL for "${name}".` };
    }
    let url: URL;
    try {
      url = new URL(value, baseUrl);
    } catch {
      return { ok: false, remotes: [], problem: `The desk manifest URL for "${name}" is not a URL.` };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return { ok: false, remotes: [], problem: `The desk manifest URL for "${name}" must be http(s).` };
    }
    remotes.push({ name, entry: url.href });
  }
  return { ok: true, remotes };
}

export interface LoadManifestOptions {
  url?: string;
  fetch?: typeof fetch;
  /** Give up after this long (default 5000 ms): a hanging manifest must not hold the shell. */
  timeoutMs?: number;
  baseUrl?: string;
  /**
   * The request's cache mode (default 'no-cache': always asks the server). The early start's first
   * read uses 'default' to take the response index.html preloaded with the page (a 'no-cache' fetch
   * does not match a preload); our servers answer these files with Cache-Control: no-cache anyway.
   */
  cache?: RequestCache;
}

export async function loadDeskManifest(options: LoadManifestOptions = {}): Promise<ManifestResult> {
  const url = options.url ?? DESK_MANIFEST_URL;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 5000);
  try {
    const response = await doFetch(url, { cache: options.cache ?? 'no-cache', signal: controller.signal });
    if (!response.ok) return { ok: false, remotes: [], problem: `The desk manifest could not be loaded (HTTP ${response.status}).` };
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      return { ok: false, remotes: [], problem: 'The desk manifest is not valid JSON.' };
    }
    return parseDeskManifest(json, options.baseUrl ?? globalThis.location?.href ?? 'http://localhost/');
  } catch {
    return {
      ok: false,
      remotes: [],
      problem: controller.signal.aborted ? 'The desk manifest timed out.' : 'The desk manifest could not be loaded.',
    };
  } finally {
    clearTimeout(timer);
  }
}
