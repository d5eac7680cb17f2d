/**
 * Loading the desk: fetches tccc_remote's entries at runtime (`./desk`, then its login, in
 * parallel with `./DeskComponent`'s chunks), hands the desk the signed-in person's token, and keeps
 * the page's desk instance. Every failure (manifest, remote) ends as `failed` with a reason that
 * `retry()` can clear; the CRM around it keeps working. What the desk then *says* is DeskService's.
 */
import { Injectable, inject, signal, type Type } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { Desk, Lifecycle } from 'tccc_remote/desk';
import { BehaviorSubject, take } from 'rxjs';
import { installCrmPolicies } from '../compliance/do-not-call';
import { CrmI18n } from '../i18n/crm-i18n.service';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import { CUSTOMERS } from '../customers/customers.data';
import { isRemoteFallback } from '../federation/remote-retry.plugin';
import { DESK_MANIFEST, REMOTE_LOADER } from '../federation/remote-loader';
import { DESK_COMPONENT_ENTRY, DESK_ENTRY, contractCompatibility, isDeskComponentEntry, isDeskEntry, SUPPORTED_CONTRACT_MAJOR, type DeskEntry } from './desk-contract';

export type AccessTokenSource = () => Promise<string> | string;

export type RemoteState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'loaded' }
  | { kind: 'failed'; problem: string }
  /** The remote's contract major is not the one this shell was built for: it is not used at all. */
  | { kind: 'incompatible'; problem: string; version: string | null; remoteIsNewer: boolean };

/** The desk's lifecycle right now, if its stream replays it synchronously. */
function currentLifecycle(desk: Desk): Lifecycle | undefined {
  let current: Lifecycle | undefined;
  desk.lifecycle$.pipe(take(1)).subscribe((lifecycle) => (current = lifecycle)).unsubscribe();
  return current;
}

/** A short reason for people; the federation runtime's long diagnostics go to the console. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (!message || /#RUNTIME-\d+/.test(message)) {
    console.warn('[shell] desk remote failed to load:', error);
    return 'the desk could not be loaded from its server.';
  }
  return message;
}

@Injectable({ providedIn: 'root' })
export class DeskRemoteService {
  private readonly loader = inject(REMOTE_LOADER);
  private readonly config = inject(RUNTIME_CONFIG);
  private manifest = inject(DESK_MANIFEST);
  private readonly i18n = inject(CrmI18n);

  readonly remote = signal<RemoteState>({ kind: 'idle' });
  readonly signedIn = signal(false);
  private tokenSource: AccessTokenSource | null = null;
  private entry: DeskEntry | null = null;
  private loading: Promise<void> | null = null;

  /** The page's desk (from the remote), once loaded and signed in; replays synchronously. */
  readonly desk$ = new BehaviorSubject<Desk | null>(null);
  readonly desk = toSignal(this.desk$, { requireSync: true });
  /** `<tccc-desk>` from the remote, once its chunks are loaded. */
  readonly deskComponent = signal<Type<unknown> | null>(null);
  readonly componentProblem = signal<string | null>(null);

  constructor() {
    if (!this.manifest.ok) this.remote.set({ kind: 'failed', problem: `Desk unavailable: ${this.manifest.problem}` });
  }

  /** Load the remote (if not yet) and connect the desk for the signed-in person. */
  start(getAccessToken: AccessTokenSource): Promise<void> {
    this.tokenSource = getAccessToken;
    this.signedIn.set(true);
    return this.load();
  }

  /** Sign-out: the desk (and its SDK login) ends; the remote stays loaded. */
  stop(): void {
    this.tokenSource = null;
    this.signedIn.set(false);
    const desk = this.desk$.value;
    // signOut() also clears the seat's stored call history (a remote before it only has destroy()).
    if (desk && typeof desk.signOut === 'function') desk.signOut();
    else desk?.destroy();
    this.desk$.next(null);
  }

  /** Re-read the manifest, reload the remote, or log in again: whichever failed. */
  async retry(): Promise<void> {
    if (!this.manifest.ok) {
      this.manifest = await this.loader.refreshManifest();
      if (!this.manifest.ok) {
        this.remote.set({ kind: 'failed', problem: `Desk unavailable: ${this.manifest.problem}` });
        return;
      }
      this.remote.set({ kind: 'idle' });
    }
    if (this.remote().kind === 'failed' || this.remote().kind === 'incompatible') this.remote.set({ kind: 'idle' });
    if (this.remote().kind !== 'loaded' || !this.deskComponent()) {
      await this.load();
      return;
    }
    await this.desk$.value?.retry();
  }

  private load(): Promise<void> {
    this.loading ??= this.loadOnce().finally(() => (this.loading = null));
    return this.loading;
  }

  private async loadOnce(): Promise<void> {
    if (!this.manifest.ok) return;
    if (this.remote().kind !== 'loaded') this.remote.set({ kind: 'loading' });
    // In parallel: the desk entry (then the login) and the component's chunks.
    await Promise.all([this.loadDesk(), this.deskComponent() ? Promise.resolve() : this.loadComponent()]);
  }

  private async loadDesk(): Promise<void> {
    try {
      if (!this.entry) {
        const module = await this.loader.load<DeskEntry>(DESK_ENTRY);
        if (isRemoteFallback(module)) throw module.error;
        // The major first: a desk of another major may have renamed getDesk itself.
        const compatibility = contractCompatibility((module as { CONTRACT_VERSION?: unknown } | null)?.CONTRACT_VERSION);
        if (!compatibility.ok) {
          console.warn(`[shell] desk contract ${compatibility.version ?? '(none)'} is not major ${SUPPORTED_CONTRACT_MAJOR}: not used`);
          this.remote.set({ kind: 'incompatible', problem: compatibility.message, version: compatibility.version, remoteIsNewer: compatibility.remoteIsNewer });
          return;
        }
        if (!isDeskEntry(module)) throw new Error('The desk remote has no getDesk().');
        this.entry = module;
        // The desk speaks the CRM's language, and follows its switch (no reload, calls go on).
        const entry = module;
        this.i18n.follow((locale) => entry.setDeskLocale?.(locale));
      }
    } catch (error) {
      this.remote.set({ kind: 'failed', problem: `Desk unavailable: ${describe(error)}` });
      return;
    }
    this.remote.set({ kind: 'loaded' });
    try {
      this.connect(this.entry);
    } catch (error) {
      this.remote.set({ kind: 'failed', problem: `Desk unavailable: ${describe(error)}` });
    }
  }

  private connect(entry: DeskEntry): void {
    const source = this.tokenSource;
    if (!source) return; // signed out meanwhile
    const desk = entry.getDesk({ getAccessToken: () => (this.tokenSource ?? source)(), apiBase: this.config.apiBase });
    installCrmPolicies(desk, CUSTOMERS); // before anyone can dial with it
    this.desk$.next(desk);
    // connect() is idempotent; after an error, retry() starts over with a fresh login.
    const failed = currentLifecycle(desk)?.status === 'error';
    (failed ? desk.retry() : desk.connect()).catch(() => undefined); // the outcome shows as the lifecycle
  }

  private async loadComponent(): Promise<void> {
    try {
      const module = await this.loader.load<unknown>(DESK_COMPONENT_ENTRY);
      if (isRemoteFallback(module)) throw module.error;
      if (!isDeskComponentEntry(module)) throw new Error('The desk remote has no DeskComponent.');
      this.componentProblem.set(null);
      this.deskComponent.set(module.DeskComponent);
    } catch (error) {
      this.componentProblem.set(`The desk panel could not be loaded: ${describe(error)}`);
    }
  }
}
