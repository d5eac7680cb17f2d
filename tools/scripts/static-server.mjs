// A small static file server with CORS and an optional /api proxy, for example pages
// (tools/examples) that need a same-origin token API without a gateway.
//   node tools/scripts/static-server.mjs --dir tools/examples --port 4202 [--api http://localhost:3333]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, port: { type: 'string' }, api: { type: 'string' } },
});
if (!values.dir || !values.port) {
  console.error('usage: static-server.mjs --dir <folder> --port <port> [--api <token-api origin>]');
  process.exit(2);
}
const root = resolve(values.dir);
const port = Number(values.port);
const apiTarget = values.api ? new URL(values.api) : null;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function proxy(req, res) {
  const upstream = request(
    { hostname: apiTarget.hostname, port: apiTarget.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'bad_gateway', message: 'The token API is not reachable.' } }));
  });
  req.pipe(upstream);
}

function serve(req, res) {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  let file = normalize(join(root, pathname));
  if (file.startsWith(root) && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' };
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

const server = createServer((req, res) => (apiTarget && (req.url ?? '').startsWith('/api/') ? proxy(req, res) : serve(req, res)));
server.listen(port, () => console.log(`[static] http://localhost:${port} (serving ${root}${apiTarget ? `, /api → ${apiTarget.origin}` : ''})`));
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
