// Configuration from environment variables, validated once at start-up. Defaults suit local
// development against the emulator; the cloud credentials never have a default (in development
// the start script passes the emulator's demo pair). Error messages name the variable and the
// rule, never the value, so a misplaced secret cannot end up in a log.
import { z } from 'zod';
import { redactRedisUrl } from './redis/redact-url';
import { loadSeatDirectory, type SeatDirectory } from './seats/seat-directory';

export const DEV_DEFAULTS = {
  TCCC_ENDPOINT: 'ccc.localhost:4300',
  AUTH_JWKS_URL: 'http://localhost:4300/.well-known/jwks.json',
  AUTH_ISSUER: 'http://localhost:4300/dev/idp',
  SEAT_DIRECTORY_FILE: 'apps/token-api/config/seats.dev.json',
  CORS_ORIGINS: 'http://localhost:4200,http://localhost:4201,https://localhost:8443',
} as const;

/** Variables that must be set explicitly when NODE_ENV=production (their defaults are local-only). */
const REQUIRED_IN_PRODUCTION = Object.keys(DEV_DEFAULTS) as (keyof typeof DEV_DEFAULTS)[];

const SECRET_VARIABLES = new Set(['TCCC_SECRET_ID', 'TCCC_SECRET_KEY']);

const integer = (min: number, max: number) =>
  z.coerce.number({ error: `must be an integer from ${min} to ${max}` }).int().min(min).max(max);
const secret = z
  .string({ error: 'is required' })
  .min(1, 'is required')
  .regex(/^\S+$/, 'must not contain whitespace');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer(0, 65535).default(3333),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: integer(0, 120_000).default(10_000),
  // Read the client address from X-Forwarded-For (the gateway's hop only). Off when clients reach
  // this service directly: they could then write any address into the audit log.
  TRUST_PROXY: booleanFlag.default(true),

  TCCC_SECRET_ID: secret,
  TCCC_SECRET_KEY: secret,
  // host[:port]; the first label is the TC3 signature scope (service), so it must be `ccc.…`.
  // Lower-cased here: host names are case-insensitive, but the SDK signs with
  // `endpoint.split('.')[0]` verbatim and Tencent only accepts the scope `ccc`.
  TCCC_ENDPOINT: z
    .string()
    .regex(/^ccc\.[a-z0-9.-]+(:\d{1,5})?$/i, 'must be host[:port] starting with "ccc." (the signature scope), without a scheme: TCCC_PROTOCOL=https says https')
    .transform((endpoint) => endpoint.toLowerCase())
    .default(DEV_DEFAULTS.TCCC_ENDPOINT),
  TCCC_PROTOCOL: z.enum(['http', 'https']).default('http'),
  TCCC_REGION: z.string().regex(/^[a-z0-9-]*$/, 'must be a region id like ap-guangzhou, or empty').default(''),
  TCCC_TIMEOUT_SECONDS: z.coerce.number().positive().max(60).default(5),
  TCCC_ONLY_ONCE: booleanFlag.default(true),

  AUTH_JWKS_URL: httpUrl.default(DEV_DEFAULTS.AUTH_JWKS_URL),
  AUTH_ISSUER: z.string().min(1).default(DEV_DEFAULTS.AUTH_ISSUER),
  AUTH_AUDIENCE: z.string().min(1).default('tccc-desk'),
  AUTH_CLOCK_TOLERANCE_SECONDS: integer(0, 60).default(5),
  // The JOSE header typ access tokens must carry (RFC 9068: at+jwt); unset: not checked.
  AUTH_TOKEN_TYPE: z.string().regex(/^[A-Za-z0-9.+/-]{1,64}$/, 'must be a media type like at+jwt').optional(),
  AUTH_MAX_TOKEN_AGE_SECONDS: integer(60, 7 * 86_400).default(86_400),
  // One bound on fetching the JWKS and verifying a token (a stalled key server cannot hang a login).
  AUTH_JWKS_TIMEOUT_MS: integer(100, 30_000).default(2_000),

  SEAT_DIRECTORY_FILE: z.string().min(1).default(DEV_DEFAULTS.SEAT_DIRECTORY_FILE),

  RATE_LIMIT_POINTS: integer(1, 1_000_000).default(10),
  RATE_LIMIT_DURATION_SECONDS: integer(1, 86_400).default(60),

  CORS_ORIGINS: z
    .string()
    .default(DEV_DEFAULTS.CORS_ORIGINS)
    .transform((list) => list.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.string().refine(isOrigin, 'must be a comma-separated list of origins like https://host[:port]'))),

  // Shared state for more than one replica: per-person limits and the upstream budget. Unset = in
  // this process only (one replica).
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  // CreateSDKLoginToken calls per second per SecretId across all replicas (Tencent's limit is 20).
  // 0 = no budget (benchmarks of our own overhead only; production refuses it).
  TCCC_UPSTREAM_RPS: integer(0, 1_000).default(20),
  // How long a login may wait for the upstream budget before 503 login_busy (with Retry-After).
  LOGIN_QUEUE_MAX_WAIT_MS: integer(0, 120_000).default(30_000),

  READINESS_CACHE_MS: integer(0, 60_000).default(5_000),
  READINESS_TIMEOUT_MS: integer(50, 30_000).default(1_000),
});

/** Every variable this service reads (documented in .env.example). */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  logLevel: string;
  shutdownTimeoutMs: number;
  /** Koa `proxy`: take ctx.ip from the gateway's X-Forwarded-For hop. */
  trustProxy: boolean;
  tccc: {
    secretId: string;
    secretKey: string;
    endpoint: string;
    protocol: 'http://' | 'https://';
    region: string;
    timeoutSeconds: number;
    onlyOnce: boolean;
  };
  auth: {
    jwksUrl: string;
    issuer: string;
    audience: string;
    algorithms: string[];
    clockToleranceSeconds: number;
    tokenType?: string;
    maxTokenAgeSeconds: number;
    jwksTimeoutMs: number;
  };
  seats: SeatDirectory;
  seatDirectoryFile: string;
  rateLimit: { points: number; durationSeconds: number };
  /** undefined = state in this process only. */
  redisUrl: string | undefined;
  upstreamBudget: { requestsPerSecond: number; maxWaitMs: number };
  corsOrigins: string[];
  readiness: { cacheMs: number; timeoutMs: number };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: string[];
  constructor(problems: string[]) {
    problems = [...new Set(problems)];
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Only the algorithms the identity provider may use; `none` and HS* can never verify. */
export const ALLOWED_JWT_ALGORITHMS = ['RS256', 'ES256'];

type Env = Record<string, string | undefined>;

/** Edits (insert, delete, substitute) between two names; enough to spot a typo. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

/**
 * A set variable one or two letters away from one we read is a misspelling: ignored, it would leave
 * the default in force (REDIS_URI: no shared budget; AUTH_AUDIANCE: the dev audience). Short names
 * (HOST, PORT) are left out, they are too close to unrelated ones such as HOME.
 */
function misspeltVariables(present: Env): string[] {
  const known = new Set(CONFIG_VARIABLES);
  const problems: string[] = [];
  for (const name of Object.keys(present)) {
    if (known.has(name)) continue;
    const [meant] = CONFIG_VARIABLES.filter((variable) => variable.length >= 8)
      .map((variable) => ({ variable, distance: editDistance(name.toUpperCase(), variable) }))
      .filter(({ distance }) => distance <= 2)
      .sort((a, b) => a.distance - b.distance)
      .map(({ variable }) => variable);
    if (meant) problems.push(`${name}: not a token-api variable (did you mean ${meant}?); it would be ignored`);
  }
  return problems;
}

/**
 * A value copied from documentation rather than the CAM console: Tencent's published example pair
 * (its signature guide), a masked or elided key, a template. Real keys are letters and digits only,
 * so none of these shapes can be one; production would otherwise start and fail every login.
 */
const TENCENT_EXAMPLE_KEYS = /^(AKIDz8krbsJ5yKBZQpn74WFkmLPx3|Gu5t9xGARNpq86cd98joQYCN3)/;
const PLACEHOLDER_KEY = /example|placeholder|change-?me|your[-_]|\*{3}|…|\.{3}|[<>{}]|^x+$/i;

function isPlaceholderKey(value: string): boolean {
  return TENCENT_EXAMPLE_KEYS.test(value) || PLACEHOLDER_KEY.test(value);
}

/**
 * What production refuses to run with: the emulator's demo keys, the committed dev seat file,
 * identity over plain http, a loopback cloud endpoint. Each is fine for a demo and wrong for a
 * company. The demo keys are recognised by their wording ("demo"), never by a committed copy.
 */
function productionRefusals(e: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  if (e.TCCC_PROTOCOL !== 'https') problems.push('TCCC_PROTOCOL: must be https in production');
  if (e.TCCC_UPSTREAM_RPS === 0) problems.push('TCCC_UPSTREAM_RPS: 0 (no budget) is for benchmarks; production needs Tencent\'s limit (20)');
  if (!e.AUTH_JWKS_URL.startsWith('https://')) problems.push('AUTH_JWKS_URL: must be https in production');
  if (!e.AUTH_ISSUER.startsWith('https://')) problems.push('AUTH_ISSUER: must be an https issuer in production');
  const host = e.TCCC_ENDPOINT.replace(/:\d+$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) {
    problems.push('TCCC_ENDPOINT: a *.localhost endpoint is the emulator; production needs ccc.tencentcloudapi.com');
  }
  if (/demo|emulator/i.test(e.TCCC_SECRET_ID) || /demo|emulator/i.test(e.TCCC_SECRET_KEY)) {
    problems.push('TCCC_SECRET_ID/TCCC_SECRET_KEY: these are the emulator\'s demo keys; production needs real credentials');
  }
  if (isPlaceholderKey(e.TCCC_SECRET_ID) || isPlaceholderKey(e.TCCC_SECRET_KEY)) {
    problems.push('TCCC_SECRET_ID/TCCC_SECRET_KEY: an example or placeholder key, not your CAM key pair; set the real SecretId and SecretKey');
  }
  if (/(^|[\\/])seats\.dev\.json$/.test(e.SEAT_DIRECTORY_FILE)) {
    problems.push('SEAT_DIRECTORY_FILE: the committed dev seat file maps demo people; production needs your own directory');
  }
  return problems;
}

export function loadConfig(env: Env = process.env): Config {
  // Empty or blank strings count as "not set" so `FOO=` in a .env file falls back to the default
  // (a blank one would otherwise coerce to 0: PORT=' ' a random port).
  const present: Env = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value.trim() !== '') present[key] = value;

  const problems: string[] = [];
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? 'environment');
      // The rule only: zod messages do not echo input, and secrets get a fixed wording anyway.
      const message = SECRET_VARIABLES.has(variable) && present[variable] === undefined ? 'is required' : issue.message;
      problems.push(`${variable}: ${message}`);
    }
  }

  problems.push(...misspeltVariables(present));

  if (present['NODE_ENV'] === 'production') {
    for (const variable of REQUIRED_IN_PRODUCTION) {
      if (present[variable] === undefined) problems.push(`${variable}: must be set explicitly in production`);
    }
    if (parsed.success && parsed.data.TCCC_PROTOCOL !== 'https') problems.push('TCCC_PROTOCOL: must be https in production');
    if (parsed.success) problems.push(...productionRefusals(parsed.data));
  }

  const seatFile = present['SEAT_DIRECTORY_FILE'] ?? DEV_DEFAULTS.SEAT_DIRECTORY_FILE;
  const seats = loadSeatDirectory(seatFile);
  if ('problems' in seats) problems.push(...seats.problems.map((problem) => `SEAT_DIRECTORY_FILE: ${problem}`));

  if (problems.length > 0 || !parsed.success || 'problems' in seats) throw new ConfigError(problems);

  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY,
    tccc: {
      secretId: e.TCCC_SECRET_ID,
      secretKey: e.TCCC_SECRET_KEY,
      endpoint: e.TCCC_ENDPOINT,
      protocol: `${e.TCCC_PROTOCOL}://`,
      region: e.TCCC_REGION,
      timeoutSeconds: e.TCCC_TIMEOUT_SECONDS,
      onlyOnce: e.TCCC_ONLY_ONCE,
    },
    auth: {
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      algorithms: ALLOWED_JWT_ALGORITHMS,
      clockToleranceSeconds: e.AUTH_CLOCK_TOLERANCE_SECONDS,
      ...(e.AUTH_TOKEN_TYPE ? { tokenType: e.AUTH_TOKEN_TYPE } : {}),
      maxTokenAgeSeconds: e.AUTH_MAX_TOKEN_AGE_SECONDS,
      jwksTimeoutMs: e.AUTH_JWKS_TIMEOUT_MS,
    },
    seats: seats.directory,
    seatDirectoryFile: e.SEAT_DIRECTORY_FILE,
    rateLimit: { points: e.RATE_LIMIT_POINTS, durationSeconds: e.RATE_LIMIT_DURATION_SECONDS },
    redisUrl: e.REDIS_URL,
    upstreamBudget: { requestsPerSecond: e.TCCC_UPSTREAM_RPS, maxWaitMs: e.LOGIN_QUEUE_MAX_WAIT_MS },
    corsOrigins: e.CORS_ORIGINS,
    readiness: { cacheMs: e.READINESS_CACHE_MS, timeoutMs: e.READINESS_TIMEOUT_MS },
  };
}

/** A loggable view of the configuration: everything except the credentials. */
export function describeConfig(config: Config): Record<string, unknown> {
  const { secretId: _id, secretKey: _key, ...tccc } = config.tccc;
  return {
    env: config.env,
    host: config.host,
    port: config.port,
    trustProxy: config.trustProxy,
    tccc,
    auth: config.auth,
    seatDirectoryFile: config.seatDirectoryFile,
    seats: config.seats.size,
    rateLimit: config.rateLimit,
    redis: config.redisUrl === undefined ? 'off (state in this process)' : redactRedisUrl(config.redisUrl),
    upstreamBudget: config.upstreamBudget,
    corsOrigins: config.corsOrigins,
  };
}
