/**
 * Input checks for the commands, run before the SDK is called. Each returns the value to send
 * (trimmed, normalised, unknown fields dropped) or throws `invalid_argument` naming the field.
 */
import {
  AGENT_SET_STATUS_VALUES,
  type AgentSetStatus,
  type SendDigitsOptions,
  type SetStatusOptions,
  type StartInternalCallOptions,
  type TransferOptions,
} from '@tccc-desk/tccc-sdk';
import type { DialOptions, SetAgentStatusOptions } from './desk.types';
import { invalidArgument } from './errors';
import { LIMITS } from './limits';

/** Separators people type in phone numbers; they are removed before the number is checked. */
const PHONE_SEPARATORS = /[\s\-.()]/g;
const PHONE = /^\+?\d+$/;
const DTMF = /^[0-9*#]*$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

type Fields = Record<string, unknown>;

function objectArg(value: unknown, field: string): Fields {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidArgument(field, 'must be an object');
  return value as Fields;
}

/** A non-empty string without control characters, at most `max` long (after trimming). */
export function textArg(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') throw invalidArgument(field, 'must be a string');
  const trimmed = value.trim();
  if (trimmed.length === 0) throw invalidArgument(field, 'must not be empty');
  if (trimmed.length > max) throw invalidArgument(field, `must be at most ${max} characters`);
  if (CONTROL.test(trimmed)) throw invalidArgument(field, 'must not contain control characters');
  return trimmed;
}

function optionalText(value: unknown, field: string, max: number): string | undefined {
  return value === undefined ? undefined : textArg(value, field, max);
}

export function sessionIdArg(value: unknown): string {
  return textArg(value, 'sessionId', LIMITS.sessionId);
}

/**
 * Digits with an optional leading `+`; spaces, dashes, dots and parentheses are removed first
 * ("+86 (755) 8688-8888" → "+8675586888888"); 3 to 20 digits.
 */
export function phoneNumberArg(value: unknown, field: string): string {
  if (typeof value !== 'string') throw invalidArgument(field, 'must be a string');
  const number = value.replace(PHONE_SEPARATORS, '');
  if (!PHONE.test(number)) throw invalidArgument(field, 'must be digits with an optional leading +');
  const digits = number.length - (number.startsWith('+') ? 1 : 0);
  if (digits < LIMITS.phoneDigitsMin || digits > LIMITS.phoneDigitsMax) {
    throw invalidArgument(field, `must have ${LIMITS.phoneDigitsMin} to ${LIMITS.phoneDigitsMax} digits`);
  }
  return number;
}

export function dialArgs(value: unknown): DialOptions {
  const f = objectArg(value, 'options');
  const options: DialOptions = { phoneNumber: phoneNumberArg(f['phoneNumber'], 'phoneNumber') };
  const phoneDesc = optionalText(f['phoneDesc'], 'phoneDesc', LIMITS.phoneDesc);
  if (phoneDesc !== undefined) options.phoneDesc = phoneDesc;
  if (f['uui'] !== undefined) {
    if (typeof f['uui'] !== 'string' || f['uui'].length > LIMITS.uui) throw invalidArgument('uui', `must be a string of at most ${LIMITS.uui} characters`);
    options.uui = f['uui'];
  }
  const skillGroupId = optionalText(f['skillGroupId'], 'skillGroupId', LIMITS.id);
  if (skillGroupId !== undefined) options.skillGroupId = skillGroupId;
  if (f['callerPhoneNumber'] !== undefined) options.callerPhoneNumber = phoneNumberArg(f['callerPhoneNumber'], 'callerPhoneNumber');
  const groups = f['servingNumberGroupIds'];
  if (groups !== undefined) {
    if (!Array.isArray(groups) || groups.length === 0 || groups.length > LIMITS.servingNumberGroupIds) {
      throw invalidArgument('servingNumberGroupIds', `must be an array of 1 to ${LIMITS.servingNumberGroupIds} ids`);
    }
    options.servingNumberGroupIds = groups.map((id) => textArg(id, 'servingNumberGroupIds', LIMITS.id));
  }
  return options;
}

/** The guide: sessionId required; skillGroupId and userId each optional (neither lets the platform decide). */
export function transferArgs(value: unknown): TransferOptions {
  const f = objectArg(value, 'target');
  const options: TransferOptions = { sessionId: sessionIdArg(f['sessionId']) };
  const skillGroupId = optionalText(f['skillGroupId'], 'skillGroupId', LIMITS.id);
  const userId = optionalText(f['userId'], 'userId', LIMITS.id);
  if (skillGroupId !== undefined) options.skillGroupId = skillGroupId;
  if (userId !== undefined) options.userId = userId;
  return options;
}

/** The guide: sessionId required, dtmfText optional; when given, DTMF characters only. */
export function digitsArgs(sessionId: unknown, digits?: unknown): SendDigitsOptions {
  const id = sessionIdArg(sessionId);
  if (digits === undefined) return { sessionId: id };
  if (typeof digits !== 'string') throw invalidArgument('digits', 'must be a string');
  if (digits === '') return { sessionId: id };
  if (digits.length > LIMITS.digits) throw invalidArgument('digits', `must be at most ${LIMITS.digits} characters`);
  if (!DTMF.test(digits)) throw invalidArgument('digits', 'may only contain 0-9, * and #');
  return { sessionId: id, dtmfText: digits };
}

export function internalCallArgs(value: unknown): StartInternalCallOptions {
  const f = objectArg(value, 'options');
  const options: StartInternalCallOptions = { calleeUserId: textArg(f['calleeUserId'], 'calleeUserId', LIMITS.id) };
  if (f['useMobile'] !== undefined) {
    if (typeof f['useMobile'] !== 'boolean') throw invalidArgument('useMobile', 'must be a boolean');
    options.useMobile = f['useMobile'];
  }
  return options;
}

/** Only the documented statuses; `restReason` only with `rest`. */
export function agentStatusArgs(value: unknown): SetStatusOptions {
  const f = objectArg(value, 'options');
  const status = f['status'];
  if (!AGENT_SET_STATUS_VALUES.includes(status as AgentSetStatus)) {
    throw invalidArgument('status', `must be one of ${AGENT_SET_STATUS_VALUES.join(', ')}`);
  }
  const options: SetAgentStatusOptions = { status: status as AgentSetStatus };
  if (f['restReason'] !== undefined) {
    if (status !== 'rest') throw invalidArgument('restReason', "is only allowed with status 'rest'");
    options.restReason = textArg(f['restReason'], 'restReason', LIMITS.restReason);
  }
  return options;
}
