/**
 * What tabs say to each other over the BroadcastChannel. Every message from the leader that
 * followers mirror carries the leader's id and a sequence number: a follower that sees a gap (a
 * lost message) asks for a full snapshot again. Errors cross as plain DeskErrorInfo and are
 * rebuilt as DeskError in the follower. Every message also carries `scope` (whom the tabs
 * coordinate for, added when posted): a tab ignores a message of another scope. The leader's
 * messages carry its `term`: only a leader or snapshot message with a higher term than the current
 * leader's makes a follower follow another tab. States carry no
 * `raw` SDK payloads.
 */
import type { CallLog, DeskErrorInfo, DeskEvent, DeskState } from '../desk.types';

export type TabMessage =
  /** A follower joins (or lost track): the leader answers with a snapshot. */
  | { t: 'hello'; from: string }
  /** A follower's heartbeat: the leader posts only while it knows of followers. */
  | { t: 'here'; from: string }
  /** A follower's tab is going away. */
  | { t: 'left'; from: string }
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
  /** Always to a known leader (a follower waits for one), never to whichever tab believes it leads. */
  | { t: 'cmd'; from: string; to: string; id: number; path: string; args: unknown[] }
  | { t: 'result'; to: string; from: string; id: number; ok: true; value: unknown }
  | { t: 'result'; to: string; from: string; id: number; ok: false; error: DeskErrorInfo };

const KINDS: ReadonlySet<string> = new Set(['hello', 'here', 'left', 'snapshot', 'state', 'event', 'error', 'callLog', 'unacked', 'leader', 'bye', 'cmd', 'result']);

/** Same-origin tabs only, but still: a shape check before anything is used. */
export function asTabMessage(data: unknown): TabMessage | null {
  if (data === null || typeof data !== 'object') return null;
  const t = (data as { t?: unknown }).t;
  return typeof t === 'string' && KINDS.has(t) ? (data as TabMessage) : null;
}
