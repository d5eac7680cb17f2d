// The vendor guide's /loginTCCC snippet, in Koa: no authentication, no seat mapping, no checks,
// no logging, no metrics; it calls CreateSDKLoginToken and returns SdkURL. Two deliberate
// differences from the snippet keep the comparison about our per-request work only: the client
// is created once (the snippet builds one per request, which would make the baseline slower) and
// it gets exactly the client options token-api uses (keep-alive agent, timeout, endpoint).
import Koa from 'koa';
import { createCccClient, type CccClientOptions } from '../src/tccc/ccc-client';

export function createBareApp(clientOptions: CccClientOptions, seat: { sdkAppId: number; seatUserId: string }): Koa {
  const client = createCccClient(clientOptions);
  const app = new Koa();
  app.use(async (ctx) => {
    if (ctx.path !== '/loginTCCC') return;
    const data = await client.CreateSDKLoginToken({ SdkAppId: seat.sdkAppId, SeatUserId: seat.seatUserId, OnlyOnce: true });
    ctx.body = { SdkURL: data.SdkURL };
  });
  return app;
}
