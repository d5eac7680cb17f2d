/**
 * POST /api/tccc/login with the shell's bearer token → a fresh, single-use SdkURL. The SdkURL is a
 * credential: it is returned to desk-core only, never logged, cached or put into an error.
 *
 * At a shift start the token API paces logins to Tencent's 20/s and answers the overflow with
 * 503 login_busy and Retry-After. This client waits that long (plus jitter, so a thousand desks do
 * not come back in the same millisecond) and tries again, up to `maxWaitMs` in all, telling the
 * desk through `onWait` so the agent sees "waiting for a line", not an error. Other answers with a
 * Retry-After (429 rate_limited, 503 dependency_unavailable or auth_unavailable, the gateway's
 * token_api_unreachable) are waited out the same way, told as a 'retry': no line is busy then, and
 * the desk says it will try again, not that it waits for a line.
 */
import type { LoginResult, LoginWaitReason } from '@tccc-desk/desk-core';
import { DeskLoginError } from './login-error';

export const LOGIN_PATH = '/api/tccc/login';

export type AccessTokenSource = () => Promise<string> | string;

export interface LoginClientOptions {
  getAccessToken: AccessTokenSource | undefined;
  /** Origin (and path prefix) of the token API; '' = the page's own origin. */
  apiBase: string;
  fetch?: typeof fetch;
  /** Aborted when the desk is destroyed mid-login (desk-core passes it). */
  signal?: AbortSignal | undefined;
  /**
   * Called before each wait, with the seconds until the next try: 'line' for a turn in the login
   * service's queue (503 login_busy), 'retry' for any other answer with a Retry-After.
   */
  onWait?: ((retryInSeconds: number, reason: LoginWaitReason) => void) | undefined;
  /** The longest the client keeps retrying Retry-After answers, in all (default 120 s). */
  maxWaitMs?: number;
  /** Injectable for tests: waits `ms` or rejects when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** 0..1, injectable for tests (default Math.random). */
  random?: () => number;
}

export const DEFAULT_MAX_WAIT_MS = 120_000;
/** Never wait longer than this for one Retry-After, whatever the server says. */
const MAX_SINGLE_WAIT_MS = 60_000;
/** Nor less: a Retry-After of 0 (or a date gone by) would otherwise retry at once, without end. */
const MIN_SINGLE_WAIT_MS = 1_000;

function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After as seconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

export interface SdkLogin extends LoginResult {
  expiresAt: string;
  seatUserId: string;
  sdkAppId: number;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; requestId?: unknown };
}

function loginUrl(apiBase: string): string {
  return `${apiBase.replace(/\/+$/, '')}${LOGIN_PATH}`;
}

async function accessToken(source: AccessTokenSource | undefined): Promise<string> {
  if (!source) throw new DeskLoginError('unauthorized', 'Sign in first: the desk has no access token.', true);
  let token: string;
  try {
    token = await source();
  } catch {
    throw new DeskLoginError('unauthorized', 'Could not get an access token. Sign in again.', true);
  }
  if (typeof token !== 'string' || token.trim() === '') {
    throw new DeskLoginError('unauthorized', 'Sign in first: the desk has no access token.', true);
  }
  return token.trim();
}

async function readErrorBody(response: Response): Promise<ErrorBody['error']> {
  try {
    const body = (await response.json()) as ErrorBody;
    return typeof body === 'object' && body !== null ? body.error : undefined;
  } catch {
    return undefined;
  }
}

/** token-api's error answer → the DeskError code the desk shows. */
export function loginErrorFrom(status: number, error: ErrorBody['error']): DeskLoginError {
  const code = typeof error?.code === 'string' ? error.code : undefined;
  const serverMessage = typeof error?.message === 'string' && error.message.trim() ? error.message.trim() : undefined;
  const requestId = typeof error?.requestId === 'string' ? error.requestId : undefined;
  if (status === 401) {
    return new DeskLoginError('unauthorized', serverMessage ?? 'Your sign-in is not valid. Sign in again.', true, requestId);
  }
  // seat_not_found: the person is mapped to a seat that the contact center no longer has; like
  // no_seat, retrying cannot help until an administrator fixes the mapping.
  if ((status === 403 && code === 'no_seat') || (status === 404 && code === 'seat_not_found')) {
    return new DeskLoginError('no_seat', serverMessage ?? 'No seat is assigned to you.', false, requestId);
  }
  const fallback =
    status === 429
      ? 'Too many login attempts. Wait a minute and retry.'
      : status >= 500
        ? 'The contact center login service is unavailable. Retry in a moment.'
        : `The desk login was refused (HTTP ${status}).`;
  // Only rate limits and server-side failures go away by themselves; a refused request (4xx) does not.
  const retryable = status === 429 || status >= 500;
  return new DeskLoginError('login_failed', serverMessage ?? fallback, retryable, requestId);
}

async function postLogin(options: LoginClientOptions, token: string): Promise<Response> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  try {
    return await doFetch(loginUrl(options.apiBase), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{}',
      cache: 'no-store',
      credentials: 'same-origin',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch {
    throw new DeskLoginError('login_failed', 'The contact center login service is unreachable. Retry in a moment.', true);
  }
}

/**
 * POSTs the login, waiting out 429/503 Retry-After answers within the bound. The access token is
 * asked for before each try: a wait can outlast it, and the page may have a fresh one by then.
 */
async function postLoginPatiently(options: LoginClientOptions): Promise<Response> {
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const sleep = options.sleep ?? sleepFor;
  const random = options.random ?? Math.random;
  let waitedMs = 0;
  for (;;) {
    const response = await postLogin(options, await accessToken(options.getAccessToken));
    if (response.status !== 429 && response.status !== 503) return response;
    const seconds = retryAfterSeconds(response.headers.get('Retry-After'));
    if (seconds === undefined) return response;
    // Up to 30 % on top, never less than asked: spreads the returning crowd.
    const waitMs = Math.round(Math.min(MAX_SINGLE_WAIT_MS, Math.max(MIN_SINGLE_WAIT_MS, seconds * 1000) * (1 + 0.3 * random())));
    if (waitedMs + waitMs > maxWaitMs) return response;
    // A line is the token service's queue: its 503 login_busy only (a 429 is a rate limit, whatever its body says).
    const lineBusy = response.status === 503 && (await readErrorBody(response))?.code === 'login_busy';
    options.onWait?.(waitMs / 1000, lineBusy ? 'line' : 'retry');
    try {
      await sleep(waitMs, options.signal ?? undefined);
    } catch {
      throw new DeskLoginError('login_failed', 'The login was cancelled.', true);
    }
    waitedMs += waitMs;
  }
}

export async function requestSdkLogin(options: LoginClientOptions): Promise<SdkLogin> {
  const response = await postLoginPatiently(options);
  if (!response.ok) throw loginErrorFrom(response.status, await readErrorBody(response));

  let body: Partial<SdkLogin>;
  try {
    body = (await response.json()) as Partial<SdkLogin>;
  } catch {
    throw new DeskLoginError('login_failed', 'The login service sent an unreadable answer.', true);
  }
  if (typeof body?.sdkUrl !== 'string' || body.sdkUrl === '') {
    throw new DeskLoginError('login_failed', 'The login service sent no SDK address.', true);
  }
  return {
    sdkUrl: body.sdkUrl,
    expiresAt: String(body.expiresAt ?? ''),
    seatUserId: String(body.seatUserId ?? ''),
    sdkAppId: Number(body.sdkAppId ?? 0),
  };
}
