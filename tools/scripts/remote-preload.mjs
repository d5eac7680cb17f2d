// The `Link` header for the shell's index.html: a preload of each remote manifest that the shell's
// deploy-time desk.manifest.json names. The browser then fetches the remote's mf-manifest.json with
// the page, while main.js downloads, instead of after main.js has run and read desk.manifest.json:
// one round trip less before the desk's chunks are requested (bench:ready). The federation
// runtime's own fetch of the manifest (plain `fetch(url)`, CORS, same-origin credentials) takes the
// preloaded response, so `crossorigin=anonymous` must stay. Used by serve-app.mjs (read per page
// load, so it follows desk.manifest.json); the gateway sends the same for its fixed /desk/ manifest.

/** What the header may carry: visible ASCII, nothing that ends the URL or the link (`<>",;`). */
const HEADER_SAFE = /^[\x21-\x7e]+$/;
const LINK_SYNTAX = /[<>",;]/;

/**
 * The URL as the shell resolves it (`new URL`, so IDN hosts and non-ASCII paths come out encoded,
 * as the runtime will request them), or null: only http(s) URLs and paths of this origin.
 */
function preloadableUrl(value) {
  if (typeof value !== 'string') return null;
  const absolute = /^https?:\/\//i.test(value);
  if (!absolute && !(value.startsWith('/') && !value.startsWith('//'))) return null;
  let url;
  try {
    url = new URL(value, 'http://origin.invalid');
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const written = absolute ? url.href : `${url.pathname}${url.search}`;
  return HEADER_SAFE.test(written) && !LINK_SYNTAX.test(written) ? written : null;
}

/**
 * The Link header value for the desk manifest's text, or '' when it names nothing preloadable (a
 * broken or missing manifest is the shell's to report; the page just loads without the hint).
 */
export function remoteManifestPreloads(deskManifestText) {
  let manifest;
  try {
    manifest = JSON.parse(deskManifestText);
  } catch {
    return '';
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return '';
  return Object.values(manifest)
    .map(preloadableUrl)
    .filter((url) => url !== null)
    .map((url) => `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`)
    .join(', ');
}
