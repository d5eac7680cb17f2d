// POST / : the CCC cloud API endpoint (Host ccc.localhost:PORT). Order of work per request:
// injected fault → raw body → TC3 verification → action → frequency limit → version → parameters
// → answer.
// Every answer carries a fresh RequestId; Tencent errors go out with HTTP 200 and echo X-TC-TraceId.
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Context, Middleware } from 'koa';
import { type Clock, unixSeconds } from '../clock';
import type { DemoConfig } from '../config/demo-config';
import type { Fault, FaultQueue } from '../control/faults';
import type { Counters } from '../counters';
import { BodyTooLargeError, readRawBody } from '../http/raw-body';
import type { Logger } from '../logger';
import type { SdkUrlStore } from '../sdk-delivery/sdk-url-store';
import type { RequestLimit } from './request-limit';
import { createSdkLoginToken } from './actions/create-sdk-login-token';
import { TencentApiError, tencentErrorBody } from './tencent-error';
import { verifySignedRequest } from './verify-request';

export const CCC_API_VERSION = '2020-02-10';
const BODY_LIMIT_BYTES = 64 * 1024;

// What an nginx gateway in front of a broken upstream answers.
const GATEWAY_500_PAGE =
  '<html>\r\n<head><title>500 Internal Server Error</title></head>\r\n<body>\r\n<center><h1>500 Internal Server Error</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export interface CloudApiDeps {
  config: DemoConfig;
  store: SdkUrlStore;
  baseUrl: string;
  clock: Clock;
  counters: Counters;
  faults: FaultQueue;
  logger: Logger;
  /** Tencent's documented 20 requests/second (per SecretId and action: the emulator's reading). */
  requestLimit: RequestLimit;
  /** Aborted when the emulator closes: a pending latency fault then drops its connection. */
  shutdown: AbortSignal;
}

type ActionHandler = (body: unknown) => object;

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new TencentApiError('InvalidParameter', 'The request body is not valid JSON.');
  }
}

export function cloudApi(deps: CloudApiDeps): Middleware {
  const actions: Record<string, ActionHandler> = {
    CreateSDKLoginToken: (body) => createSdkLoginToken(body, deps),
  };
  const secretKeyFor = (secretId: string) => (secretId === deps.config.secretId ? deps.config.secretKey : undefined);

  function answerTencent(ctx: Context, payload: object): void {
    const traceId = ctx.get('X-TC-TraceId');
    if (traceId) ctx.set('X-TC-TraceId', traceId);
    ctx.status = 200;
    ctx.body = payload;
  }

  function answerError(ctx: Context, error: TencentApiError, requestId: string): void {
    deps.counters.countCloudError(error.code);
    answerTencent(ctx, tencentErrorBody(error, requestId));
  }

  /** Returns true when the fault answered the request itself. */
  async function applyFault(ctx: Context, fault: Fault, requestId: string): Promise<boolean> {
    deps.counters.increment('faultsApplied');
    deps.logger.info({ fault: fault.kind, faultId: fault.id }, 'cloud API fault applied');
    switch (fault.kind) {
      case 'latency':
        try {
          await delay(fault.latencyMs, undefined, { signal: deps.shutdown });
        } catch {
          ctx.respond = false;
          ctx.req.socket.destroy();
          return true;
        }
        return false;
      case 'http500':
        ctx.status = 500;
        ctx.type = 'text/html';
        ctx.body = GATEWAY_500_PAGE;
        return true;
      case 'reset':
        ctx.respond = false;
        ctx.req.socket.destroy();
        return true;
      case 'tencentError':
        answerError(ctx, new TencentApiError(fault.code, fault.message), requestId);
        return true;
    }
  }

  function handle(ctx: Context, body: Buffer): object {
    let caller: { secretId: string };
    try {
      caller = verifySignedRequest(
        { method: ctx.method, url: ctx.originalUrl, headers: ctx.headers, body },
        { nowSeconds: unixSeconds(deps.clock), secretKeyFor },
      );
    } catch (error) {
      if (error instanceof TencentApiError && error.code === 'AuthFailure.SignatureFailure') {
        deps.counters.increment('signatureFailures');
      } else if (error instanceof TencentApiError && error.code.startsWith('AuthFailure.')) {
        deps.counters.increment('authFailures');
      }
      throw error;
    }
    const actionName = ctx.get('X-TC-Action');
    if (!actionName) throw new TencentApiError('MissingParameter', 'The request is missing a required header `X-TC-Action`.');
    const action = Object.hasOwn(actions, actionName) ? actions[actionName] : undefined;
    if (!action) throw new TencentApiError('InvalidAction', `The action \`${actionName}\` does not exist.`);
    if (!deps.requestLimit.tryAccept(caller.secretId, actionName)) throw new TencentApiError('RequestLimitExceeded');
    const version = ctx.get('X-TC-Version');
    if (!version) throw new TencentApiError('MissingParameter', 'The request is missing a required header `X-TC-Version`.');
    if (version !== CCC_API_VERSION) {
      throw new TencentApiError('NoSuchVersion', `The version \`${version}\` does not exist for ${actionName}; CCC uses ${CCC_API_VERSION}.`);
    }
    if (!ctx.is('application/json')) {
      throw new TencentApiError('InvalidParameter', 'The Content-Type must be application/json.');
    }
    return action(parseJson(body));
  }

  return async function handleCloudRequest(ctx) {
    const started = Date.now();
    const requestId = randomUUID();
    deps.counters.increment('cloudRequests');

    const fault = deps.faults.take();
    if (fault && (await applyFault(ctx, fault, requestId))) return;

    let body: Buffer;
    try {
      body = await readRawBody(ctx.req, BODY_LIMIT_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      ctx.status = 413;
      ctx.type = 'text/plain';
      ctx.set('Connection', 'close');
      ctx.body = `Request body larger than ${BODY_LIMIT_BYTES} bytes.`;
      return;
    }

    let outcome = 'OK';
    try {
      answerTencent(ctx, { Response: { ...handle(ctx, body), RequestId: requestId } });
    } catch (error) {
      if (!(error instanceof TencentApiError)) deps.logger.warn({ err: error, requestId }, 'cloud API handler failed');
      const tencentError = error instanceof TencentApiError ? error : new TencentApiError('InternalError');
      outcome = tencentError.code;
      answerError(ctx, tencentError, requestId);
    }
    deps.logger.info(
      { action: ctx.get('X-TC-Action'), outcome, requestId, ms: Date.now() - started },
      'cloud API request',
    );
  };
}
