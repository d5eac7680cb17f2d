// The `Link` header for the shell's index.html: a preload of each remote manifest that the shell's
// deploy-time desk.manifest.json names. The browser then fetches the remote's mf-manifest.json with
// the page, while main.js downloads, instead of after main.js has run and read desk.manifest.json:
// one round trip less before the desk's chunks are requested (bench:ready). The federation
// runtime's own fetch of the manifest (plain `fetch(url)`, CORS, same-origin credentials) takes the
// preloaded response, so `crossorigin=anonymous` must stay. Used by serve-app.mjs and the gateway.

/** What may go into a Link header: an http(s) URL or a path of this origin, nothing that ends the value. */
const PRELOADABLE = /^(?:https?:\/\/[^\s<>",;]+|\/(?!\/)[^\s<>",;]*)$/;

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
    .filter((url) => typeof url === 'string' && PRELOADABLE.test(url))
    .map((url) => `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`)
    .join(', ');
}
