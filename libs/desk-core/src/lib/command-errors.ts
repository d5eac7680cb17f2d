/**
 * The errors only the SDK commands reject with (commands.ts): in their chunk, not the desk's.
 * errors.ts has DeskError and the errors of connecting and checking arguments.
 */
import { DeskError } from './errors';

export function notReady(status: string): DeskError {
  return new DeskError({
    code: 'not_ready',
    message: `The desk is not ready (it is ${status}): call connect() and wait for it.`,
    retryable: false,
  });
}

/**
 * No session has this id where the command looks: the live list, or history (`call.delete`).
 * `past`: it is in history (ended or transferred), which is what the caller needs to hear.
 */
export function unknownSession(sessionId: string, where: 'live' | 'history' = 'live', past?: { status: string; command: string }): DeskError {
  const id = JSON.stringify(sessionId);
  const gone = past && (past.status === 'transferred' ? 'was transferred away' : 'already ended');
  return new DeskError({
    code: 'unknown_session',
    message: gone
      ? `Session ${id} ${gone}: ${past.command} needs a live session.`
      : where === 'history'
        ? `No ended or transferred session in history has the id ${id}.`
        : `No live session has the id ${id}.`,
    field: 'sessionId',
    retryable: false,
  });
}

/** The session exists but is not in a state the command applies to (hold while ringing, …). */
export function invalidState(sessionId: string, status: string, command: string, allowed: readonly string[]): DeskError {
  return new DeskError({
    code: 'invalid_state',
    message: `Session ${JSON.stringify(sessionId)} is ${status}: ${command} needs it ${allowed.join(' or ')}.`,
    field: 'sessionId',
    retryable: false,
  });
}

/** How a channel is named in a message: its everyday name, then the SDK's type. */
const CHANNEL_NAME: Readonly<Record<string, string>> = { im: 'chat (im)', voip: 'audio (voip)' };

/**
 * The session's channel is handled by another SDK module (call.accept on a chat, …): `use` is that
 * module's command for it, or the commands it has when it has none (no hold for a chat).
 */
export function wrongChannel(sessionId: string, channel: string, command: string, use: string | readonly string[]): DeskError {
  const verb = command.slice(command.indexOf('.') + 1);
  const hint = typeof use === 'string' ? `use ${use}` : `${CHANNEL_NAME[channel] ?? channel} sessions have no ${verb} (theirs: ${use.join(', ')})`;
  return new DeskError({
    code: 'wrong_channel',
    message: `Session ${JSON.stringify(sessionId)} is a ${CHANNEL_NAME[channel] ?? channel} session: ${command} does not apply; ${hint}.`,
    field: 'sessionId',
    retryable: false,
  });
}

export function sdkError(message: string, cause?: unknown): DeskError {
  return new DeskError({ code: 'sdk_error', message, retryable: false }, cause === undefined ? undefined : { cause });
}
