// Every way a CreateSDKLoginToken call can fail, mapped to our error contract. The vendor client
// throws several shapes (see shared/reference/ccc-cloud-api.md): a TencentCloudSDKHttpException
// carrying a Tencent error code, or only an httpCode, or only a network message (timeout, refused,
// hang-up); node-fetch's raw FetchError for a non-JSON 200; a TypeError for a 200 without
// `Response`. The client never sees upstream messages: they may name internals.
import TencentCloudSDKHttpException from 'tencentcloud-sdk-nodejs/tencentcloud/common/exception/tencent_cloud_sdk_exception';
import { AppError } from '../errors';

export interface UpstreamFailure {
  error: AppError;
  /** A bounded label for metrics and logs: the Tencent error code, or the kind of transport failure. */
  upstreamCode: string;
}

const TENCENT_CODE = /^[A-Za-z]+(\.[A-Za-z0-9]+){0,3}$/;

function failure(status: number, code: string, message: string, upstreamCode: string, cause: unknown): UpstreamFailure {
  return { error: new AppError(status, code, message, { expose: true, cause }), upstreamCode };
}

function fromTencentCode(tencentCode: string, cause: unknown): UpstreamFailure {
  const label = TENCENT_CODE.test(tencentCode) && tencentCode.length <= 64 ? tencentCode : 'Other';
  if (tencentCode === 'InvalidParameterValue.AccountNotExist') {
    return failure(404, 'seat_not_found', 'The seat does not exist in the contact center.', label, cause);
  }
  if (tencentCode === 'AuthFailure' || tencentCode.startsWith('AuthFailure.')) {
    return failure(502, 'upstream_auth_failed', 'The contact center rejected our credentials.', label, cause);
  }
  if (tencentCode === 'RequestLimitExceeded' || tencentCode.startsWith('RequestLimitExceeded.')) {
    return failure(502, 'upstream_rate_limited', 'The contact center is rate limiting us; retry shortly.', label, cause);
  }
  return failure(502, 'upstream_error', 'The contact center returned an error.', label, cause);
}

function fromTransportMessage(message: string, cause: unknown): UpstreamFailure {
  if (/network timeout at|ETIMEDOUT|aborted/i.test(message)) {
    return failure(504, 'upstream_timeout', 'The contact center did not answer in time.', 'timeout', cause);
  }
  const kind = /ECONNREFUSED/.test(message)
    ? 'connection_refused'
    : /socket hang up|ECONNRESET|EPIPE/i.test(message)
      ? 'connection_reset'
      : /ENOTFOUND|EAI_AGAIN/.test(message)
        ? 'dns'
        : 'network';
  return failure(502, 'upstream_error', 'The contact center could not be reached.', kind, cause);
}

export function mapUpstreamError(error: unknown): UpstreamFailure {
  if (error instanceof TencentCloudSDKHttpException) {
    if (typeof error.code === 'string' && error.code !== '') return fromTencentCode(error.code, error);
    if (typeof error.httpCode === 'number') {
      return failure(502, 'upstream_error', 'The contact center returned an error.', `http_${error.httpCode}`, error);
    }
    return fromTransportMessage(error.message, error);
  }
  const { name, type } = (error ?? {}) as { name?: unknown; type?: unknown };
  // node-fetch also times out while reading the body; that is still "too slow", not "broken".
  if (name === 'FetchError' && (type === 'body-timeout' || type === 'request-timeout')) {
    return failure(504, 'upstream_timeout', 'The contact center did not answer in time.', 'timeout', error);
  }
  if (name === 'FetchError' && type === 'system') return fromTransportMessage(String((error as Error).message), error);
  if (name === 'FetchError' || error instanceof SyntaxError || error instanceof TypeError) {
    return failure(502, 'upstream_error', 'The contact center sent an unreadable answer.', 'invalid_response', error);
  }
  if (name === 'AbortError') {
    return failure(504, 'upstream_timeout', 'The contact center did not answer in time.', 'timeout', error);
  }
  return failure(502, 'upstream_error', 'The contact center call failed.', 'unknown', error);
}
