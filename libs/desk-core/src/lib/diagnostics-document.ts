/**
 * The diagnostics document itself (diagnostics.ts records; this builds and masks): a chunk of its
 * own in a browser build, fetched by the first `desk.diagnostics()`.
 */
import type { DeskErrorInfo, DeskEvent, DeskState, Lifecycle, Preflight } from './desk.types';
import { DESK_CORE_VERSION, type CommandRecord, type DiagnosticsDocument } from './diagnostics';
import { masked } from './mask';
import type { Ring } from './ring';

const HISTORY = 20;

export interface DocumentParts {
  state: DeskState;
  preflight: () => Promise<Preflight>;
  callLogs: { unacked: number; dropped: number };
  clock: () => number;
  versions: Readonly<Record<string, string>>;
  /** Read when the document is made (after the preflight), like everything recorded. */
  sdkHost: () => string | null;
  lifecycle: Ring<{ at: number; lifecycle: Lifecycle }>;
  events: Ring<DeskEvent>;
  commands: Ring<CommandRecord>;
  errors: Ring<{ at: number; error: DeskErrorInfo }>;
}

export async function diagnosticsDocument(parts: DocumentParts): Promise<DiagnosticsDocument> {
  const { state, preflight, callLogs, clock } = parts;
  let checks: unknown;
  try {
    checks = await preflight();
  } catch (error) {
    checks = { failed: error instanceof Error ? error.message : 'preflight failed' };
  }
  const doc: DiagnosticsDocument = {
    kind: 'tccc-desk-diagnostics',
    format: 1,
    generatedAt: new Date(clock()).toISOString(),
    versions: { deskCore: DESK_CORE_VERSION, ...parts.versions },
    sdkHost: parts.sdkHost(),
    lifecycle: { current: state.lifecycle, history: parts.lifecycle.toArray().map(({ at, lifecycle: l }) => ({ at, ...l })) },
    agent: state.agent,
    sessions: { live: state.sessionOrder.map((id) => state.sessions[id]), recent: state.history.slice(0, HISTORY) },
    counters: state.diagnostics,
    events: parts.events.toArray(),
    commands: parts.commands.toArray(),
    errors: parts.errors.toArray().map(({ at, error }) => ({ at, ...error })),
    preflight: checks,
    callLogs,
  };
  return masked(doc) as DiagnosticsDocument;
}
