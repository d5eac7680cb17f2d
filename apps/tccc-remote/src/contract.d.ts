/**
 * Types of the tccc_remote Module Federation entries, for shells outside this repository.
 * Self-contained (only rxjs and, for the Angular entries, @angular/core). Deployed next to the
 * remote as `types/contract.d.ts` (e.g. http://localhost:4201/types/contract.d.ts). Copy it into
 * your project (e.g. src/types/tccc-remote.d.ts) and load with
 * `loadRemote<typeof import('tccc_remote/desk')>('tccc_remote/desk')`.
 *
 * src/contract.check.ts proves at compile time that the real entries satisfy these declarations.
 */

declare module 'tccc_remote/desk' {
  import type { Observable } from 'rxjs';

  export type SessionChannel = 'phone' | 'im' | 'voip' | 'video' | 'internal';
  export type SessionDirection = 'inbound' | 'outbound' | 'internal';
  export type SessionStatus = 'ringing' | 'dialing' | 'talking' | 'held' | 'transferred' | 'ended';

  export interface SessionPeer {
    displayName?: string;
    phoneNumber?: string;
    location?: string;
    userId?: string;
    nickname?: string;
    avatar?: string;
    peerSource?: string;
  }

  export interface DeskSession {
    id: string;
    channel: SessionChannel;
    direction: SessionDirection;
    status: SessionStatus;
    muted: boolean;
    peer: SessionPeer;
    /** ms since epoch. */
    offeredAt: number;
    answeredAt?: number;
    endedAt?: number;
    acceptTimeoutS?: number;
    ivrPath: Array<{ key: string; label: string }>;
    closeBy?: 'client' | 'seat' | 'admin' | 'timer';
    endReason?: string;
    transferredTo?: { skillGroupId?: string; userId?: string };
    raw: unknown;
  }

  export type DeskErrorCode =
    | 'invalid_argument'
    | 'not_ready'
    | 'unknown_session'
    | 'sdk_error'
    | 'login_failed'
    | 'no_seat'
    | 'unauthorized'
    | 'script_error'
    | 'load_timeout'
    | 'token_expired'
    | 'destroyed'
    | 'another_tab'
    | 'unexpected_event';

  export interface DeskErrorInfo {
    code: DeskErrorCode;
    message: string;
    field?: string;
    retryable: boolean;
  }

  export type Lifecycle =
    | { status: 'idle' }
    | { status: 'authenticating' }
    | { status: 'loading' }
    | { status: 'ready'; readyAt: number }
    | { status: 'error'; error: DeskErrorInfo };

  export type AgentStatus = 'free' | 'rest' | 'arrange' | 'notReady' | 'stopNotReady' | 'busy' | 'unknown';

  export interface AgentState {
    status: AgentStatus;
    restReason?: string;
    online: boolean;
  }

  export interface DeskState {
    lifecycle: Lifecycle;
    agent: AgentState;
    sessions: Readonly<Record<string, DeskSession>>;
    sessionOrder: readonly string[];
    activeSessionId: string | null;
    history: readonly DeskSession[];
    diagnostics: { unexpectedEvents: number; eventsSeen: number };
  }

  /** An SDK event as the desk received it (payloads are typed in @tccc-desk/tccc-sdk). */
  export interface DeskEvent {
    name: string;
    payload: unknown;
    at: number;
  }

  export interface DialOptions {
    phoneNumber: string;
    phoneDesc?: string;
    uui?: string;
    skillGroupId?: string;
    callerPhoneNumber?: string;
    servingNumberGroupIds?: string[];
  }

  export interface TransferTarget {
    sessionId: string;
    /** Exactly one of skillGroupId or userId. */
    skillGroupId?: string;
    userId?: string;
  }

  export interface Desk {
    readonly state$: Observable<DeskState>;
    readonly lifecycle$: Observable<Lifecycle>;
    readonly agent$: Observable<AgentState>;
    readonly sessions$: Observable<readonly DeskSession[]>;
    readonly activeSession$: Observable<DeskSession | null>;
    readonly history$: Observable<readonly DeskSession[]>;
    readonly events$: Observable<DeskEvent>;
    readonly errors$: Observable<DeskErrorInfo>;
    /** Log in and load the SDK; concurrent calls share one attempt. */
    connect(): Promise<void>;
    /** After an error: start over with a fresh login. */
    retry(): Promise<void>;
    /** Tear the SDK down and complete every stream (sign-out). */
    destroy(): void;
    readonly call: {
      dial(options: DialOptions): Promise<{ sessionId: string }>;
      accept(sessionId: string): Promise<void>;
      hangUp(sessionId: string): Promise<void>;
      mute(sessionId: string): Promise<void>;
      unmute(sessionId: string): Promise<void>;
      hold(sessionId: string): Promise<void>;
      unhold(sessionId: string): Promise<void>;
      transfer(target: TransferTarget): Promise<void>;
      sendDigits(sessionId: string, digits: string): Promise<void>;
      internal(options: { calleeUserId: string; useMobile?: boolean }): Promise<{ sessionId: string }>;
    };
    readonly agent: {
      online(): Promise<void>;
      offline(): Promise<void>;
      setStatus(options: { status: 'free' | 'rest' | 'arrange' | 'notReady' | 'stopNotReady'; restReason?: string }): Promise<void>;
    };
    readonly ui: { show(): Promise<void>; hide(): Promise<void> };
  }

  export interface GetDeskOptions {
    /** Your bearer token for the token API; called for every login. */
    getAccessToken: () => Promise<string> | string;
    /** Where the token API is ('' = this page's origin). */
    apiBase?: string;
    /** How long to wait for the SDK script and its ready before showing load_timeout (ms, default 20,000). */
    loadTimeoutMs?: number;
  }

  /** The page's one desk (the same object for every caller on the page). */
  export function getDesk(options?: GetDeskOptions): Desk;
  export function hasPageDesk(): boolean;

  export class DeskLoginError extends Error implements DeskErrorInfo {
    readonly code: 'unauthorized' | 'no_seat' | 'login_failed';
    readonly retryable: boolean;
    readonly requestId?: string;
  }
}

declare module 'tccc_remote/DeskComponent' {
  import type { InputSignal } from '@angular/core';

  /** `<tccc-desk>`: standalone, OnPush. Uses the page's desk (or TCCC_DESK when provided). */
  export class DeskComponent {
    readonly restReasons: InputSignal<readonly string[]>;
    readonly autoConnect: InputSignal<boolean>;
    readonly showDiagnostics: InputSignal<boolean>;
  }
}

declare module 'tccc_remote/mount' {
  import type { GetDeskOptions } from 'tccc_remote/desk';

  export interface MountOptions extends Partial<GetDeskOptions> {
    restReasons?: readonly string[];
    autoConnect?: boolean;
    showDiagnostics?: boolean;
    onError?: (error: unknown) => void;
  }

  export interface Unmount {
    (): void;
    readonly ready: Promise<void>;
  }

  /** Renders the desk into `element` (no Angular needed on the page). Unmount keeps the desk. */
  export function mount(element: HTMLElement, options?: MountOptions): Unmount;
}

declare module 'tccc_remote/angular' {
  import type { EnvironmentProviders, InjectionToken, Injector, Signal } from '@angular/core';
  import type { AgentState, Desk, DeskSession, DeskState, GetDeskOptions, Lifecycle } from 'tccc_remote/desk';

  export const TCCC_DESK: InjectionToken<Desk>;
  export function provideDesk(options?: GetDeskOptions): EnvironmentProviders;
  export function injectDesk(): Desk;

  export interface DeskSignals {
    state: Signal<DeskState | undefined>;
    lifecycle: Signal<Lifecycle>;
    agent: Signal<AgentState>;
    sessions: Signal<readonly DeskSession[]>;
    activeSession: Signal<DeskSession | null>;
    history: Signal<readonly DeskSession[]>;
  }

  export function deskSignals(options?: { desk?: Desk; injector?: Injector }): DeskSignals;
}
