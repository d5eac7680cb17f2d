// The control API under /control: faults for the cloud API, counters, reset. SDK scenario control
// (ringing calls in the page) lives next to these under /control/sdk (sdk-control-routes.ts).
import Router from '@koa/router';
import { z } from 'zod';
import type { RequestLimit } from '../cloud/request-limit';
import type { Counters } from '../counters';
import type { SdkScenario } from '../scenario/sdk-scenario';
import { HttpError } from '../http/http-error';
import { readJsonBody } from '../http/json-body';
import { requireJson } from '../http/require-json';
import { type FaultQueue, faultSpecSchema } from './faults';

export interface ControlDeps {
  faults: FaultQueue;
  counters: Counters;
  scenario: SdkScenario;
  requestLimit: RequestLimit;
}

const cloudSettingsSchema = z.strictObject({
  /** CreateSDKLoginToken requests per second per SecretId; Tencent documents 20. 0 = no limit. */
  requestLimitPerSecond: z.number().int().min(0).max(100_000),
});


export function controlRoutes(deps: ControlDeps): Router {
  // No CORS headers on purpose: only same-origin pages and non-browser clients may call this.
  const router = new Router({ prefix: '/control' });
  router.use(requireJson);

  router.post('/faults', async function addFault(ctx) {
    const spec = await readJsonBody(ctx, faultSpecSchema);
    const fault = deps.faults.add(spec);
    ctx.status = 201;
    ctx.body = { id: fault.id };
  });

  router.get('/faults', function listFaults(ctx) {
    ctx.body = { faults: deps.faults.list() };
  });

  router.delete('/faults', function clearFaults(ctx) {
    deps.faults.clear();
    ctx.status = 204;
  });

  router.delete('/faults/:id', function removeFault(ctx) {
    if (!deps.faults.remove(ctx.params.id)) throw new HttpError(404, 'not_found', `No fault ${ctx.params.id}`);
    ctx.status = 204;
  });

  router.get('/counters', function readCounters(ctx) {
    ctx.body = { ...deps.counters.snapshot(), requestLimit: deps.requestLimit.stats() };
  });

  router.get('/cloud/settings', function readCloudSettings(ctx) {
    ctx.body = { requestLimitPerSecond: deps.requestLimit.stats().limitPerSecond };
  });

  router.put('/cloud/settings', async function changeCloudSettings(ctx) {
    const settings = await readJsonBody(ctx, cloudSettingsSchema);
    deps.requestLimit.setLimit(settings.requestLimitPerSecond);
    ctx.body = settings;
  });

  router.post('/reset', function resetEmulator(ctx) {
    deps.faults.clear();
    deps.counters.reset();
    deps.requestLimit.reset();
    deps.scenario.reset();
    ctx.status = 204;
  });

  return router;
}
