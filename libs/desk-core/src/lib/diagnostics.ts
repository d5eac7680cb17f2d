/**
 * What `desk.diagnostics()` reports: a recorder that keeps, bounded, the lifecycle's history, the
 * last events and commands (with timings) and errors, and turns them with the state and a fresh
 * preflight into one JSON document an agent can send to support (diagnostics-document.ts, loaded
 * with the first one). Everything in it goes through mask.ts: no token, SdkURL query, JWT or phone
 * number in clear.
 */
import type { Subscription } from 'rxjs';
import type { Desk, DeskErrorInfo, DeskEvent, DeskState, Lifecycle, Preflight } from './desk.types';
import { Ring } from './ring';

export const DIAGNOSTICS_EVENTS = 500;
export const DIAGNOSTICS_COMMANDS = 500;
const ERRORS = 100;
const LIFECYCLE = 50;

/** This library's version, as in its package.json. */
export const DESK_CORE_VERSION = '0.1.0';

export interface CommandRecord {
  command: string;
  args: unknown[];
  startedAt: number;
  durationMs: number;
  ok: boolean;
  error?: { code: string; message: string };
}

export interface DiagnosticsDocument {
  kind: 'tccc-desk-diagnostics';
  format: 1;
  generatedAt: string;
  versions: Record<string, string>;
  sdkHost: string | null;
  lifecycle: { current: unknown; history: unknown[] };
  agent: unknown;
  sessions: { live: unknown[]; recent: unknown[] };
  counters: unknown;
  events: unknown[];
  commands: unknown[];
  errors: unknown[];
  preflight: unknown;
  callLogs: { unacked: number; dropped: number };
}

export interface DiagnosticsSources {
  lifecycle$: Desk['lifecycle$'];
  events$: Desk['events$'];
  errors$: Desk['errors$'];
  clock: () => number;
  versions: Readonly<Record<string, string>>;
}

export interface DiagnosticsRecorder {
  /** The SdkURL the desk loaded: only its host is kept. */
  sdkLoaded(sdkUrl: string): void;
  command(record: CommandRecord): void;
  document(parts: { state: DeskState; preflight: () => Promise<Preflight>; callLogs: { unacked: number; dropped: number } }): Promise<DiagnosticsDocument>;
  destroy(): void;
}

export function createDiagnostics(sources: DiagnosticsSources): DiagnosticsRecorder {
  const { clock } = sources;
  const lifecycle = new Ring<{ at: number; lifecycle: Lifecycle }>(LIFECYCLE);
  const events = new Ring<DeskEvent>(DIAGNOSTICS_EVENTS);
  const commands = new Ring<CommandRecord>(DIAGNOSTICS_COMMANDS);
  const errors = new Ring<{ at: number; error: DeskErrorInfo }>(ERRORS);
  let sdkHost: string | null = null;
  const subscriptions: Subscription[] = [
    sources.lifecycle$.subscribe((l) => lifecycle.push({ at: clock(), lifecycle: l })),
    sources.events$.subscribe((e) => events.push(e)),
    sources.errors$.subscribe((error) => errors.push({ at: clock(), error })),
  ];

  return {
    sdkLoaded(sdkUrl) {
      sdkHost = hostOf(sdkUrl) ?? null;
    },
    command: (record) => commands.push(record),
    async document(parts) {
      // Built (and masked) by code that comes with the first document: not on the way to ready.
      const { diagnosticsDocument } = await import('./diagnostics-document');
      return diagnosticsDocument({ ...parts, clock, versions: sources.versions, sdkHost: () => sdkHost, lifecycle, events, commands, errors });
    },
    destroy() {
      for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
    },
  };
}

/** The SDK's host, nothing else of its URL. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}
