/**
 * What the browser can do before (or after) the SDK loads: secure context, browser support,
 * microphone permission, device counts. Never throws: whatever is missing reads as unavailable.
 */
import type { TcccGlobal } from '@tccc-desk/tccc-sdk';
import type { Preflight } from './desk.types';

/** The globals preflight reads; tests pass their own. */
export interface PreflightEnv {
  isSecureContext?: boolean;
  navigator?: {
    mediaDevices?: { getUserMedia?: unknown; enumerateDevices?: () => Promise<ReadonlyArray<{ kind: string }>> };
    permissions?: { query?: (descriptor: { name: string }) => Promise<{ state: string }> };
  };
  RTCPeerConnection?: unknown;
}

/** A browser API that never answers must not hang preflight. */
export const PREFLIGHT_PROBE_TIMEOUT_MS = 3_000;

const defaultEnv = (): PreflightEnv => globalThis as unknown as PreflightEnv;

const PERMISSION_STATES: ReadonlyArray<Preflight['microphone']> = ['granted', 'prompt', 'denied'];

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

export async function runPreflight(sdk: TcccGlobal | null, env: PreflightEnv = defaultEnv()): Promise<Preflight> {
  const [microphone, devices] = await Promise.all([
    within(microphonePermission(env), 'unavailable' as const),
    within(deviceCounts(env), { microphones: 0, speakers: 0 }),
  ]);
  return {
    secureContext: safely(() => env.isSecureContext === true, false),
    browserSupported: browserSupported(sdk, env),
    microphone,
    ...devices,
  };
}

async function microphonePermission(env: PreflightEnv): Promise<Preflight['microphone']> {
  try {
    const query = env.navigator?.permissions?.query;
    if (typeof query !== 'function') return 'unavailable';
    const { state } = await query.call(env.navigator?.permissions, { name: 'microphone' });
    return PERMISSION_STATES.includes(state as Preflight['microphone']) ? (state as Preflight['microphone']) : 'unavailable';
  } catch {
    // e.g. browsers that do not know the 'microphone' permission name.
    return 'unavailable';
  }
}

async function deviceCounts(env: PreflightEnv): Promise<{ microphones: number; speakers: number }> {
  try {
    const mediaDevices = env.navigator?.mediaDevices;
    const enumerate = mediaDevices?.enumerateDevices;
    if (typeof enumerate !== 'function') return { microphones: 0, speakers: 0 };
    const devices = await enumerate.call(mediaDevices);
    let microphones = 0;
    let speakers = 0;
    for (const device of Array.isArray(devices) ? devices : []) {
      if (device?.kind === 'audioinput') microphones++;
      else if (device?.kind === 'audiooutput') speakers++;
    }
    return { microphones, speakers };
  } catch {
    return { microphones: 0, speakers: 0 };
  }
}

function within<T>(probe: Promise<T>, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), PREFLIGHT_PROBE_TIMEOUT_MS);
  });
  return Promise.race([probe, timeout]).finally(() => clearTimeout(timer));
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
