/**
 * Every desk command as one row: how its input is validated, which channel and session state it
 * applies to, which SDK method it calls, and what the desk learns when it succeeds (the SDK sends
 * no event for mute, hold, a dial's session id…). `runCommand` (commands.ts) runs any row the same
 * way, so a rule (a check, an interceptor, a log) is added once.
 */
import type { CommonSDKResponse, TcccGlobal } from '@tccc-desk/tccc-sdk';
import {
  deleted,
  dialed,
  held,
  internalFailed,
  internalRequested,
  internalStarted,
  muted,
  online,
  statusRequestFailed,
  statusRequested,
  videoMuted,
} from './command-actions';
import type { DeskAction } from './actions';
import type { DeskSession, SessionChannel, SessionStatus } from './desk.types';
import { fieldsOf, text } from './payload-readers';
import { agentStatusArgs, dialArgs, digitsArgs, internalCallArgs, sessionIdArg, transferArgs } from './validation';

/** The SDK module that handles each channel (the guide: Call = phone and audio, Chat = online, Video). */
export type SdkModule = 'Call' | 'Chat' | 'Video';
export const MODULE_OF_CHANNEL: Readonly<Record<SessionChannel, SdkModule>> = {
  phone: 'Call',
  voip: 'Call',
  internal: 'Call',
  im: 'Chat',
  video: 'Video',
};
/** The desk namespace of each module. */
export const NAMESPACE_OF_MODULE: Readonly<Record<SdkModule, 'call' | 'chat' | 'video'>> = { Call: 'call', Chat: 'chat', Video: 'video' };

const LIVE: readonly SessionStatus[] = ['ringing', 'dialing', 'talking', 'held'];
const CONNECTED: readonly SessionStatus[] = ['talking', 'held'];
const PAST: readonly SessionStatus[] = ['ended', 'transferred'];

/** What a command needs of its session. */
export interface SessionRule {
  /** The module the session's channel must belong to. */
  module: SdkModule;
  states: readonly SessionStatus[];
  /** Where the session is looked up: the live list (default) or history (deleteCall). */
  in?: 'live' | 'history';
}

/** What a row's hooks may use. */
export interface SpecContext {
  dispatch(action: DeskAction): void;
  clock(): number;
  /** Reject as an SDK failure (reported on errors$). */
  sdkFailure(message: string, cause: unknown): Error;
}

export interface CommandSpec<Args extends unknown[] = unknown[], Params = unknown, Result = unknown> {
  /** `namespace.verb`, as on the Desk. */
  readonly name: string;
  /** The checked, normalised parameters, or throws `invalid_argument`. */
  validate(...args: Args): Params;
  /** The session the command acts on, and what it must be. */
  readonly session?: SessionRule & { id(params: Params): string };
  /** Just before the SDK call (e.g. mark a request pending). */
  before?(ctx: SpecContext, params: Params): void;
  sdk(tccc: TcccGlobal, params: Params): unknown;
  /** The SDK said yes: what the desk learns, and the command's result. */
  onSuccess?(ctx: SpecContext, params: Params, response: unknown, session: DeskSession | undefined): Result;
  /** The SDK said no (after it was called). */
  onFailure?(ctx: SpecContext, params: Params): void;
  /**
   * The same command for the same session while one is in flight joins it (a double-clicked
   * Accept): sent twice, the SDK refuses the second one, an error after a success.
   */
  readonly joinsInFlight?: true;
}

const spec = <Args extends unknown[], Params, Result = void>(row: CommandSpec<Args, Params, Result>): CommandSpec<Args, Params, Result> => row;

const bySession = (module: SdkModule, states: readonly SessionStatus[], where: 'live' | 'history' = 'live') => ({
  module,
  states,
  in: where,
  id: (sessionId: string) => sessionId,
});

/** A command on one session: `{ sessionId }` to the SDK. */
function sessionCommand(
  name: string,
  module: SdkModule,
  states: readonly SessionStatus[],
  sdk: (tccc: TcccGlobal, options: { sessionId: string }) => unknown,
  after?: (sessionId: string) => DeskAction,
): CommandSpec<[sessionId: unknown], string, void> {
  return spec({
    name,
    validate: (sessionId: unknown) => sessionIdArg(sessionId),
    session: bySession(module, states),
    sdk: (tccc, sessionId) => sdk(tccc, { sessionId }),
    onSuccess: after && ((ctx, sessionId) => ctx.dispatch(after(sessionId))),
    joinsInFlight: true,
  });
}

function transferCommand(name: string, module: SdkModule, sdk: (tccc: TcccGlobal, options: ReturnType<typeof transferArgs>) => unknown) {
  return spec({
    name,
    validate: (target: unknown) => transferArgs(target),
    session: { module, states: CONNECTED, id: (options: ReturnType<typeof transferArgs>) => options.sessionId },
    sdk,
  });
}

function sdkList(what: string) {
  return (ctx: SpecContext, _params: unknown, list: unknown): MediaDeviceInfo[] => {
    if (!Array.isArray(list)) throw ctx.sdkFailure(`The SDK returned no list of ${what}.`, list);
    return list as MediaDeviceInfo[];
  };
}

const noParams = (): undefined => undefined;

export const COMMAND_SPECS = {
  'call.dial': spec({
    name: 'call.dial',
    validate: (options: unknown) => dialArgs(options),
    sdk: (tccc, args) => tccc.Call.startOutboundCall(args),
    onSuccess(ctx, args, response) {
      const data = fieldsOf((response as CommonSDKResponse | undefined)?.data);
      // The session id is how the desk follows the call: the guide's example reads it too.
      if (!data || !text(data['sessionId'])) throw ctx.sdkFailure('The SDK placed the call but returned no sessionId.', response);
      const result = data as unknown as { sessionId: string };
      ctx.dispatch(dialed(args, result, ctx.clock()));
      return result;
    },
  }),
  'call.accept': sessionCommand('call.accept', 'Call', ['ringing'], (t, o) => t.Call.accept(o)),
  'call.hangUp': sessionCommand('call.hangUp', 'Call', LIVE, (t, o) => t.Call.hungUp(o)),
  // 删除会话: takes an ended session off the agent's session list (a live one is hung up first).
  'call.delete': spec({
    name: 'call.delete',
    validate: (sessionId: unknown) => sessionIdArg(sessionId),
    session: bySession('Call', PAST, 'history'),
    sdk: (tccc, sessionId) => tccc.Call.deleteCall({ sessionId }),
    onSuccess: (ctx, sessionId) => ctx.dispatch(deleted(sessionId)),
  }),
  'call.mute': sessionCommand('call.mute', 'Call', ['dialing', ...CONNECTED], (t, o) => t.Call.muteMic(o), (id) => muted(id, true)),
  'call.unmute': sessionCommand('call.unmute', 'Call', ['dialing', ...CONNECTED], (t, o) => t.Call.unmuteMic(o), (id) => muted(id, false)),
  'call.isMuted': spec({
    name: 'call.isMuted',
    validate: (sessionId: unknown) => sessionIdArg(sessionId),
    session: bySession('Call', ['dialing', ...CONNECTED]),
    sdk: (tccc, sessionId) => tccc.Call.isMicMuted({ sessionId }),
    onSuccess(ctx, sessionId, response, session) {
      // Where the SDK puts the flag is not documented: without one, what the desk knows.
      const flag = mutedFlagOf(response);
      if (flag === undefined) return session?.muted ?? false;
      ctx.dispatch(muted(sessionId, flag));
      return flag;
    },
  }),
  'call.hold': sessionCommand('call.hold', 'Call', ['talking'], (t, o) => t.Call.hold(o), (id) => held(id, true)),
  'call.unhold': sessionCommand('call.unhold', 'Call', ['held'], (t, o) => t.Call.unHold(o), (id) => held(id, false)),
  'call.transfer': transferCommand('call.transfer', 'Call', (t, o) => t.Call.transfer(o)),
  'call.sendDigits': spec({
    name: 'call.sendDigits',
    validate: (sessionId: unknown, digits?: unknown) => digitsArgs(sessionId, digits),
    session: { module: 'Call', states: ['talking'], id: (options: ReturnType<typeof digitsArgs>) => options.sessionId },
    sdk: (tccc, options) => tccc.Call.sendDigits(options),
  }),
  'call.internal': spec({
    name: 'call.internal',
    validate: (options: unknown) => internalCallArgs(options),
    before: (ctx, args) => ctx.dispatch(internalRequested(args.calleeUserId)),
    sdk: (tccc, args) => tccc.Call.startInternalCall(args),
    onSuccess(ctx, args, response): { sessionId?: string } {
      // The guide documents no data for startInternalCall: a session id is a bonus.
      const data = (response as CommonSDKResponse | undefined)?.data;
      const sessionId = text(fieldsOf(data)?.['sessionId']);
      ctx.dispatch(internalStarted(sessionId, args.calleeUserId, ctx.clock(), data));
      return sessionId === undefined ? {} : { sessionId };
    },
    onFailure: (ctx, args) => ctx.dispatch(internalFailed(args.calleeUserId)),
  }),

  'chat.accept': sessionCommand('chat.accept', 'Chat', ['ringing'], (t, o) => t.Chat.accept(o)),
  'chat.end': sessionCommand('chat.end', 'Chat', LIVE, (t, o) => t.Chat.end(o)),
  'chat.transfer': transferCommand('chat.transfer', 'Chat', (t, o) => t.Chat.transfer(o)),

  'video.accept': sessionCommand('video.accept', 'Video', ['ringing'], (t, o) => t.Video.accept(o)),
  'video.end': sessionCommand('video.end', 'Video', LIVE, (t, o) => t.Video.end(o)),
  'video.mute': sessionCommand('video.mute', 'Video', CONNECTED, (t, o) => t.Video.muteMic(o), (id) => muted(id, true)),
  'video.unmute': sessionCommand('video.unmute', 'Video', CONNECTED, (t, o) => t.Video.unmuteMic(o), (id) => muted(id, false)),
  'video.muteVideo': sessionCommand('video.muteVideo', 'Video', CONNECTED, (t, o) => t.Video.muteVideo(o), (id) => videoMuted(id, true)),
  'video.unmuteVideo': sessionCommand('video.unmuteVideo', 'Video', CONNECTED, (t, o) => t.Video.unmuteVideo(o), (id) => videoMuted(id, false)),
  'video.transfer': transferCommand('video.transfer', 'Video', (t, o) => t.Video.transfer(o)),

  'agent.online': spec({ name: 'agent.online', validate: noParams, sdk: (t) => t.Agent.online(), onSuccess: (ctx) => ctx.dispatch(online(true)) }),
  'agent.offline': spec({ name: 'agent.offline', validate: noParams, sdk: (t) => t.Agent.offline(), onSuccess: (ctx) => ctx.dispatch(online(false)) }),
  'agent.setStatus': spec({
    name: 'agent.setStatus',
    validate: (options: unknown) => agentStatusArgs(options),
    // Pending until the platform's statusChanged confirms it: never shown as the status itself.
    before: (ctx, args) => ctx.dispatch(statusRequested(args.status, args.restReason)),
    sdk: (tccc, args) => tccc.Agent.setStatus(args),
    onFailure: (ctx, args) => ctx.dispatch(statusRequestFailed(args.status)),
  }),

  'devices.microphones': spec({ name: 'devices.microphones', validate: noParams, sdk: (t) => t.Devices.getMicrophones(), onSuccess: sdkList('microphones') }),
  'devices.speakers': spec({ name: 'devices.speakers', validate: noParams, sdk: (t) => t.Devices.getSpeakers(), onSuccess: sdkList('speakers') }),

  'ui.show': spec({ name: 'ui.show', validate: noParams, sdk: (t) => t.UI.show() }),
  'ui.hide': spec({ name: 'ui.hide', validate: noParams, sdk: (t) => t.UI.hide() }),
} as const;

export type CommandName = keyof typeof COMMAND_SPECS;

/**
 * The same verb in another module, for a `wrong_channel` hint (hangUp ↔ end); when it has none,
 * the commands that module has (a chat has no hold, a video no keypad).
 */
export function equivalentCommand(name: string, module: SdkModule): string | readonly string[] {
  const verb = name.slice(name.indexOf('.') + 1);
  const namespace = NAMESPACE_OF_MODULE[module];
  const candidates = verb === 'hangUp' || verb === 'end' ? ['end', 'hangUp'] : [verb];
  for (const candidate of candidates) if (`${namespace}.${candidate}` in COMMAND_SPECS) return `${namespace}.${candidate}`;
  return Object.keys(COMMAND_SPECS).filter((command) => command.startsWith(`${namespace}.`));
}

/**
 * `isMicMuted`'s answer. The guide documents only `Promise<CommonSDKResponse>`, not where the
 * flag is: `data` as a boolean, `data.muted`/`data.isMuted`, or undefined when it is not there.
 */
export function mutedFlagOf(response: unknown): boolean | undefined {
  const data = fieldsOf(response)?.['data'];
  if (typeof data === 'boolean') return data;
  const inner = fieldsOf(data);
  for (const key of ['muted', 'isMuted', 'isMicMuted']) if (typeof inner?.[key] === 'boolean') return inner[key] as boolean;
  return undefined;
}
