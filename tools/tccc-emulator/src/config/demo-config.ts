// The committed demo data (../../demo-config.json), validated once when the module loads so a broken
// edit fails loudly at start-up instead of as a confusing signature error later.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import rawDemoConfig from '../../demo-config.json';

const seatSchema = z.strictObject({
  userId: z.string().min(1),
  name: z.string().min(1),
});

const portalUserSchema = z.strictObject({
  sub: z.string().min(1),
  name: z.string().min(1),
  /** The seat this person may log in to; null = a portal user without a seat. */
  seatUserId: z.string().min(1).nullable(),
});

const demoConfigSchema = z
  .strictObject({
    $comment: z.string().optional(),
    sdkAppId: z.number().int().positive(),
    secretId: z.string().min(1),
    secretKey: z.string().min(1),
    seats: z.array(seatSchema).min(1),
    portalUsers: z.array(portalUserSchema),
  })
  .superRefine((config, ctx) => {
    const seatIds = new Set(config.seats.map((seat) => seat.userId));
    for (const user of config.portalUsers) {
      if (user.seatUserId !== null && !seatIds.has(user.seatUserId)) {
        ctx.addIssue({ code: 'custom', message: `portal user ${user.sub} maps to unknown seat ${user.seatUserId}` });
      }
    }
  })
  .transform(({ $comment: _comment, ...config }) => config);

export type DemoSeat = z.infer<typeof seatSchema>;
export type DemoPortalUser = z.infer<typeof portalUserSchema>;
export type DemoConfig = Readonly<{
  sdkAppId: number;
  secretId: string;
  secretKey: string;
  seats: readonly Readonly<DemoSeat>[];
  portalUsers: readonly Readonly<DemoPortalUser>[];
}>;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export function parseDemoConfig(input: unknown): DemoConfig {
  return deepFreeze(demoConfigSchema.parse(input));
}

/** The demo SdkAppId, SecretId/SecretKey pair, seats and portal users. Demo only, never real keys. */
export const demoConfig: DemoConfig = parseDemoConfig(rawDemoConfig);

/** A demo configuration of the same shape from a file (benches generate hundreds of seats). */
export function loadDemoConfigFile(path: string): DemoConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`EMULATOR_CONFIG_FILE ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = demoConfigSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`EMULATOR_CONFIG_FILE ${path}: ${z.prettifyError(parsed.error)}`);
  return deepFreeze(parsed.data);
}
