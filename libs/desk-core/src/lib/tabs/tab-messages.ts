/**
 * What tabs say to each other over the BroadcastChannel. Every message from the leader that
 * followers mirror carries the leader's id and a sequence number: a follower that sees a gap (a
 * lost message) asks for a full snapshot again. Errors cross as plain DeskErrorInfo and are
 * rebuilt as DeskError in the follower.
 */
import type { CallLog, DeskErrorInfo, DeskEvent, DeskState } from '../desk.types';

export type TabMessage =
  /** A follower joins (or lost track): the leader answers with a snapshot. */
  | { t: 'hello'; from: string }
  | { t: 'snapshot'; to: string; leader: string; seq: number; state: DeskState; unacked: CallLog[] }
  | { t: 'state'; leader: string; seq: number; state: DeskState }
  | { t: 'event'; leader: string; seq: number; event: DeskEvent }
  | { t: 'error'; leader: string; seq: number; error: DeskErrorInfo }
  | { t: 'callLog'; leader: string; seq: number; log: CallLog; unacked: CallLog[] }
  | { t: 'unacked'; leader: string; seq: number; unacked: CallLog[] }
  /** A tab has just become leader (the old one is gone or handed over). */
  | { t: 'leader'; leader: string }
  /** The leader's tab is going away (closing, signing out). */
  | { t: 'bye'; leader: string }
  | { t: 'cmd'; from: string; to: string | null; id: number; path: string; args: unknown[] }
  | { t: 'result'; to: string; from: string; id: number; ok: true; value: unknown }
  | { t: 'result'; to: string; from: string; id: number; ok: false; error: DeskErrorInfo };

const KINDS: ReadonlySet<string> = new Set(['hello', 'snapshot', 'state', 'event', 'error', 'callLog', 'unacked', 'leader', 'bye', 'cmd', 'result']);

/** Same-origin tabs only, but still: a shape check before anything is used. */
export function asTabMessage(data: unknown): TabMessage | null {
  if (data === null || typeof data !== 'object') return null;
  const t = (data as { t?: unknown }).t;
  return typeof t === 'string' && KINDS.has(t) ? (data as TabMessage) : null;
}
