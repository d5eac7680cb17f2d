import type { DeskCommandName } from './desk.types';

/**
 * Every command that goes to the SDK, in the order of command-specs.ts (a unit test keeps the two
 * equal). Known without the commands' code: `intercept()` checks names against it and the desk's
 * API is shaped from it before that code is loaded (lazy-commands.ts).
 */
export const COMMAND_NAMES = [
  'call.dial',
  'call.accept',
  'call.hangUp',
  'call.delete',
  'call.mute',
  'call.unmute',
  'call.isMuted',
  'call.hold',
  'call.unhold',
  'call.transfer',
  'call.sendDigits',
  'call.internal',
  'chat.accept',
  'chat.end',
  'chat.transfer',
  'video.accept',
  'video.end',
  'video.mute',
  'video.unmute',
  'video.muteVideo',
  'video.unmuteVideo',
  'video.transfer',
  'agent.online',
  'agent.offline',
  'agent.setStatus',
  'devices.microphones',
  'devices.speakers',
  'ui.show',
  'ui.hide',
] as const satisfies readonly DeskCommandName[];

export const COMMAND_NAME_SET: ReadonlySet<string> = new Set(COMMAND_NAMES);
