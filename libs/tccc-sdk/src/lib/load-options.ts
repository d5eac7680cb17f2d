import { TcccLoadError } from './errors';

export const DEFAULT_LOAD_TIMEOUT_MS = 20_000;
// setTimeout fires at once for delays above 2^31-1 ms; refuse them instead.
const MAX_TIMEOUT_MS = 2_147_483_647;

export interface TcccLoadOptions {
  /** Time allowed from the script's injection until `ready`, in ms. Default 20000. */
  timeoutMs?: number;
  /** The document to inject into (default: the global `document`); its window gets `tccc`. */
  document?: Document;
  /**
   * Aborts this call. The call that starts the load owns it, so its signal aborts the load for
   * everyone waiting; a call that joins a load already under way only stops waiting.
   */
  signal?: AbortSignal;
  /**
   * How long direct children added to <body> count as the SDK's DOM (removed on teardown):
   * `until-ready` (default) or `until-teardown`. See the README for the trade-off.
   */
  trackSdkDom?: 'until-ready' | 'until-teardown';
}

export interface ResolvedLoadOptions {
  timeoutMs: number;
  document: Document;
  window: Window;
  signal: AbortSignal | undefined;
  trackSdkDom: 'until-ready' | 'until-teardown';
}

/** Checks what can be checked without a page (so a loader can be created during SSR or in Node). */
export function validateLoadOptions(options: TcccLoadOptions | undefined): void {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TcccLoadError('invalid_argument', 'options must be an object');
  }
  const timeoutMs = options?.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new TcccLoadError(
      'invalid_argument',
      `timeoutMs must be a positive finite number of ms (at most ${MAX_TIMEOUT_MS})`,
    );
  }
  const signal = options?.signal;
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof signal.aborted !== 'boolean')) {
    throw new TcccLoadError('invalid_argument', 'signal must be an AbortSignal');
  }
  const track = options?.trackSdkDom;
  if (track !== undefined && track !== 'until-ready' && track !== 'until-teardown') {
    throw new TcccLoadError('invalid_argument', "trackSdkDom must be 'until-ready' or 'until-teardown'");
  }
}

export function resolveLoadOptions(options: TcccLoadOptions | undefined): ResolvedLoadOptions {
  validateLoadOptions(options);
  const doc = options?.document ?? (typeof document === 'undefined' ? undefined : document);
  const win = doc?.defaultView;
  if (!doc || !win) {
    throw new TcccLoadError('invalid_argument', 'a browser document with a window is required to load the SDK');
  }
  return {
    timeoutMs: options?.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS,
    document: doc,
    window: win,
    signal: options?.signal,
    trackSdkDom: options?.trackSdkDom ?? 'until-ready',
  };
}
