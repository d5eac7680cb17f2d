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

export function unknownSession(sessionId: string): DeskError {
  return new DeskError({
    code: 'unknown_session',
    message: `No live session has the id ${JSON.stringify(sessionId)}.`,
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

/** The session's channel is handled by another SDK module (call.accept on a chat, …). */
export function wrongChannel(sessionId: string, channel: string, command: string, use: string): DeskError {
  return new DeskError({
    code: 'wrong_channel',
    message: `Session ${JSON.stringify(sessionId)} is a ${channel} session: ${command} does not apply, use ${use}.`,
    field: 'sessionId',
    retryable: false,
  });
}

export function sdkError(message: string, cause?: unknown): DeskError {
  return new DeskError({ code: 'sdk_error', message, retryable: false }, cause === undefined ? undefined : { cause });
}
