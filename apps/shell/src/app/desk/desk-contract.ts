/**
 * What the shell expects from tccc_remote: the types come from the remote's generated contract
 * (apps/tccc-remote/contract/tccc-remote.d.ts, included by this app's tsconfig files, type-only),
 * the checks from here. The shell is built for one contract major (SUPPORTED_CONTRACT_MAJOR): a remote
 * of another major is not used, and the page says why instead of breaking.
 */
import type { Type } from '@angular/core';
import type * as DeskModule from 'tccc_remote/desk';

export const DESK_ENTRY = 'tccc_remote/desk';
export const DESK_COMPONENT_ENTRY = 'tccc_remote/DeskComponent';

/** The contract major this shell was built for. */
export const SUPPORTED_CONTRACT_MAJOR = 1;

type MajorOf<Version extends string> = Version extends `${infer Major}.${string}` ? Major : never;
/**
 * Compile-time: the generated contract the shell is typed with has this major. When the remote's
 * contract goes to a new major, this line stops compiling until the shell is updated for it.
 */
export const BUILT_FOR_MAJOR: MajorOf<typeof DeskModule.CONTRACT_VERSION> = `${SUPPORTED_CONTRACT_MAJOR}`;

export type DeskEntry = Pick<typeof DeskModule, 'getDesk' | 'hasPageDesk' | 'CONTRACT_VERSION'> & Partial<Pick<typeof DeskModule, 'setDeskLocale'>>;

export interface DeskComponentEntry {
  DeskComponent: Type<unknown>;
}

export function isDeskEntry(value: unknown): value is DeskEntry {
  return typeof value === 'object' && value !== null && typeof (value as DeskEntry).getDesk === 'function';
}

export function isDeskComponentEntry(value: unknown): value is DeskComponentEntry {
  return typeof value === 'object' && value !== null && typeof (value as DeskComponentEntry).DeskComponent === 'function';
}

export const DESK_NEWER_MESSAGE = 'The desk was updated and this page needs a newer version.';
export const DESK_OLDER_MESSAGE = 'This page was updated and needs a newer version of the desk.';

/** `message` in English (logs, tests); the page shows it translated, chosen by `remoteIsNewer`. */
export type Compatibility = { ok: true; version: string } | { ok: false; version: string | null; message: string; remoteIsNewer: boolean };

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Whether a remote that states `version` (its `CONTRACT_VERSION`) can be used by this shell. */
export function contractCompatibility(version: unknown, supportedMajor: number = SUPPORTED_CONTRACT_MAJOR): Compatibility {
  const match = typeof version === 'string' ? SEMVER.exec(version) : null;
  // A remote from before versioned contracts (or stating nonsense) is older than any shell that checks.
  if (!match) return { ok: false, version: typeof version === 'string' ? version : null, message: DESK_OLDER_MESSAGE, remoteIsNewer: false };
  const major = Number(match[1]);
  if (major === supportedMajor) return { ok: true, version: version as string };
  const remoteIsNewer = major > supportedMajor;
  return { ok: false, version: version as string, message: remoteIsNewer ? DESK_NEWER_MESSAGE : DESK_OLDER_MESSAGE, remoteIsNewer };
}
