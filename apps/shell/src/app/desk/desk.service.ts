/**
 * The shell's side of the desk: loads tccc_remote at runtime, hands it the signed-in person's
 * token, and exposes the desk's streams as signals for the header, screen pop, history and
 * click-to-dial. Every failure (manifest, remote, token API, SDK) ends as `unavailable` with a
 * reason and a retry; the CRM around it keeps working.
 */
import { Injectable, computed, inject, signal, type Type } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { AgentState, Desk, DeskSession, Lifecycle } from '@tccc-desk/desk-core';
import { of, switchMap, take, type Observable } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import { isRemoteFallback } from '../federation/remote-retry.plugin';
import { DESK_MANIFEST, REMOTE_LOADER } from '../federation/remote-loader';
import {
  DESK_COMPONENT_ENTRY,
  DESK_ENTRY,
  isDeskComponentEntry,
  isDeskEntry,
  type DeskEntry,
} from './remote-contract';

export type AccessTokenSource = () => Promise<string> | string;

type RemoteState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'loaded' } | { kind: 'failed'; problem: string };

export type DeskStatus =
  | { kind: 'signed-out'; text: string }
  | { kind: 'starting'; text: string }
  | { kind: 'ready'; text: string }
  | { kind: 'unavailable'; text: string; code?: string };

const IDLE: Lifecycle = { status: 'idle' };
const NO_AGENT: AgentState = { status: 'unknown', online: false };
const NONE: readonly DeskSession[] = [];

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
export class DeskService {
  private readonly loader = inject(REMOTE_LOADER);
  private readonly config = inject(RUNTIME_CONFIG);
  private manifest = inject(DESK_MANIFEST);

  private readonly remote = signal<RemoteState>({ kind: 'idle' });
  private readonly signedIn = signal(false);
  private tokenSource: AccessTokenSource | null = null;
  private entry: DeskEntry | null = null;
  private loading: Promise<void> | null = null;

  /** The page's desk (from the remote), once loaded and signed in. */
  readonly desk = signal<Desk | null>(null);
  /** `<tccc-desk>` from the remote, once its chunks are loaded. */
  readonly deskComponent = signal<Type<unknown> | null>(null);
  readonly componentProblem = signal<string | null>(null);

  private readonly desk$ = toObservable(this.desk);
  private stream<T>(pick: (desk: Desk) => Observable<T>, initial: T) {
    return toSignal(this.desk$.pipe(switchMap((desk) => (desk ? pick(desk) : of(initial)))), { initialValue: initial });
  }

  readonly lifecycle = this.stream((desk) => desk.lifecycle$, IDLE);
  readonly agent = this.stream((desk) => desk.agent$, NO_AGENT);
  readonly sessions = this.stream((desk) => desk.sessions$, NONE);
  readonly history = this.stream((desk) => desk.history$, NONE);

  readonly ready = computed(() => this.lifecycle().status === 'ready');
  readonly liveCalls = computed(() => this.sessions().filter((s) => s.status === 'talking' || s.status === 'held'));

  readonly status = computed<DeskStatus>(() => {
    const remote = this.remote();
    if (remote.kind === 'failed') return { kind: 'unavailable', text: remote.problem };
    if (!this.signedIn()) return { kind: 'signed-out', text: 'Sign in to use the desk' };
    if (remote.kind !== 'loaded') return { kind: 'starting', text: 'Loading the desk…' };
    const lifecycle = this.lifecycle();
    switch (lifecycle.status) {
      case 'ready':
        return { kind: 'ready', text: 'Desk connected' };
      case 'error':
        return { kind: 'unavailable', text: `Desk unavailable: ${lifecycle.error.message}`, code: lifecycle.error.code };
      case 'authenticating':
        return { kind: 'starting', text: 'Signing in to the contact center…' };
      default:
        return { kind: 'starting', text: 'Starting the desk…' };
    }
  });

  constructor() {
    if (!this.manifest.ok) this.remote.set({ kind: 'failed', problem: `Desk unavailable: ${this.manifest.problem}` });
  }

  /**
   * Load the remote (if not yet) and connect the desk for the signed-in person. The `./desk` entry
   * is tiny: its `connect()` starts the login request while `./DeskComponent` is still loading.
   */
  start(getAccessToken: AccessTokenSource): Promise<void> {
    this.tokenSource = getAccessToken;
    this.signedIn.set(true);
    return this.load();
  }

  /** Sign-out: the desk (and its SDK login) ends; the remote stays loaded. */
  stop(): void {
    this.tokenSource = null;
    this.signedIn.set(false);
    this.desk()?.destroy();
    this.desk.set(null);
  }

  /** The header's retry: re-read the manifest, reload the remote, or log in again. */
  async retry(): Promise<void> {
    if (!this.manifest.ok) {
      this.manifest = await this.loader.refreshManifest();
      if (!this.manifest.ok) {
        this.remote.set({ kind: 'failed', problem: `Desk unavailable: ${this.manifest.problem}` });
        return;
      }
      this.remote.set({ kind: 'idle' });
    }
    if (this.remote().kind === 'failed') this.remote.set({ kind: 'idle' });
    if (this.remote().kind !== 'loaded' || !this.deskComponent()) {
      await this.load();
      return;
    }
    await this.desk()?.retry();
  }

  /** Click-to-dial. Rejects with the desk's error (not ready, invalid number…). */
  async dial(phoneNumber: string): Promise<void> {
    const desk = this.desk();
    if (!desk) throw new Error('The desk is not available.');
    await desk.call.dial({ phoneNumber });
  }

  /** Accept through the contact's own SDK module: chat → desk.chat, video → desk.video, else desk.call. */
  async accept(sessionId: string): Promise<void> {
    const desk = this.desk();
    if (!desk) throw new Error('The desk is not available.');
    const channel = this.sessions().find((s) => s.id === sessionId)?.channel;
    if (channel === 'im') await desk.chat.accept(sessionId);
    else if (channel === 'video') await desk.video.accept(sessionId);
    else await desk.call.accept(sessionId);
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
        if (!isDeskEntry(module)) throw new Error('The desk remote has no getDesk().');
        this.entry = module;
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
    this.desk.set(desk);
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
