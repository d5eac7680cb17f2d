// Scenario control of the emulated SDK under /control/sdk (the contract in notes/SDK-CONTROL.md):
// ring inbound contacts, act as the far party, fail the next command, settings, tokenExpired, state.
import Router from '@koa/router';
import type { Middleware } from 'koa';
import { z } from 'zod';
import { HttpError } from '../http/http-error';
import { readJsonBody } from '../http/json-body';
import { requireJson } from '../http/require-json';
import { SDK_RPC_METHODS } from '../protocol/sdk-protocol';
import { ScenarioError } from '../scenario/call-center';
import { inboundSpecSchema } from '../scenario/inbound-spec';
import type { SdkScenario } from '../scenario/sdk-scenario';
import { sdkSettingsPatchSchema } from '../scenario/sdk-settings';

const failNextSchema = z.strictObject({
  method: z.enum(SDK_RPC_METHODS, { error: `method must be one of ${SDK_RPC_METHODS.join(', ')}` }),
  message: z.string().min(1).max(1000).default('Injected failure (tccc-emulator fail-next)'),
});

const tokenExpiredSchema = z.strictObject({
  seatUserId: z.string().min(1).max(200).optional(),
  message: z.string().min(1).max(1000).default('The login token has expired'),
});

const closeSchema = z.strictObject({
  closeBy: z.enum(['admin', 'client', 'seat', 'timer']).default('admin'),
  mainReason: z.string().max(200).optional(),
  subReason: z.string().max(200).optional(),
});

const sessionIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'a session id');

/** Scenario rule violations (unknown session, wrong state, no page) become 404/409/429 JSON errors. */
const scenarioErrors: Middleware = async function mapScenarioErrors(_ctx, next) {
  try {
    await next();
  } catch (error) {
    if (error instanceof ScenarioError) throw new HttpError(error.status, error.status === 404 ? 'not_found' : 'conflict', error.message);
    throw error;
  }
};

function sessionParam(raw: string | undefined): string {
  const parsed = sessionIdSchema.safeParse(raw);
  if (!parsed.success) throw new HttpError(400, 'invalid_request', 'sessionId must be a session id');
  return parsed.data;
}

export function sdkControlRoutes(scenario: SdkScenario): Router {
  const router = new Router({ prefix: '/control/sdk' });
  router.use(requireJson);
  router.use(scenarioErrors);

  router.post('/inbound', async function ringInbound(ctx) {
    const spec = await readJsonBody(ctx, inboundSpecSchema);
    ctx.status = 201;
    ctx.body = scenario.ringInbound(spec);
  });

  for (const action of ['answer', 'reject', 'hangup'] as const) {
    router.post(`/sessions/:sessionId/${action}`, async function farParty(ctx) {
      const sessionId = sessionParam(ctx.params.sessionId);
      await readJsonBody(ctx, z.strictObject({})); // no options; still refuse junk
      scenario[action](sessionId);
      ctx.body = { sessionId, session: scenario.center.session(sessionId) };
    });
  }

  router.post('/sessions/:sessionId/close', async function closeSession(ctx) {
    const sessionId = sessionParam(ctx.params.sessionId);
    const { closeBy, ...reasons } = await readJsonBody(ctx, closeSchema);
    scenario.closeSession(sessionId, closeBy, reasons);
    ctx.body = { sessionId, session: scenario.center.session(sessionId) };
  });

  router.post('/fail-next', async function failNext(ctx) {
    const { method, message } = await readJsonBody(ctx, failNextSchema);
    scenario.failNext(method, message);
    ctx.status = 201;
    ctx.body = { method, message };
  });

  router.get('/settings', function readSettings(ctx) {
    ctx.body = scenario.settings.get();
  });

  router.put('/settings', async function updateSettings(ctx) {
    ctx.body = scenario.updateSettings(await readJsonBody(ctx, sdkSettingsPatchSchema));
  });

  router.post('/token-expired', async function tokenExpired(ctx) {
    const { seatUserId, message } = await readJsonBody(ctx, tokenExpiredSchema);
    ctx.body = { pages: scenario.tokenExpired(seatUserId, message) };
  });

  router.get('/state', function readState(ctx) {
    ctx.body = scenario.state();
  });

  return router;
}
