/**
 * The desk's commands. Each one checks, in this order and before the SDK is called: the desk is
 * not destroyed (`destroyed`), the input is valid (`invalid_argument` naming the field), the SDK
 * is ready (`not_ready`), the session is live (`unknown_session`). Then it calls the SDK once and
 * maps `{ status: 'error' }` or a throw/rejection to `sdk_error` with the SDK's message (also
 * reported on `errors$`; the caller's own mistakes are not). Results
 * the SDK announces with no event (dial's session id, mute, hold, agent status) are dispatched.
 */
import { sdkErrorMessage, type CommonSDKResponse, type TcccGlobal } from '@tccc-desk/tccc-sdk';
import { dialed, held, internalStarted, muted, online, statusSet } from './actions';
import type { Desk } from './desk.types';
import { destroyedError, isDeskError, notReady, sdkError, unknownSession, type DeskError } from './errors';
import { browserSupported } from './preflight';
import { fieldsOf, text } from './session-transitions';
import { liveSession } from './state';
import type { DeskStore } from './store';
import { agentStatusArgs, dialArgs, digitsArgs, internalCallArgs, sessionIdArg, transferArgs } from './validation';

export interface CommandContext {
  readonly store: DeskStore;
  readonly clock: () => number;
  /** The loaded SDK, or null before it is ready. */
  sdk(): TcccGlobal | null;
  isDestroyed(): boolean;
  /** Rejects with `destroyed` when the desk is destroyed, so no command waits on a dead SDK. */
  readonly whenDestroyed: Promise<never>;
}

export type DeskCommands = Pick<Desk, 'call' | 'chat' | 'video' | 'agent' | 'devices' | 'ui'>;

type SessionCall = (tccc: TcccGlobal, options: { sessionId: string }) => unknown;

export function createCommands(ctx: CommandContext): DeskCommands {
  const { store } = ctx;

  function alive(): void {
    if (ctx.isDestroyed()) throw destroyedError();
  }

  function readySdk(): TcccGlobal {
    const status = store.state.lifecycle.status;
    const tccc = ctx.sdk();
    if (status !== 'ready' || !tccc) throw notReady(status);
    return tccc;
  }

  /** An SDK failure: rejected to the caller and reported on `errors$` (for logs and banners). */
  function sdkFailure(message: string, cause: unknown): DeskError {
    const error = sdkError(message, cause);
    store.reportError(error.toJSON());
    return error;
  }

  function live(sessionId: string): string {
    if (!liveSession(store.state, sessionId)) throw unknownSession(sessionId);
    return sessionId;
  }

  /** Call the SDK (synchronously, so nothing can change between the checks and the call). */
  async function invoke(run: () => unknown): Promise<unknown> {
    let response: unknown;
    try {
      response = await Promise.race([run(), ctx.whenDestroyed]);
    } catch (error) {
      if (isDeskError(error)) throw error;
      throw sdkFailure(thrownMessage(error), error);
    }
    if (fieldsOf(response)?.['status'] === 'error') throw sdkFailure(sdkErrorMessage(response as CommonSDKResponse), response);
    return response;
  }

  /** The common shape: a live session id in, `{ sessionId }` to the SDK; resolves the id. */
  async function onSession(sessionId: unknown, call: SessionCall): Promise<string> {
    return (await sessionResponse(sessionId, call)).id;
  }

  async function sessionResponse(sessionId: unknown, call: SessionCall): Promise<{ id: string; response: unknown }> {
    alive();
    const id = sessionIdArg(sessionId);
    const tccc = readySdk();
    live(id);
    return { id, response: await invoke(() => call(tccc, { sessionId: id })) };
  }

  const done = (): void => undefined;

  function deviceList(list: unknown, what: string): MediaDeviceInfo[] {
    if (!Array.isArray(list)) throw sdkFailure(`The SDK returned no list of ${what}.`, list);
    return list as MediaDeviceInfo[];
  }

  async function transfer(target: unknown, call: (tccc: TcccGlobal, options: ReturnType<typeof transferArgs>) => unknown): Promise<void> {
    alive();
    const options = transferArgs(target);
    const tccc = readySdk();
    live(options.sessionId);
    await invoke(() => call(tccc, options));
  }

  async function noSession(call: (tccc: TcccGlobal) => unknown): Promise<unknown> {
    alive();
    const tccc = readySdk();
    return invoke(() => call(tccc));
  }

  const call: DeskCommands['call'] = {
    async dial(options) {
      alive();
      const args = dialArgs(options);
      const tccc = readySdk();
      const response = (await invoke(() => tccc.Call.startOutboundCall(args))) as CommonSDKResponse | undefined;
      const data = fieldsOf(response?.data);
      if (!data || !text(data['sessionId'])) throw sdkFailure('The SDK placed the call but returned no sessionId.', response);
      const result = data as unknown as Awaited<ReturnType<DeskCommands['call']['dial']>>;
      store.dispatch(dialed(args, result, ctx.clock()));
      return result;
    },
    accept: (sessionId) => onSession(sessionId, (t, o) => t.Call.accept(o)).then(done),
    hangUp: (sessionId) => onSession(sessionId, (t, o) => t.Call.hungUp(o)).then(done),
    delete: (sessionId) => onSession(sessionId, (t, o) => t.Call.deleteCall(o)).then(done),
    mute: (sessionId) => onSession(sessionId, (t, o) => t.Call.muteMic(o)).then((id) => store.dispatch(muted(id, true))),
    unmute: (sessionId) => onSession(sessionId, (t, o) => t.Call.unmuteMic(o)).then((id) => store.dispatch(muted(id, false))),
    async isMuted(sessionId) {
      const { id, response } = await sessionResponse(sessionId, (t, o) => t.Call.isMicMuted(o));
      const flag = fieldsOf(response)?.['data'];
      if (typeof flag !== 'boolean') throw sdkFailure('The SDK did not say whether the microphone is muted.', response);
      store.dispatch(muted(id, flag));
      return flag;
    },
    hold: (sessionId) => onSession(sessionId, (t, o) => t.Call.hold(o)).then((id) => store.dispatch(held(id, true))),
    unhold: (sessionId) => onSession(sessionId, (t, o) => t.Call.unHold(o)).then((id) => store.dispatch(held(id, false))),
    transfer: (target) => transfer(target, (t, o) => t.Call.transfer(o)),
    async sendDigits(sessionId, digits) {
      alive();
      const options = digitsArgs(sessionId, digits);
      const tccc = readySdk();
      live(options.sessionId);
      await invoke(() => tccc.Call.sendDigits(options));
    },
    async internal(options) {
      alive();
      const args = internalCallArgs(options);
      const tccc = readySdk();
      const response = (await invoke(() => tccc.Call.startInternalCall(args))) as CommonSDKResponse | undefined;
      const sessionId = text(fieldsOf(response?.data)?.['sessionId']);
      if (!sessionId) throw sdkFailure('The SDK started the internal call but returned no sessionId.', response);
      store.dispatch(internalStarted(sessionId, args.calleeUserId, ctx.clock(), response?.data));
      return { sessionId };
    },
  };

  const chat: DeskCommands['chat'] = {
    accept: (sessionId) => onSession(sessionId, (t, o) => t.Chat.accept(o)).then(done),
    end: (sessionId) => onSession(sessionId, (t, o) => t.Chat.end(o)).then(done),
    transfer: (target) => transfer(target, (t, o) => t.Chat.transfer(o)),
  };

  const video: DeskCommands['video'] = {
    accept: (sessionId) => onSession(sessionId, (t, o) => t.Video.accept(o)).then(done),
    end: (sessionId) => onSession(sessionId, (t, o) => t.Video.end(o)).then(done),
    mute: (sessionId) => onSession(sessionId, (t, o) => t.Video.muteMic(o)).then((id) => store.dispatch(muted(id, true))),
    unmute: (sessionId) => onSession(sessionId, (t, o) => t.Video.unmuteMic(o)).then((id) => store.dispatch(muted(id, false))),
    muteVideo: (sessionId) => onSession(sessionId, (t, o) => t.Video.muteVideo(o)).then(done),
    unmuteVideo: (sessionId) => onSession(sessionId, (t, o) => t.Video.unmuteVideo(o)).then(done),
    transfer: (target) => transfer(target, (t, o) => t.Video.transfer(o)),
  };

  const agent: DeskCommands['agent'] = {
    online: () => noSession((t) => t.Agent.online()).then(() => store.dispatch(online(true))),
    offline: () => noSession((t) => t.Agent.offline()).then(() => store.dispatch(online(false))),
    async setStatus(options) {
      alive();
      const args = agentStatusArgs(options);
      const tccc = readySdk();
      await invoke(() => tccc.Agent.setStatus(args));
      store.dispatch(statusSet(args.status, args.restReason));
    },
  };

  const devices: DeskCommands['devices'] = {
    isBrowserSupported() {
      alive();
      return browserSupported(store.state.lifecycle.status === 'ready' ? ctx.sdk() : null);
    },
    microphones: () => noSession((t) => t.Devices.getMicrophones()).then((list) => deviceList(list, 'microphones')),
    speakers: () => noSession((t) => t.Devices.getSpeakers()).then((list) => deviceList(list, 'speakers')),
  };

  const ui: DeskCommands['ui'] = {
    show: () => noSession((t) => t.UI.show()).then(done),
    hide: () => noSession((t) => t.UI.hide()).then(done),
  };

  return { call, chat, video, agent, devices, ui };
}

/** What a thrown or rejected SDK call said: its errorMsg/errMsg (the guide's `throw res`), or the Error's message. */
function thrownMessage(error: unknown): string {
  const fields = fieldsOf(error);
  if (typeof fields?.['errorMsg'] === 'string' || typeof fields?.['errMsg'] === 'string') return sdkErrorMessage(fields);
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'The TCCC SDK call failed without a message.';
}
