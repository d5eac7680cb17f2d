// Serves an app's production build from dist/ the way the gateway does (CORS for the remote,
// hashed assets immutable, entry files revalidated, /api proxied to token-api), for `npm start --prod`
// and anything that needs the built apps on their fixed ports. The shell's index.html carries a
// Link preload of the remote manifest (remote-preload.mjs), as the gateway sends it. Development
// watch builds run on @rspack/dev-server instead (each app's `npm run serve`, tools/scripts/dev-server.mjs).
//   node tools/scripts/serve-app.mjs <shell|tccc-remote>
// Environment: PORT (default below), HOST (default 127.0.0.1), API_TARGET (default http://localhost:3333).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_TYPES, displayUrl, guarded, listenHost, pathInside, proxyTo } from './http-serving.mjs';
import { remoteManifestPreloads } from './remote-preload.mjs';

const APPS = { shell: 4200, 'tccc-remote': 4201 };
const appName = process.argv[2];
if (!(appName in APPS)) {
  console.error(`usage: serve-app.mjs <${Object.keys(APPS).join('|')}>`);
  process.exit(2);
}
const outDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/apps', appName);

const port = Number(process.env.PORT ?? APPS[appName]);
const host = listenHost();
const apiTarget = new URL(process.env.API_TARGET ?? 'http://localhost:3333');
const proxyApi = proxyTo(apiTarget);

function fileFor(urlPath) {
  const path = pathInside(outDir, urlPath);
  return path && existsSync(path) && statSync(path).isFile() ? path : null;
}

/** The shell's page preloads the remote manifests its deploy-time desk.manifest.json names (read per page load: it changes without a rebuild). */
function pageHeaders(file) {
  if (appName !== 'shell' || file !== join(outDir, 'index.html')) return {};
  let link = '';
  try {
    link = remoteManifestPreloads(readFileSync(join(outDir, 'desk.manifest.json'), 'utf8'));
  } catch {
    // No desk manifest: the shell runs without the desk, and the page without the hint.
  }
  return link ? { Link: link } : {};
}

function serveStatic(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let file = fileFor(url.pathname === '/' ? '/index.html' : url.pathname);
  // Client-side routes fall back to index.html; missing assets stay 404.
  if (!file && !extname(url.pathname) && (req.headers.accept ?? '').includes('text/html')) file = fileFor('/index.html');
  // Remotes are loaded cross-origin as module scripts and fetched manifests: CORS on everything.
  const headers = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
  if (!file) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
    res.end('Not found');
    return;
  }
  const hashed = /\.[0-9a-f]{8,}\.(js|css)$/.test(file);
  res.writeHead(200, {
    ...headers,
    ...pageHeaders(file),
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    // Hashed chunks never change; entry files and manifests must be revalidated on every load.
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}

const server = createServer(guarded((req, res) => ((req.url ?? '').startsWith('/api/') ? proxyApi(req, res) : serveStatic(req, res))));
server.listen(port, host, () => {
  const { port: bound } = server.address();
  console.log(`[${appName}] ${displayUrl(host, bound)} (serving ${outDir}, /api → ${apiTarget.origin})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
