// A small static file server with CORS and an optional /api proxy, for example pages
// (tools/examples) that need a same-origin token API without a gateway.
//   node tools/scripts/static-server.mjs --dir tools/examples --port 4202 [--api http://localhost:3333] [--host 127.0.0.1]
// Listens on 127.0.0.1 unless --host (or HOST) says otherwise.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_TYPES, displayUrl, guarded, listenHost, pathInside, proxyTo } from './http-serving.mjs';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, port: { type: 'string' }, api: { type: 'string' }, host: { type: 'string' } },
});
if (!values.dir || !values.port) {
  console.error('usage: static-server.mjs --dir <folder> --port <port> [--api <token-api origin>]');
  process.exit(2);
}
const root = resolve(values.dir);
const port = Number(values.port);
const host = listenHost(values.host);
const apiTarget = values.api ? new URL(values.api) : null;

const proxyApi = apiTarget ? proxyTo(apiTarget) : null;

function serve(req, res) {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  let file = pathInside(root, pathname);
  if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' };
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

const server = createServer(guarded((req, res) => (proxyApi && (req.url ?? '').startsWith('/api/') ? proxyApi(req, res) : serve(req, res))));
server.listen(port, host, () => {
  const { port: bound } = server.address();
  console.log(`[static] ${displayUrl(host, bound)} (serving ${root}${apiTarget ? `, /api → ${apiTarget.origin}` : ''})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
