// GET /sdk/tccc-sdk.js?token=… : the SdkURL. Served once; reused or unknown tokens get a plain-text
// 403 (the emulator's choice). An expired one loads an SDK that fires tokenExpired instead of ready,
// as the vendor documents for a token expired at initialisation; it gets no page. Never cached; readable cross-origin (pages load it with crossorigin="anonymous").
// Only GET redeems: any other method (HEAD from a link checker or proxy included) is a 405 that
// leaves the token unused.
// Each served script registers a page with its own key (the credential for /sdk/rpc and /sdk/events)
// and carries the scenario settings of that moment (ready delay, neverReady, tokenExpiredOnLoad).
import Router from '@koa/router';
import type { Counters } from '../counters';
import type { SdkScenario } from '../scenario/sdk-scenario';
import { renderSdkScript } from './sdk-script';
import type { RedeemResult, SdkUrlStore } from './sdk-url-store';

export const SDK_SCRIPT_PATH = '/sdk/tccc-sdk.js';

export interface SdkRoutesDeps {
  baseUrl: string;
  store: SdkUrlStore;
  counters: Counters;
  bundle: string;
  scenario: SdkScenario;
}

const REFUSALS: Record<Exclude<Extract<RedeemResult, { ok: false }>['reason'], 'expired'>, string> = {
  unknown: 'SdkURL token unknown: request a new SdkURL.',
  used: 'SdkURL already used: an SdkURL initialises the SDK once; request a new one.',
};

export function sdkRoutes(deps: SdkRoutesDeps): Router {
  const router = new Router();
  // `all`, not `get`: @koa/router's get also answers HEAD, which would burn the one-time token.
  router.all(SDK_SCRIPT_PATH, function serveSdkScript(ctx) {
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Access-Control-Allow-Origin', '*');
    if (ctx.method !== 'GET') {
      ctx.status = 405;
      ctx.set('Allow', 'GET');
      ctx.type = 'text/plain';
      ctx.body = 'Method Not Allowed: only GET loads the SDK (and uses up the SdkURL).';
      return;
    }
    if (deps.scenario.settings.takeScript404()) {
      // Scenario "script unavailable" (CDN outage): the token is left unused.
      deps.counters.increment('sdkUrlsRefused');
      ctx.status = 404;
      ctx.type = 'text/plain';
      ctx.body = 'Not Found';
      return;
    }
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : '';
    const result = deps.store.redeem(token);
    if (!result.ok && result.reason === 'expired') {
      deps.counters.increment('sdkUrlsRefused');
      ctx.type = 'application/javascript';
      ctx.body = renderSdkScript(deps.bundle, {
        baseUrl: deps.baseUrl,
        sdkAppId: result.login.sdkAppId,
        seatUserId: result.login.seatUserId,
        readyDelayMs: deps.scenario.settings.get().readyDelayMs,
        pageKey: '', // no page: an expired login sends no command and hears no event
        neverReady: false,
        tokenExpiredOnLoad: true,
        devTools: true,
      });
      return;
    }
    if (!result.ok) {
      deps.counters.increment('sdkUrlsRefused');
      ctx.status = 403;
      ctx.type = 'text/plain';
      ctx.body = REFUSALS[result.reason];
      return;
    }
    deps.counters.increment('sdkUrlsServed');
    const settings = deps.scenario.settings.get();
    const page = deps.scenario.registerPage(result.login.seatUserId);
    ctx.type = 'application/javascript';
    ctx.body = renderSdkScript(deps.bundle, {
      baseUrl: deps.baseUrl,
      sdkAppId: result.login.sdkAppId,
      seatUserId: result.login.seatUserId,
      readyDelayMs: settings.readyDelayMs,
      pageKey: page.key,
      neverReady: settings.neverReady,
      tokenExpiredOnLoad: settings.tokenExpiredOnLoad,
      devTools: true,
    });
  });
  return router;
}
