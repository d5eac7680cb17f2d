/**
 * What the shell starts before Angular (main.ts calls `startEarly()`, then imports the bootstrap
 * chunk): the deploy-time files, the remotes they name, and, when a signed-in person is remembered,
 * the desk's login. The token request, the remote's small `./desk` entry (and the `./DeskComponent`
 * chunks, preloaded) and then `connect()` (POST /api/tccc/login, then the SDK script) all run while
 * Angular's chunks download and bootstrap, not after the first render. Angular's services adopt what
 * was started here: DevAuthService the token (`takeEarlyToken`), DeskRemoteService the page's desk
 * (getDesk() is one desk per page and connect() is idempotent). No Angular import here.
 */
import { loadRemote } from '@module-federation/enhanced/runtime';
import { fetchDevToken, rememberedUser, type DevToken } from '../auth/dev-token';
import { loadRuntimeConfig, type RuntimeConfig } from '../config/load-runtime-config';
import { DESK_COMPONENT_ENTRY, DESK_ENTRY, contractCompatibility, isDeskEntry } from '../desk/desk-contract';
import { DESK_REMOTE_NAME, loadDeskManifest, type ManifestResult } from '../federation/desk-manifest';
import { initFederation } from '../federation/init-federation';

export interface EarlyStart {
  runtime: RuntimeConfig;
  manifest: ManifestResult;
  /** The remembered person whose desk login was started, or null. */
  signedIn: string | null;
}

let started: Promise<EarlyStart> | null = null;
let earlyToken: { sub: string; token: Promise<DevToken> } | null = null;
let loginStarted: Promise<void> = Promise.resolve();

/**
 * Resolves once the early desk login has been sent (connect() called), has failed, or was not
 * started; at most `capMs` later. bootstrap.ts waits for it before Angular's start-up takes the main
 * thread, so the remote's chunks and the login request are not queued behind it.
 */
export async function earlyLoginSent(capMs: number): Promise<void> {
  await startEarly();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([loginStarted, new Promise<void>((resolve) => (timer = setTimeout(resolve, capMs)))]);
  clearTimeout(timer);
}

/** Starts once per page; later calls return the same promise. Never rejects. */
export function startEarly(): Promise<EarlyStart> {
  started ??= run();
  return started;
}

/** The token fetched for `sub` before Angular started, handed over once (then null). */
export function takeEarlyToken(sub: string): Promise<DevToken> | null {
  if (!earlyToken || earlyToken.sub !== sub) return null;
  const { token } = earlyToken;
  earlyToken = null;
  return token;
}

async function run(): Promise<EarlyStart> {
  const [runtime, manifest] = await Promise.all([loadRuntimeConfig(), loadDeskManifest()]);
  if (!manifest.ok) console.warn(`[shell] desk unavailable: ${manifest.problem}`);
  initFederation(manifest);
  const sub = rememberedUser();
  const hasDesk = manifest.ok && manifest.remotes.some((remote) => remote.name === DESK_REMOTE_NAME);
  if (!sub || !hasDesk) return { runtime, manifest, signedIn: null };

  const token = fetchDevToken(runtime.idpTokenUrl, sub);
  token.catch(() => undefined); // DevAuthService shows a failed sign-in
  earlyToken = { sub, token };
  loginStarted = connectEarly(runtime, token);
  // The panel's chunks too (the federation runtime keeps the module for DeskRemoteService).
  loadRemote(DESK_COMPONENT_ENTRY).catch(() => undefined);
  return { runtime, manifest, signedIn: sub };
}

/** Load `./desk` and start the page's desk login (resolves once it is sent). */
async function connectEarly(runtime: RuntimeConfig, token: Promise<DevToken>): Promise<void> {
  try {
    const entry = await loadRemote<unknown>(DESK_ENTRY);
    if (!isDeskEntry(entry) || !contractCompatibility(entry.CONTRACT_VERSION).ok) return;
    const desk = entry.getDesk({ getAccessToken: async () => (await token).value, apiBase: runtime.apiBase });
    // Not awaited: connect() resolves at `ready`; its failure shows in the desk's lifecycle and
    // DeskRemoteService retries with a fresh login.
    desk.connect().catch(() => undefined);
  } catch {
    // Left to DeskRemoteService, which loads the remote again and says what failed.
  }
}
