// CreateSDKLoginToken (CCC 2020-02-10): SdkAppId + SeatUserId → a one-time SdkURL valid 10 minutes.
import type { DemoConfig } from '../../config/demo-config';
import type { Counters } from '../../counters';
import { SDK_SCRIPT_PATH } from '../../sdk-delivery/sdk-routes';
import type { SdkUrlStore } from '../../sdk-delivery/sdk-url-store';
import { TencentApiError } from '../tencent-error';
import { expectParams, optionalBoolean, requiredInteger, requiredString } from './params';

export interface CreateSdkLoginTokenDeps {
  config: DemoConfig;
  store: SdkUrlStore;
  baseUrl: string;
  counters: Counters;
}

export interface CreateSdkLoginTokenResult {
  Token: string;
  ExpiredTime: number;
  SdkURL: string;
}

export function createSdkLoginToken(body: unknown, deps: CreateSdkLoginTokenDeps): CreateSdkLoginTokenResult {
  const params = expectParams(body, ['SdkAppId', 'SeatUserId', 'OnlyOnce']);
  const sdkAppId = requiredInteger(params, 'SdkAppId');
  const seatUserId = requiredString(params, 'SeatUserId');
  optionalBoolean(params, 'OnlyOnce'); // accepted; every emulated SdkURL is one-time anyway

  if (sdkAppId !== deps.config.sdkAppId) {
    throw new TencentApiError('InvalidParameterValue.InstanceNotExist', `The instance ${sdkAppId} does not exist.`);
  }
  if (!deps.config.seats.some((seat) => seat.userId === seatUserId)) {
    throw new TencentApiError('InvalidParameterValue.AccountNotExist', 'The seat account does not exist.');
  }

  const minted = deps.store.mint({ sdkAppId, seatUserId });
  if (!minted.ok) {
    // InternalError: documented for this action, and the cause is on the server side. Not
    // RequestLimitExceeded: that is the caller's documented 20 requests/second limit, which the
    // token service reports to users as "rate limited"; nor the undocumented LimitExceeded.
    throw new TencentApiError(
      'InternalError',
      'An internal error has occurred: the emulator holds too many unexpired SdkURLs. Retry once some expire.',
    );
  }
  const { token, expiresAt } = minted;
  deps.counters.increment('sdkUrlsMinted');
  // base64url tokens need no escaping; concatenation keeps a path prefix of the base URL.
  const sdkUrl = `${deps.baseUrl}${SDK_SCRIPT_PATH}?token=${token}`;
  return { Token: token, ExpiredTime: Math.floor(expiresAt / 1000), SdkURL: sdkUrl };
}
