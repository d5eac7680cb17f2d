// GET /sdk/tccc-sdk.js?token=… : the SdkURL. Served once; reused, expired or unknown tokens get a
// plain-text 403. Never cached; readable cross-origin (pages load it with crossorigin="anonymous").
import Router from '@koa/router';
import type { Counters } from '../counters';
import { renderSdkScript } from './sdk-script';
import type { RedeemResult, SdkUrlStore } from './sdk-url-store';

export const SDK_SCRIPT_PATH = '/sdk/tccc-sdk.js';

export interface SdkRoutesDeps {
  baseUrl: string;
  store: SdkUrlStore;
  counters: Counters;
  bundle: string;
  readyDelayMs: number;
}

const REFUSALS: Record<Extract<RedeemResult, { ok: false }>['reason'], string> = {
  unknown: 'SdkURL token unknown: request a new SdkURL.',
  used: 'SdkURL already used: an SdkURL initialises the SDK once; request a new one.',
  expired: 'SdkURL expired: it is valid for 10 minutes; request a new one.',
};

export function sdkRoutes(deps: SdkRoutesDeps): Router {
  const router = new Router();
  router.get(SDK_SCRIPT_PATH, function serveSdkScript(ctx) {
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Access-Control-Allow-Origin', '*');
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : '';
    const result = deps.store.redeem(token);
    if (!result.ok) {
      deps.counters.increment('sdkUrlsRefused');
      ctx.status = 403;
      ctx.type = 'text/plain';
      ctx.body = REFUSALS[result.reason];
      return;
    }
    deps.counters.increment('sdkUrlsServed');
    ctx.type = 'application/javascript';
    ctx.body = renderSdkScript(deps.bundle, {
      baseUrl: deps.baseUrl,
      sdkAppId: result.login.sdkAppId,
      seatUserId: result.login.seatUserId,
      readyDelayMs: deps.readyDelayMs,
    });
  });
  return router;
}
