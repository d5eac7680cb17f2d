/**
 * Whether the browser can run the desk at all (the synchronous checks `devices.isBrowserSupported`
 * needs), and the globals preflight reads. The rest of preflight (preflight.ts) is fetched when
 * asked for.
 */
import type { TcccGlobal } from '@tccc-desk/tccc-sdk';

/** The globals preflight reads; tests pass their own. */
export interface PreflightEnv {
  isSecureContext?: boolean;
  navigator?: {
    mediaDevices?: { getUserMedia?: unknown; enumerateDevices?: () => Promise<ReadonlyArray<{ kind: string }>> };
    permissions?: { query?: (descriptor: { name: string }) => Promise<{ state: string }> };
  };
  RTCPeerConnection?: unknown;
}

export const defaultEnv = (): PreflightEnv => globalThis as unknown as PreflightEnv;

/** Without the SDK: can this browser capture audio and do WebRTC at all? */
export function browserFeaturesSupported(env: PreflightEnv = defaultEnv()): boolean {
  try {
    return typeof env.navigator?.mediaDevices?.getUserMedia === 'function' && typeof env.RTCPeerConnection === 'function';
  } catch {
    return false;
  }
}

/** The SDK's own answer when it is loaded, else the feature check. */
export function browserSupported(sdk: TcccGlobal | null, env: PreflightEnv = defaultEnv()): boolean {
  if (sdk) {
    try {
      return sdk.Devices.isBrowserSupported() === true;
    } catch {
      // Fall through to our own check.
    }
  }
  return browserFeaturesSupported(env);
}

