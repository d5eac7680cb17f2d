// The emulated platform's state machine: sessions and agent status per seat, driven from two
// sides: the seat's SDK commands (accept, hang up, hold, …) and the far party or the platform
// (control API: ring, answer, reject, hang up, timeouts). Every change is pushed to the seat's
// pages as the documented SDK events, in the documented order.
import { randomUUID } from 'node:crypto';
import type {
  AgentSetStatus,
  CallInType,
  CloseBy,
  CommonSDKResponse,
  PlatformAgentStatus,
  StartOutboundCallData,
  TcccEventMap,
  TcccEventName,
} from '@tccc-desk/tccc-sdk';
import type { Clock } from '../clock';
import type { TimerSet } from '../scheduler';
import { callInPayload, type InboundSpec } from './inbound-spec';
import type { SdkSettingsStore } from './sdk-settings';
import { failed, ok } from './sdk-response';
import { isConnected, isLive, summarize, type Session, type SessionDirection, type SessionSummary } from './session';

const MAX_LIVE_SESSIONS = 1000;
const MAX_ENDED_SESSIONS = 200;
const DEFAULT_CALLER_NUMBER = '02161234567';

/** Which SDK module handles which channel: Call = phone/voip/internal, Chat = im, Video = video. */
export type SdkModule = 'Call' | 'Chat' | 'Video';
const MODULE_OF: Record<CallInType, SdkModule> = { phone: 'Call', voip: 'Call', internal: 'Call', im: 'Chat', video: 'Video' };

/** A control request the current state does not allow (HTTP 404 / 409 / 429). */
export class ScenarioError extends Error {
  constructor(
    readonly status: 404 | 409 | 429,
    message: string,
  ) {
    super(message);
  }
}

interface AgentRecord {
  status: PlatformAgentStatus;
  online: boolean;
  /** The reason given with the last `setStatus({ status: 'rest', restReason })`. */
  restReason?: string;
  /** The session whose after-call work is under way (status 'arrange'). */
  wrapUpSessionId?: string;
}

export type Emit = <K extends TcccEventName>(seatUserId: string, event: K, payload: TcccEventMap[K]) => void;

export interface CallCenterDeps {
  clock: Clock;
  timers: TimerSet;
  settings: SdkSettingsStore;
  emit: Emit;
  /** Whether a seat has an SDK page open (an internal call rings the callee's page when it does). */
  isSeatConnected?: (seatUserId: string) => boolean;
}

/** A seat's agent as the platform sees it (control API state). */
export interface AgentSummary {
  status: PlatformAgentStatus;
  online: boolean;
  restReason?: string;
}

export interface OutboundOptions {
  phoneNumber: string;
  phoneDesc?: string;
  callerPhoneNumber?: string;
}

export class CallCenter {
  private readonly sessions = new Map<string, Session>();
  private readonly agents = new Map<string, AgentRecord>();

  constructor(private readonly deps: CallCenterDeps) {}

  // --- the far party and the platform (control API) --------------------------------------------

  ringInbound(seatUserId: string, spec: InboundSpec): Session {
    const sessionId = spec.sessionId ?? randomUUID();
    if (this.sessions.has(sessionId)) throw new ScenarioError(409, `Session ${sessionId} already exists`);
    const unavailable = this.unavailableReason(seatUserId);
    if (unavailable) throw new ScenarioError(409, `The platform offers no contacts to ${seatUserId}: ${unavailable}`);
    const session = this.create(seatUserId, spec.type, 'inbound', 'ringing', sessionId);
    const payload = callInPayload(spec, sessionId);
    this.emit(session, 'callIn', payload);
    if (payload.timeout > 0) {
      session.cancels.push(
        this.deps.timers.after(payload.timeout * 1000, () => {
          if (session.status !== 'ringing') return;
          this.emit(session, 'autoTransfer', { sessionId });
          this.end(session, 'timer');
        }),
      );
    }
    return session;
  }

  /** The callee of an outbound (or internal) call answers. */
  farAnswer(sessionId: string): void {
    const session = this.live(sessionId);
    if (session.status !== 'dialing') throw new ScenarioError(409, `Session ${sessionId} is ${session.status}: only a call being dialled can be answered by the far party`);
    this.ensureCallOuted(session);
    this.emit(session, 'calloutAccepted', { sessionId });
    this.connect(session);
  }

  /** The callee rejects (or is unreachable), or an inbound caller gives up while ringing. */
  farReject(sessionId: string): void {
    const session = this.live(sessionId);
    if (session.status !== 'dialing' && session.status !== 'ringing') {
      throw new ScenarioError(409, `Session ${sessionId} is ${session.status}: only a ringing or dialling call can be rejected; use hangup`);
    }
    this.ensureCallOuted(session);
    this.end(session, 'client');
  }

  farHangup(sessionId: string): void {
    const session = this.live(sessionId);
    this.ensureCallOuted(session);
    this.end(session, 'client');
  }

  /** Ends a session as someone else would: the admin (default), the platform's timer, … */
  close(sessionId: string, closeBy: CloseBy, reasons: { mainReason?: string; subReason?: string } = {}): void {
    const session = this.live(sessionId);
    this.ensureCallOuted(session);
    this.end(session, closeBy, reasons);
  }

  // --- the seat's SDK commands ------------------------------------------------------------------

  startOutbound(seatUserId: string, options: OutboundOptions): CommonSDKResponse<StartOutboundCallData> {
    const busy = this.voiceCallOf(seatUserId);
    if (busy) return failed(`The agent already has a call in progress (${busy.sessionId})`);
    const session = this.tryCreate(seatUserId, 'phone', 'outbound');
    if (!session) return failed('Too many sessions');
    const data: StartOutboundCallData = {
      sessionId: session.sessionId,
      calleePhoneNumber: options.phoneNumber,
      callerPhoneNumber: options.callerPhoneNumber ?? DEFAULT_CALLER_NUMBER,
      serverType: 'staffSeat',
      ...(options.phoneDesc ? { remark: options.phoneDesc } : {}),
    };
    this.dial(session, () => ({
      sessionId: session.sessionId,
      calleePhoneNumber: data.calleePhoneNumber,
      callerPhoneNumber: data.callerPhoneNumber,
      ...(data.remark ? { remark: data.remark } : {}),
    }));
    return ok(data);
  }

  startInternal(seatUserId: string, calleeUserId: string): CommonSDKResponse<{ sessionId: string }> {
    if (calleeUserId === seatUserId) return failed('An agent cannot call their own seat');
    const busy = this.voiceCallOf(seatUserId);
    if (busy) return failed(`The agent already has a call in progress (${busy.sessionId})`);
    const session = this.tryCreate(seatUserId, 'internal', 'internal');
    if (!session) return failed('Too many sessions');
    if (this.deps.isSeatConnected?.(calleeUserId)) {
      // The callee's page rings (an internal callIn); its accept answers the caller.
      const unavailable = this.unavailableReason(calleeUserId);
      if (unavailable) {
        this.sessions.delete(session.sessionId);
        return failed(`${calleeUserId} cannot take calls: ${unavailable}`);
      }
      this.ringCallee(session, calleeUserId);
      this.dial(session, () => ({ sessionId: session.sessionId }), false);
    } else {
      this.dial(session, () => ({ sessionId: session.sessionId }));
    }
    return ok({ sessionId: session.sessionId });
  }

  accept(seatUserId: string, module: SdkModule, sessionId: string): CommonSDKResponse {
    const session = this.own(seatUserId, module, sessionId);
    if (typeof session === 'string') return failed(session);
    if (session.status !== 'ringing') return failed(`Session ${sessionId} is ${session.status}, not ringing`);
    this.emit(session, 'userAccessed', { sessionId });
    this.connect(session);
    const caller = this.linkedLive(session);
    if (caller?.status === 'dialing') this.farAnswer(caller.sessionId);
    return ok();
  }

  /** Call.hungUp, Chat.end, Video.end: the seat ends (or declines, or cancels) the session. */
  hangUp(seatUserId: string, module: SdkModule, sessionId: string): CommonSDKResponse {
    const session = this.own(seatUserId, module, sessionId);
    if (typeof session === 'string') return failed(session);
    if (!isLive(session)) return failed(`Session ${sessionId} has already ended`);
    this.end(session, 'seat');
    return ok();
  }

  /**
   * 删除会话: the guide gives only the name. The emulator reads it as taking an ended session off
   * the seat's session list (what the workbench shows); a live session is hung up first.
   */
  deleteCall(seatUserId: string, sessionId: string): CommonSDKResponse {
    const session = this.own(seatUserId, 'Call', sessionId);
    if (typeof session === 'string') return failed(session);
    if (isLive(session)) return failed(`Session ${sessionId} is still ${session.status}: hang up first`);
    this.sessions.delete(sessionId);
    return ok();
  }

  transfer(seatUserId: string, module: SdkModule, options: { sessionId: string; skillGroupId?: string; userId?: string }): CommonSDKResponse {
    const session = this.own(seatUserId, module, options.sessionId);
    if (typeof session === 'string') return failed(session);
    if (!isConnected(session)) return failed(`Session ${options.sessionId} is ${session.status}: only a connected session can be transferred`);
    // The guide makes both targets optional; with neither the platform picks (emulated: the queue).
    this.emit(session, 'transfer', {
      sessionId: session.sessionId,
      ...(options.skillGroupId ? { skillGroupId: options.skillGroupId } : {}),
      ...(options.userId ? { userId: options.userId } : {}),
    });
    this.end(session, 'seat');
    return ok();
  }

  setHeld(seatUserId: string, sessionId: string, held: boolean): CommonSDKResponse {
    const session = this.own(seatUserId, 'Call', sessionId);
    if (typeof session === 'string') return failed(session);
    const from = held ? 'talking' : 'held';
    if (session.status !== from) return failed(`Session ${sessionId} is ${session.status}, not ${from}`);
    session.status = held ? 'held' : 'talking';
    return ok();
  }

  setMicMuted(seatUserId: string, module: SdkModule, sessionId: string, muted: boolean): CommonSDKResponse {
    const session = this.own(seatUserId, module, sessionId);
    if (typeof session === 'string') return failed(session);
    if (!isConnected(session)) return failed(`Session ${sessionId} is ${session.status}: the microphone is only live in a connected call`);
    session.muted = muted;
    return ok();
  }

  setVideoMuted(seatUserId: string, sessionId: string, muted: boolean): CommonSDKResponse {
    const session = this.own(seatUserId, 'Video', sessionId);
    if (typeof session === 'string') return failed(session);
    if (!isConnected(session)) return failed(`Session ${sessionId} is ${session.status}: the camera is only live in a connected call`);
    session.videoMuted = muted;
    return ok();
  }

  isMicMuted(seatUserId: string, sessionId: string): CommonSDKResponse<boolean> {
    const session = this.own(seatUserId, 'Call', sessionId);
    if (typeof session === 'string') return failed(session);
    if (!isLive(session)) return failed(`Session ${sessionId} has already ended`);
    return ok(session.muted);
  }

  sendDigits(seatUserId: string, sessionId: string, dtmfText: string | undefined): CommonSDKResponse {
    const session = this.own(seatUserId, 'Call', sessionId);
    if (typeof session === 'string') return failed(session);
    if (session.status !== 'talking') return failed(`Session ${sessionId} is ${session.status}: digits can only be sent while talking`);
    // dtmfText is optional in the guide: without it there is nothing to send.
    if (dtmfText !== undefined && dtmfText !== '' && !/^[0-9*#]{1,64}$/.test(dtmfText)) return failed('dtmfText must be 1-64 of 0-9 * #');
    return ok();
  }

  setStatus(seatUserId: string, status: AgentSetStatus, restReason?: string): CommonSDKResponse {
    const agent = this.agent(seatUserId);
    if (!agent.online) return failed('The agent is offline: call Agent.online() first');
    if (agent.status === 'busy') return failed('The agent is in a call; the status changes when it ends');
    const next: PlatformAgentStatus = status === 'stopNotReady' ? 'free' : status;
    if (next !== 'arrange') this.completeWrapUp(seatUserId, agent);
    agent.restReason = next === 'rest' ? restReason : undefined;
    this.setAgentStatus(seatUserId, next);
    return ok();
  }

  /**
   * Agent.online / offline (documented as `void`, no status given): offline stops inbound contacts
   * and shows the seat as notReady (once its call, if any, is over); online makes it free again.
   */
  setOnline(seatUserId: string, online: boolean): CommonSDKResponse {
    const agent = this.agent(seatUserId);
    if (agent.online === online) return ok();
    agent.online = online;
    if (agent.status !== 'busy') {
      if (online) this.completeWrapUp(seatUserId, agent);
      agent.restReason = undefined;
      this.setAgentStatus(seatUserId, online ? 'free' : 'notReady');
    }
    return ok();
  }

  // --- inspection and lifecycle -----------------------------------------------------------------

  session(sessionId: string): SessionSummary | undefined {
    const session = this.sessions.get(sessionId);
    return session && summarize(session);
  }

  summaries(): SessionSummary[] {
    return [...this.sessions.values()].map(summarize);
  }

  agentStatuses(): Record<string, PlatformAgentStatus> {
    return Object.fromEntries([...this.agents].map(([seat, agent]) => [seat, agent.status]));
  }

  agentSummaries(): Record<string, AgentSummary> {
    return Object.fromEntries(
      [...this.agents].map(([seat, { status, online, restReason }]) => [seat, restReason === undefined ? { status, online } : { status, online, restReason }]),
    );
  }

  /** The seat's newest live session (the workbench's dev buttons act on it). */
  latestLive(seatUserId: string): Session | undefined {
    return [...this.sessions.values()].filter((s) => s.seatUserId === seatUserId && isLive(s)).at(-1);
  }

  reset(): void {
    this.deps.timers.clear();
    this.sessions.clear();
    this.agents.clear();
  }

  // --- internals --------------------------------------------------------------------------------

  /** Why the platform would not offer this seat a contact now, or undefined. */
  private unavailableReason(seatUserId: string): string | undefined {
    const agent = this.agent(seatUserId);
    if (!agent.online) return 'the agent is offline';
    if (agent.status === 'rest') return 'the agent is resting';
    if (agent.status === 'notReady') return 'the agent is not ready';
    return undefined;
  }

  /** The callee's side of an internal call: an `internal` callIn on its page. */
  private ringCallee(caller: Session, calleeUserId: string): void {
    const callee = this.create(calleeUserId, 'internal', 'internal', 'ringing', randomUUID());
    callee.linkedSessionId = caller.sessionId;
    caller.linkedSessionId = callee.sessionId;
    const timeout = 30;
    this.emit(callee, 'callIn', { sessionId: callee.sessionId, type: 'internal', timeout, peerUserId: caller.seatUserId });
    callee.cancels.push(
      this.deps.timers.after(timeout * 1000, () => {
        if (callee.status === 'ringing') this.end(callee, 'timer');
      }),
    );
  }

  private linkedLive(session: Session): Session | undefined {
    const linked = session.linkedSessionId === undefined ? undefined : this.sessions.get(session.linkedSessionId);
    return linked && isLive(linked) ? linked : undefined;
  }

  private emit<K extends TcccEventName>(session: Session, event: K, payload: TcccEventMap[K]): void {
    this.deps.emit(session.seatUserId, event, payload);
  }

  private agent(seatUserId: string): AgentRecord {
    let agent = this.agents.get(seatUserId);
    if (!agent) {
      if (this.agents.size >= MAX_LIVE_SESSIONS) this.agents.delete(this.agents.keys().next().value as string);
      agent = { status: 'free', online: true };
      this.agents.set(seatUserId, agent);
    }
    return agent;
  }

  private setAgentStatus(seatUserId: string, status: PlatformAgentStatus): void {
    this.agent(seatUserId).status = status;
    this.deps.emit(seatUserId, 'statusChanged', { status });
  }

  /** After-call work is over (the agent moved on): `sessionCompleted` for that session. */
  private completeWrapUp(seatUserId: string, agent: AgentRecord): void {
    if (!agent.wrapUpSessionId) return;
    const sessionId = agent.wrapUpSessionId;
    agent.wrapUpSessionId = undefined;
    this.deps.emit(seatUserId, 'sessionCompleted', { sessionId });
  }

  private tryCreate(seatUserId: string, type: CallInType, direction: SessionDirection): Session | undefined {
    try {
      return this.create(seatUserId, type, direction, 'dialing', randomUUID());
    } catch {
      return undefined;
    }
  }

  private create(seatUserId: string, type: CallInType, direction: SessionDirection, status: 'ringing' | 'dialing', sessionId: string): Session {
    const live = [...this.sessions.values()].filter(isLive).length;
    if (live >= MAX_LIVE_SESSIONS) throw new ScenarioError(429, `Too many live sessions (${MAX_LIVE_SESSIONS}); end some or POST /control/reset`);
    const session: Session = {
      sessionId,
      seatUserId,
      type,
      direction,
      status,
      muted: false,
      videoMuted: false,
      callOuted: false,
      createdAt: this.deps.clock(),
      cancels: [],
    };
    this.sessions.set(sessionId, session);
    return session;
  }

  /** callOuted after the configured delay; the callee answers by itself when calleeAutoAnswerMs is set. */
  private dial(session: Session, callOutedPayload: () => TcccEventMap['callOuted'], autoAnswer = true): void {
    const { callOutedDelayMs, calleeAutoAnswerMs } = this.deps.settings.get();
    session.callOutedPayload = callOutedPayload;
    session.cancels.push(this.deps.timers.after(callOutedDelayMs, () => this.ensureCallOuted(session)));
    if (autoAnswer && calleeAutoAnswerMs !== null) {
      session.cancels.push(
        this.deps.timers.after(callOutedDelayMs + calleeAutoAnswerMs, () => {
          if (session.status === 'dialing') this.farAnswer(session.sessionId);
        }),
      );
    }
  }

  private ensureCallOuted(session: Session): void {
    if (session.status !== 'dialing' || session.callOuted) return;
    session.callOuted = true;
    this.emit(session, 'callOuted', session.callOutedPayload?.() ?? { sessionId: session.sessionId });
  }

  private connect(session: Session): void {
    this.cancelTimers(session);
    session.status = 'talking';
    session.answeredAt = this.deps.clock();
    const agent = this.agent(session.seatUserId);
    if (agent.status === 'busy') return;
    this.completeWrapUp(session.seatUserId, agent);
    this.setAgentStatus(session.seatUserId, 'busy');
  }

  private end(session: Session, closeBy: CloseBy, reasons: { mainReason?: string; subReason?: string } = {}): void {
    if (!isLive(session)) return;
    const wasConnected = isConnected(session);
    this.cancelTimers(session);
    session.status = 'ended';
    session.endedAt = this.deps.clock();
    const duration = session.answeredAt === undefined ? 0 : Math.round((session.endedAt - session.answeredAt) / 1000);
    this.emit(session, 'sessionEnded', { sessionId: session.sessionId, closeBy, type: session.type, duration, ...reasons });
    this.forgetOldEnded();
    if (wasConnected) this.afterConnectedSessionEnded(session);
    // The other seat of an internal call: its peer is gone.
    const linked = this.linkedLive(session);
    if (linked) {
      this.ensureCallOuted(linked);
      this.end(linked, closeBy === 'timer' ? 'timer' : 'client');
    }
  }

  /** busy → arrange (after-call work on) or free, once the seat's last connected session ended. */
  private afterConnectedSessionEnded(session: Session): void {
    const seat = session.seatUserId;
    const agent = this.agent(seat);
    if (agent.status !== 'busy') return;
    if ([...this.sessions.values()].some((s) => s.seatUserId === seat && isConnected(s))) return;
    if (!agent.online) {
      this.setAgentStatus(seat, 'notReady'); // went offline during the call
    } else if (this.deps.settings.get().afterCallWork) {
      agent.wrapUpSessionId = session.sessionId;
      this.setAgentStatus(seat, 'arrange');
    } else {
      this.setAgentStatus(seat, 'free');
    }
  }

  private cancelTimers(session: Session): void {
    for (const cancel of session.cancels.splice(0)) cancel();
  }

  private forgetOldEnded(): void {
    const ended = [...this.sessions.values()].filter((s) => !isLive(s));
    for (const session of ended.slice(0, Math.max(0, ended.length - MAX_ENDED_SESSIONS))) this.sessions.delete(session.sessionId);
  }

  private live(sessionId: string): Session {
    const session = this.sessions.get(sessionId);
    if (!session) throw new ScenarioError(404, `No session ${sessionId}`);
    if (!isLive(session)) throw new ScenarioError(409, `Session ${sessionId} has already ended`);
    return session;
  }

  /** The seat's session handled by this module, or why not. */
  private own(seatUserId: string, module: SdkModule, sessionId: string): Session | string {
    const session = this.sessions.get(sessionId);
    if (!session || session.seatUserId !== seatUserId) return `Session ${sessionId} not found`;
    const expected = MODULE_OF[session.type];
    if (expected !== module) return `Session ${sessionId} is a ${session.type} session: use tccc.${expected}`;
    return session;
  }

  private voiceCallOf(seatUserId: string): Session | undefined {
    return [...this.sessions.values()].find(
      (s) => s.seatUserId === seatUserId && MODULE_OF[s.type] === 'Call' && (s.status === 'dialing' || isConnected(s)),
    );
  }
}
