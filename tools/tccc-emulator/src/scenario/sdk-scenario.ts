// The emulated SDK's server side in one place: the pages and their event streams, the call
// center, scenario settings, fail-next rules and the timers. Routes (control, RPC, events, script)
// stay thin and call this; startEmulator exposes it as `emulator.scenario` for in-process tests.
import type { CloseBy, CommonSDKResponse, PlatformAgentStatus } from '@tccc-desk/tccc-sdk';
import { z } from 'zod';
import type { Clock } from '../clock';
import type { DevRpcMethod, SdkRpcMethod } from '../protocol/sdk-protocol';
import { TimerSet, type Scheduler } from '../scheduler';
import { CallCenter, ScenarioError, type AgentSummary } from './call-center';
import { FailNextRules } from './fail-next';
import { inboundSpecSchema, type InboundSpec } from './inbound-spec';
import { PageHub, type Page, type PageSummary } from './page-hub';
import { runSdkCommand } from './sdk-commands';
import { failed, ok } from './sdk-response';
import { SdkSettingsStore, type SdkSettings, type SdkSettingsPatch } from './sdk-settings';
import type { SessionSummary } from './session';

export interface SdkScenarioOptions {
  clock: Clock;
  scheduler: Scheduler;
  /** Default of the readyDelayMs setting. */
  readyDelayMs: number;
}

export interface SdkState {
  pages: PageSummary[];
  sessions: SessionSummary[];
  agents: Record<string, PlatformAgentStatus>;
  /** Status, online and rest reason per seat. */
  agentDetails: Record<string, AgentSummary>;
  scriptsServed: number;
  settings: SdkSettings;
  failNext: Record<string, number>;
}

const devInboundSchema = z.object({ type: z.enum(['phone', 'im', 'voip', 'video', 'internal']).default('phone') });
const devSessionSchema = z.object({ sessionId: z.string().min(1).max(200).optional() });

export class SdkScenario {
  readonly settings: SdkSettingsStore;
  readonly pages: PageHub;
  readonly center: CallCenter;
  private readonly failNextRules = new FailNextRules();
  private readonly timers: TimerSet;
  private scriptsServed = 0;

  constructor(options: SdkScenarioOptions) {
    this.settings = new SdkSettingsStore({
      scriptStatus: 200,
      readyDelayMs: options.readyDelayMs,
      neverReady: false,
      tokenExpiredOnLoad: false,
      afterCallWork: false,
      calleeAutoAnswerMs: null,
      callOutedDelayMs: 300,
    });
    this.pages = new PageHub(options.clock);
    this.timers = new TimerSet(options.scheduler);
    this.center = new CallCenter({
      clock: options.clock,
      timers: this.timers,
      settings: this.settings,
      emit: (seat, event, payload) => this.pages.push(seat, event, payload),
      isSeatConnected: (seat) => this.pages.isSeatConnected(seat),
    });
  }

  /** A script was served for this seat: a new page with its own credential. */
  registerPage(seatUserId: string): Page {
    this.scriptsServed += 1;
    return this.pages.register(seatUserId);
  }

  // --- control ----------------------------------------------------------------------------------

  /** The seat a control request is about: the one named (it must have a page), else the latest page's. */
  resolveSeat(seatUserId?: string): string {
    if (seatUserId !== undefined) {
      if (!this.pages.isSeatConnected(seatUserId)) throw new ScenarioError(409, `No SDK page is connected for seat ${seatUserId}`);
      return seatUserId;
    }
    const seat = this.pages.defaultSeat();
    if (!seat) throw new ScenarioError(409, 'No SDK page is connected: load the SDK in a page first');
    return seat;
  }

  ringInbound(spec: InboundSpec): { sessionId: string; seatUserId: string } {
    const seatUserId = this.resolveSeat(spec.seatUserId);
    const session = this.center.ringInbound(seatUserId, spec);
    return { sessionId: session.sessionId, seatUserId };
  }

  answer(sessionId: string): void {
    this.center.farAnswer(sessionId);
  }

  reject(sessionId: string): void {
    this.center.farReject(sessionId);
  }

  hangup(sessionId: string): void {
    this.center.farHangup(sessionId);
  }

  closeSession(sessionId: string, closeBy: CloseBy = 'admin', reasons: { mainReason?: string; subReason?: string } = {}): void {
    this.center.close(sessionId, closeBy, reasons);
  }

  failNext(method: SdkRpcMethod, message: string): void {
    this.failNextRules.add(method, message);
  }

  updateSettings(patch: SdkSettingsPatch): SdkSettings {
    return this.settings.update(patch);
  }

  /** `tokenExpired` to the seat's pages, or to every connected page; how many got it. */
  tokenExpired(seatUserId: string | undefined, message: string): number {
    const targets = this.pages.connected().filter((page) => seatUserId === undefined || page.seatUserId === seatUserId);
    if (targets.length === 0) throw new ScenarioError(409, seatUserId ? `No SDK page is connected for seat ${seatUserId}` : 'No SDK page is connected');
    for (const page of targets) this.pages.pushToPage(page, 'tokenExpired', { message });
    return targets.length;
  }

  state(): SdkState {
    return {
      pages: this.pages.summaries(),
      sessions: this.center.summaries(),
      agents: this.center.agentStatuses(),
      agentDetails: this.center.agentSummaries(),
      scriptsServed: this.scriptsServed,
      settings: this.settings.get(),
      failNext: this.failNextRules.pending(),
    };
  }

  /** POST /control/reset: settings, sessions (and their timers), agents and fail-next rules. Pages stay connected. */
  reset(): void {
    this.settings.reset();
    this.center.reset();
    this.failNextRules.clear();
    this.scriptsServed = 0;
  }

  close(): void {
    this.center.reset();
    this.pages.close();
  }

  // --- the page ---------------------------------------------------------------------------------

  runCommand(page: Page, method: SdkRpcMethod, params: unknown): CommonSDKResponse<unknown> {
    const injected = this.failNextRules.take(method);
    if (injected !== undefined) return failed(injected);
    return runSdkCommand(this.center, page.seatUserId, method, params);
  }

  /** The workbench's "simulate" buttons (development). */
  runDevCommand(page: Page, method: DevRpcMethod, params: unknown): CommonSDKResponse<unknown> {
    try {
      if (method === 'Emulator.simulateInbound') {
        const { type } = devInboundSchema.parse(params ?? {});
        const session = this.center.ringInbound(page.seatUserId, inboundSpecSchema.parse({ type }));
        return ok({ sessionId: session.sessionId });
      }
      const { sessionId } = devSessionSchema.parse(params ?? {});
      const target = sessionId ?? this.center.latestLive(page.seatUserId)?.sessionId;
      if (!target) return failed('No live session');
      if (method === 'Emulator.farAnswer') this.center.farAnswer(target);
      else this.center.farHangup(target);
      return ok({ sessionId: target });
    } catch (error) {
      return failed(error instanceof Error ? error.message : 'Failed');
    }
  }
}
