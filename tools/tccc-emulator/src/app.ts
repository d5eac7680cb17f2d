// Builds the emulator's Koa app without listening: one error middleware, then thin routers for the
// cloud API (POST /), the SdkURL script, the dev IdP and the control API.
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
import { sdkRoutes } from './sdk-delivery/sdk-routes';
import type { SdkUrlStore } from './sdk-delivery/sdk-url-store';

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
  readyDelayMs: number;
  logger: Logger;
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
      control: ['POST /control/faults', 'GET /control/faults', 'DELETE /control/faults', 'DELETE /control/faults/:id', 'GET /control/counters', 'POST /control/reset'],
    };
  });
  return router;
}

export function createApp(deps: AppDeps): Koa {
  const app = new Koa();
  app.use(errorHandler(deps.logger));
  for (const router of [
    indexRoutes(deps),
    sdkRoutes({ baseUrl: deps.baseUrl, store: deps.store, counters: deps.counters, bundle: deps.sdkBundle, readyDelayMs: deps.readyDelayMs }),
    idpRoutes(deps.idp, deps.jwksUrl, deps.counters),
    controlRoutes(deps),
  ]) {
    app.use(router.routes());
  }
  return app;
}
