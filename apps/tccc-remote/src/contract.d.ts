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
    channelName?: string;
    clientData?: string;
    callee?: string;
  }

  export interface DeskSession {
    id: string;
    channel: SessionChannel;
    direction: SessionDirection;
    status: SessionStatus;
    muted: boolean;
    /** Video sessions: whether the agent's camera is off. */
    videoMuted?: boolean;
    peer: SessionPeer;
    /** ms since epoch. */
    offeredAt: number;
    answeredAt?: number;
    endedAt?: number;
    acceptTimeoutS?: number;
    ivrPath: Array<{ key: string; label: string }>;
    closeBy?: 'client' | 'seat' | 'admin' | 'timer';
    endReason?: string;
    mainReason?: string;
    subReason?: string;
    transferredTo?: { skillGroupId?: string; userId?: string };
    /** Built from a later event (the desk never saw the offer, e.g. after a reload). */
    adopted?: true;
    /** false when the channel is a guess. */
    channelKnown?: false;
    /** Brought back from the seat's stored history (after a reload, or in a new tab). */
    restored?: true;
    /** Live when the page was reloaded: endedAt is when it was last seen ("interrupted by reload"). */
    interrupted?: true;
    raw: unknown;
  }

  export type DeskErrorCode =
    | 'invalid_argument'
    | 'not_ready'
    | 'unknown_session'
    | 'invalid_state'
    | 'wrong_channel'
    | 'sdk_unloaded'
    | 'sdk_error'
    | 'login_failed'
    | 'no_seat'
    | 'unauthorized'
    | 'script_error'
    | 'load_timeout'
    | 'token_expired'
    | 'destroyed'
    | 'another_tab'
    /** A command forwarded to the tab that owns the desk got no answer (that tab closed or handed over). */
    | 'tab_leader_unavailable'
    | 'unexpected_event'
    /** A host interceptor refused the command (desk.intercept); the SDK was not called. */
    | 'command_blocked'
    /** A host interceptor threw: that command failed, the desk carries on. */
    | 'interceptor_failed';

  export interface DeskErrorInfo {
    code: DeskErrorCode;
    message: string;
    field?: string;
    retryable: boolean;
  }

  export type Lifecycle =
    | { status: 'idle' }
    | { status: 'authenticating'; waitingForLineSeconds?: number }
    | { status: 'loading' }
    | { status: 'ready'; readyAt: number }
    | { status: 'error'; error: DeskErrorInfo };

  /** The platform's statuses (`statusChanged`). */
  export type AgentStatus = 'free' | 'rest' | 'arrange' | 'notReady' | 'busy' | 'unknown';
  /** What `agent.setStatus` accepts. */
  export type AgentSetStatus = 'free' | 'rest' | 'arrange' | 'notReady' | 'stopNotReady';

  export interface AgentState {
    /** The platform's word, never a request. */
    status: AgentStatus;
    restReason?: string;
    online: boolean;
    /** A setStatus the platform has not confirmed yet. */
    pending?: { status: AgentSetStatus; restReason?: string };
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

  type IvrStep = { key: string; label: string };
  type CallInBase = { sessionId: string; timeout: number; remark?: string };
  export type CallInPayload =
    | (CallInBase & { type: 'phone'; calleePhoneNumber: string; callerPhoneNumber?: string; callerLocation?: string; ivrPath?: IvrStep[]; protectedCallee?: string; protectedCaller?: string; serverType?: 'staffSeat' | 'staffPhoneSeat' | 'staffExtensionSeat' })
    | (CallInBase & { type: 'im'; nickname: string; avatar?: string; peerSource?: string; channelName?: string; clientData?: string })
    | (CallInBase & { type: 'voip'; callee: string; calleeRemark?: string; userId: string; nickname?: string; avatar?: string; peerSource?: string; ivrPath?: IvrStep[] })
    | (CallInBase & { type: 'video'; userId: string; nickname?: string; avatar?: string })
    | (CallInBase & { type: 'internal'; peerUserId: string });

  /** Event name → payload (the documented events). */
  export interface DeskEventMap {
    ready: Record<string, never> | undefined;
    callIn: CallInPayload;
    userAccessed: { sessionId: string };
    autoTransfer: { sessionId: string };
    sessionEnded: { sessionId: string; closeBy?: 'client' | 'seat' | 'admin' | 'timer'; mainReason?: string; subReason?: string; type?: SessionChannel; duration?: number };
    callOuted: { sessionId: string; callerPhoneNumber?: string; calleePhoneNumber?: string; protectedCallee?: string; remark?: string };
    calloutAccepted: { sessionId: string };
    transfer: { sessionId: string; skillGroupId?: string; userId?: string };
    statusChanged: { status?: 'free' | 'busy' | 'arrange' | 'notReady' | 'rest' };
    sessionCompleted: { sessionId: string };
    tokenExpired: { message: string };
  }

  /** An SDK event as the desk received it: a union discriminated by `name`. */
  export type DeskEvent = { [K in keyof DeskEventMap]: { name: K; payload: DeskEventMap[K]; at: number } }[keyof DeskEventMap];

  export interface Preflight {
    secureContext: boolean;
    browserSupported: boolean;
    microphone: 'granted' | 'prompt' | 'denied' | 'unavailable';
    microphones: number;
    speakers: number;
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
    /** Both optional (the guide): a skill group, an agent, or neither. */
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
    /** Tear the SDK down and complete every stream. */
    destroy(): void;
    /** Sign-out: clear this seat's stored call history, then destroy. */
    signOut(): void;
    /** Which tab owns the desk: 'leader' (this one), 'follower' (another tab; this one mirrors it), 'alone'. */
    readonly tab$: Observable<{ role: 'leader' | 'follower' | 'alone' }>;
    /** A follower takes the desk over: the other tab lets go of its SDK, this one logs in afresh. */
    useHere(): Promise<void>;
    /** Secure context, browser support, microphone permission, device counts. */
    preflight(): Promise<Preflight>;
    /** Phone, voip and internal sessions (tccc.Call). */
    readonly call: {
      dial(options: DialOptions): Promise<{ sessionId: string }>;
      accept(sessionId: string): Promise<void>;
      hangUp(sessionId: string): Promise<void>;
      /** Remove an ended session from the list (删除会话); a live one is hung up first. */
      delete(sessionId: string): Promise<void>;
      mute(sessionId: string): Promise<void>;
      unmute(sessionId: string): Promise<void>;
      isMuted(sessionId: string): Promise<boolean>;
      hold(sessionId: string): Promise<void>;
      unhold(sessionId: string): Promise<void>;
      transfer(target: TransferTarget): Promise<void>;
      sendDigits(sessionId: string, digits?: string): Promise<void>;
      internal(options: { calleeUserId: string; useMobile?: boolean }): Promise<{ sessionId?: string }>;
    };
    /** Chat (im) sessions (tccc.Chat). */
    readonly chat: {
      accept(sessionId: string): Promise<void>;
      end(sessionId: string): Promise<void>;
      transfer(target: TransferTarget): Promise<void>;
    };
    /** Video sessions (tccc.Video). */
    readonly video: {
      accept(sessionId: string): Promise<void>;
      end(sessionId: string): Promise<void>;
      mute(sessionId: string): Promise<void>;
      unmute(sessionId: string): Promise<void>;
      muteVideo(sessionId: string): Promise<void>;
      unmuteVideo(sessionId: string): Promise<void>;
      transfer(target: TransferTarget): Promise<void>;
    };
    readonly agent: {
      online(): Promise<void>;
      offline(): Promise<void>;
      setStatus(options: { status: AgentSetStatus; restReason?: string }): Promise<void>;
    };
    readonly devices: {
      isBrowserSupported(): boolean;
      microphones(): Promise<MediaDeviceInfo[]>;
      speakers(): Promise<MediaDeviceInfo[]>;
    };
    readonly ui: { show(): Promise<void>; hide(): Promise<void> };
    /**
     * Host code around a command: `before` may return `{ args }` (changed arguments) or
     * `{ block: reason }` (rejects with command_blocked, the SDK is never called); `after` sees
     * the outcome. Registration order; a throwing interceptor fails that command with
     * interceptor_failed. Returns the unregister function.
     */
    intercept<C extends DeskCommandName>(command: C, interceptor: CommandInterceptor<C>): () => void;
    /**
     * One CallLog per finished contact, after after-call work. Each subscriber first gets every
     * record not acked yet (also those kept from before a reload), then each new one.
     */
    readonly callLogs$: Observable<CallLog>;
    /**
     * One JSON document for support (versions, SDK host, lifecycle history, the last 500 events
     * and commands with timings, errors, preflight). Masked: no token, SdkURL query or JWT, phone
     * numbers to their last 4 digits.
     */
    diagnostics(): Promise<DiagnosticsDocument>;
    readonly callLogs: {
      /** Saved: never offered again. */
      ack(id: string): void;
      /** Not saved: kept with the reason, offered again after a reload. */
      fail(id: string, reason: string): void;
      /** The agent's after-call-work notes for a contact whose log is not out yet. */
      setNotes(sessionId: string, notes: string): void;
      unacked(): readonly CallLog[];
    };
  }

  export interface DiagnosticsDocument {
    kind: 'tccc-desk-diagnostics';
    format: 1;
    generatedAt: string;
    versions: Record<string, string>;
    sdkHost: string | null;
    lifecycle: { current: unknown; history: unknown[] };
    agent: unknown;
    sessions: { live: unknown[]; recent: unknown[] };
    counters: unknown;
    events: unknown[];
    commands: unknown[];
    errors: unknown[];
    preflight: unknown;
    callLogs: { unacked: number; dropped: number };
  }

  export interface CallLog {
    id: string;
    sessionId: string;
    seatUserId?: string;
    channel: SessionChannel;
    direction: SessionDirection;
    outcome: 'ended' | 'transferred' | 'missed';
    peer: Omit<SessionPeer, 'avatar'>;
    offeredAt: number;
    answeredAt?: number;
    endedAt: number;
    loggedAt: number;
    durationS: number;
    closeBy?: 'client' | 'seat' | 'admin' | 'timer';
    mainReason?: string;
    subReason?: string;
    transfers: Array<{ skillGroupId?: string; userId?: string }>;
    notes: string;
    lastFailure?: string;
  }

  type CommandNamespace = 'call' | 'chat' | 'video' | 'agent' | 'devices' | 'ui';
  type CommandMethod<C extends string> = C extends `${infer N extends CommandNamespace}.${infer V}`
    ? V extends keyof Desk[N] ? Desk[N][V] : never
    : never;
  /** `call.dial`, `agent.setStatus`… every command that goes to the SDK. */
  export type DeskCommandName = Exclude<{ [N in CommandNamespace]: `${N}.${keyof Desk[N] & string}` }[CommandNamespace], 'devices.isBrowserSupported'>;
  export type CommandArgs<C extends DeskCommandName> = Parameters<CommandMethod<C>>;
  export type CommandResult<C extends DeskCommandName> = Awaited<ReturnType<CommandMethod<C>>>;
  export type BeforeDecision<C extends DeskCommandName> = void | undefined | { args: CommandArgs<C> } | { block: string };
  export type CommandOutcome<C extends DeskCommandName> =
    | { command: C; args: CommandArgs<C>; ok: true; result: CommandResult<C> }
    | { command: C; args: CommandArgs<C>; ok: false; error: DeskErrorInfo };
  export interface CommandInterceptor<C extends DeskCommandName> {
    before?(call: { command: C; args: CommandArgs<C> }): BeforeDecision<C> | Promise<BeforeDecision<C>>;
    after?(outcome: CommandOutcome<C>): void | Promise<void>;
  }

  export interface GetDeskOptions {
    /** Your bearer token for the token API; called for every login. */
    getAccessToken: () => Promise<string> | string;
    /** Where the token API is ('' = this page's origin). */
    apiBase?: string;
    /** How long to wait for the SDK script and its ready before showing load_timeout (ms, default 20,000). */
    loadTimeoutMs?: number;
    /** The desk's language: 'en' | 'zh-CN' (tags such as 'zh-Hans', 'en-US' map to one). */
    locale?: string;
  }

  /** The desk's languages. Default: the page's `<html lang>`, else the browser's, else en. */
  export type DeskLocale = 'en' | 'zh-CN';
  /** Switches every desk UI on the page at once (no reload, calls go on); a TypeError for another language. */
  export function setDeskLocale(locale: string): DeskLocale;
  export function getDeskLocale(): DeskLocale;
  export function deskLocale$(): Observable<DeskLocale>;

  /** Keyboard shortcuts of the desk UI (never while typing in a field). */
  export type ShortcutAction = 'accept' | 'hangUp' | 'mute' | 'hold' | 'dialer' | 'transfer' | 'available' | 'break' | 'help';
  /** `false`: none. Or keys to change: `{ accept: 'Alt+A', hold: null }` (null: that one off). */
  export type DeskShortcuts = false | Partial<Record<ShortcutAction, string | null>>;

  /** The page's one desk (the same object for every caller on the page). */
  export function getDesk(options?: GetDeskOptions): Desk;
  export function hasPageDesk(): boolean;

  /** One interceptor with its command (provideDesk's `interceptors`, interceptPageDesk). */
  export type DeskInterception = { [C in DeskCommandName]: { command: C } & CommandInterceptor<C> }[DeskCommandName];
  /** Intercept a command of the page's desk, now and after every sign-out. Returns the unregister function. */
  export function interceptPageDesk(interception: DeskInterception): () => void;

  export class DeskLoginError extends Error implements DeskErrorInfo {
    readonly code: 'unauthorized' | 'no_seat' | 'login_failed';
    readonly retryable: boolean;
    readonly requestId?: string;
  }
}

declare module 'tccc_remote/DeskComponent' {
  import type { InputSignal } from '@angular/core';
  import type { DeskShortcuts, ShortcutAction } from 'tccc_remote/desk';

  export type { DeskShortcuts, ShortcutAction };
  export const SHORTCUT_ACTIONS: readonly ShortcutAction[];
  export const DEFAULT_SHORTCUTS: Readonly<Record<ShortcutAction, string>>;

  /** `<tccc-desk>`: standalone, OnPush. Uses the page's desk (or TCCC_DESK when provided). */
  export class DeskComponent {
    readonly restReasons: InputSignal<readonly string[]>;
    readonly autoConnect: InputSignal<boolean>;
    readonly showDiagnostics: InputSignal<boolean>;
    readonly shortcuts: InputSignal<DeskShortcuts | undefined>;
  }
}

declare module 'tccc_remote/mount' {
  import type { DeskShortcuts, GetDeskOptions } from 'tccc_remote/desk';

  export interface MountOptions extends Partial<GetDeskOptions> {
    restReasons?: readonly string[];
    autoConnect?: boolean;
    showDiagnostics?: boolean;
    shortcuts?: DeskShortcuts;
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
  import type { AgentState, Desk, DeskInterception, DeskSession, DeskShortcuts, DeskState, GetDeskOptions, Lifecycle } from 'tccc_remote/desk';

  export const TCCC_DESK: InjectionToken<Desk>;
  export const TCCC_DESK_SHORTCUTS: InjectionToken<DeskShortcuts>;
  export interface ProvideDeskOptions extends GetDeskOptions {
    /** Host interceptors for the page's desk (desk.intercept), kept across sign-outs. */
    interceptors?: readonly DeskInterception[];
    /** Keyboard shortcuts of every `<tccc-desk>` in the application. */
    shortcuts?: DeskShortcuts;
  }
  export function provideDesk(options?: ProvideDeskOptions): EnvironmentProviders;
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
