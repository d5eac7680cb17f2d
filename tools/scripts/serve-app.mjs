// Development server without @rspack/dev-server (not installed here): a watch build of the
// development configuration, served statically with CORS, and /api proxied to token-api.
//   node tools/scripts/serve-app.mjs <shell|tccc-remote>          watch + serve on PORT (default below)
//   node tools/scripts/serve-app.mjs <shell|tccc-remote> --dist   serve the production build in dist/ (no build)
// Environment: PORT, API_TARGET (default http://localhost:3333).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_TYPES, pathInside, proxyTo } from './http-serving.mjs';

const APPS = { shell: 4200, 'tccc-remote': 4201 };
const appName = process.argv[2];
if (!(appName in APPS)) {
  console.error(`usage: serve-app.mjs <${Object.keys(APPS).join('|')}> [--dist]`);
  process.exit(2);
}
const here = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps', appName);
const APP = { name: appName, port: APPS[appName] };

const port = Number(process.env.PORT ?? APP.port);
const apiTarget = new URL(process.env.API_TARGET ?? 'http://localhost:3333');
const proxyApi = proxyTo(apiTarget);
const serveDistOnly = process.argv.includes('--dist');
// The production build, or the development build's own folder (so it never overwrites dist/apps).
APP.outDir = resolve(here, serveDistOnly ? `../../dist/apps/${appName}` : `../../dist/dev/apps/${appName}`);

function fileFor(urlPath) {
  const path = pathInside(APP.outDir, urlPath.split('?')[0]);
  return path && existsSync(path) && statSync(path).isFile() ? path : null;
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
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    // Hashed chunks never change; entry files and manifests must be revalidated on every load.
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}

async function watchBuild() {
  process.env.NGRS_CONFIG = 'development';
  // One after the other: importing @rspack/core while the config require()s it trips Node 20.
  const { default: configs } = await import(pathToFileURL(join(here, 'rspack.config.mjs')).href);
  const { rspack } = await import('@rspack/core');
  rspack(configs).watch({ aggregateTimeout: 200 }, (error, stats) => {
    if (error) console.error(error);
    else if (stats?.hasErrors()) console.error(stats.toString({ colors: true, all: false, errors: true }));
    else console.log(`[${APP.name}] rebuilt`);
  });
}

if (!serveDistOnly) await watchBuild();
createServer((req, res) => ((req.url ?? '').startsWith('/api/') ? proxyApi(req, res) : serveStatic(req, res))).listen(
  port,
  () => console.log(`[${APP.name}] http://localhost:${port} (serving ${APP.outDir}, /api → ${apiTarget.origin})`),
);
