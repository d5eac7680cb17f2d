// startEmulator: listen (port 0 = ephemeral), then build the app for the URL actually bound.
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from './app';
import { type Clock, systemClock } from './clock';
import { type DemoConfig, demoConfig } from './config/demo-config';
import { DOCUMENTED_REQUESTS_PER_SECOND, RequestLimit } from './cloud/request-limit';
import { FaultQueue } from './control/faults';
import { Counters } from './counters';
import { createDevIdp } from './idp/dev-idp';
import { silentLogger, type Logger } from './logger';
import { loadSdkBundle } from './sdk-delivery/sdk-bundle';
import { SdkUrlStore } from './sdk-delivery/sdk-url-store';
import { SdkScenario } from './scenario/sdk-scenario';
import { type Scheduler, systemScheduler } from './scheduler';

export const DEFAULT_PORT = 4300;
export const AUDIENCE = 'tccc-desk';
const CLOSE_GRACE_MS = 2000;

export interface EmulatorOptions {
  /** Default 4300; 0 = ephemeral (tests). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Base URL used in SdkURLs and the IdP issuer; default `http://localhost:${actualPort}`. */
  publicUrl?: string;
  /** Default: a pino logger. `false` = silent (tests). */
  logger?: Logger | false;
  /** Milliseconds since the epoch; drives SdkURL expiry, ExpiredTime, signature skew and JWT times. */
  clock?: Clock;
  /** Delay between the SDK script running and its `ready` event; default 50 ms (the readyDelayMs setting). */
  sdkReadyDelayMs?: number;
  /** Timers of the emulated call center (callOuted, inbound timeout, auto-answer); default real timers. */
  scheduler?: Scheduler;
  /**
   * CreateSDKLoginToken requests per second per SecretId (Tencent documents 20; the default).
   * 0 = no limit, for tests and benches that measure something else.
   */
  cloudRequestLimitPerSecond?: number;
  /** Seats, portal users and keys; default the committed demo-config.json (benches generate more). */
  config?: DemoConfig;
}

export interface RunningEmulator {
  /** e.g. http://localhost:43121 (SDK script, dev IdP, control API all here). */
  url: string;
  port: number;
  /** `ccc.localhost:${port}`: the endpoint for a tencentcloud-sdk-nodejs client (protocol http://). */
  cloudEndpoint: string;
  /** `${url}/dev/idp` */
  issuer: string;
  /** 'tccc-desk' */
  audience: string;
  /** `${url}/.well-known/jwks.json` */
  jwksUrl: string;
  /** The emulated SDK's scenario control, in-process (the same as /control/sdk/…). */
  scenario: SdkScenario;
  close(): Promise<void>;
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.clock ?? systemClock;
  const logger: Logger = options.logger === false ? silentLogger : (options.logger ?? pino({ name: 'tccc-emulator' }));
  const shutdown = new AbortController();
  const scenario = new SdkScenario({ clock, scheduler: options.scheduler ?? systemScheduler, readyDelayMs: options.sdkReadyDelayMs ?? 50 });

  // Requests that arrive before the app is built (a few ms) are told to come back.
  let handle: RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end('starting');
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => handle(req, res));
  const address = await listen(server, options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      shutdown.abort();
      scenario.close(); // ends the SSE streams, which would otherwise keep their connections open
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeIdleConnections();
      setImmediate(() => server.closeIdleConnections()); // the SSE responses just ended
      setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
    });
    return closing;
  };

  try {
    const port = address.port;
    const url = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
    const cloudEndpoint = `ccc.localhost:${port}`;
    const issuer = `${url}/dev/idp`;
    const jwksUrl = `${url}/.well-known/jwks.json`;
    const config = options.config ?? demoConfig;
    const [sdkBundle, idp] = await Promise.all([
      loadSdkBundle(),
      createDevIdp({ issuer, audience: AUDIENCE, clock, users: config.portalUsers }),
    ]);
    const app = createApp({
      baseUrl: url,
      cloudEndpoint,
      jwksUrl,
      config,
      clock,
      counters: new Counters(),
      faults: new FaultQueue(),
      store: new SdkUrlStore({ clock }),
      idp,
      sdkBundle,
      scenario,
      logger,
      requestLimit: new RequestLimit(clock, options.cloudRequestLimitPerSecond ?? DOCUMENTED_REQUESTS_PER_SECOND),
      shutdown: shutdown.signal,
    });
    handle = app.callback();
    return { url, port, cloudEndpoint, issuer, audience: AUDIENCE, jwksUrl, scenario, close };
  } catch (error) {
    await close();
    throw error;
  }
}
