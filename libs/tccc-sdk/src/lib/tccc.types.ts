/**
 * Typed model of the documented `tccc` global (the vendor's agent Web SDK), from
 * shared/reference/tccc-web-sdk.zh.md and the newer event page noted in shared/reference/README.md.
 *
 * This file is the contract: the emulated SDK in tools/tccc-emulator implements `TcccGlobal`
 * (a type-level import), so a drift between the emulator and the documented API fails to compile.
 */

/** Every SDK API resolves this. The guide documents `errorMsg`; its example reads `errMsg`. */
export interface CommonSDKResponse<TData = unknown> {
  status: 'success' | 'error';
  errorMsg?: string;
  errMsg?: string;
  data?: TData;
}

// ---------------------------------------------------------------------------------------------
// Call (phone and audio)

export interface StartOutboundCallOptions {
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

export type ServerType = 'staffSeat' | 'staffPhoneSeat' | 'staffExtensionSeat';

export interface StartOutboundCallData {
  sessionId: string;
  calleePhoneNumber?: string;
  callerPhoneNumber?: string;
  serverType?: ServerType;
  calleeLocation?: string;
  remark?: string;
}

export interface SessionOptions {
  sessionId: string;
}

export interface StartInternalCallOptions {
  /** The agent account to call. */
  calleeUserId: string;
  /** Ring the agent's mobile phone. */
  useMobile?: boolean;
}

export interface TransferOptions {
  sessionId: string;
  /** Transfer to a skill group. */
  skillGroupId?: string;
  /** Transfer to an agent. */
  userId?: string;
}

export interface SendDigitsOptions {
  sessionId: string;
  /** Digits to send (DTMF). */
  dtmfText?: string;
}

export interface TcccCall {
  startOutboundCall(options: StartOutboundCallOptions): Promise<CommonSDKResponse<StartOutboundCallData>>;
  accept(options: SessionOptions): Promise<CommonSDKResponse>;
  /** Hang up. The documented name is `hungUp` (sic). */
  hungUp(options: SessionOptions): Promise<CommonSDKResponse>;
  deleteCall(options: SessionOptions): Promise<CommonSDKResponse>;
  muteMic(options: SessionOptions): Promise<CommonSDKResponse>;
  unmuteMic(options: SessionOptions): Promise<CommonSDKResponse>;
  /** Where the answer puts the mute flag is not documented: read it defensively (desk-core's mutedFlagOf). */
  isMicMuted(options: SessionOptions): Promise<CommonSDKResponse>;
  /** The guide documents no `data` for it: a session id in the answer is not the contract. */
  startInternalCall(options: StartInternalCallOptions): Promise<CommonSDKResponse>;
  transfer(options: TransferOptions): Promise<CommonSDKResponse>;
  hold(options: SessionOptions): Promise<CommonSDKResponse>;
  unHold(options: SessionOptions): Promise<CommonSDKResponse>;
  sendDigits(options: SendDigitsOptions): Promise<CommonSDKResponse>;
}

// ---------------------------------------------------------------------------------------------
// Chat (online / im) and Video

export interface TcccChat {
  accept(options: SessionOptions): Promise<CommonSDKResponse>;
  end(options: SessionOptions): Promise<CommonSDKResponse>;
  transfer(options: TransferOptions): Promise<CommonSDKResponse>;
}

export interface TcccVideo {
  accept(options: SessionOptions): Promise<CommonSDKResponse>;
  end(options: SessionOptions): Promise<CommonSDKResponse>;
  muteMic(options: SessionOptions): Promise<CommonSDKResponse>;
  unmuteMic(options: SessionOptions): Promise<CommonSDKResponse>;
  muteVideo(options: SessionOptions): Promise<CommonSDKResponse>;
  unmuteVideo(options: SessionOptions): Promise<CommonSDKResponse>;
  transfer(options: TransferOptions): Promise<CommonSDKResponse>;
}

// ---------------------------------------------------------------------------------------------
// Agent, Devices, UI

/** The values `Agent.setStatus` accepts (documented). */
export const AGENT_SET_STATUS_VALUES = ['free', 'rest', 'arrange', 'notReady', 'stopNotReady'] as const;
export type AgentSetStatus = (typeof AGENT_SET_STATUS_VALUES)[number];

export interface SetStatusOptions {
  status: AgentSetStatus;
  /** Why the agent is resting (with `status: 'rest'`). */
  restReason?: string;
}

export interface TcccAgent {
  online(): void;
  offline(): void;
  setStatus(options: SetStatusOptions): Promise<CommonSDKResponse>;
}

export interface TcccDevices {
  isBrowserSupported(): boolean;
  getMicrophones(): Promise<MediaDeviceInfo[]>;
  getSpeakers(): Promise<MediaDeviceInfo[]>;
}

export interface TcccUI {
  show(): void;
  hide(): void;
}

// ---------------------------------------------------------------------------------------------
// Events

export interface IvrStep {
  key: string;
  label: string;
}

interface CallInBase {
  sessionId: string;
  /** Seconds the agent has to accept; 0 = no timeout. */
  timeout: number;
  remark?: string;
}

export interface PhoneCallIn extends CallInBase {
  type: 'phone';
  calleePhoneNumber: string;
  callerPhoneNumber?: string;
  callerLocation?: string;
  ivrPath?: IvrStep[];
  protectedCallee?: string;
  protectedCaller?: string;
  serverType?: ServerType;
}

export interface ImCallIn extends CallInBase {
  type: 'im';
  nickname: string;
  avatar?: string;
  peerSource?: string;
  channelName?: string;
  clientData?: string;
}

export interface VoipCallIn extends CallInBase {
  type: 'voip';
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

export interface VideoCallIn extends CallInBase {
  type: 'video';
  userId: string;
  nickname?: string;
  avatar?: string;
}

export interface InternalCallIn extends CallInBase {
  type: 'internal';
  /** The calling agent's account. */
  peerUserId: string;
}

export type CallInPayload = PhoneCallIn | ImCallIn | VoipCallIn | VideoCallIn | InternalCallIn;
export type CallInType = CallInPayload['type'];
export const CALL_IN_TYPES: readonly CallInType[] = ['phone', 'im', 'voip', 'video', 'internal'];

export type CloseBy = 'client' | 'seat' | 'admin' | 'timer';

export interface SessionEndedPayload {
  sessionId: string;
  closeBy?: CloseBy;
  mainReason?: string;
  subReason?: string;
  /** Older event page. */
  type?: CallInType;
  /** Seconds (older event page). */
  duration?: number;
}

export interface CallOutedPayload {
  sessionId: string;
  callerPhoneNumber?: string;
  calleePhoneNumber?: string;
  protectedCallee?: string;
  remark?: string;
}

export interface TransferPayload {
  sessionId: string;
  skillGroupId?: string;
  userId?: string;
}

/** The agent's status as the platform sees it (`busy` while talking, `arrange` in after-call work). */
export type PlatformAgentStatus = 'free' | 'busy' | 'arrange' | 'notReady' | 'rest';
export const PLATFORM_AGENT_STATUSES: readonly PlatformAgentStatus[] = ['free', 'busy', 'arrange', 'notReady', 'rest'];

export interface StatusChangedPayload {
  status?: PlatformAgentStatus;
}

/**
 * Event name → payload. Exhaustive over the documented events; the SDK's listeners receive the
 * payload (the guide's examples read `response.data.sessionId` for callIn, so the SDK may wrap it:
 * see `TcccEventEnvelope`).
 */
export interface TcccEventMap {
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
  tokenExpired: { message: string };
}

export type TcccEventName = keyof TcccEventMap;

export const TCCC_EVENT_NAMES: readonly TcccEventName[] = [
  'ready',
  'callIn',
  'userAccessed',
  'autoTransfer',
  'sessionEnded',
  'callOuted',
  'calloutAccepted',
  'transfer',
  'statusChanged',
  'sessionCompleted',
  'tokenExpired',
];

/**
 * What a listener is called with. The guide's callIn example reads `response.data.sessionId`;
 * consumers should go through `eventPayload()` which accepts both the wrapped and the bare form.
 */
export type TcccEventEnvelope<K extends TcccEventName> = { data: TcccEventMap[K] } | TcccEventMap[K];

export type TcccListener<K extends TcccEventName> = (response: TcccEventEnvelope<K>) => void;

/** `tccc.events`: each event's name, as the SDK spells it. */
export type TcccEvents = { readonly [K in TcccEventName]: K };

export interface TcccGlobal {
  Call: TcccCall;
  Chat: TcccChat;
  Video: TcccVideo;
  Agent: TcccAgent;
  Devices: TcccDevices;
  UI: TcccUI;
  events: TcccEvents;
  on<K extends TcccEventName>(event: K, listener: TcccListener<K>): void;
  /**
   * Not in the guide (its examples only ever call `on`): a build without it still works, its
   * listeners simply stay registered after teardown and are ignored.
   */
  off?<K extends TcccEventName>(event: K, listener: TcccListener<K>): void;
}

declare global {
  interface Window {
    tccc?: TcccGlobal;
  }
}
