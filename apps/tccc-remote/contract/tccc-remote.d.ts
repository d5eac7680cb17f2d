// The public types of tccc_remote, generated from its exposed entries by
// `npm run contract:lock -w @tccc-desk/tccc-remote` (dts-bundle-generator). Do not edit.
// Served next to the remote as types/tccc-remote.d.ts; its version is CONTRACT_VERSION in tccc_remote/desk.
declare module 'tccc_remote/desk' {
  import { Observable } from 'rxjs';

  interface StartOutboundCallOptions {
  	/** Callee number. */
  	phoneNumber: string;
  	/** Shown instead of the number in the agent UI. */
  	phoneDesc?: string;
  	/** User-to-user data, returned in the phone CDR push. */
  	uui?: string;
  	/** Use the outbound number bound to this skill group. */
  	skillGroupId?: string;
  	/** Use this outbound (caller) number. */
  	callerPhoneNumber?: string;
  	/** Use one of these number ids. */
  	servingNumberGroupIds?: string[];
  }
  type ServerType = "staffSeat" | "staffPhoneSeat" | "staffExtensionSeat";
  interface StartOutboundCallData {
  	sessionId: string;
  	calleePhoneNumber?: string;
  	callerPhoneNumber?: string;
  	serverType?: ServerType;
  	calleeLocation?: string;
  	remark?: string;
  }
  interface SessionOptions {
  	sessionId: string;
  }
  interface StartInternalCallOptions {
  	/** The agent account to call. */
  	calleeUserId: string;
  	/** Ring the agent's mobile phone. */
  	useMobile?: boolean;
  }
  const AGENT_SET_STATUS_VALUES: readonly [
  	"free",
  	"rest",
  	"arrange",
  	"notReady",
  	"stopNotReady"
  ];
  type AgentSetStatus = (typeof AGENT_SET_STATUS_VALUES)[number];
  interface IvrStep {
  	key: string;
  	label: string;
  }
  interface CallInBase {
  	sessionId: string;
  	/** Seconds the agent has to accept; 0 = no timeout. */
  	timeout: number;
  	remark?: string;
  }
  interface PhoneCallIn extends CallInBase {
  	type: "phone";
  	calleePhoneNumber: string;
  	callerPhoneNumber?: string;
  	callerLocation?: string;
  	ivrPath?: IvrStep[];
  	protectedCallee?: string;
  	protectedCaller?: string;
  	serverType?: ServerType;
  }
  interface ImCallIn extends CallInBase {
  	type: "im";
  	nickname: string;
  	avatar?: string;
  	peerSource?: string;
  	channelName?: string;
  	clientData?: string;
  }
  interface VoipCallIn extends CallInBase {
  	type: "voip";
  	/** Channel entry. */
  	callee: string;
  	calleeRemark?: string;
  	/** The user's openId. */
  	userId: string;
  	nickname?: string;
  	avatar?: string;
  	peerSource?: string;
  	ivrPath?: IvrStep[];
  }
  interface VideoCallIn extends CallInBase {
  	type: "video";
  	userId: string;
  	nickname?: string;
  	avatar?: string;
  }
  interface InternalCallIn extends CallInBase {
  	type: "internal";
  	/** The calling agent's account. */
  	peerUserId: string;
  }
  type CallInPayload = PhoneCallIn | ImCallIn | VoipCallIn | VideoCallIn | InternalCallIn;
  type CallInType = CallInPayload["type"];
  type CloseBy = "client" | "seat" | "admin" | "timer";
  interface SessionEndedPayload {
  	sessionId: string;
  	closeBy?: CloseBy;
  	mainReason?: string;
  	subReason?: string;
  	/** Older event page. */
  	type?: CallInType;
  	/** Seconds (older event page). */
  	duration?: number;
  }
  interface CallOutedPayload {
  	sessionId: string;
  	callerPhoneNumber?: string;
  	calleePhoneNumber?: string;
  	protectedCallee?: string;
  	remark?: string;
  }
  interface TransferPayload {
  	sessionId: string;
  	skillGroupId?: string;
  	userId?: string;
  }
  type PlatformAgentStatus = "free" | "busy" | "arrange" | "notReady" | "rest";
  interface StatusChangedPayload {
  	status?: PlatformAgentStatus;
  }
  interface TcccEventMap {
  	ready: Record<string, never> | undefined;
  	callIn: CallInPayload;
  	userAccessed: SessionOptions;
  	autoTransfer: SessionOptions;
  	sessionEnded: SessionEndedPayload;
  	callOuted: CallOutedPayload;
  	calloutAccepted: SessionOptions;
  	transfer: TransferPayload;
  	statusChanged: StatusChangedPayload;
  	sessionCompleted: SessionOptions;
  	tokenExpired: {
  		message: string;
  	};
  }
  type TcccEventName = keyof TcccEventMap;
  export interface DiagnosticsDocument {
  	kind: "tccc-desk-diagnostics";
  	format: 1;
  	generatedAt: string;
  	versions: Record<string, string>;
  	sdkHost: string | null;
  	lifecycle: {
  		current: unknown;
  		history: unknown[];
  	};
  	agent: unknown;
  	sessions: {
  		live: unknown[];
  		recent: unknown[];
  	};
  	counters: unknown;
  	events: unknown[];
  	commands: unknown[];
  	errors: unknown[];
  	preflight: unknown;
  	callLogs: {
  		unacked: number;
  		dropped: number;
  	};
  }
  type SessionChannel = CallInType;
  type SessionDirection = "inbound" | "outbound" | "internal";
  type SessionStatus = "ringing" | "dialing" | "talking" | "held" | "transferred" | "ended";
  interface SessionPeer {
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
  	transferredTo?: {
  		skillGroupId?: string;
  		userId?: string;
  	};
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
  export type DeskErrorCode = "invalid_argument" | "not_ready" | "unknown_session" | "invalid_state" | "wrong_channel" | "sdk_unloaded" | "sdk_error" | "login_failed" | "no_seat" | "unauthorized" | "script_error" | "load_timeout" | "token_expired" | "destroyed" | "another_tab"
  /** This tab forwarded a command to the tab that owns the desk, and that tab did not answer (closed, crashed, or handing over). */
   | "tab_leader_unavailable" | "unexpected_event"
  /** A host's interceptor refused the command (`desk.intercept`); the SDK was not called. */
   | "command_blocked"
  /** A host's interceptor threw: that command failed, the desk carries on. */
   | "interceptor_failed";
  export interface DeskErrorInfo {
  	code: DeskErrorCode;
  	message: string;
  	/** The offending field, for `invalid_argument`. */
  	field?: string;
  	/** Whether `retry()` can help. */
  	retryable: boolean;
  }
  export type Lifecycle = {
  	status: "idle";
  }
  /**
   * `waitingForLineSeconds`: the login service asked us to wait our turn (a shift-start storm);
   * about how long. `retryingInSeconds`: it asked us to try again later for another reason (it is
   * briefly unavailable, or this person tried too often); the desk tries again by itself in about
   * that many seconds. At most one of them is set.
   */
   | {
  	status: "authenticating";
  	waitingForLineSeconds?: number;
  	retryingInSeconds?: number;
  } | {
  	status: "loading";
  } | {
  	status: "ready";
  	readyAt: number;
  } | {
  	status: "error";
  	error: DeskErrorInfo;
  };
  export interface AgentState {
  	/** The status the platform last reported (`statusChanged`): the truth, never a request. */
  	status: PlatformAgentStatus | "unknown";
  	restReason?: string;
  	/** Signed in and offered contacts: true once the SDK is ready, false after `agent.offline()`. */
  	online: boolean;
  	/** A `setStatus` sent (or accepted) that the platform has not confirmed yet. */
  	pending?: {
  		status: AgentSetStatus;
  		restReason?: string;
  	};
  }
  interface UnexpectedEvent {
  	/** The event name as received (may be one the desk does not know). */
  	event: string;
  	sessionId?: string;
  	reason: string;
  }
  interface DeskDiagnostics {
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
  	[K in TcccEventName]: {
  		name: K;
  		payload: TcccEventMap[K];
  		at: number;
  	};
  }[TcccEventName];
  type DialOptions = StartOutboundCallOptions;
  interface TransferTarget {
  	sessionId: string;
  	/** Both optional (as in the guide): a skill group, an agent, or neither (the platform decides). */
  	skillGroupId?: string;
  	userId?: string;
  }
  interface SetAgentStatusOptions {
  	status: AgentSetStatus;
  	restReason?: string;
  }
  interface Preflight {
  	secureContext: boolean;
  	browserSupported: boolean;
  	microphone: "granted" | "prompt" | "denied" | "unavailable";
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
  		internal(options: StartInternalCallOptions): Promise<{
  			sessionId?: string;
  		}>;
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
  type TabRole = "leader" | "follower" | "alone";
  interface TabInfo {
  	role: TabRole;
  }
  export interface CallLog {
  	/** Unique per contact (the session id): what ack and fail take. */
  	id: string;
  	sessionId: string;
  	/** The seat whose desk logged it, when the login said. */
  	seatUserId?: string;
  	channel: SessionChannel;
  	direction: SessionDirection;
  	/** ended, transferred, or missed (never answered; by the other side when `placedByAgent`). */
  	outcome: "ended" | "transferred" | "missed";
  	/** The agent placed the contact (DeskSession.placedByAgent). */
  	placedByAgent?: true;
  	peer: Omit<SessionPeer, "avatar">;
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
  	transfers: Array<{
  		skillGroupId?: string;
  		userId?: string;
  	}>;
  	/** What the agent typed in after-call work ('' if nothing). */
  	notes: string;
  	/** The last reason the host gave to fail(), if it did. */
  	lastFailure?: string;
  }
  type CommandNamespace = "call" | "chat" | "video" | "agent" | "devices" | "ui";
  type CommandMethod<C extends string> = C extends `${infer N extends CommandNamespace}.${infer V}` ? V extends keyof Desk[N] ? Desk[N][V] : never : never;
  /** Every command that goes to the SDK, as `namespace.verb` (`call.dial`, `agent.setStatus`…). */
  export type DeskCommandName = Exclude<{
  	[N in CommandNamespace]: `${N}.${keyof Desk[N] & string}`;
  }[CommandNamespace], "devices.isBrowserSupported">;
  type CommandArgs<C extends DeskCommandName> = Parameters<CommandMethod<C>>;
  type CommandResult<C extends DeskCommandName> = Awaited<ReturnType<CommandMethod<C>>>;
  type BeforeDecision<C extends DeskCommandName> = void | undefined | {
  	args: CommandArgs<C>;
  } | {
  	block: string;
  };
  export type CommandOutcome<C extends DeskCommandName> = {
  	command: C;
  	args: CommandArgs<C>;
  	ok: true;
  	result: CommandResult<C>;
  } | {
  	command: C;
  	args: CommandArgs<C>;
  	ok: false;
  	error: DeskErrorInfo;
  };
  export interface CommandInterceptor<C extends DeskCommandName> {
  	before?(call: {
  		command: C;
  		args: CommandArgs<C>;
  	}): BeforeDecision<C> | Promise<BeforeDecision<C>>;
  	after?(outcome: CommandOutcome<C>): void | Promise<void>;
  }
  class DeskError extends Error implements DeskErrorInfo {
  	readonly name = "DeskError";
  	readonly code: DeskErrorCode;
  	readonly field?: string;
  	readonly retryable: boolean;
  	constructor(info: DeskErrorInfo, options?: {
  		cause?: unknown;
  	});
  	/** The plain, serialisable info (what `errors$` and `lifecycle$` carry). */
  	toJSON(): DeskErrorInfo;
  }
  type LoginErrorCode = Extract<DeskErrorCode, "unauthorized" | "no_seat" | "login_failed">;
  /**
   * A failed login through the token API: a DeskError, so desk-core reports its code and message as
   * they are (no_seat, unauthorized, …) instead of a generic login_failed.
   */
  export class DeskLoginError extends DeskError {
  	readonly code: LoginErrorCode;
  	/** The token API's request id, for support. */
  	readonly requestId?: string;
  	constructor(code: LoginErrorCode, message: string, retryable: boolean, requestId?: string);
  }
  type AccessTokenSource = () => Promise<string> | string;
  /** One interceptor with its command, as provideDesk takes them. */
  export type DeskInterception = {
  	[C in DeskCommandName]: {
  		command: C;
  	} & CommandInterceptor<C>;
  }[DeskCommandName];
  export interface GetDeskOptions {
  	/** The shell's bearer token for the token API (called for every login, never cached here). */
  	getAccessToken: AccessTokenSource;
  	/** Where the token API is ('' = this page's origin, e.g. behind the gateway). Default ''. */
  	apiBase?: string;
  	/**
  	 * How long to wait for the SDK script and its ready before showing load_timeout (ms, default
  	 * 20,000). Read when the page's desk is created; later calls cannot change a running desk.
  	 */
  	loadTimeoutMs?: number;
  	/** The desk's language on this page ('en' | 'zh-CN'; tags such as 'zh-Hans' map to one). See setDeskLocale. */
  	locale?: string;
  }
  /**
   * The page's desk, created on first use. Options configure how it logs in; a later call with
   * options replaces them (the same page, the same signed-in person). Calls without options just
   * return the desk. A destroyed desk is replaced on the next call.
   */
  export function getDesk(options?: GetDeskOptions): Desk;
  /** Whether a desk exists on this page (without creating one). */
  export function hasPageDesk(): boolean;
  /**
   * Intercept a command of the page's desk, now and after every sign-out (a new desk): what
   * provideDesk({ interceptors }) uses. Returns the unregister function.
   */
  export function interceptPageDesk(interception: DeskInterception): () => void;
  const LOCALES: readonly [
  	"en",
  	"zh-CN"
  ];
  type Locale = (typeof LOCALES)[number];
  export type DeskLocale = Locale;
  /** Sets the desk's language: 'en', 'zh-CN' (or a tag that maps to one, e.g. 'zh-Hans', 'en-US'). */
  export function setDeskLocale(locale: string): DeskLocale;
  /** The desk's language now. */
  export function getDeskLocale(): DeskLocale;
  /** The desk's language, now and on every change (the page's default while none was chosen). */
  export function deskLocale$(): Observable<DeskLocale>;
  /**
   * The contract's version (semver), exported by `./desk`: the single source. Bump it when the generated
   * contract/tccc-remote.d.ts changes (major: breaking, minor: additions), then `npm run contract:lock`.
   */
  export const CONTRACT_VERSION = "1.6.0";

  export {};
}

declare module 'tccc_remote/DeskComponent' {
  import { OnInit, Signal, WritableSignal } from '@angular/core';
  import { Observable } from 'rxjs';

  interface StartOutboundCallOptions {
  	/** Callee number. */
  	phoneNumber: string;
  	/** Shown instead of the number in the agent UI. */
  	phoneDesc?: string;
  	/** User-to-user data, returned in the phone CDR push. */
  	uui?: string;
  	/** Use the outbound number bound to this skill group. */
  	skillGroupId?: string;
  	/** Use this outbound (caller) number. */
  	callerPhoneNumber?: string;
  	/** Use one of these number ids. */
  	servingNumberGroupIds?: string[];
  }
  type ServerType = "staffSeat" | "staffPhoneSeat" | "staffExtensionSeat";
  interface StartOutboundCallData {
  	sessionId: string;
  	calleePhoneNumber?: string;
  	callerPhoneNumber?: string;
  	serverType?: ServerType;
  	calleeLocation?: string;
  	remark?: string;
  }
  interface SessionOptions {
  	sessionId: string;
  }
  interface StartInternalCallOptions {
  	/** The agent account to call. */
  	calleeUserId: string;
  	/** Ring the agent's mobile phone. */
  	useMobile?: boolean;
  }
  const AGENT_SET_STATUS_VALUES: readonly [
  	"free",
  	"rest",
  	"arrange",
  	"notReady",
  	"stopNotReady"
  ];
  type AgentSetStatus = (typeof AGENT_SET_STATUS_VALUES)[number];
  interface IvrStep {
  	key: string;
  	label: string;
  }
  interface CallInBase {
  	sessionId: string;
  	/** Seconds the agent has to accept; 0 = no timeout. */
  	timeout: number;
  	remark?: string;
  }
  interface PhoneCallIn extends CallInBase {
  	type: "phone";
  	calleePhoneNumber: string;
  	callerPhoneNumber?: string;
  	callerLocation?: string;
  	ivrPath?: IvrStep[];
  	protectedCallee?: string;
  	protectedCaller?: string;
  	serverType?: ServerType;
  }
  interface ImCallIn extends CallInBase {
  	type: "im";
  	nickname: string;
  	avatar?: string;
  	peerSource?: string;
  	channelName?: string;
  	clientData?: string;
  }
  interface VoipCallIn extends CallInBase {
  	type: "voip";
  	/** Channel entry. */
  	callee: string;
  	calleeRemark?: string;
  	/** The user's openId. */
  	userId: string;
  	nickname?: string;
  	avatar?: string;
  	peerSource?: string;
  	ivrPath?: IvrStep[];
  }
  interface VideoCallIn extends CallInBase {
  	type: "video";
  	userId: string;
  	nickname?: string;
  	avatar?: string;
  }
  interface InternalCallIn extends CallInBase {
  	type: "internal";
  	/** The calling agent's account. */
  	peerUserId: string;
  }
  type CallInPayload = PhoneCallIn | ImCallIn | VoipCallIn | VideoCallIn | InternalCallIn;
  type CallInType = CallInPayload["type"];
  type CloseBy = "client" | "seat" | "admin" | "timer";
  interface SessionEndedPayload {
  	sessionId: string;
  	closeBy?: CloseBy;
  	mainReason?: string;
  	subReason?: string;
  	/** Older event page. */
  	type?: CallInType;
  	/** Seconds (older event page). */
  	duration?: number;
  }
  interface CallOutedPayload {
  	sessionId: string;
  	callerPhoneNumber?: string;
  	calleePhoneNumber?: string;
  	protectedCallee?: string;
  	remark?: string;
  }
  interface TransferPayload {
  	sessionId: string;
  	skillGroupId?: string;
  	userId?: string;
  }
  type PlatformAgentStatus = "free" | "busy" | "arrange" | "notReady" | "rest";
  interface StatusChangedPayload {
  	status?: PlatformAgentStatus;
  }
  interface TcccEventMap {
  	ready: Record<string, never> | undefined;
  	callIn: CallInPayload;
  	userAccessed: SessionOptions;
  	autoTransfer: SessionOptions;
  	sessionEnded: SessionEndedPayload;
  	callOuted: CallOutedPayload;
  	calloutAccepted: SessionOptions;
  	transfer: TransferPayload;
  	statusChanged: StatusChangedPayload;
  	sessionCompleted: SessionOptions;
  	tokenExpired: {
  		message: string;
  	};
  }
  type TcccEventName = keyof TcccEventMap;
  interface DiagnosticsDocument {
  	kind: "tccc-desk-diagnostics";
  	format: 1;
  	generatedAt: string;
  	versions: Record<string, string>;
  	sdkHost: string | null;
  	lifecycle: {
  		current: unknown;
  		history: unknown[];
  	};
  	agent: unknown;
  	sessions: {
  		live: unknown[];
  		recent: unknown[];
  	};
  	counters: unknown;
  	events: unknown[];
  	commands: unknown[];
  	errors: unknown[];
  	preflight: unknown;
  	callLogs: {
  		unacked: number;
  		dropped: number;
  	};
  }
  type SessionChannel = CallInType;
  type SessionDirection = "inbound" | "outbound" | "internal";
  type SessionStatus = "ringing" | "dialing" | "talking" | "held" | "transferred" | "ended";
  interface SessionPeer {
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
  interface DeskSession {
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
  	transferredTo?: {
  		skillGroupId?: string;
  		userId?: string;
  	};
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
  type DeskErrorCode = "invalid_argument" | "not_ready" | "unknown_session" | "invalid_state" | "wrong_channel" | "sdk_unloaded" | "sdk_error" | "login_failed" | "no_seat" | "unauthorized" | "script_error" | "load_timeout" | "token_expired" | "destroyed" | "another_tab"
  /** This tab forwarded a command to the tab that owns the desk, and that tab did not answer (closed, crashed, or handing over). */
   | "tab_leader_unavailable" | "unexpected_event"
  /** A host's interceptor refused the command (`desk.intercept`); the SDK was not called. */
   | "command_blocked"
  /** A host's interceptor threw: that command failed, the desk carries on. */
   | "interceptor_failed";
  interface DeskErrorInfo {
  	code: DeskErrorCode;
  	message: string;
  	/** The offending field, for `invalid_argument`. */
  	field?: string;
  	/** Whether `retry()` can help. */
  	retryable: boolean;
  }
  type Lifecycle = {
  	status: "idle";
  }
  /**
   * `waitingForLineSeconds`: the login service asked us to wait our turn (a shift-start storm);
   * about how long. `retryingInSeconds`: it asked us to try again later for another reason (it is
   * briefly unavailable, or this person tried too often); the desk tries again by itself in about
   * that many seconds. At most one of them is set.
   */
   | {
  	status: "authenticating";
  	waitingForLineSeconds?: number;
  	retryingInSeconds?: number;
  } | {
  	status: "loading";
  } | {
  	status: "ready";
  	readyAt: number;
  } | {
  	status: "error";
  	error: DeskErrorInfo;
  };
  interface AgentState {
  	/** The status the platform last reported (`statusChanged`): the truth, never a request. */
  	status: PlatformAgentStatus | "unknown";
  	restReason?: string;
  	/** Signed in and offered contacts: true once the SDK is ready, false after `agent.offline()`. */
  	online: boolean;
  	/** A `setStatus` sent (or accepted) that the platform has not confirmed yet. */
  	pending?: {
  		status: AgentSetStatus;
  		restReason?: string;
  	};
  }
  interface UnexpectedEvent {
  	/** The event name as received (may be one the desk does not know). */
  	event: string;
  	sessionId?: string;
  	reason: string;
  }
  interface DeskDiagnostics {
  	/** Events that were unknown, duplicate or out of order (never thrown). */
  	unexpectedEvents: number;
  	eventsSeen: number;
  	/** The most recent of those, for the `unexpected_event` report. */
  	lastUnexpected?: UnexpectedEvent;
  }
  interface DeskState {
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
  type DeskEvent = {
  	[K in TcccEventName]: {
  		name: K;
  		payload: TcccEventMap[K];
  		at: number;
  	};
  }[TcccEventName];
  type DialOptions = StartOutboundCallOptions;
  interface TransferTarget {
  	sessionId: string;
  	/** Both optional (as in the guide): a skill group, an agent, or neither (the platform decides). */
  	skillGroupId?: string;
  	userId?: string;
  }
  interface SetAgentStatusOptions {
  	status: AgentSetStatus;
  	restReason?: string;
  }
  interface Preflight {
  	secureContext: boolean;
  	browserSupported: boolean;
  	microphone: "granted" | "prompt" | "denied" | "unavailable";
  	microphones: number;
  	speakers: number;
  }
  interface Desk {
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
  		internal(options: StartInternalCallOptions): Promise<{
  			sessionId?: string;
  		}>;
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
  type TabRole = "leader" | "follower" | "alone";
  interface TabInfo {
  	role: TabRole;
  }
  interface CallLog {
  	/** Unique per contact (the session id): what ack and fail take. */
  	id: string;
  	sessionId: string;
  	/** The seat whose desk logged it, when the login said. */
  	seatUserId?: string;
  	channel: SessionChannel;
  	direction: SessionDirection;
  	/** ended, transferred, or missed (never answered; by the other side when `placedByAgent`). */
  	outcome: "ended" | "transferred" | "missed";
  	/** The agent placed the contact (DeskSession.placedByAgent). */
  	placedByAgent?: true;
  	peer: Omit<SessionPeer, "avatar">;
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
  	transfers: Array<{
  		skillGroupId?: string;
  		userId?: string;
  	}>;
  	/** What the agent typed in after-call work ('' if nothing). */
  	notes: string;
  	/** The last reason the host gave to fail(), if it did. */
  	lastFailure?: string;
  }
  type CommandNamespace = "call" | "chat" | "video" | "agent" | "devices" | "ui";
  type CommandMethod<C extends string> = C extends `${infer N extends CommandNamespace}.${infer V}` ? V extends keyof Desk[N] ? Desk[N][V] : never : never;
  type DeskCommandName = Exclude<{
  	[N in CommandNamespace]: `${N}.${keyof Desk[N] & string}`;
  }[CommandNamespace], "devices.isBrowserSupported">;
  type CommandArgs<C extends DeskCommandName> = Parameters<CommandMethod<C>>;
  type CommandResult<C extends DeskCommandName> = Awaited<ReturnType<CommandMethod<C>>>;
  type BeforeDecision<C extends DeskCommandName> = void | undefined | {
  	args: CommandArgs<C>;
  } | {
  	block: string;
  };
  type CommandOutcome<C extends DeskCommandName> = {
  	command: C;
  	args: CommandArgs<C>;
  	ok: true;
  	result: CommandResult<C>;
  } | {
  	command: C;
  	args: CommandArgs<C>;
  	ok: false;
  	error: DeskErrorInfo;
  };
  interface CommandInterceptor<C extends DeskCommandName> {
  	before?(call: {
  		command: C;
  		args: CommandArgs<C>;
  	}): BeforeDecision<C> | Promise<BeforeDecision<C>>;
  	after?(outcome: CommandOutcome<C>): void | Promise<void>;
  }
  const LOCALES: readonly [
  	"en",
  	"zh-CN"
  ];
  type Locale = (typeof LOCALES)[number];
  type MessageParams = Readonly<Record<string, string | number | Date>>;
  type MessageKey = keyof typeof en;
  class DeskI18n {
  	readonly locale: Signal<Locale>;
  	readonly t: (key: MessageKey, params?: MessageParams) => string;
  	readonly clock: (ms: number) => string;
  	readonly time: (at: number) => string;
  }
  type AgentChoice = "free" | "rest" | "notReady" | "offline";
  interface AgentStatusChange {
  	status: AgentChoice;
  	restReason?: string;
  }
  /**
   * Keyboard shortcuts of the desk: the agent's frequent actions on single keys (Gmail-style), on the
   * whole page, but never while the agent types: a key pressed in an input, a textarea, a select or
   * an editable element (the host's forms or the desk's own fields) is never a shortcut, nor is a key
   * of an IME composition (Chinese input) or one with Ctrl/Alt/Meta unless the binding says so.
   * The host rebinds or turns off each one, or all (`shortcuts: false`).
   */
  export const SHORTCUT_ACTIONS: readonly [
  	"accept",
  	"hangUp",
  	"mute",
  	"hold",
  	"dialer",
  	"transfer",
  	"available",
  	"break",
  	"help"
  ];
  export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];
  /** `false`: no shortcuts. Otherwise the keys to change: `{ accept: 'Alt+A', hold: null }` (null: that one off). */
  export type DeskShortcuts = false | Partial<Record<ShortcutAction, string | null>>;
  export const DEFAULT_SHORTCUTS: Readonly<Record<ShortcutAction, string>>;
  interface KeyBinding {
  	/** The key as `KeyboardEvent.key`, lower-cased. */
  	key: string;
  	ctrl: boolean;
  	alt: boolean;
  	shift: boolean;
  	meta: boolean;
  	/** What the help panel shows, e.g. "Alt+A". */
  	label: string;
  }
  type ShortcutBindings = ReadonlyMap<ShortcutAction, KeyBinding>;
  type TransferRequest = {
  	userId: string;
  } | {
  	skillGroupId: string;
  };
  interface ShortcutHelpRow {
  	readonly action: ShortcutAction;
  	readonly label: MessageKey;
  	/** The key's label, or null when that shortcut is off. */
  	readonly key: string | null;
  }
  interface DeskSignals {
  	state: Signal<DeskState | undefined>;
  	lifecycle: Signal<Lifecycle>;
  	agent: Signal<AgentState>;
  	sessions: Signal<readonly DeskSession[]>;
  	activeSession: Signal<DeskSession | null>;
  	history: Signal<readonly DeskSession[]>;
  }
  /**
   * `<tccc-desk>`: the agent desk. It renders the desk's streams and sends its commands; all state
   * lives in desk-core. The desk is `TCCC_DESK` (the page's desk unless provided otherwise).
   */
  export class DeskComponent implements OnInit {
  	/** Rest reasons offered with "On a break". */
  	readonly restReasons: import("@angular/core").InputSignal<readonly string[]>;
  	/** Connect the desk when shown, if nobody has (the shell usually has, earlier). */
  	readonly autoConnect: import("@angular/core").InputSignal<boolean>;
  	/** Event log and state inspector, for integrators. */
  	readonly showDiagnostics: import("@angular/core").InputSignal<boolean>;
  	/**
  	 * Keyboard shortcuts: `false` turns them off, `{ accept: 'Alt+A', hold: null }` rebinds or turns
  	 * off single ones (see shortcuts.ts). Default: `provideDesk({ shortcuts })`, else the defaults.
  	 */
  	readonly shortcuts: import("@angular/core").InputSignal<DeskShortcuts | undefined>;
  	/** This deployment's version, shown in the header. */
  	protected readonly remoteVersion = "0.1.0";
  	protected readonly desk: Desk;
  	private readonly destroyRef;
  	private readonly injector;
  	private readonly host;
  	private readonly providedShortcuts;
  	protected readonly i18n: DeskI18n;
  	readonly t: (key: MessageKey, params?: MessageParams) => string;
  	private readonly controls;
  	protected readonly signals: DeskSignals;
  	readonly lifecycle: import("@angular/core").Signal<Lifecycle>;
  	readonly agent: import("@angular/core").Signal<AgentState>;
  	readonly sessions: import("@angular/core").Signal<readonly DeskSession[]>;
  	readonly selected: WritableSignal<string | null>;
  	/** What the last command rejected with (shown in the current language, so kept as it came). */
  	readonly commandError: WritableSignal<unknown>;
  	readonly commandErrorText: import("@angular/core").Signal<{
  		message: string;
  		detail: string | null;
  	} | null>;
  	readonly helpOpen: WritableSignal<boolean>;
  	/** The event log and the state inspector have been opened (their bodies stay once made). */
  	protected readonly eventLogOpened: WritableSignal<boolean>;
  	protected readonly stateOpened: WritableSignal<boolean>;
  	protected readonly diagnosticsBusy: WritableSignal<boolean>;
  	protected readonly diagnosticsProblem: WritableSignal<string | null>;
  	readonly now: WritableSignal<number>;
  	readonly events: import("@angular/core").Signal<readonly DeskEvent[]>;
  	/** Which tab owns the desk: a follower mirrors another tab's desk and says so. */
  	readonly tab: import("@angular/core").Signal<TabInfo>;
  	readonly follower: import("@angular/core").Signal<boolean>;
  	readonly ready: import("@angular/core").Signal<boolean>;
  	readonly lifecycleText: import("@angular/core").Signal<string>;
  	readonly bindings: import("@angular/core").Signal<ShortcutBindings>;
  	readonly helpKey: import("@angular/core").Signal<string | null>;
  	readonly helpRows: import("@angular/core").Signal<readonly ShortcutHelpRow[]>;
  	/** The session the controls act on: the one picked in the list, else the desk's active one. */
  	readonly current: import("@angular/core").Signal<DeskSession | null>;
  	/** The contact ringing for this agent (not a call the agent is making). */
  	readonly ringing: import("@angular/core").Signal<DeskSession | null>;
  	readonly incoming: import("@angular/core").Signal<{
  		text: string;
  		hint: string | null;
  	} | null>;
  	constructor();
  	ngOnInit(): void;
  	run(command: () => Promise<unknown>): void;
  	/** The diagnostics document as a file (its code is fetched on the first click). */
  	protected downloadDiagnostics(): Promise<void>;
  	/** A diagnostics disclosure opened: its body is made from now on. */
  	protected opened(event: Event, flag: WritableSignal<boolean>): void;
  	toggleHelp(): void;
  	/** A key anywhere on the page: one of the shortcuts, unless the agent is typing (see shortcuts.ts). */
  	onKey(event: KeyboardEvent): void;
  	/** Does what a shortcut asks, if it applies now; false when it does not (the key is left alone). */
  	perform(action: ShortcutAction): boolean;
  	private focusTestId;
  	/**
  	 * Focus goes to Accept only when it is free to take: nothing focused (the page body), or
  	 * something in the desk that is not a field. A host's form the agent is typing in keeps it;
  	 * the aria-live announcement still tells them.
  	 */
  	private focusIncoming;
  	/** Take the desk over from the other tab (it lets go of its SDK; this tab logs in afresh). */
  	useHere(): void;
  	retry(): void;
  	setAgentStatus(change: AgentStatusChange): void;
  	/** Notes go to the call log of the contact just ended (if its log waits for them), then free. */
  	finishAfterCallWork(notes?: string): void;
  	accept(session: DeskSession): void;
  	hangUp(session: DeskSession): void;
  	setMuted(session: DeskSession, muted: boolean): void;
  	setHeld(session: DeskSession, held: boolean): void;
  	setCameraOff(session: DeskSession, off: boolean): void;
  	sendDigit(session: DeskSession, digit: string): void;
  	callAgent(calleeUserId: string): void;
  	dial(phoneNumber: string): void;
  	transfer(session: DeskSession, target: TransferRequest): void;
  }

  export {};
}

declare module 'tccc_remote/mount' {
  type AccessTokenSource = () => Promise<string> | string;
  interface GetDeskOptions {
  	/** The shell's bearer token for the token API (called for every login, never cached here). */
  	getAccessToken: AccessTokenSource;
  	/** Where the token API is ('' = this page's origin, e.g. behind the gateway). Default ''. */
  	apiBase?: string;
  	/**
  	 * How long to wait for the SDK script and its ready before showing load_timeout (ms, default
  	 * 20,000). Read when the page's desk is created; later calls cannot change a running desk.
  	 */
  	loadTimeoutMs?: number;
  	/** The desk's language on this page ('en' | 'zh-CN'; tags such as 'zh-Hans' map to one). See setDeskLocale. */
  	locale?: string;
  }
  const SHORTCUT_ACTIONS: readonly [
  	"accept",
  	"hangUp",
  	"mute",
  	"hold",
  	"dialer",
  	"transfer",
  	"available",
  	"break",
  	"help"
  ];
  type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];
  type DeskShortcuts = false | Partial<Record<ShortcutAction, string | null>>;
  export interface MountOptions extends Partial<GetDeskOptions> {
  	restReasons?: readonly string[];
  	/** Connect the desk when mounted if nobody has yet (default true). */
  	autoConnect?: boolean;
  	/** Event log and state inspector (default true). */
  	showDiagnostics?: boolean;
  	/** Keyboard shortcuts: `false` (off) or the keys to change, e.g. `{ accept: 'Alt+A', hold: null }`. */
  	shortcuts?: DeskShortcuts;
  	/** Where start-up failures go (default: console.error). */
  	onError?: (error: unknown) => void;
  }
  export interface Unmount {
  	(): void;
  	/** Settles when the desk is on screen (or rejects if it could not start). */
  	readonly ready: Promise<void>;
  }
  export function mount(element: HTMLElement, options?: MountOptions): Unmount;

  export {};
}

declare module 'tccc_remote/angular' {
  import { EnvironmentProviders, InjectionToken, Injector, Signal } from '@angular/core';
  import { Observable } from 'rxjs';

  interface StartOutboundCallOptions {
  	/** Callee number. */
  	phoneNumber: string;
  	/** Shown instead of the number in the agent UI. */
  	phoneDesc?: string;
  	/** User-to-user data, returned in the phone CDR push. */
  	uui?: string;
  	/** Use the outbound number bound to this skill group. */
  	skillGroupId?: string;
  	/** Use this outbound (caller) number. */
  	callerPhoneNumber?: string;
  	/** Use one of these number ids. */
  	servingNumberGroupIds?: string[];
  }
  type ServerType = "staffSeat" | "staffPhoneSeat" | "staffExtensionSeat";
  interface StartOutboundCallData {
  	sessionId: string;
  	calleePhoneNumber?: string;
  	callerPhoneNumber?: string;
  	serverType?: ServerType;
  	calleeLocation?: string;
  	remark?: string;
  }
  interface SessionOptions {
  	sessionId: string;
  }
  interface StartInternalCallOptions {
  	/** The agent account to call. */
  	calleeUserId: string;
  	/** Ring the agent's mobile phone. */
  	useMobile?: boolean;
  }
  const AGENT_SET_STATUS_VALUES: readonly [
  	"free",
  	"rest",
  	"arrange",
  	"notReady",
  	"stopNotReady"
  ];
  type AgentSetStatus = (typeof AGENT_SET_STATUS_VALUES)[number];
  interface IvrStep {
  	key: string;
  	label: string;
  }
  interface CallInBase {
  	sessionId: string;
  	/** Seconds the agent has to accept; 0 = no timeout. */
  	timeout: number;
  	remark?: string;
  }
  interface PhoneCallIn extends CallInBase {
  	type: "phone";
  	calleePhoneNumber: string;
  	callerPhoneNumber?: string;
  	callerLocation?: string;
  	ivrPath?: IvrStep[];
  	protectedCallee?: string;
  	protectedCaller?: string;
  	serverType?: ServerType;
  }
  interface ImCallIn extends CallInBase {
  	type: "im";
  	nickname: string;
  	avatar?: string;
  	peerSource?: string;
  	channelName?: string;
  	clientData?: string;
  }
  interface VoipCallIn extends CallInBase {
  	type: "voip";
  	/** Channel entry. */
  	callee: string;
  	calleeRemark?: string;
  	/** The user's openId. */
  	userId: string;
  	nickname?: string;
  	avatar?: string;
  	peerSource?: string;
  	ivrPath?: IvrStep[];
  }
  interface VideoCallIn extends CallInBase {
  	type: "video";
  	userId: string;
  	nickname?: string;
  	avatar?: string;
  }
  interface InternalCallIn extends CallInBase {
  	type: "internal";
  	/** The calling agent's account. */
  	peerUserId: string;
  }
  type CallInPayload = PhoneCallIn | ImCallIn | VoipCallIn | VideoCallIn | InternalCallIn;
  type CallInType = CallInPayload["type"];
  type CloseBy = "client" | "seat" | "admin" | "timer";
  interface SessionEndedPayload {
  	sessionId: string;
  	closeBy?: CloseBy;
  	mainReason?: string;
  	subReason?: string;
  	/** Older event page. */
  	type?: CallInType;
  	/** Seconds (older event page). */
  	duration?: number;
  }
  interface CallOutedPayload {
  	sessionId: string;
  	callerPhoneNumber?: string;
  	calleePhoneNumber?: string;
  	protectedCallee?: string;
  	remark?: string;
  }
  interface TransferPayload {
  	sessionId: string;
  	skillGroupId?: string;
  	userId?: string;
  }
  type PlatformAgentStatus = "free" | "busy" | "arrange" | "notReady" | "rest";
  interface StatusChangedPayload {
  	status?: PlatformAgentStatus;
  }
  interface TcccEventMap {
  	ready: Record<string, never> | undefined;
  	callIn: CallInPayload;
  	userAccessed: SessionOptions;
  	autoTransfer: SessionOptions;
  	sessionEnded: SessionEndedPayload;
  	callOuted: CallOutedPayload;
  	calloutAccepted: SessionOptions;
  	transfer: TransferPayload;
  	statusChanged: StatusChangedPayload;
  	sessionCompleted: SessionOptions;
  	tokenExpired: {
  		message: string;
  	};
  }
  type TcccEventName = keyof TcccEventMap;
  interface DiagnosticsDocument {
  	kind: "tccc-desk-diagnostics";
  	format: 1;
  	generatedAt: string;
  	versions: Record<string, string>;
  	sdkHost: string | null;
  	lifecycle: {
  		current: unknown;
  		history: unknown[];
  	};
  	agent: unknown;
  	sessions: {
  		live: unknown[];
  		recent: unknown[];
  	};
  	counters: unknown;
  	events: unknown[];
  	commands: unknown[];
  	errors: unknown[];
  	preflight: unknown;
  	callLogs: {
  		unacked: number;
  		dropped: number;
  	};
  }
  type SessionChannel = CallInType;
  type SessionDirection = "inbound" | "outbound" | "internal";
  type SessionStatus = "ringing" | "dialing" | "talking" | "held" | "transferred" | "ended";
  interface SessionPeer {
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
  interface DeskSession {
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
  	transferredTo?: {
  		skillGroupId?: string;
  		userId?: string;
  	};
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
  type DeskErrorCode = "invalid_argument" | "not_ready" | "unknown_session" | "invalid_state" | "wrong_channel" | "sdk_unloaded" | "sdk_error" | "login_failed" | "no_seat" | "unauthorized" | "script_error" | "load_timeout" | "token_expired" | "destroyed" | "another_tab"
  /** This tab forwarded a command to the tab that owns the desk, and that tab did not answer (closed, crashed, or handing over). */
   | "tab_leader_unavailable" | "unexpected_event"
  /** A host's interceptor refused the command (`desk.intercept`); the SDK was not called. */
   | "command_blocked"
  /** A host's interceptor threw: that command failed, the desk carries on. */
   | "interceptor_failed";
  interface DeskErrorInfo {
  	code: DeskErrorCode;
  	message: string;
  	/** The offending field, for `invalid_argument`. */
  	field?: string;
  	/** Whether `retry()` can help. */
  	retryable: boolean;
  }
  type Lifecycle = {
  	status: "idle";
  }
  /**
   * `waitingForLineSeconds`: the login service asked us to wait our turn (a shift-start storm);
   * about how long. `retryingInSeconds`: it asked us to try again later for another reason (it is
   * briefly unavailable, or this person tried too often); the desk tries again by itself in about
   * that many seconds. At most one of them is set.
   */
   | {
  	status: "authenticating";
  	waitingForLineSeconds?: number;
  	retryingInSeconds?: number;
  } | {
  	status: "loading";
  } | {
  	status: "ready";
  	readyAt: number;
  } | {
  	status: "error";
  	error: DeskErrorInfo;
  };
  interface AgentState {
  	/** The status the platform last reported (`statusChanged`): the truth, never a request. */
  	status: PlatformAgentStatus | "unknown";
  	restReason?: string;
  	/** Signed in and offered contacts: true once the SDK is ready, false after `agent.offline()`. */
  	online: boolean;
  	/** A `setStatus` sent (or accepted) that the platform has not confirmed yet. */
  	pending?: {
  		status: AgentSetStatus;
  		restReason?: string;
  	};
  }
  interface UnexpectedEvent {
  	/** The event name as received (may be one the desk does not know). */
  	event: string;
  	sessionId?: string;
  	reason: string;
  }
  interface DeskDiagnostics {
  	/** Events that were unknown, duplicate or out of order (never thrown). */
  	unexpectedEvents: number;
  	eventsSeen: number;
  	/** The most recent of those, for the `unexpected_event` report. */
  	lastUnexpected?: UnexpectedEvent;
  }
  interface DeskState {
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
  type DeskEvent = {
  	[K in TcccEventName]: {
  		name: K;
  		payload: TcccEventMap[K];
  		at: number;
  	};
  }[TcccEventName];
  type DialOptions = StartOutboundCallOptions;
  interface TransferTarget {
  	sessionId: string;
  	/** Both optional (as in the guide): a skill group, an agent, or neither (the platform decides). */
  	skillGroupId?: string;
  	userId?: string;
  }
  interface SetAgentStatusOptions {
  	status: AgentSetStatus;
  	restReason?: string;
  }
  interface Preflight {
  	secureContext: boolean;
  	browserSupported: boolean;
  	microphone: "granted" | "prompt" | "denied" | "unavailable";
  	microphones: number;
  	speakers: number;
  }
  interface Desk {
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
  		internal(options: StartInternalCallOptions): Promise<{
  			sessionId?: string;
  		}>;
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
  type TabRole = "leader" | "follower" | "alone";
  interface TabInfo {
  	role: TabRole;
  }
  interface CallLog {
  	/** Unique per contact (the session id): what ack and fail take. */
  	id: string;
  	sessionId: string;
  	/** The seat whose desk logged it, when the login said. */
  	seatUserId?: string;
  	channel: SessionChannel;
  	direction: SessionDirection;
  	/** ended, transferred, or missed (never answered; by the other side when `placedByAgent`). */
  	outcome: "ended" | "transferred" | "missed";
  	/** The agent placed the contact (DeskSession.placedByAgent). */
  	placedByAgent?: true;
  	peer: Omit<SessionPeer, "avatar">;
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
  	transfers: Array<{
  		skillGroupId?: string;
  		userId?: string;
  	}>;
  	/** What the agent typed in after-call work ('' if nothing). */
  	notes: string;
  	/** The last reason the host gave to fail(), if it did. */
  	lastFailure?: string;
  }
  type CommandNamespace = "call" | "chat" | "video" | "agent" | "devices" | "ui";
  type CommandMethod<C extends string> = C extends `${infer N extends CommandNamespace}.${infer V}` ? V extends keyof Desk[N] ? Desk[N][V] : never : never;
  type DeskCommandName = Exclude<{
  	[N in CommandNamespace]: `${N}.${keyof Desk[N] & string}`;
  }[CommandNamespace], "devices.isBrowserSupported">;
  type CommandArgs<C extends DeskCommandName> = Parameters<CommandMethod<C>>;
  type CommandResult<C extends DeskCommandName> = Awaited<ReturnType<CommandMethod<C>>>;
  type BeforeDecision<C extends DeskCommandName> = void | undefined | {
  	args: CommandArgs<C>;
  } | {
  	block: string;
  };
  type CommandOutcome<C extends DeskCommandName> = {
  	command: C;
  	args: CommandArgs<C>;
  	ok: true;
  	result: CommandResult<C>;
  } | {
  	command: C;
  	args: CommandArgs<C>;
  	ok: false;
  	error: DeskErrorInfo;
  };
  interface CommandInterceptor<C extends DeskCommandName> {
  	before?(call: {
  		command: C;
  		args: CommandArgs<C>;
  	}): BeforeDecision<C> | Promise<BeforeDecision<C>>;
  	after?(outcome: CommandOutcome<C>): void | Promise<void>;
  }
  type AccessTokenSource = () => Promise<string> | string;
  type DeskInterception = {
  	[C in DeskCommandName]: {
  		command: C;
  	} & CommandInterceptor<C>;
  }[DeskCommandName];
  interface GetDeskOptions {
  	/** The shell's bearer token for the token API (called for every login, never cached here). */
  	getAccessToken: AccessTokenSource;
  	/** Where the token API is ('' = this page's origin, e.g. behind the gateway). Default ''. */
  	apiBase?: string;
  	/**
  	 * How long to wait for the SDK script and its ready before showing load_timeout (ms, default
  	 * 20,000). Read when the page's desk is created; later calls cannot change a running desk.
  	 */
  	loadTimeoutMs?: number;
  	/** The desk's language on this page ('en' | 'zh-CN'; tags such as 'zh-Hans' map to one). See setDeskLocale. */
  	locale?: string;
  }
  const SHORTCUT_ACTIONS: readonly [
  	"accept",
  	"hangUp",
  	"mute",
  	"hold",
  	"dialer",
  	"transfer",
  	"available",
  	"break",
  	"help"
  ];
  type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];
  type DeskShortcuts = false | Partial<Record<ShortcutAction, string | null>>;
  export interface DeskSignals {
  	state: Signal<DeskState | undefined>;
  	lifecycle: Signal<Lifecycle>;
  	agent: Signal<AgentState>;
  	sessions: Signal<readonly DeskSession[]>;
  	activeSession: Signal<DeskSession | null>;
  	history: Signal<readonly DeskSession[]>;
  }
  /** What the adapters read: any object with the desk's state streams. */
  export type DeskStreams = Pick<Desk, "state$" | "lifecycle$" | "agent$" | "sessions$" | "activeSession$" | "history$">;
  /**
   * The desk's streams as signals, unsubscribed when the injector is destroyed. Call in an
   * injection context, or pass `injector`. The desk defaults to `TCCC_DESK`, else the page's desk.
   */
  export function deskSignals(options?: {
  	desk?: DeskStreams;
  	injector?: Injector;
  }): DeskSignals;
  export interface ProvideDeskOptions extends GetDeskOptions {
  	/** Host interceptors for the page's desk (desk.intercept), kept across sign-outs. */
  	interceptors?: readonly DeskInterception[];
  	/** Keyboard shortcuts of every `<tccc-desk>` in this application: `false` (off) or keys to change. */
  	shortcuts?: DeskShortcuts;
  }
  /**
   * For an Angular shell: configures the page's desk to log in with the shell's token when the
   * application starts. `<tccc-desk>`, `injectDesk()` and `deskSignals()` then use that desk.
   * `bootstrapApplication(App, { providers: [provideDesk({ getAccessToken, interceptors })] })`.
   * (To use another desk, a fake in tests for instance, provide `TCCC_DESK` instead.)
   */
  export function provideDesk(options?: ProvideDeskOptions): EnvironmentProviders;
  /** The host's keyboard shortcuts for every `<tccc-desk>` under this injector (`provideDesk({ shortcuts })`). */
  export const TCCC_DESK_SHORTCUTS: InjectionToken<DeskShortcuts>;
  /**
   * A desk to use instead of the page's (a fake in tests, for instance):
   * `{ provide: TCCC_DESK, useValue: desk }`. Kept on globalThis so two builds of this remote on one
   * page agree on the token.
   */
  export const TCCC_DESK: InjectionToken<Desk>;
  /**
   * The desk for the current injection context: `TCCC_DESK` if provided, else the page's desk as it
   * is now (not cached in an injector, so a desk re-created after sign-out is picked up).
   */
  export function injectDesk(): Desk;

  export {};
}
