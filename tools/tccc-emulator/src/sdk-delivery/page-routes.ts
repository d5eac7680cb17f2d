// What the emulated SDK in the page talks to: POST /sdk/rpc (one command → CommonSDKResponse) and
// GET /sdk/events (SSE: the SDK events of the page's seat). Both are open to any origin (the page
// lives elsewhere); the page key minted with the one-time script is the guard.
import Router from '@koa/router';
import type { Middleware } from 'koa';
import { z } from 'zod';
import { HttpError } from '../http/http-error';
import { readJsonBody } from '../http/json-body';
import { DEV_RPC_METHODS, EVENTS_PATH, RPC_PATH, SDK_RPC_METHODS, type DevRpcMethod, type SdkRpcMethod } from '../protocol/sdk-protocol';
import type { Page } from '../scenario/page-hub';
import type { SdkScenario } from '../scenario/sdk-scenario';

const pageKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a page key');

const rpcSchema = z.strictObject({
  key: pageKey,
  method: z.enum([...SDK_RPC_METHODS, ...DEV_RPC_METHODS]),
  params: z.unknown().optional(),
});

const anyOrigin: Middleware = async function allowAnyOrigin(ctx, next) {
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Cache-Control', 'no-store');
  if (ctx.method === 'OPTIONS') {
    ctx.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    ctx.set('Access-Control-Allow-Headers', 'Content-Type, Last-Event-ID');
    ctx.set('Access-Control-Max-Age', '600');
    ctx.status = 204;
    return;
  }
  await next();
};

const isDevMethod = (method: string): method is DevRpcMethod => (DEV_RPC_METHODS as readonly string[]).includes(method);

export function pageRoutes(scenario: SdkScenario): Router {
  const router = new Router();

  function pageFor(key: unknown): Page {
    const parsed = pageKey.safeParse(key);
    const page = parsed.success ? scenario.pages.byKey(parsed.data) : undefined;
    if (!page) throw new HttpError(401, 'invalid_page_key', 'Unknown page key: load the SDK from a fresh SdkURL');
    return page;
  }

  router.all(RPC_PATH, anyOrigin, async function sdkRpc(ctx) {
    if (ctx.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'Use POST');
    const request = await readJsonBody(ctx, rpcSchema);
    const page = pageFor(request.key);
    ctx.body = isDevMethod(request.method)
      ? scenario.runDevCommand(page, request.method, request.params)
      : scenario.runCommand(page, request.method as SdkRpcMethod, request.params);
  });

  router.all(EVENTS_PATH, anyOrigin, function sdkEvents(ctx) {
    if (ctx.method !== 'GET') throw new HttpError(405, 'method_not_allowed', 'Use GET');
    const page = pageFor(ctx.query.key);
    const stream = scenario.pages.open(page);
    ctx.req.socket.setTimeout(0);
    ctx.req.socket.setNoDelay(true);
    ctx.req.once('close', () => scenario.pages.detach(page, stream));
    ctx.type = 'text/event-stream';
    // One long response per connection: ending the stream (client gone, emulator closing) frees the socket.
    ctx.set('Connection', 'close');
    ctx.set('X-Accel-Buffering', 'no');
    ctx.status = 200;
    ctx.body = stream;
  });

  return router;
}
