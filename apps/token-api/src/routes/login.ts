// POST /api/tccc/login (and /loginTCCC, the vendor guide's name): who is calling → their seat →
// a fresh SdkURL. Auth, rate limit and body checks run in that order, so nothing about an
// unauthenticated request is parsed.
import type Router from '@koa/router';
import type { Middleware } from 'koa';
import { z } from 'zod';
import type { AuthState } from '../auth/authenticate';
import { AppError } from '../errors';
import { readJsonBody } from '../http/json-body';
import type { RequestIdState } from '../http/request-id';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { resolveSeat } from '../seats/resolve-seat';
import type { Seat, SeatDirectory } from '../seats/seat-directory';
import type { MintSdkLogin } from '../tccc/login-tokens';

export const LOGIN_PATHS = ['/api/tccc/login', '/loginTCCC'] as const;

const loginBodySchema = z.strictObject({
  seatUserId: z.string().min(1).max(254).optional(),
});

export interface LoginResponse {
  sdkUrl: string;
  expiresAt: string;
  seatUserId: string;
  sdkAppId: number;
}

type LoginState = AuthState & RequestIdState & { seat?: Seat; requestedSeatUserId?: string };

function parseLoginBody(body: unknown): z.infer<typeof loginBodySchema> {
  if (body === undefined) return {};
  const parsed = loginBodySchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  throw new AppError(400, 'invalid_body', `Invalid request body: ${problems.join('; ')}`);
}

/** One audit line per login attempt, whatever the outcome. No token, no SdkURL. */
function auditLogin(logger: Logger, metrics: Metrics): Middleware<LoginState> {
  return async function auditLoginAttempt(ctx, next) {
    let outcome = 'issued';
    try {
      await next();
    } catch (error) {
      outcome = error instanceof AppError ? error.code : 'internal_error';
      throw error;
    } finally {
      metrics.logins.inc({ outcome });
      logger.info(
        {
          audit: 'tccc_login',
          requestId: ctx.state.requestId,
          sub: ctx.state.identity?.sub ?? null,
          seatUserId: ctx.state.seat?.seatUserId ?? null,
          sdkAppId: ctx.state.seat?.sdkAppId ?? null,
          ...(ctx.state.requestedSeatUserId === undefined ? {} : { requestedSeatUserId: ctx.state.requestedSeatUserId }),
          outcome,
          ip: ctx.ip,
        },
        'login attempt',
      );
    }
  };
}

export interface LoginRouteDeps {
  authenticate: Middleware<AuthState>;
  rateLimit: Middleware<AuthState>;
  seats: SeatDirectory;
  mintSdkLogin: MintSdkLogin;
  logger: Logger;
  metrics: Metrics;
}

export function loginRoutes(router: Router, deps: LoginRouteDeps): void {
  const login: Middleware<LoginState> = async function issueSdkLogin(ctx) {
    const { seatUserId } = parseLoginBody(await readJsonBody(ctx));
    ctx.state.requestedSeatUserId = seatUserId;
    const seat = resolveSeat(deps.seats, ctx.state.identity!.sub, seatUserId);
    ctx.state.seat = seat;
    // A caller that goes away while queued (closed tab, reload, a client giving up) would otherwise
    // spend a turn of Tencent's 20/s on an SdkURL nobody receives.
    const abandoned = new AbortController();
    const onClose = () => {
      if (!ctx.res.writableFinished) abandoned.abort();
    };
    ctx.res.once('close', onClose);
    let minted;
    try {
      minted = await deps.mintSdkLogin(seat, abandoned.signal);
    } finally {
      ctx.res.off('close', onClose);
    }
    const { sdkUrl, expiresAt } = minted;
    // A one-time URL: no browser, proxy or CDN may keep it.
    ctx.set('Cache-Control', 'no-store');
    const body: LoginResponse = { sdkUrl, expiresAt: expiresAt.toISOString(), seatUserId: seat.seatUserId, sdkAppId: seat.sdkAppId };
    ctx.body = body;
  };
  for (const path of LOGIN_PATHS) {
    router.post(path, auditLogin(deps.logger, deps.metrics), deps.authenticate, deps.rateLimit, login);
  }
}
