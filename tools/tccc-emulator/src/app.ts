// Builds the emulator's Koa app without listening: one error middleware, then thin routers for the
// cloud API (POST /), the SdkURL script, the SDK page's RPC and event stream, the dev IdP and the
// control API.
import Router from '@koa/router';
import Koa from 'koa';
import type { Clock } from './clock';
import { cloudApi } from './cloud/cloud-api';
import type { DemoConfig } from './config/demo-config';
import { controlRoutes } from './control/control-routes';
import type { FaultQueue } from './control/faults';
import type { Counters } from './counters';
import { errorHandler } from './http/http-error';
import type { DevIdp } from './idp/dev-idp';
import { idpRoutes } from './idp/idp-routes';
import type { Logger } from './logger';
import { pageRoutes } from './sdk-delivery/page-routes';
import { sdkRoutes } from './sdk-delivery/sdk-routes';
import type { SdkUrlStore } from './sdk-delivery/sdk-url-store';
import type { SdkScenario } from './scenario/sdk-scenario';
import type { RequestLimit } from './cloud/request-limit';
import { sdkControlRoutes } from './control/sdk-control-routes';

export interface AppDeps {
  baseUrl: string;
  cloudEndpoint: string;
  jwksUrl: string;
  config: DemoConfig;
  clock: Clock;
  counters: Counters;
  faults: FaultQueue;
  store: SdkUrlStore;
  idp: DevIdp;
  sdkBundle: string;
  scenario: SdkScenario;
  logger: Logger;
  requestLimit: RequestLimit;
  /** Aborted on close, so a pending latency fault does not hold the process open. */
  shutdown: AbortSignal;
}

function indexRoutes(deps: AppDeps): Router {
  const router = new Router();
  router.post('/', cloudApi(deps));
  router.get('/', function describeEmulator(ctx) {
    ctx.body = {
      name: 'tccc-emulator',
      note: 'Local development stand-in for Tencent Cloud Contact Center. Demo data only.',
      cloudApi: { endpoint: deps.cloudEndpoint, protocol: 'http://', service: 'ccc', actions: ['CreateSDKLoginToken'] },
      sdkScript: `${deps.baseUrl}/sdk/tccc-sdk.js?token=…`,
      devIdp: { issuer: deps.idp.issuer, audience: deps.idp.audience, token: `${deps.idp.issuer}/token`, jwks: deps.jwksUrl },
      control: [
        'POST /control/faults', 'GET /control/faults', 'DELETE /control/faults', 'DELETE /control/faults/:id', 'GET /control/counters', 'POST /control/reset', 'GET|PUT /control/cloud/settings',
        'POST /control/sdk/inbound', 'POST /control/sdk/sessions/:sessionId/{answer,reject,hangup,close}', 'POST /control/sdk/fail-next',
        'GET|PUT /control/sdk/settings', 'POST /control/sdk/token-expired', 'GET /control/sdk/state',
      ],
      sdkPage: { rpc: `${deps.baseUrl}/sdk/rpc`, events: `${deps.baseUrl}/sdk/events?key=…` },
    };
  });
  return router;
}

export function createApp(deps: AppDeps): Koa {
  const app = new Koa();
  app.on('error', function reportStreamError(error: NodeJS.ErrnoException) {
    // An SSE client that goes away ends its stream early: expected, not worth a log line.
    if (error.code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    deps.logger.warn({ err: error }, 'response error');
  });
  app.use(errorHandler(deps.logger));
  for (const router of [
    indexRoutes(deps),
    sdkRoutes({ baseUrl: deps.baseUrl, store: deps.store, counters: deps.counters, bundle: deps.sdkBundle, scenario: deps.scenario }),
    pageRoutes(deps.scenario),
    idpRoutes(deps.idp, deps.jwksUrl, deps.counters),
    controlRoutes(deps),
    sdkControlRoutes(deps.scenario),
  ]) {
    app.use(router.routes());
  }
  return app;
}
