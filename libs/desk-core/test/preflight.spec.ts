import { createDesk } from '../src/index';
import { browserFeaturesSupported, runPreflight, type PreflightEnv } from '../src/lib/preflight';
import { createFakeLoader, createFakeLogin, createFakeSdk } from './fake-sdk';

const devices = [{ kind: 'audioinput' }, { kind: 'audioinput' }, { kind: 'audiooutput' }, { kind: 'videoinput' }];

function browser(overrides: Partial<PreflightEnv> = {}, permission: string | Error = 'granted'): PreflightEnv {
  return {
    isSecureContext: true,
    navigator: {
      mediaDevices: { getUserMedia: () => undefined, enumerateDevices: () => Promise.resolve(devices) },
      permissions: { query: () => (permission instanceof Error ? Promise.reject(permission) : Promise.resolve({ state: permission })) },
    },
    RTCPeerConnection: function RTCPeerConnection() {},
    ...overrides,
  };
}

describe('preflight', () => {
  it('reads a capable browser', async () => {
    expect(await runPreflight(null, browser())).toEqual({ secureContext: true, browserSupported: true, microphone: 'granted', microphones: 2, speakers: 1 });
  });

  it.each(['prompt', 'denied'])('passes the microphone permission %s through', async (state) => {
    expect((await runPreflight(null, browser({}, state))).microphone).toBe(state);
  });

  it('says unavailable when an API is missing or refuses, and never throws', async () => {
    expect(await runPreflight(null, {})).toEqual({ secureContext: false, browserSupported: false, microphone: 'unavailable', microphones: 0, speakers: 0 });
    expect((await runPreflight(null, browser({}, new TypeError('unknown permission name')))).microphone).toBe('unavailable');
    expect((await runPreflight(null, browser({}, 'weird'))).microphone).toBe('unavailable');
    const brokenDevices = browser({ navigator: { mediaDevices: { getUserMedia: () => undefined, enumerateDevices: () => Promise.reject(new Error('no')) } } });
    expect(await runPreflight(null, brokenDevices)).toMatchObject({ microphones: 0, speakers: 0, microphone: 'unavailable', browserSupported: true });
    const throwing = Object.defineProperty({}, 'navigator', { get: () => { throw new Error('blocked'); } }) as PreflightEnv;
    expect(await runPreflight(null, throwing)).toMatchObject({ browserSupported: false, microphone: 'unavailable', microphones: 0 });
  });

  it('uses the SDK’s isBrowserSupported when it is loaded, the feature check otherwise', async () => {
    const sdk = createFakeSdk();
    sdk.answer('Devices.isBrowserSupported', () => false);
    expect((await runPreflight(sdk.tccc, browser())).browserSupported).toBe(false);
    sdk.answer('Devices.isBrowserSupported', () => {
      throw new Error('not yet');
    });
    expect((await runPreflight(sdk.tccc, browser())).browserSupported).toBe(true);
    expect(browserFeaturesSupported(browser({ RTCPeerConnection: undefined }))).toBe(false);
  });

  it('desk.preflight() works before connect and after destroy (Node: nothing available)', async () => {
    const desk = createDesk({ login: createFakeLogin(), loader: createFakeLoader(createFakeSdk()) });
    expect(await desk.preflight()).toEqual({ secureContext: false, browserSupported: false, microphone: 'unavailable', microphones: 0, speakers: 0 });
    desk.destroy();
    expect((await desk.preflight()).browserSupported).toBe(false);
  });
});
