/**
 * The desk's commands: the rows of command-specs.ts, each run by `runCommand`, which checks in
 * this order and before the SDK is called: the desk is not destroyed (`destroyed`), the input is
 * valid (`invalid_argument` naming the field), the SDK is ready (`not_ready`), the session exists
 * (`unknown_session`), belongs to the command's module (`wrong_channel`) and is in a state the
 * command applies to (`invalid_state`). Then it calls the SDK once and maps `{ status: 'error' }`
 * or a throw/rejection to `sdk_error` with the SDK's message (also reported on `errors$`; the
 * caller's own mistakes are not). A session command (accept, end, hold, mute…) repeated while the
 * same one for the same session is in flight gets that one's promise: the SDK is called once.
 */
import { sdkErrorMessage, type CommonSDKResponse, type TcccGlobal } from '@tccc-desk/tccc-sdk';
import { COMMAND_SPECS, MODULE_OF_CHANNEL, equivalentCommand, type CommandSpec, type SpecContext } from './command-specs';
import type { Desk, DeskSession } from './desk.types';
import { invalidState, notReady, sdkError, unknownSession, wrongChannel } from './command-errors';
import { destroyedError, isDeskError, type DeskError } from './errors';
import { fieldsOf } from './payload-readers';
import { browserSupported } from './browser-support';
import { liveSession, pastSession } from './state';
import type { DeskStore } from './store';
import { untilAborted } from './until-aborted';
import type { CommandRecord } from './diagnostics';
import { outcomeError, runAfter, runBefore } from './interceptor-chain';
import type { Interceptors } from './interceptors';

export interface CommandContext {
  readonly store: DeskStore;
  readonly clock: () => number;
  /** The loaded SDK, or null before it is ready. */
  sdk(): TcccGlobal | null;
  /** Aborted when the desk is destroyed, so no command waits on a dead SDK. */
  readonly destroyed: AbortSignal;
  /** The host's interceptors (desk.intercept). */
  readonly interceptors: Interceptors;
  /** Each command as it settled, with its timing (for diagnostics). */
  onCommand?(record: CommandRecord): void;
}

export type DeskCommands = Pick<Desk, 'call' | 'chat' | 'video' | 'agent' | 'devices' | 'ui'>;

export function createCommands(ctx: CommandContext): DeskCommands {
  const { store } = ctx;

  /** An SDK failure: rejected to the caller and reported on `errors$` (for logs and banners). */
  function sdkFailure(message: string, cause: unknown): DeskError {
    const error = sdkError(message, cause);
    store.reportError(error.toJSON());
    return error;
  }

  const specContext: SpecContext = { dispatch: (action) => store.dispatch(action), clock: ctx.clock, sdkFailure };

  function alive(): void {
    if (ctx.destroyed.aborted) throw destroyedError();
  }

  function readySdk(): TcccGlobal {
    const status = store.state.lifecycle.status;
    const tccc = ctx.sdk();
    if (status !== 'ready' || !tccc) throw notReady(status);
    return tccc;
  }

  function checkedSession<P>(spec: CommandSpec<never[], P, unknown>, params: P): DeskSession | undefined {
    const rule = spec.session;
    if (!rule) return undefined;
    const id = rule.id(params);
    const state = store.state;
    const session = rule.in === 'history' ? pastSession(state, id) : liveSession(state, id);
    if (!session) {
      if (rule.in === 'history' && liveSession(state, id)) throw invalidState(id, liveSession(state, id)?.status ?? 'live', spec.name, rule.states);
      const past = rule.in === 'history' ? undefined : pastSession(state, id);
      throw unknownSession(id, rule.in, past && { status: past.status, command: spec.name });
    }
    // An adopted session whose channel is a guess: let the SDK decide.
    const module = MODULE_OF_CHANNEL[session.channel];
    if (session.channelKnown !== false && module !== rule.module) {
      throw wrongChannel(id, session.channel, spec.name, equivalentCommand(spec.name, module));
    }
    if (!rule.states.includes(session.status)) throw invalidState(id, session.status, spec.name, rule.states);
    return session;
  }

  /**
   * A command with its interceptors: the input is checked first (no host code sees a malformed
   * call), then every `before` in order (it may change the arguments, checked again, or block),
   * then the command as below, then every `after`. Without interceptors, just the command.
   */
  async function runCommand<Args extends unknown[], P, R>(spec: CommandSpec<Args, P, R>, args: Args): Promise<R> {
    const chain = ctx.interceptors.of(spec.name);
    if (chain.length === 0) return execute(spec, args);
    alive();
    spec.validate(...args);
    let finalArgs: Args;
    try {
      finalArgs = (await untilAborted(runBefore(chain, spec.name, args), ctx.destroyed, destroyedError)) as Args;
    } catch (error) {
      if (isDeskError(error) && error.code === 'interceptor_failed') store.reportError(error.toJSON());
      throw error;
    }
    const command = spec.name as never;
    let result: R;
    try {
      result = await execute(spec, finalArgs);
    } catch (error) {
      // The command's own failure is what the caller gets; a failing `after` is only reported.
      await runAfter(chain, { command, args: finalArgs as never, ok: false, error: outcomeError(error) }).catch((failure: unknown) => {
        if (isDeskError(failure)) store.reportError(failure.toJSON());
      });
      throw error;
    }
    try {
      await runAfter(chain, { command, args: finalArgs as never, ok: true, result: result as never });
    } catch (failure) {
      if (isDeskError(failure)) store.reportError(failure.toJSON());
      throw failure;
    }
    return result;
  }

  async function execute<Args extends unknown[], P, R>(spec: CommandSpec<Args, P, R>, args: Args): Promise<R> {
    alive();
    const params = spec.validate(...args);
    const tccc = readySdk();
    const session = checkedSession(spec as unknown as CommandSpec<never[], P, unknown>, params);
    spec.before?.(specContext, params);
    let response: unknown;
    try {
      // Called synchronously after the checks, so nothing can change in between.
      response = await untilAborted(Promise.resolve(spec.sdk(tccc, params)), ctx.destroyed, destroyedError);
      if (fieldsOf(response)?.['status'] === 'error') throw sdkFailure(sdkErrorMessage(response as CommonSDKResponse), response);
    } catch (error) {
      if (!ctx.destroyed.aborted) spec.onFailure?.(specContext, params);
      if (isDeskError(error)) throw error;
      throw sdkFailure(thrownMessage(error), error);
    }
    return spec.onSuccess ? spec.onSuccess(specContext, params, response, session) : (undefined as R);
  }

  // The public shape: each method is its row, run.
  const S = COMMAND_SPECS;
  /**
   * `name sessionId` → the call still in flight and the SDK it went to, for the rows that join one
   * (spec.joinsInFlight). Only a call to the same SDK is joined: one sent to an SDK torn down since
   * (retry after sdk_unloaded) may never settle, and the next SDK must get the command.
   */
  const inFlight = new Map<string, { sdk: TcccGlobal | null; work: Promise<unknown> }>();
  /**
   * sessionId → the joining command issued last for it. Only that one is joined: after mute,
   * unmute, a second mute is the agent's latest word, not a repeat of the first (joined, the call
   * would end unmuted).
   */
  const latest = new Map<string, { sdk: TcccGlobal | null; work: Promise<unknown> }>();
  const run =
    <Args extends unknown[], P, R>(spec: CommandSpec<Args, P, R>) =>
    (...args: Args): Promise<R> => {
      const id = args[0];
      if (!spec.joinsInFlight || typeof id !== 'string') return timed(spec.name, args, runCommand(spec, args));
      const key = `${spec.name} ${id}`;
      const sdk = ctx.sdk();
      const pending = inFlight.get(key);
      if (pending && pending.sdk === sdk && latest.get(id) === pending) return pending.work as Promise<R>;
      const entry = { sdk, work: timed(spec.name, args, runCommand(spec, args)) };
      inFlight.set(key, entry);
      latest.set(id, entry);
      const done = () => {
        if (inFlight.get(key) === entry) inFlight.delete(key);
        if (latest.get(id) === entry) latest.delete(id);
      };
      entry.work.then(done, done);
      return entry.work as Promise<R>;
    };

  function timed<R>(command: string, args: unknown[], work: Promise<R>): Promise<R> {
    const record = ctx.onCommand;
    if (!record) return work;
    const startedAt = ctx.clock();
    const started = performanceNow();
    const settle = (error?: unknown) => {
      const entry: CommandRecord = { command, args, startedAt, durationMs: Math.round((performanceNow() - started) * 10) / 10, ok: error === undefined };
      if (error !== undefined) entry.error = isDeskError(error) ? { code: error.code, message: error.message } : { code: 'unknown', message: String(error) };
      record(entry);
    };
    work.then(() => settle(), (error: unknown) => settle(error ?? 'rejected'));
    return work;
  }

  return {
    call: {
      dial: run(S['call.dial']),
      accept: run(S['call.accept']),
      hangUp: run(S['call.hangUp']),
      delete: run(S['call.delete']),
      mute: run(S['call.mute']),
      unmute: run(S['call.unmute']),
      isMuted: run(S['call.isMuted']),
      hold: run(S['call.hold']),
      unhold: run(S['call.unhold']),
      transfer: run(S['call.transfer']),
      sendDigits: run(S['call.sendDigits']),
      internal: run(S['call.internal']),
    },
    chat: { accept: run(S['chat.accept']), end: run(S['chat.end']), transfer: run(S['chat.transfer']) },
    video: {
      accept: run(S['video.accept']),
      end: run(S['video.end']),
      mute: run(S['video.mute']),
      unmute: run(S['video.unmute']),
      muteVideo: run(S['video.muteVideo']),
      unmuteVideo: run(S['video.unmuteVideo']),
      transfer: run(S['video.transfer']),
    },
    agent: { online: run(S['agent.online']), offline: run(S['agent.offline']), setStatus: run(S['agent.setStatus']) },
    devices: {
      isBrowserSupported() {
        alive();
        return browserSupported(store.state.lifecycle.status === 'ready' ? ctx.sdk() : null);
      },
      microphones: run(S['devices.microphones']),
      speakers: run(S['devices.speakers']),
    },
    ui: { show: run(S['ui.show']), hide: run(S['ui.hide']) },
  };
}

/** A monotonic clock for timings (performance.now where there is one). */
function performanceNow(): number {
  return typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now();
}

/** What a thrown or rejected SDK call said: its errorMsg/errMsg (the guide's `throw res`), or the Error's message. */
function thrownMessage(error: unknown): string {
  const fields = fieldsOf(error);
  if (typeof fields?.['errorMsg'] === 'string' || typeof fields?.['errMsg'] === 'string') return sdkErrorMessage(fields);
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'The TCCC SDK call failed without a message.';
}
