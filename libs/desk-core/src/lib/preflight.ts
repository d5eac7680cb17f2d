/**
 * What the browser can do before (or after) the SDK loads: secure context, browser support,
 * microphone permission, device counts. Never throws: whatever is missing reads as unavailable.
 * Its own chunk: the desk imports it when `preflight()` or `diagnostics()` is called.
 */
import type { TcccGlobal } from '@tccc-desk/tccc-sdk';
import { browserSupported, defaultEnv, type PreflightEnv } from './browser-support';
import type { Preflight } from './desk.types';

export { browserFeaturesSupported, browserSupported, type PreflightEnv } from './browser-support';

/** A browser API that never answers must not hang preflight. */
export const PREFLIGHT_PROBE_TIMEOUT_MS = 3_000;

const PERMISSION_STATES: ReadonlyArray<Preflight['microphone']> = ['granted', 'prompt', 'denied'];

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
