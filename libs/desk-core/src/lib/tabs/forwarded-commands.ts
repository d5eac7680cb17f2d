/**
 * Every function of the Desk API, sorted in two: what a follower tab forwards to the leader (it
 * needs the SDK or the leader's state), and what runs in the tab itself. A unit test checks that
 * the Desk has no function outside these two tables, so a new command cannot be forgotten.
 */

import { COMMAND_NAMES } from '../command-names';

/** Resolves or rejects in the follower with the leader's result or DeskError. */
export const FORWARDED_COMMANDS = [
  'connect',
  'retry',
  'preflight',
  'diagnostics',
  // Every SDK command (command-names.ts, kept equal to command-specs.ts by a test).
  ...COMMAND_NAMES,
  // Synchronous in the API: validated in the follower, then sent (the leader's answer is not awaited).
  'callLogs.ack',
  'callLogs.fail',
  'callLogs.setNotes',
] as const;

export type ForwardedCommand = (typeof FORWARDED_COMMANDS)[number];

/**
 * Run in each tab: its own lifetime, its role, its interceptors (registered on the leader's desk
 * when this tab leads; a forwarded command runs the leader tab's interceptors), a synchronous
 * feature check, and the mirrored list of un-acked call logs.
 */
export const LOCAL_MEMBERS = [
  'destroy',
  'signOut',
  'useHere',
  'intercept',
  'devices.isBrowserSupported',
  'callLogs.unacked',
] as const;

/** Forwarded commands that are synchronous in the Desk API (fire and forget from the follower). */
export const SYNC_FORWARDED: ReadonlySet<ForwardedCommand> = new Set(['callLogs.ack', 'callLogs.fail', 'callLogs.setNotes']);
