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
import { DEFAULT_RUNTIME_CONFIG, loadRuntimeConfig, type RuntimeConfig } from '../config/load-runtime-config';
import { DESK_COMPONENT_ENTRY, DESK_ENTRY, contractCompatibility, isDeskEntry } from '../desk/desk-contract';
import { DESK_REMOTE_NAME, loadDeskManifest, type ManifestResult } from '../federation/desk-manifest';
import { initFederation } from '../federation/init-federation';
import { loginUnderway } from './login-underway';

export interface EarlyStart {
  runtime: RuntimeConfig;
  manifest: ManifestResult;
  /** The remembered person whose desk login was started, or null. */
  signedIn: string | null;
}

let started: Promise<EarlyStart> | null = null;
let earlyToken: { sub: string; token: Promise<DevToken> } | null = null;
let loginStarted: Promise<void> = Promise.resolve();
/** Whose desk login was started early, and the desk once made; cleared when it is given up. */
let early: { sub: string; cancelled: boolean; desk: { signOut?: () => void; destroy: () => void } | null } | null = null;

/**
 * The early desk login is not for this person any more (sign-out: `null`, or someone else signs
 * in): stop it, and sign its desk out if it was made, so no SDK stays logged in for a person who
 * is gone. A no-op when the early start was for `sub`, or never started.
 */
export function releaseEarlyUnless(sub: string | null): void {
  if (!early || early.sub === sub) return;
  early.cancelled = true;
  const desk = early.desk;
  early = null;
  earlyToken = null;
  if (desk && typeof desk.signOut === 'function') desk.signOut();
  else desk?.destroy();
}

/**
 * Resolves once the early desk login request is out (loginUnderway), has failed, or was not
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
  started ??= run().catch((error: unknown) => {
    // Never in Angular's way: without an early start the CRM boots and its services do the rest.
    console.warn(`[shell] early start failed: ${error instanceof Error ? error.message : String(error)}`);
    const fallback: EarlyStart = { runtime: { ...DEFAULT_RUNTIME_CONFIG }, manifest: { ok: false, remotes: [], problem: 'the early start failed' }, signedIn: null };
    return fallback;
  });
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
  const [runtime, manifest] = await Promise.all([
    // The copies index.html preloaded with the page (<link rel="preload">).
    loadRuntimeConfig(undefined, 'default'),
    loadDeskManifest({ cache: 'default' }),
  ]);
  if (!manifest.ok) console.warn(`[shell] desk unavailable: ${manifest.problem}`);
  initFederation(manifest);
  const sub = rememberedUser();
  const hasDesk = manifest.ok && manifest.remotes.some((remote) => remote.name === DESK_REMOTE_NAME);
  if (!sub || !hasDesk) return { runtime, manifest, signedIn: null };

  const token = fetchDevToken(runtime.idpTokenUrl, sub);
  token.catch(() => undefined); // DevAuthService shows a failed sign-in
  earlyToken = { sub, token };
  early = { sub, cancelled: false, desk: null };
  loginStarted = connectEarly(runtime, token, early);
  // The panel's chunks too (the federation runtime keeps the module for DeskRemoteService).
  loadRemote(DESK_COMPONENT_ENTRY).catch(() => undefined);
  return { runtime, manifest, signedIn: sub };
}

/** Load `./desk` and start the page's desk login (resolves once the request is out). */
async function connectEarly(runtime: RuntimeConfig, token: Promise<DevToken>, mine: NonNullable<typeof early>): Promise<void> {
  try {
    const entry = await loadRemote<unknown>(DESK_ENTRY);
    if (!contractCompatibility((entry as { CONTRACT_VERSION?: unknown } | null)?.CONTRACT_VERSION).ok || !isDeskEntry(entry)) return;
    // Signed out (or someone else signed in) while ./desk was loading: no desk for this person.
    if (mine.cancelled) return;
    const desk = entry.getDesk({ getAccessToken: async () => (await token).value, apiBase: runtime.apiBase });
    mine.desk = desk;
    // Not awaited: connect() resolves at `ready`; its failure shows in the desk's lifecycle and
    // DeskRemoteService retries with a fresh login.
    desk.connect().catch(() => undefined);
    await loginUnderway(desk);
  } catch {
    // Left to DeskRemoteService, which loads the remote again and says what failed.
  }
}
