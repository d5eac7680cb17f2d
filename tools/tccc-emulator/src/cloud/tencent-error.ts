// Errors in Tencent Cloud API 3.0's shape. They are answered with HTTP 200: the Node client only
// reads `Response.Error` from a 200 and turns it into a TencentCloudSDKHttpException with `.code`.

export class TencentApiError extends Error {
  constructor(
    readonly code: string,
    message: string = defaultMessage(code),
  ) {
    super(message);
  }
}

export interface TencentErrorBody {
  Response: { Error: { Code: string; Message: string }; RequestId: string };
}

export function tencentErrorBody(error: TencentApiError, requestId: string): TencentErrorBody {
  return { Response: { Error: { Code: error.code, Message: error.message }, RequestId: requestId } };
}

// Wording close to what the real endpoint answers, so logs read the same in both worlds.
const DEFAULT_MESSAGES: Record<string, string> = {
  'AuthFailure.InvalidAuthorization': 'The Authorization header is missing or not a valid TC3-HMAC-SHA256 authorization.',
  'AuthFailure.SecretIdNotFound': 'The SecretId is not found, please ensure that your SecretId exists.',
  'AuthFailure.SignatureExpire': 'Signature expired: the request timestamp is more than 5 minutes away from server time.',
  'AuthFailure.SignatureFailure': 'The provided credentials could not be validated. Please check your signature is correct.',
  InternalError: 'An internal error has occurred. Retry your request, but if the problem persists, contact us.',
  InvalidAction: 'The requested action does not exist.',
  MissingParameter: 'A required parameter is missing.',
  NoSuchVersion: 'The requested version does not exist or is not supported by this action.',
  RequestLimitExceeded: 'Your current request times exceeds the limit, please try again later.',
};

export function defaultMessage(code: string): string {
  return DEFAULT_MESSAGES[code] ?? `Emulated error ${code}.`;
}
