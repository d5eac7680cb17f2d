// Structured JSON logs. Credentials, bearer tokens and SdkURLs are never handed to the logger;
// `redact` is the second line of defence for known fields, and the scrubber (log-scrub.ts) the
// third, for any message or field that quotes one (an upstream error's text, for instance).
import pino, { type DestinationStream, type Logger } from 'pino';
import { createLogScrubber } from './log-scrub';

export type { Logger };

// Exact paths only: wildcard paths make every log call about twice as expensive, and the logger
// never receives request or credential objects in the first place.
export const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'token',
  'accessToken',
  'access_token',
  'sdkUrl',
  'SdkURL',
  'Token',
  'secretId',
  'secretKey',
  'credential',
  'tccc.secretId',
  'tccc.secretKey',
  'config.tccc.secretId',
  'config.tccc.secretKey',
];

export interface LoggerOptions {
  level?: string;
  /** Default: `bufferedDestination(1)` (stdout). */
  destination?: DestinationStream;
  /** Values removed verbatim from every line (the configured credentials). */
  secrets?: readonly string[];
}

/**
 * Asynchronous and buffered: lines are written in batches of about 4 KB, and at least once a
 * second, so logging costs a request neither a blocking write nor a system call of its own.
 * main.ts flushes on shutdown; a hard kill can lose at most the last second of lines.
 */
export function bufferedDestination(dest: number | string): DestinationStream & { flush(): void } {
  const destination = pino.destination({ dest, sync: false, minLength: 4096 });
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      // Destroyed during shutdown: nothing left to flush.
    }
  }, 1000).unref();
  return destination;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'token-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: { streamWrite: createLogScrubber(options.secrets) },
    },
    options.destination ?? bufferedDestination(1),
  );
}
