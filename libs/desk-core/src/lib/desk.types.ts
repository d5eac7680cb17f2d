/**
 * The public contract of desk-core: what a shell (Angular or not) sees of the desk.
 * Framework-free: rxjs and the tccc-sdk types only.
 */
import type { Observable } from 'rxjs';
import type {
  AgentSetStatus,
  CallInType,
  CloseBy,
  IvrStep,
  PlatformAgentStatus,
  StartInternalCallOptions,
  StartOutboundCallData,
  StartOutboundCallOptions,
  TcccEventMap,
  TcccEventName,
  TcccLoader,
} from '@tccc-desk/tccc-sdk';
import type { DiagnosticsDocument } from './diagnostics';

export type { DiagnosticsDocument } from './diagnostics';

// ---------------------------------------------------------------------------------------------
// State

export type SessionChannel = CallInType; // 'phone' | 'im' | 'voip' | 'video' | 'internal'
export type SessionDirection = 'inbound' | 'outbound' | 'internal';
export type SessionStatus = 'ringing' | 'dialing' | 'talking' | 'held' | 'transferred' | 'ended';

export interface SessionPeer {
  /** Best display name available: phoneDesc, nickname, peer agent, or the number. */
  displayName?: string;
  phoneNumber?: string;
  location?: string;
  userId?: string;
  nickname?: string;
  avatar?: string;
  /**
   * The payload's `peerSource`, as sent. The guide's tables differ: chat 渠道来源 (the channel
   * source), voip 主叫号码归属地 (the caller number's location).
   */
  peerSource?: string;
  /** Chat: the channel's name (`channelName`). */
  channelName?: string;
  /** Chat: the visitor's own data (`clientData`). */
  clientData?: string;
  /** Voip: the channel entry the user called (`callee`). */
  callee?: string;
}

export interface DeskSession {
  id: string;
  channel: SessionChannel;
  direction: SessionDirection;
  status: SessionStatus;
  muted: boolean;
  /** Video sessions only: whether the agent's camera is off (muteVideo / unmuteVideo). */
  videoMuted?: boolean;
  peer: SessionPeer;
  /** ms since epoch, from the desk's clock. */
  offeredAt: number;
  answeredAt?: number;
  endedAt?: number;
  /** Seconds the agent had to accept (inbound); 0 = no timeout. */
  acceptTimeoutS?: number;
  /**
   * The agent placed it (a call out, or an internal call to a colleague), so unanswered means not
   * answered by the other side, not missed. Absent: offered to the agent, or not known (adopted).
   */
  placedByAgent?: true;
  ivrPath: IvrStep[];
  /** How the session ended, when it did. */
  closeBy?: CloseBy;
  endReason?: string;
  /** `sessionEnded`'s mainReason and subReason, as sent (endReason is the one to show). */
  mainReason?: string;
  subReason?: string;
  /** Where it was transferred, if it was. */
  transferredTo?: { skillGroupId?: string; userId?: string };
  /**
   * The desk never saw this session offered (e.g. the page was reloaded mid-call): it was built
   * from a later event, so channel and direction may be guesses (`channelKnown: false`).
   */
  adopted?: true;
  /** false when the channel is a guess (an adopted session whose payload did not say). */
  channelKnown?: false;
  /** Brought back from this seat's stored history after a reload or in a new tab (not logged again). */
  restored?: true;
  /** It was live when the page was reloaded or closed: `endedAt` is when it was last seen, `endReason` says so. */
  interrupted?: true;
  /** The payload that opened the session, as the SDK sent it. */
  raw: unknown;
}

export type LifecycleStatus = 'idle' | 'authenticating' | 'loading' | 'ready' | 'error';

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
  /** This tab forwarded a command to the tab that owns the desk, and that tab did not answer (closed, crashed, or handing over). */
  | 'tab_leader_unavailable'
  | 'unexpected_event'
  /** A host's interceptor refused the command (`desk.intercept`); the SDK was not called. */
  | 'command_blocked'
  /** A host's interceptor threw: that command failed, the desk carries on. */
  | 'interceptor_failed';

export interface DeskErrorInfo {
  code: DeskErrorCode;
  message: string;
  /** The offending field, for `invalid_argument`. */
  field?: string;
  /** Whether `retry()` can help. */
  retryable: boolean;
}

export type Lifecycle =
  | { status: 'idle' }
  /**
   * `waitingForLineSeconds`: the login service asked us to wait our turn (a shift-start storm);
   * about how long. `retryingInSeconds`: it asked us to try again later for another reason (it is
   * briefly unavailable, or this person tried too often); the desk tries again by itself in about
   * that many seconds. At most one of them is set.
   */
  | { status: 'authenticating'; waitingForLineSeconds?: number; retryingInSeconds?: number }
  | { status: 'loading' }
  | { status: 'ready'; readyAt: number }
  | { status: 'error'; error: DeskErrorInfo };

export interface AgentState {
  /** The status the platform last reported (`statusChanged`): the truth, never a request. */
  status: PlatformAgentStatus | 'unknown';
  restReason?: string;
  /** Signed in and offered contacts: true once the SDK is ready, false after `agent.offline()`. */
  online: boolean;
  /** A `setStatus` sent (or accepted) that the platform has not confirmed yet. */
  pending?: { status: AgentSetStatus; restReason?: string };
}

/** Why the last unexpected SDK event was set aside (also reported on `errors$`). */
export interface UnexpectedEvent {
  /** The event name as received (may be one the desk does not know). */
  event: string;
  sessionId?: string;
  reason: string;
}

export interface DeskDiagnostics {
  /** Events that were unknown, duplicate or out of order (never thrown). */
  unexpectedEvents: number;
  eventsSeen: number;
  /** The most recent of those, for the `unexpected_event` report. */
  lastUnexpected?: UnexpectedEvent;
}

export interface DeskState {
  lifecycle: Lifecycle;
  agent: AgentState;
  /**
   * Live sessions by id (never 'ended' nor 'transferred'): a frozen record without a prototype (any
   * id is an ordinary key; use `Object.hasOwn(sessions, id)`), built once per change of the live
   * set (lazily above 16 live sessions); the store keeps them in a persistent map so an event
   * costs the same with 1 or 1,000 live sessions. Prefer `sessions$` / `activeSession$`.
   */
  sessions: Readonly<Record<string, DeskSession>>;
  /** Order of live sessions, oldest offer first, frozen; built like `sessions`. */
  sessionOrder: readonly string[];
  activeSessionId: string | null;
  /** Ended and transferred sessions, newest first, at most `historySize`. */
  history: readonly DeskSession[];
  diagnostics: DeskDiagnostics;
}

/**
 * Every SDK event, typed, as the desk received it: the payload unwrapped from a `{ data }`
 * envelope, typed as documented but not validated (the reducer checks what it uses).
 */
export type DeskEvent = {
  [K in TcccEventName]: { name: K; payload: TcccEventMap[K]; at: number };
}[TcccEventName];

// ---------------------------------------------------------------------------------------------
// Commands

/** `phoneNumber` may carry spaces, dashes, dots and parentheses; they are stripped before the call. */
export type DialOptions = StartOutboundCallOptions;

export interface TransferTarget {
  sessionId: string;
  /** Both optional (as in the guide): a skill group, an agent, or neither (the platform decides). */
  skillGroupId?: string;
  userId?: string;
}

export interface SetAgentStatusOptions {
  status: AgentSetStatus;
  restReason?: string;
}

export interface Preflight {
  secureContext: boolean;
  browserSupported: boolean;
  microphone: 'granted' | 'prompt' | 'denied' | 'unavailable';
  microphones: number;
  speakers: number;
}

/**
 * Every stream is read-only. The state streams replay their latest value and emit only on change;
 * all of them complete on `destroy()`.
 */
export interface Desk {
  readonly state$: Observable<DeskState>;
  readonly lifecycle$: Observable<Lifecycle>;
  readonly agent$: Observable<AgentState>;
  /** Live sessions, oldest offer first. */
  readonly sessions$: Observable<readonly DeskSession[]>;
  /** The most recently engaged talking/held session, else the newest ringing/dialing one. */
  readonly activeSession$: Observable<DeskSession | null>;
  /** Ended and transferred sessions, newest first, at most `historySize`. */
  readonly history$: Observable<readonly DeskSession[]>;
  /** Every SDK event, after the state took it in. Hot: no replay. */
  readonly events$: Observable<DeskEvent>;
  /**
   * Hot: connection failures, SDK command failures (`sdk_error`, also the command's rejection)
   * and `unexpected_event`s. A caller's own mistakes (invalid_argument, not_ready,
   * unknown_session, destroyed) only reject the command.
   */
  readonly errors$: Observable<DeskErrorInfo>;

  /**
   * Log in and load the SDK. Idempotent: concurrent calls share one attempt; resolves at once when
   * ready. In the `error` state it rejects with that error without logging in again: call `retry()`.
   */
  connect(): Promise<void>;
  /** After an error (or before any attempt): tear the SDK down and start over with a fresh login. */
  retry(): Promise<void>;
  /** Remove every SDK listener, tear the SDK down, complete every stream. */
  destroy(): void;
  /**
   * The agent signs out: this seat's stored call history is cleared (un-acknowledged call logs are
   * kept), then the desk is destroyed. Call it instead of destroy() on sign-out.
   */
  signOut(): void;
  /**
   * Which tab of this browser owns the desk (one SDK per agent across tabs): `leader` (this tab
   * logged in and owns the SDK), `follower` (another tab does; this one mirrors its state and
   * forwards commands to it), or `alone` (no coordination: a plain desk, or a browser without Web
   * Locks / BroadcastChannel). Replays the latest value.
   */
  readonly tab$: Observable<TabInfo>;
  /** A follower takes the desk over ("Use it here"): the leader tab tears its SDK down, this tab logs in afresh. */
  useHere(): Promise<void>;
  preflight(): Promise<Preflight>;

  readonly call: {
    dial(options: DialOptions): Promise<StartOutboundCallData>;
    accept(sessionId: string): Promise<void>;
    hangUp(sessionId: string): Promise<void>;
    delete(sessionId: string): Promise<void>;
    mute(sessionId: string): Promise<void>;
    unmute(sessionId: string): Promise<void>;
    isMuted(sessionId: string): Promise<boolean>;
    hold(sessionId: string): Promise<void>;
    unhold(sessionId: string): Promise<void>;
    transfer(target: TransferTarget): Promise<void>;
    sendDigits(sessionId: string, digits?: string): Promise<void>;
    /** `sessionId` when the SDK returns one (the guide documents no data). */
    internal(options: StartInternalCallOptions): Promise<{ sessionId?: string }>;
  };
  readonly chat: {
    accept(sessionId: string): Promise<void>;
    end(sessionId: string): Promise<void>;
    transfer(target: TransferTarget): Promise<void>;
  };
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
    setStatus(options: SetAgentStatusOptions): Promise<void>;
  };
  readonly devices: {
    /** The SDK's answer when ready, else a feature check (getUserMedia + RTCPeerConnection). */
    isBrowserSupported(): boolean;
    microphones(): Promise<MediaDeviceInfo[]>;
    speakers(): Promise<MediaDeviceInfo[]>;
  };
  readonly ui: {
    show(): Promise<void>;
    hide(): Promise<void>;
  };

  /**
   * Run host code around a command (Flex's Actions framework): `before` sees the arguments and may
   * return `{ args }` to change them or `{ block: reason }` to refuse the command (it then rejects
   * with `command_blocked` and the SDK is never called); `after` sees the outcome. Interceptors run
   * in registration order; one that throws fails that command with `interceptor_failed`. Returns
   * the function that unregisters it.
   */
  intercept<C extends DeskCommandName>(command: C, interceptor: CommandInterceptor<C>): () => void;

  /**
   * One CallLog per finished contact, once its after-call work is over (or at once when there is
   * none). Each subscriber first gets every record not acknowledged yet (also those kept from
   * before a reload, once the login says whose seat it is), then each new one. Completes on destroy.
   * Across tabs only the tab that owns the SDK (`tab$` leader or alone) offers them, so one host
   * saves each record; a follower that takes over is offered what is still unacknowledged.
   */
  readonly callLogs$: Observable<CallLog>;
  /**
   * One JSON document for support: versions, the SDK's host, the lifecycle's history, the last
   * 500 events and commands (with timings), errors, a fresh preflight. Masked: no token, SdkURL
   * query or JWT, phone numbers to their last 4 digits.
   */
  diagnostics(): Promise<DiagnosticsDocument>;
  readonly callLogs: {
    /** The host saved it: never offered again. Unknown ids are ignored (acked elsewhere). */
    ack(id: string): void;
    /** The host could not save it: kept with the reason, offered again after a reload. */
    fail(id: string, reason: string): void;
    /** The agent's after-call-work notes for a finished contact whose log is not out yet. */
    setNotes(sessionId: string, notes: string): void;
    /** Records not acknowledged yet, oldest first. */
    unacked(): readonly CallLog[];
    /**
     * unacked(), once known and on every change (a failed save's `lastFailure` too), in every tab:
     * a follower's is the leader's list, so any tab can show a save that failed and retry it.
     * Known once the login has named the seat (its stored records are in) or a record came or
     * went: before that it emits nothing, and a tab taking the desk over keeps the list it had.
     * Completes on destroy.
     */
    readonly unacked$: Observable<readonly CallLog[]>;
  };
}

export type TabRole = 'leader' | 'follower' | 'alone';

export interface TabInfo {
  role: TabRole;
}

// ---------------------------------------------------------------------------------------------
// Call logs

export interface CallLog {
  /** Unique per contact (the session id): what ack and fail take. */
  id: string;
  sessionId: string;
  /** The seat whose desk logged it, when the login said. */
  seatUserId?: string;
  channel: SessionChannel;
  direction: SessionDirection;
  /** ended, transferred, or missed (never answered; by the other side when `placedByAgent`). */
  outcome: 'ended' | 'transferred' | 'missed';
  /** The agent placed the contact (DeskSession.placedByAgent). */
  placedByAgent?: true;
  peer: Omit<SessionPeer, 'avatar'>;
  /** ms since epoch. */
  offeredAt: number;
  answeredAt?: number;
  endedAt: number;
  /** When the record was made: after after-call work. */
  loggedAt: number;
  /** Seconds from answer to end (0 when never answered). */
  durationS: number;
  closeBy?: CloseBy;
  mainReason?: string;
  subReason?: string;
  /** Where the contact went, if it was transferred. */
  transfers: Array<{ skillGroupId?: string; userId?: string }>;
  /** What the agent typed in after-call work ('' if nothing). */
  notes: string;
  /** The last reason the host gave to fail(), if it did. */
  lastFailure?: string;
}

/** Where un-acknowledged call logs are kept across reloads (localStorage by default). */
export type CallLogStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

// ---------------------------------------------------------------------------------------------
// Interceptors

type CommandNamespace = 'call' | 'chat' | 'video' | 'agent' | 'devices' | 'ui';
type CommandMethod<C extends string> = C extends `${infer N extends CommandNamespace}.${infer V}`
  ? V extends keyof Desk[N]
    ? Desk[N][V]
    : never
  : never;

/** Every command that goes to the SDK, as `namespace.verb` (`call.dial`, `agent.setStatus`…). */
export type DeskCommandName = Exclude<
  { [N in CommandNamespace]: `${N}.${keyof Desk[N] & string}` }[CommandNamespace],
  'devices.isBrowserSupported'
>;
export type CommandArgs<C extends DeskCommandName> = Parameters<CommandMethod<C>>;
export type CommandResult<C extends DeskCommandName> = Awaited<ReturnType<CommandMethod<C>>>;

/** What `before` returns: nothing (go on as is), new arguments, or a refusal with its reason. */
export type BeforeDecision<C extends DeskCommandName> = void | undefined | { args: CommandArgs<C> } | { block: string };

export type CommandOutcome<C extends DeskCommandName> =
  | { command: C; args: CommandArgs<C>; ok: true; result: CommandResult<C> }
  | { command: C; args: CommandArgs<C>; ok: false; error: DeskErrorInfo };

export interface CommandInterceptor<C extends DeskCommandName> {
  before?(call: { command: C; args: CommandArgs<C> }): BeforeDecision<C> | Promise<BeforeDecision<C>>;
  after?(outcome: CommandOutcome<C>): void | Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Creation

/** Why a login waits: its turn in the login service's queue, or a try-again-later for another reason. */
export type LoginWaitReason = 'line' | 'retry';

export interface LoginContext {
  signal: AbortSignal;
  /**
   * The login waits and will try again by itself in about this many seconds: the desk says so
   * instead of showing an error. `reason` 'line' (the default): its turn in the login service's
   * queue (503 login_busy); 'retry': another answer with Retry-After (the service briefly
   * unavailable, too many attempts).
   */
  onWait?: (retryInSeconds: number, reason?: LoginWaitReason) => void;
}

export interface LoginResult {
  sdkUrl: string;
  /** The seat signed in, when the login says: un-acked call logs are kept per seat. */
  seatUserId?: string;
}

/** How the desk loads the SDK: tccc-sdk's loader type (one definition, re-exported). */
export type SdkLoader = TcccLoader;

export interface CreateDeskOptions {
  /**
   * Resolves a fresh, single-use SdkURL (never cached). Rejects with a DeskError or any error.
   * `signal` is aborted when the desk is destroyed mid-login: pass it to `fetch` so the request is
   * cancelled (a login that ignores it still works; its late answer is dropped).
   */
  login: (context?: LoginContext) => Promise<LoginResult>;
  /** How to load the SDK; defaults to the page-wide loader of @tccc-desk/tccc-sdk. */
  loader?: SdkLoader;
  /** ms since epoch; injectable for tests. */
  clock?: () => number;
  /** How many ended sessions history$ keeps (default 50). */
  historySize?: number;
  /**
   * Where un-acknowledged call logs survive a reload, per seat (default: localStorage when the
   * page has one; null: in memory only).
   */
  callLogStorage?: CallLogStorage | null;
  /**
   * Where this seat's call history survives a reload and a new tab (bounded, no payloads; default:
   * the same storage as call logs; null: in memory only). Cleared by `signOut()`.
   */
  historyStorage?: CallLogStorage | null;
  /** Versions to report in diagnostics() (e.g. { remote: '1.2.0', contract: '3' }). */
  versions?: Readonly<Record<string, string>>;
  /**
   * How long the default loader waits for the SDK script and its `ready` (ms, default 20,000)
   * before the desk shows `load_timeout`. Not used with a custom `loader`.
   */
  loadTimeoutMs?: number;
}
