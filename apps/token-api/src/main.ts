// Entry point: validate the configuration, listen, and shut down gracefully (stop accepting,
// let in-flight requests finish within the bound, then exit).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { type Config, ConfigError, describeConfig, loadConfig } from './config';
import { answerClientErrors } from './http/client-errors';
import { createLogger, type Logger } from './logger';

/** Longer than the gateway's upstream keep-alive (nginx: 60 s). */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** What to change when the listen fails the way an operator's setting makes it fail. */
const LISTEN_HINTS: Record<string, string> = {
  EADDRINUSE: 'the port is in use; stop what listens there, or set PORT (and HOST) to a free address',
  EACCES: 'ports below 1024 need privileges; set PORT to 1024 or above (the gateway publishes 443)',
  EADDRNOTAVAIL: 'HOST is not an address of this machine; use 0.0.0.0 (all) or one of its addresses',
  ENOTFOUND: 'HOST does not resolve; use 0.0.0.0 (all) or one of its addresses',
};

/** Node's default, stated: an access token is a few KB; larger headers get 431 (client-errors.ts). */
const MAX_HEADER_BYTES = 16 * 1024;

function loadConfigOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`token-api: ${error.message}\nSee apps/token-api/.env.example.\n`);
      process.exit(1);
    }
    throw error;
  }
}

function exitAfterFlush(logger: Logger, code: number): void {
  logger.flush(() => process.exit(code));
  // Never hang on a stuck log destination.
  setTimeout(() => process.exit(code), 1000).unref();
}

interface Stopping {
  /** Answers the logins that cannot be served within `until` (ms since the epoch). */
  drain: (until: number) => void;
  release: () => Promise<void>;
  timeoutMs: number;
  /** Longest a call to Tencent may take once a login's turn comes. */
  upstreamTimeoutMs: number;
}

/**
 * SHUTDOWN_TIMEOUT_MS shorter than a login's longest stay (its wait for a turn plus the call) means
 * a stop at shift start answers some queued logins login_busy: say so once, at start-up.
 */
function shutdownShorterThanLogin(config: Config): string | undefined {
  const longest = config.upstreamBudget.maxWaitMs + config.tccc.timeoutSeconds * 1000;
  if (config.upstreamBudget.requestsPerSecond === 0 || config.shutdownTimeoutMs >= longest) return undefined;
  return `SHUTDOWN_TIMEOUT_MS (${config.shutdownTimeoutMs}) is shorter than LOGIN_QUEUE_MAX_WAIT_MS + TCCC_TIMEOUT_SECONDS (${longest} ms): on SIGTERM, queued logins whose turn comes later are answered 503 login_busy with Retry-After`;
}

function shutDownOn(signals: NodeJS.Signals[], server: Server, logger: Logger, { drain, release, timeoutMs, upstreamTimeoutMs }: Stopping): void {
  let stopping = false;
  // Responses still to be written while stopping say `Connection: close`, so keep-alive clients
  // do not hold the server open after their last answer.
  const unanswered = new Set<ServerResponse>();
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (stopping) res.shouldKeepAlive = false;
    unanswered.add(res);
    res.on('close', () => unanswered.delete(res));
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const res of unanswered) if (!res.headersSent) res.shouldKeepAlive = false;
    logger.info({ signal, timeoutMs }, 'shutting down: no new connections, finishing in-flight requests');
    // Logins whose turn comes too late to finish before the bound get 503 login_busy + Retry-After
    // now (the gateway passes a 503 on), rather than a cut connection at the bound.
    drain(Date.now() + timeoutMs - upstreamTimeoutMs);
    const forced = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing their connections');
      server.closeAllConnections();
      exitAfterFlush(logger, 1);
    }, timeoutMs);
    forced.unref();
    // close() stops accepting and resolves once in-flight requests are done; idle keep-alive
    // connections are closed straight away.
    server.close(() => {
      clearTimeout(forced);
      void release()
        .catch(() => undefined)
        .then(() => {
          logger.info('stopped');
          exitAfterFlush(logger, 0);
        });
    });
    server.closeIdleConnections();
  };
  for (const signal of signals) process.once(signal, () => stop(signal));
}

function main(): void {
  const config = loadConfigOrExit();
  const logger = createLogger({ level: config.logLevel, secrets: [config.tccc.secretId, config.tccc.secretKey] });
  process.on('uncaughtException', (error) => {
    logger.fatal({ type: error.name, message: error.message, stack: error.stack }, 'uncaught exception');
    exitAfterFlush(logger, 1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ reason: reason instanceof Error ? reason.message : typeof reason }, 'unhandled rejection');
    exitAfterFlush(logger, 1);
  });

  const app = createApp(config, { logger });
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app.callback());
  answerClientErrors(server, logger);
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    logger.info({ port, config: describeConfig(config) }, `token-api listening on http://${config.host}:${port}`);
    const short = shutdownShorterThanLogin(config);
    // Information, not a fault: with the defaults (10 s grace, 30 s queue) a stop answers such logins
    // login_busy with Retry-After, which the desk honours; a longer grace loses none (docs/deploy.md).
    if (short) logger.info(short);
  });
  // The gateway pools upstream connections (nginx `keepalive_timeout` 60 s by default). If we
  // closed an idle one first, a request it had just sent on it would fail; so we outlast it.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Headers must arrive promptly; a slow-loris client cannot hold a socket for minutes. Node 20
  // applies both bounds only while a request is being received, never to an idle keep-alive
  // socket, so they need not exceed keepAliveTimeout (the old advice for Node < 12.x).
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.on('error', (error: NodeJS.ErrnoException) => {
    const hint = LISTEN_HINTS[error.code ?? ''];
    const msg = hint ? `cannot listen on ${config.host}:${config.port}: ${hint}` : 'server error';
    logger.fatal({ type: error.name, message: error.message, ...(error.code ? { code: error.code } : {}) }, msg);
    exitAfterFlush(logger, 1);
  });
  shutDownOn(['SIGTERM', 'SIGINT'], server, logger, {
    drain: (until) => app.drain(until),
    release: () => app.close(),
    timeoutMs: config.shutdownTimeoutMs,
    upstreamTimeoutMs: config.tccc.timeoutSeconds * 1000,
  });
}

main();
