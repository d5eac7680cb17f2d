/**
 * What the shell expects from tccc_remote's entries, typed with desk-core's public types (the same
 * shapes the remote publishes in its contract.d.ts for shells outside this repository).
 */
import type { Type } from '@angular/core';
import type { Desk } from '@tccc-desk/desk-core';

export const DESK_ENTRY = 'tccc_remote/desk';
export const DESK_COMPONENT_ENTRY = 'tccc_remote/DeskComponent';

export interface DeskEntry {
  getDesk(options?: { getAccessToken: () => Promise<string> | string; apiBase?: string }): Desk;
  hasPageDesk(): boolean;
  /** The desk's language (remotes before it was added lack it: then the desk keeps its own default). */
  setDeskLocale?(locale: string): string;
}

export interface DeskComponentEntry {
  DeskComponent: Type<unknown>;
}

export function isDeskEntry(value: unknown): value is DeskEntry {
  return typeof value === 'object' && value !== null && typeof (value as DeskEntry).getDesk === 'function';
}

export function isDeskComponentEntry(value: unknown): value is DeskComponentEntry {
  return typeof value === 'object' && value !== null && typeof (value as DeskComponentEntry).DeskComponent === 'function';
}
