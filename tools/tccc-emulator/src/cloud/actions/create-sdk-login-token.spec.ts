import { demoConfig } from '../../config/demo-config';
import { Counters } from '../../counters';
import { SdkUrlStore } from '../../sdk-delivery/sdk-url-store';
import { TencentApiError } from '../tencent-error';
import { createSdkLoginToken } from './create-sdk-login-token';

describe('CreateSDKLoginToken when the SdkURL store is full', () => {
  it('answers InternalError and mints nothing, leaving the live SdkURLs alone', () => {
    const now = 1_700_000_000_000;
    const store = new SdkUrlStore({ clock: () => now, maxEntries: 2 });
    const counters = new Counters();
    const deps = { config: demoConfig, store, baseUrl: 'http://localhost:4300', counters };
    const params = { SdkAppId: demoConfig.sdkAppId, SeatUserId: 'alice@example.com' };
    const live = [createSdkLoginToken(params, deps), createSdkLoginToken(params, deps)];

    let thrown: unknown;
    try {
      createSdkLoginToken(params, deps);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TencentApiError);
    expect(thrown).toMatchObject({ code: 'InternalError', message: expect.stringMatching(/too many unexpired SdkURLs/) });
    expect(counters.snapshot()).toMatchObject({ sdkUrlsMinted: 2 });
    for (const { Token } of live) expect(store.redeem(Token).ok).toBe(true);
  });
});
