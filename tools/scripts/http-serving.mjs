// What the local servers (serve-app.mjs, static-server.mjs) share: content types, a path guard,
// the listen address, a handler guard and the /api pass-through to token-api, standing in for the gateway.
import { request } from 'node:http';
import { join, normalize, sep } from 'node:path';

/** Loopback unless told otherwise (HOST): a development server is not for the whole network. */
export function listenHost(explicit) {
  return explicit ?? process.env.HOST ?? '127.0.0.1';
}

/** The URL for a log line: `localhost` for the loopback default, else the address as given. */
export function displayUrl(host, port) {
  return `http://${host === '127.0.0.1' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Thrown by pathInside for a path that does not decode (`/%ff`, `/%E0%A4%A`): a 400, not a crash. */
export class MalformedPathError extends Error {}

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file under `root` that a URL path names, or null when the path climbs out of it. */
export function pathInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    throw new MalformedPathError('The request path is not valid percent-encoding.');
  }
  if (decoded.includes('\0')) throw new MalformedPathError('The request path contains a NUL byte.');
  const path = normalize(join(root, decoded));
  return path === root || path.startsWith(root + sep) ? path : null;
}

/**
 * Wraps a request handler so that no request can take the process down: a malformed path gets
 * 400, any other failure 500, both as plain text, and the server keeps serving.
 */
export function guarded(handler) {
  return function guardedHandler(req, res) {
    try {
      handler(req, res);
    } catch (error) {
      // new URL() rejects a request target it cannot parse: the client's fault as well.
      const status = error instanceof MalformedPathError || error?.code === 'ERR_INVALID_URL' ? 400 : 500;
      if (status === 500) console.error(error);
      if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(status === 400 ? 'Bad request: malformed path' : 'Internal error');
    }
  };
}

/** The headers to send upstream: X-Forwarded-For gets this hop appended, as a gateway does. */
export function forwardedHeaders(req) {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const incoming = req.headers['x-forwarded-for'];
  const chain = [Array.isArray(incoming) ? incoming.join(', ') : incoming, peer].filter(Boolean).join(', ');
  return { ...req.headers, 'x-forwarded-for': chain, 'x-forwarded-proto': 'http' };
}

/** A request handler passing the request through to `target` (an origin URL), this hop appended to X-Forwarded-For. */
export function proxyTo(target) {
  return function proxyApi(req, res) {
    const upstream = request(
      { protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: forwardedHeaders(req) },
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
  };
}
