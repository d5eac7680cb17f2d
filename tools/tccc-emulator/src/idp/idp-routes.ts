// POST /dev/idp/token, GET /.well-known/jwks.json (and the IdP's discovery document).
// CORS is open on these: the shell asks for a token from the browser during development.
import Router from '@koa/router';
import type { Middleware } from 'koa';
import { z } from 'zod';
import type { Counters } from '../counters';
import { HttpError } from '../http/http-error';
import { readJsonBody } from '../http/json-body';
import { type DevIdp, UnknownUserError } from './dev-idp';

export const IDP_PATH = '/dev/idp';
export const JWKS_PATH = '/.well-known/jwks.json';

const tokenRequestSchema = z.strictObject({
  sub: z.string().min(1),
  ttlSeconds: z.number().int().min(-86_400).max(86_400).optional(),
  audience: z.string().min(1).optional(),
  issuer: z.string().min(1).optional(),
});

const anyOrigin: Middleware = async function allowAnyOrigin(ctx, next) {
  ctx.set('Access-Control-Allow-Origin', '*');
  if (ctx.method === 'OPTIONS') {
    ctx.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    ctx.set('Access-Control-Allow-Headers', 'Content-Type');
    ctx.set('Access-Control-Max-Age', '600');
    ctx.status = 204;
    return;
  }
  await next();
};

export function idpRoutes(idp: DevIdp, jwksUrl: string, counters: Counters): Router {
  const router = new Router();

  router.all(`${IDP_PATH}/token`, anyOrigin, async function issueToken(ctx) {
    if (ctx.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'Use POST');
    const request = await readJsonBody(ctx, tokenRequestSchema);
    try {
      ctx.body = await idp.issueToken(request);
    } catch (error) {
      if (error instanceof UnknownUserError) throw new HttpError(400, 'unknown_user', error.message);
      throw error;
    }
    ctx.set('Cache-Control', 'no-store');
    counters.increment('idpTokensIssued');
  });

  router.get(JWKS_PATH, anyOrigin, function serveJwks(ctx) {
    ctx.body = idp.jwks;
  });

  router.get(`${IDP_PATH}/.well-known/openid-configuration`, anyOrigin, function serveDiscovery(ctx) {
    ctx.body = {
      issuer: idp.issuer,
      jwks_uri: jwksUrl,
      token_endpoint: `${idp.issuer}/token`,
      id_token_signing_alg_values_supported: ['RS256'],
    };
  });

  return router;
}
