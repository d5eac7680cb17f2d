// POST /dev/idp/token, GET /.well-known/jwks.json (and the IdP's discovery document).
// CORS is open to local development origins only (the shell and the remote ask for a token from
// the browser), and the token endpoint takes application/json only (require-json.ts).
import Router from '@koa/router';
import type { Middleware } from 'koa';
import { z } from 'zod';
import type { Counters } from '../counters';
import { HttpError } from '../http/http-error';
import { readJsonBody } from '../http/json-body';
import { requireJson } from '../http/require-json';
import { type DevIdp, UnknownUserError } from './dev-idp';

export const IDP_PATH = '/dev/idp';
export const JWKS_PATH = '/.well-known/jwks.json';

const tokenRequestSchema = z.strictObject({
  sub: z.string().min(1),
  ttlSeconds: z.number().int().min(-86_400).max(86_400).optional(),
  audience: z.string().min(1).optional(),
  issuer: z.string().min(1).optional(),
});

/** Pages served from this machine (localhost, 127.0.0.1, [::1], any port); nothing from the web. */
export function isLocalOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

const localOrigins: Middleware = async function allowLocalOrigins(ctx, next) {
  const origin = ctx.get('Origin');
  ctx.vary('Origin');
  if (!isLocalOrigin(origin)) {
    await next();
    return;
  }
  ctx.set('Access-Control-Allow-Origin', origin);
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

  router.all(`${IDP_PATH}/token`, localOrigins, requireJson, async function issueToken(ctx) {
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

  router.get(JWKS_PATH, localOrigins, function serveJwks(ctx) {
    ctx.body = idp.jwks;
  });

  router.get(`${IDP_PATH}/.well-known/openid-configuration`, localOrigins, function serveDiscovery(ctx) {
    ctx.body = {
      issuer: idp.issuer,
      jwks_uri: jwksUrl,
      token_endpoint: `${idp.issuer}/token`,
      id_token_signing_alg_values_supported: ['RS256'],
    };
  });

  return router;
}
