// The seat directory: which person (the identity provider's `sub`) may log in to which TCCC seat.
// Loaded and validated once at start-up; lookups are a Map get, so an identity like "__proto__"
// can never reach Object.prototype.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

export interface Seat {
  readonly sdkAppId: number;
  readonly seatUserId: string;
}

export interface SeatDirectory {
  /** The seat mapped to this identity, or undefined when the person has none. */
  seatFor(sub: string): Seat | undefined;
  readonly size: number;
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const seatSchema = z.strictObject({
  sdkAppId: z.number().int().positive(),
  seatUserId: z.string().min(1).max(254),
});

const directorySchema = z
  .record(z.string().min(1).max(255), seatSchema)
  .superRefine((entries, ctx) => {
    const owners = new Map<string, string>();
    for (const [sub, seat] of Object.entries(entries)) {
      const key = `${seat.sdkAppId}/${seat.seatUserId}`;
      const owner = owners.get(key);
      // One seat, one person: a shared seat would let one person log the other out.
      if (owner !== undefined) {
        ctx.addIssue({ code: 'custom', path: [sub], message: `seat ${seat.seatUserId} is already mapped to ${owner}` });
      }
      owners.set(key, sub);
    }
  });

export function createSeatDirectory(entries: Record<string, Seat>): SeatDirectory {
  const seats = new Map<string, Seat>();
  for (const [sub, seat] of Object.entries(entries)) {
    seats.set(sub, Object.freeze({ sdkAppId: seat.sdkAppId, seatUserId: seat.seatUserId }));
  }
  return { seatFor: (sub) => seats.get(sub), size: seats.size };
}

/** Problems are returned as readable lines (never thrown) so config loading can list them all. */
export function parseSeatDirectory(json: string): { directory: SeatDirectory } | { problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { problems: ['is not valid JSON'] };
  }
  // JSON.parse keeps "__proto__" as an own key, but copying it anywhere would set a prototype;
  // no identity provider issues such a subject, so it is a mistake in the file.
  if (raw !== null && typeof raw === 'object') {
    const odd = Object.keys(raw).filter((key) => RESERVED_KEYS.has(key));
    if (odd.length > 0) return { problems: odd.map((key) => `${key}: is not a usable identity`) };
  }
  const parsed = directorySchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) =>
        issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      ),
    };
  }
  return { directory: createSeatDirectory(parsed.data) };
}

export function loadSeatDirectory(file: string): { directory: SeatDirectory } | { problems: string[] } {
  const path = resolve(file);
  let json: string;
  try {
    json = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { problems: [`cannot read ${path} (${reason})`] };
  }
  return parseSeatDirectory(json);
}
