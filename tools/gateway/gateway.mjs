// The shared gateway (Debian's nginx) in front of the production builds and the token-api replicas.
//   import { startGateway } from './tools/gateway/gateway.mjs';
//   const gateway = await startGateway({ upstreams: [3333, 3334], sdkOrigins: ['http://localhost:4300'] });
//   ... gateway.url ... await gateway.stop();
// Or as a process (the stack launcher, tools/scripts/stack.mjs):
//   node tools/gateway/gateway.mjs   (GATEWAY_PORT, GATEWAY_UPSTREAMS=3333,3334, GATEWAY_SDK_ORIGINS,
//                                     GATEWAY_CERT_FILE, GATEWAY_KEY_FILE, GATEWAY_SHELL_DIR, GATEWAY_REMOTE_DIR)
// nginx.conf.template is rendered into tmp/gateway/<port>/ (git-ignored) with pid, logs and temp
// files there, and nginx runs in the foreground as this process's child.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..');
const NGINX = '/usr/sbin/nginx';
/** Where the remote lives on the gateway, as it would on a CDN: found only through the desk manifest. */
export const REMOTE_PREFIX = '/desk/';

const ORIGIN = /^https?:\/\/(?:\*\.)?[a-z0-9.-]+(?::\d{1,5})?$/i;

function validate({ port, upstreams, sdkOrigins }) {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`startGateway: port must be 1-65535, got ${port} (GATEWAY_PORT)`);
  if (!Array.isArray(upstreams) || upstreams.length === 0 || !upstreams.every((p) => Number.isInteger(p) && p > 0 && p < 65_536)) {
    throw new Error('startGateway: upstreams must be a non-empty list of token-api ports on 127.0.0.1, e.g. 3333,3334 (GATEWAY_UPSTREAMS)');
  }
  if (!Array.isArray(sdkOrigins) || !sdkOrigins.every((o) => typeof o === 'string' && ORIGIN.test(o))) {
    throw new Error('startGateway: sdkOrigins must be origins like https://*.cdn-go.cn or http://localhost:4300, no path (GATEWAY_SDK_ORIGINS)');
  }
}

/** sha256 sources of the inline event handlers index.html carries (the build's `onload="this.media='all'"`). */
export function inlineHandlerHashes(indexHtml) {
  const hashes = new Set();
  for (const [, , code] of indexHtml.matchAll(/\son[a-z]+=(["'])(.*?)\1/g)) {
    hashes.add(`'sha256-${createHash('sha256').update(code).digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The Content-Security-Policy: this origin, the SDK origin(s) (the SDK script, its RPC/event
 * stream, its workbench's media) and the identity provider; Angular and the SDK's workbench add
 * <style> elements at run time, so styles allow inline; scripts never do (only the build's one
 * hashed onload handler).
 */
export function contentSecurityPolicy({ sdkOrigins, connectOrigins = [], handlerHashes = [] }) {
  const sdk = sdkOrigins.join(' ');
  const connect = [...new Set([...sdkOrigins, ...connectOrigins])].join(' ');
  const scriptExtra = handlerHashes.length > 0 ? ` 'unsafe-hashes' ${handlerHashes.join(' ')}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${scriptExtra}${sdk ? ` ${sdk}` : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self'${connect ? ` ${connect}` : ''}`,
    `img-src 'self' data:${sdk ? ` ${sdk}` : ''}`,
    `media-src 'self' blob:${sdk ? ` ${sdk}` : ''}`,
    "font-src 'self' data:",
    `frame-src 'self'${sdk ? ` ${sdk}` : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

function securityHeaders(csp) {
  return [
    'add_header Strict-Transport-Security "max-age=31536000" always;',
    'add_header X-Content-Type-Options "nosniff" always;',
    'add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
    `add_header Content-Security-Policy "${csp}" always;`,
  ].join('\n');
}

/** A self-signed certificate for localhost, made once with openssl and kept in tmp/gateway/tls/. */
export function ensureLocalCertificate(dir = join(ROOT, 'tmp', 'gateway', 'tls')) {
  const certFile = join(dir, 'localhost.crt');
  const keyFile = join(dir, 'localhost.key');
  if (existsSync(certFile) && existsSync(keyFile)) return { certFile, keyFile };
  mkdirSync(dir, { recursive: true });
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '365', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', keyFile, '-out', certFile],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { certFile, keyFile };
}

/** The IdP origin the shell's runtime-config.json names (the login's first call), for connect-src. */
function runtimeConfigOrigins(shellDir) {
  try {
    const config = JSON.parse(readFileSync(join(shellDir, 'runtime-config.json'), 'utf8'));
    return [config.idpTokenUrl, config.apiBase].filter((u) => typeof u === 'string' && /^https?:/.test(u)).map((u) => new URL(u).origin);
  } catch {
    return [];
  }
}

/** The token API's settings a login's longest answer depends on, with its defaults. */
export const LOGIN_TIMING = Object.freeze({ LOGIN_QUEUE_MAX_WAIT_MS: 30_000, TCCC_TIMEOUT_SECONDS: 5, AUTH_JWKS_TIMEOUT_MS: 2_000 });

/**
 * How long nginx waits for a token-api answer: above a login's longest (its JWKS fetch, its wait for
 * the upstream budget, then Tencent's answer), with room to spare, never under 45 s. Below it,
 * nginx would give up on a login still under way and send it to the other replica, which mints a
 * second SdkURL for it. Read from the environment token-api gets (a value it would refuse: its default).
 */
export function apiReadTimeoutSeconds(environment = process.env) {
  const setting = (name) => {
    const value = Number(environment[name]);
    return environment[name] !== undefined && environment[name] !== '' && Number.isFinite(value) && value >= 0 ? value : LOGIN_TIMING[name];
  };
  const longestMs = setting('AUTH_JWKS_TIMEOUT_MS') + setting('LOGIN_QUEUE_MAX_WAIT_MS') + setting('TCCC_TIMEOUT_SECONDS') * 1000;
  return Math.max(45, Math.ceil(longestMs / 1000) + 8);
}

/** Renders the configuration into `runtimeDir`; returns the path of nginx.conf. */
export function renderConfig({ runtimeDir, port, upstreams, sdkOrigins, shellDir, remoteDir, certFile, keyFile, listenHost = '127.0.0.1', apiReadTimeout = apiReadTimeoutSeconds() }) {
  for (const sub of ['logs', 'temp', 'public']) mkdirSync(join(runtimeDir, sub), { recursive: true });
  const indexHtml = readFileSync(join(shellDir, 'index.html'), 'utf8');
  const csp = contentSecurityPolicy({ sdkOrigins, connectOrigins: runtimeConfigOrigins(shellDir), handlerHashes: inlineHandlerHashes(indexHtml) });
  const headers = securityHeaders(csp);
  writeFileSync(join(runtimeDir, 'headers-no-cache.conf'), `add_header Cache-Control "no-cache" always;\n${headers}\n`);
  writeFileSync(join(runtimeDir, 'headers-immutable.conf'), `add_header Cache-Control "public, max-age=31536000, immutable" always;\n${headers}\n`);
  // The manifest the gateway serves: the remote under this origin's prefix (relative: the shell
  // resolves it against its own URL).
  const remoteManifest = `${REMOTE_PREFIX}mf-manifest.json`;
  writeFileSync(join(runtimeDir, 'public', 'desk.manifest.json'), `${JSON.stringify({ tccc_remote: remoteManifest })}\n`);
  // The shell's page preloads that manifest, as serve-app.mjs does from any desk.manifest.json
  // (tools/scripts/remote-preload.mjs says why): one round trip off the desk's start.
  writeFileSync(join(runtimeDir, 'headers-page.conf'), `add_header Link "<${remoteManifest}>; rel=preload; as=fetch; crossorigin=anonymous" always;\n`);
  const upstreamBlock = [
    '  upstream token_api {',
    ...upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`),
    '    keepalive 16;',
    '  }',
  ].join('\n');
  const values = {
    // Started as root, nginx would run its workers as nobody/www-data, who cannot read builds in a
    // checkout that is not world-readable (a mktemp -d clone is 0700): they run as the user who
    // started the gateway, as they do in any non-root start.
    USER_DIRECTIVE: process.getuid?.() === 0 ? 'user root root;' : '# workers run as the user who started the gateway',
    RUNTIME_DIR: runtimeDir,
    PORT: String(port),
    LISTEN_HOST: listenHost,
    UPSTREAM_BLOCK: upstreamBlock,
    UPSTREAM_TRIES: String(upstreams.length),
    API_READ_TIMEOUT: String(apiReadTimeout),
    CERT_FILE: certFile,
    KEY_FILE: keyFile,
    SHELL_DIR: shellDir,
    REMOTE_DIR: remoteDir,
  };
  const template = readFileSync(join(HERE, 'nginx.conf.template'), 'utf8');
  const conf = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name) => {
    if (!(name in values)) throw new Error(`nginx.conf.template: unknown placeholder ${whole}`);
    return values[name];
  });
  const confFile = join(runtimeDir, 'nginx.conf');
  writeFileSync(confFile, conf);
  return confFile;
}

function answers(url) {
  return new Promise((resolvePromise) => {
    const req = request(url, { rejectUnauthorized: false, timeout: 1_000 }, (res) => {
      res.resume();
      resolvePromise(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolvePromise(false));
    req.end();
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts nginx in the foreground with a freshly rendered configuration and resolves once
 * https://localhost:<port>/ answers. `stop()` ends it (SIGQUIT: in-flight requests finish).
 */
export async function startGateway({
  port = 8443,
  upstreams,
  sdkOrigins,
  shellDir = join(ROOT, 'dist/apps/shell'),
  remoteDir = join(ROOT, 'dist/apps/tccc-remote'),
  certFile,
  keyFile,
  readyTimeoutMs = 15_000,
} = {}) {
  validate({ port, upstreams, sdkOrigins });
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: run node tools/scripts/ensure-deps.mjs --nginx`);
  for (const [what, dir, file] of [['shell', shellDir, 'index.html'], ['remote', remoteDir, 'mf-manifest.json']]) {
    if (!existsSync(join(dir, file))) throw new Error(`startGateway: the ${what} build is missing (${join(dir, file)}); run npx nx run-many -t build`);
  }
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new Error('startGateway: give both certFile and keyFile (GATEWAY_CERT_FILE, GATEWAY_KEY_FILE), or neither for a self-signed localhost certificate');
  }
  // Said here, by the variable's name: nginx's own words for it are an OpenSSL fopen trace.
  for (const [what, name, file] of [['certificate', 'GATEWAY_CERT_FILE', certFile], ['private key', 'GATEWAY_KEY_FILE', keyFile]]) {
    if (file !== undefined && !existsSync(file)) throw new Error(`startGateway: the TLS ${what} file ${resolve(file)} does not exist (certFile/keyFile, ${name}); give the path of your PEM file`);
  }
  const tls = certFile ? { certFile: resolve(certFile), keyFile: resolve(keyFile) } : ensureLocalCertificate();
  const runtimeDir = join(ROOT, 'tmp', 'gateway', String(port));
  const confFile = renderConfig({ runtimeDir, port, upstreams, sdkOrigins, shellDir: resolve(shellDir), remoteDir: resolve(remoteDir), ...tls });

  // error.log is appended to across runs: only this run's lines explain why nginx stopped.
  const errorLog = join(runtimeDir, 'logs', 'error.log');
  const errorLogStart = existsSync(errorLog) ? statSync(errorLog).size : 0;
  const child = spawn(NGINX, ['-p', runtimeDir, '-e', errorLog, '-c', confFile, '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', (code, signal) => r(code ?? signal)));
  const url = `https://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGQUIT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      const log = existsSync(errorLog) ? readFileSync(errorLog).subarray(errorLogStart).toString('utf8').trim().split('\n').slice(-3).join('\n') : '';
      throw new Error(`nginx exited (${child.exitCode}) before answering ${url}${log ? `:\n${log}` : ''}`);
    }
    if (await answers(`${url}/desk.manifest.json`)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not answer ${url} within ${readyTimeoutMs / 1000} s`);
    }
    await sleep(100);
  }
  return { url, stop, exited };
}

function listFromEnv(name, fallback) {
  const raw = process.env[name];
  return raw === undefined || raw.trim() === '' ? fallback : raw.split(',').map((s) => s.trim()).filter(Boolean);
}

// As a process: runs until SIGTERM/SIGINT, then stops nginx.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const gateway = await startGateway({
      port: Number(process.env.GATEWAY_PORT ?? 8443),
      upstreams: listFromEnv('GATEWAY_UPSTREAMS', ['3333']).map(Number),
      sdkOrigins: listFromEnv('GATEWAY_SDK_ORIGINS', ['http://localhost:4300']),
      shellDir: process.env.GATEWAY_SHELL_DIR || undefined,
      remoteDir: process.env.GATEWAY_REMOTE_DIR || undefined,
      certFile: process.env.GATEWAY_CERT_FILE || undefined,
      keyFile: process.env.GATEWAY_KEY_FILE || undefined,
    });
    console.log(`[gateway] ${gateway.url} (nginx)`);
    let stopping = false;
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, () => {
        stopping = true;
        void gateway.stop().then(() => process.exit(0));
      });
    }
    gateway.exited.then((code) => {
      if (stopping) return;
      console.error(`[gateway] nginx exited (${code})`);
      process.exit(1);
    });
  } catch (error) {
    console.error(`[gateway] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
