/**
 * POST /api/tccc/login with the shell's bearer token → a fresh, single-use SdkURL. The SdkURL is a
 * credential: it is returned to desk-core only, never logged, cached or put into an error.
 */
import type { LoginResult } from '@tccc-desk/desk-core';
import { DeskLoginError } from './login-error';

export const LOGIN_PATH = '/api/tccc/login';

export type AccessTokenSource = () => Promise<string> | string;

export interface LoginClientOptions {
  getAccessToken: AccessTokenSource | undefined;
  /** Origin (and path prefix) of the token API; '' = the page's own origin. */
  apiBase: string;
  fetch?: typeof fetch;
  /** Aborted when the desk is destroyed mid-login (desk-core passes it). */
  signal?: AbortSignal;
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

export async function requestSdkLogin(options: LoginClientOptions): Promise<SdkLogin> {
  const token = await accessToken(options.getAccessToken);
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await doFetch(loginUrl(options.apiBase), {
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
