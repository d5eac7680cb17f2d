// Start-up configuration: every bad variable is named, no secret value is ever echoed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoConfig } from '@tccc-desk/tccc-emulator';
import { CONFIG_VARIABLES, ConfigError, describeConfig, loadConfig } from '../src/config';
import { DEV_SEATS_FILE } from './support/emulator-env';

const SECRET_KEY = 'sk-super-secret-value-1234567890';
const SECRET_ID = 'AKID-super-secret-id-0987654321';
const valid = { TCCC_SECRET_ID: SECRET_ID, TCCC_SECRET_KEY: SECRET_KEY, SEAT_DIRECTORY_FILE: DEV_SEATS_FILE };

function problemsOf(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw');
}

function seatFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'token-api-seats-')), 'seats.json');
  writeFileSync(file, content);
  return file;
}

it('defaults suit local development against the emulator', () => {
  const config = loadConfig(valid);
  expect(config).toMatchObject({
    port: 3333,
    tccc: { endpoint: 'ccc.localhost:4300', protocol: 'http://', region: '', onlyOnce: true, secretKey: SECRET_KEY },
    auth: {
      jwksUrl: 'http://localhost:4300/.well-known/jwks.json',
      issuer: 'http://localhost:4300/dev/idp',
      audience: 'tccc-desk',
      algorithms: ['RS256', 'ES256'],
      clockToleranceSeconds: 5,
    },
    rateLimit: { points: 10, durationSeconds: 60 },
  });
  expect(config.seats.seatFor('alice')).toEqual({ sdkAppId: 1400000001, seatUserId: 'alice@example.com' });
});

it('has no default for the cloud credentials', () => {
  const error = problemsOf({ SEAT_DIRECTORY_FILE: DEV_SEATS_FILE });
  expect(error.problems).toEqual(['TCCC_SECRET_ID: is required', 'TCCC_SECRET_KEY: is required']);
});

it('names every bad variable at once, and never a value', () => {
  const error = problemsOf({
    TCCC_SECRET_ID: `${SECRET_ID} with spaces`,
    TCCC_SECRET_KEY: `${SECRET_KEY}\n`,
    PORT: 'eighty',
    TCCC_ENDPOINT: '127.0.0.1:4300',
    TCCC_PROTOCOL: 'ftp',
    TCCC_TIMEOUT_SECONDS: '-1',
    TCCC_ONLY_ONCE: 'maybe',
    AUTH_JWKS_URL: 'not a url',
    AUTH_CLOCK_TOLERANCE_SECONDS: '3600',
    RATE_LIMIT_POINTS: '0',
    CORS_ORIGINS: 'https://ok.example,https://bad.example/path',
    SEAT_DIRECTORY_FILE: '/definitely/not/here.json',
  });
  const named = error.problems.map((problem) => problem.split(':')[0]);
  expect(named).toEqual([
    'PORT',
    'TCCC_SECRET_ID',
    'TCCC_SECRET_KEY',
    'TCCC_ENDPOINT',
    'TCCC_PROTOCOL',
    'TCCC_TIMEOUT_SECONDS',
    'TCCC_ONLY_ONCE',
    'AUTH_JWKS_URL',
    'AUTH_CLOCK_TOLERANCE_SECONDS',
    'RATE_LIMIT_POINTS',
    'CORS_ORIGINS',
    'SEAT_DIRECTORY_FILE',
  ]);
  expect(error.message).toContain('Invalid configuration');
  expect(error.message).not.toContain(SECRET_KEY);
  expect(error.message).not.toContain(SECRET_ID);
  expect(error.message).not.toContain('eighty');
});

it('lower-cases the endpoint host: the SDK signs with its first label verbatim, and Tencent expects "ccc"', () => {
  const config = loadConfig({ ...valid, TCCC_ENDPOINT: 'CCC.TencentCloudAPI.com' });
  expect(config.tccc.endpoint).toBe('ccc.tencentcloudapi.com');
  // tencentcloud-sdk-nodejs: service = endpoint.split('.')[0]
  expect(config.tccc.endpoint.split('.')[0]).toBe('ccc');
  expect(loadConfig({ ...valid, TCCC_ENDPOINT: 'Ccc.Localhost:4300' }).tccc.endpoint).toBe('ccc.localhost:4300');
});

it('trusts the gateway’s X-Forwarded-* by default; TRUST_PROXY=false turns it off', () => {
  expect(loadConfig(valid).trustProxy).toBe(true);
  expect(loadConfig({ ...valid, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  expect(loadConfig({ ...valid, TRUST_PROXY: '0' }).trustProxy).toBe(false);
  expect(problemsOf({ ...valid, TRUST_PROXY: 'yes' }).problems).toEqual(['TRUST_PROXY: must be true or false']);
});

it('treats empty variables as unset', () => {
  expect(loadConfig({ ...valid, PORT: '', TCCC_REGION: '' }).port).toBe(3333);
  expect(problemsOf({ ...valid, TCCC_SECRET_KEY: '' }).problems).toEqual(['TCCC_SECRET_KEY: is required']);
});

it('treats blank variables (only spaces, as an env file or a manifest can leave them) as unset, not as 0', () => {
  // Number(' ') is 0: PORT would silently be a random port, SHUTDOWN_TIMEOUT_MS no grace at all.
  const config = loadConfig({ ...valid, PORT: ' ', SHUTDOWN_TIMEOUT_MS: '  ', LOGIN_QUEUE_MAX_WAIT_MS: '\t' });
  expect([config.port, config.shutdownTimeoutMs, config.upstreamBudget.maxWaitMs]).toEqual([3333, 10_000, 30_000]);
  expect(problemsOf({ ...valid, TCCC_SECRET_KEY: ' ' }).problems).toEqual(['TCCC_SECRET_KEY: is required']);
});

it('requires explicit, TLS settings in production', () => {
  const error = problemsOf({ ...valid, NODE_ENV: 'production' });
  expect(error.problems).toEqual(
    expect.arrayContaining([
      'TCCC_ENDPOINT: must be set explicitly in production',
      'AUTH_JWKS_URL: must be set explicitly in production',
      'AUTH_ISSUER: must be set explicitly in production',
      'CORS_ORIGINS: must be set explicitly in production',
      'TCCC_PROTOCOL: must be https in production',
      'AUTH_JWKS_URL: must be https in production',
    ]),
  );
  const { SEAT_DIRECTORY_FILE: _file, ...withoutSeatFile } = valid;
  expect(problemsOf({ ...withoutSeatFile, NODE_ENV: 'production' }).problems).toContain(
    'SEAT_DIRECTORY_FILE: must be set explicitly in production',
  );
  const production = loadConfig(productionEnv);
  expect(production.tccc).toMatchObject({ endpoint: 'ccc.tencentcloudapi.com', protocol: 'https://' });
});

const productionEnv = {
  ...valid,
  NODE_ENV: 'production',
  TCCC_ENDPOINT: 'ccc.tencentcloudapi.com',
  TCCC_PROTOCOL: 'https',
  AUTH_JWKS_URL: 'https://sso.example.com/jwks.json',
  AUTH_ISSUER: 'https://sso.example.com',
  CORS_ORIGINS: 'https://crm.example.com',
  SEAT_DIRECTORY_FILE: seatFile(JSON.stringify({ 'u-1': { sdkAppId: 1400000001, seatUserId: 'agent1@corp.example' } })),
};

it.each([
  ['the emulator’s demo SecretId', { TCCC_SECRET_ID: demoConfig.secretId }, 'TCCC_SECRET_ID/TCCC_SECRET_KEY: these are the emulator\'s demo keys; production needs real credentials'],
  ['the emulator’s demo SecretKey', { TCCC_SECRET_KEY: demoConfig.secretKey }, 'TCCC_SECRET_ID/TCCC_SECRET_KEY: these are the emulator\'s demo keys; production needs real credentials'],
  ['the committed dev seat file', { SEAT_DIRECTORY_FILE: DEV_SEATS_FILE }, 'SEAT_DIRECTORY_FILE: the committed dev seat file maps demo people; production needs your own directory'],
  ['an http:// JWKS', { AUTH_JWKS_URL: 'http://sso.example.com/jwks.json' }, 'AUTH_JWKS_URL: must be https in production'],
  ['an http:// issuer', { AUTH_ISSUER: 'http://sso.example.com' }, 'AUTH_ISSUER: must be an https issuer in production'],
  ['a *.localhost endpoint', { TCCC_ENDPOINT: 'ccc.localhost:4300' }, 'TCCC_ENDPOINT: a *.localhost endpoint is the emulator; production needs ccc.tencentcloudapi.com'],
])('production refuses %s', (_name, change, problem) => {
  expect(() => loadConfig(productionEnv)).not.toThrow();
  const error = problemsOf({ ...productionEnv, ...change });
  expect(error.problems).toEqual([problem]);
  // The message names the rule, never the value.
  expect(error.message).not.toContain(demoConfig.secretKey);
  expect(error.message).not.toContain(demoConfig.secretId);
});

it.each([
  ['Tencent’s documented example SecretId', { TCCC_SECRET_ID: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA' }],
  ['Tencent’s documented example SecretKey', { TCCC_SECRET_KEY: 'Gu5t9xGARNpq86cd98joQYCN3Cozk1qA' }],
  ['the README’s placeholder (…)', { TCCC_SECRET_ID: '…', TCCC_SECRET_KEY: '…' }],
  ['a masked key copied from the console (****)', { TCCC_SECRET_KEY: 'Gu5t9xGARN********************' }],
  ['a template placeholder', { TCCC_SECRET_KEY: '<your-secret-key>' }],
  ['a changeme', { TCCC_SECRET_ID: 'CHANGEME' }],
  ['an example key', { TCCC_SECRET_KEY: 'my-EXAMPLE-key-1234' }],
])('production refuses %s as credentials', (_name, change) => {
  const error = problemsOf({ ...productionEnv, ...change });
  expect(error.problems).toEqual(['TCCC_SECRET_ID/TCCC_SECRET_KEY: an example or placeholder key, not your CAM key pair; set the real SecretId and SecretKey']);
  for (const value of Object.values(change)) expect(error.message).not.toContain(value);
});

it('development and test accept the demo setup (npm start runs it as development)', () => {
  expect(() => loadConfig({ ...valid, TCCC_SECRET_ID: demoConfig.secretId, TCCC_SECRET_KEY: demoConfig.secretKey })).not.toThrow();
});

it('reads the Redis URL, the upstream budget and the queue bound', () => {
  const config = loadConfig({ ...valid, REDIS_URL: 'redis://:pw@127.0.0.1:6390/0', TCCC_UPSTREAM_RPS: '15', LOGIN_QUEUE_MAX_WAIT_MS: '5000' });
  expect(config.redisUrl).toBe('redis://:pw@127.0.0.1:6390/0');
  expect(config.upstreamBudget).toEqual({ requestsPerSecond: 15, maxWaitMs: 5000 });
  expect(JSON.stringify(describeConfig(config))).not.toContain(':pw@');
  expect(loadConfig(valid)).toMatchObject({ redisUrl: undefined, upstreamBudget: { requestsPerSecond: 20, maxWaitMs: 30_000 } });
  expect(problemsOf({ ...valid, REDIS_URL: 'http://127.0.0.1:6379' }).problems).toEqual(['REDIS_URL: must be a redis:// or rediss:// URL']);
  expect(problemsOf({ ...valid, TCCC_UPSTREAM_RPS: '-1' }).problems).toEqual(['TCCC_UPSTREAM_RPS: must be an integer from 0 to 1000']);
  expect(loadConfig({ ...valid, TCCC_UPSTREAM_RPS: '0' }).upstreamBudget.requestsPerSecond).toBe(0);
  expect(problemsOf({ ...productionEnv, TCCC_UPSTREAM_RPS: '0' }).problems).toEqual([
    "TCCC_UPSTREAM_RPS: 0 (no budget) is for benchmarks; production needs Tencent's limit (20)",
  ]);
  expect(problemsOf({ ...valid, LOGIN_QUEUE_MAX_WAIT_MS: '-1' }).problems).toEqual(['LOGIN_QUEUE_MAX_WAIT_MS: must be an integer from 0 to 120000']);
});

it('validates the seat directory file and reports each bad entry', () => {
  const error = problemsOf({
    ...valid,
    SEAT_DIRECTORY_FILE: seatFile(
      JSON.stringify({
        alice: { sdkAppId: 'x', seatUserId: 'alice@example.com' },
        bob: { sdkAppId: 1400000001 },
        dave: { sdkAppId: 1400000001, seatUserId: 'eve@example.com', admin: true },
        eve: { sdkAppId: 1400000001, seatUserId: 'eve@example.com' },
      }),
    ),
  });
  expect(error.problems.length).toBeGreaterThanOrEqual(3);
  expect(error.problems.every((problem) => problem.startsWith('SEAT_DIRECTORY_FILE: '))).toBe(true);
  expect(error.message).toMatch(/alice\.sdkAppId/);
  expect(error.message).toMatch(/bob\.seatUserId/);
  expect(problemsOf({ ...valid, SEAT_DIRECTORY_FILE: seatFile('{"alice": ') }).problems).toEqual(['SEAT_DIRECTORY_FILE: is not valid JSON']);
});

it('refuses one seat mapped to two people', () => {
  const error = problemsOf({
    ...valid,
    SEAT_DIRECTORY_FILE: seatFile(
      JSON.stringify({
        alice: { sdkAppId: 1400000001, seatUserId: 'shared@example.com' },
        mallory: { sdkAppId: 1400000001, seatUserId: 'shared@example.com' },
      }),
    ),
  });
  expect(error.problems).toEqual(['SEAT_DIRECTORY_FILE: mallory: seat shared@example.com is already mapped to alice']);
});

it('refuses prototype-shaped identities and never finds inherited ones', () => {
  const error = problemsOf({
    ...valid,
    SEAT_DIRECTORY_FILE: seatFile('{"__proto__": {"sdkAppId": 1400000001, "seatUserId": "x@example.com"}}'),
  });
  expect(error.problems).toEqual(['SEAT_DIRECTORY_FILE: __proto__: is not a usable identity']);
  const { seats } = loadConfig(valid);
  expect(['toString', 'constructor', '__proto__', 'hasOwnProperty'].map((sub) => seats.seatFor(sub))).toEqual([
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
});

it('describes the configuration without the credentials', () => {
  const text = JSON.stringify(describeConfig(loadConfig(valid)));
  expect(text).toContain('ccc.localhost:4300');
  expect(text).not.toContain(SECRET_KEY);
  expect(text).not.toContain(SECRET_ID);
});

it('ships a dev seat directory matching the emulator’s demo people', () => {
  const { seats } = loadConfig(valid);
  for (const person of demoConfig.portalUsers) {
    const expected = person.seatUserId === null ? undefined : { sdkAppId: demoConfig.sdkAppId, seatUserId: person.seatUserId };
    expect([person.sub, seats.seatFor(person.sub)]).toEqual([person.sub, expected]);
  }
  expect(seats.size).toBe(demoConfig.portalUsers.filter((person) => person.seatUserId !== null).length);
});

it('documents every variable in .env.example, and the example is a valid configuration once keys are filled in', () => {
  const example = readFileSync(join(__dirname, '..', '.env.example'), 'utf8');
  const documented = new Map(
    example
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
  );
  expect([...documented.keys()].sort()).toEqual([...CONFIG_VARIABLES].sort());
  const env = Object.fromEntries(documented);
  const config = loadConfig({ ...env, TCCC_SECRET_ID: SECRET_ID, TCCC_SECRET_KEY: SECRET_KEY, SEAT_DIRECTORY_FILE: DEV_SEATS_FILE });
  expect(config.port).toBe(3333);
});

it('reads the access-token rules: typ only when set, a maximum age and one JWKS deadline', () => {
  expect(loadConfig(valid).auth).toMatchObject({ maxTokenAgeSeconds: 86_400, jwksTimeoutMs: 2_000 });
  expect(loadConfig(valid).auth.tokenType).toBeUndefined();
  expect(loadConfig({ ...valid, AUTH_TOKEN_TYPE: 'at+jwt', AUTH_MAX_TOKEN_AGE_SECONDS: '3600', AUTH_JWKS_TIMEOUT_MS: '500' }).auth).toMatchObject({
    tokenType: 'at+jwt',
    maxTokenAgeSeconds: 3600,
    jwksTimeoutMs: 500,
  });
  const error = problemsOf({ ...valid, AUTH_TOKEN_TYPE: 'at jwt', AUTH_MAX_TOKEN_AGE_SECONDS: '10', AUTH_JWKS_TIMEOUT_MS: '0' });
  expect(error.problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['AUTH_JWKS_TIMEOUT_MS', 'AUTH_MAX_TOKEN_AGE_SECONDS', 'AUTH_TOKEN_TYPE']);
});

it('refuses a misspelt variable instead of silently running on the default it meant to replace', () => {
  // An operator's REDIS_URI would leave every replica on its own budget; AUTH_AUDIANCE on tccc-desk.
  const error = problemsOf({ ...valid, REDIS_URI: 'redis://:pw@redis.internal:6379', AUTH_AUDIANCE: 'crm', TCCC_SECRETKEY: SECRET_KEY });
  expect(error.problems).toEqual(
    expect.arrayContaining([
      'REDIS_URI: not a token-api variable (did you mean REDIS_URL?); it would be ignored',
      'AUTH_AUDIANCE: not a token-api variable (did you mean AUTH_AUDIENCE?); it would be ignored',
      'TCCC_SECRETKEY: not a token-api variable (did you mean TCCC_SECRET_KEY?); it would be ignored',
    ]),
  );
  expect(error.message).not.toContain('pw@');
  expect(error.message).not.toContain(SECRET_KEY);
  // Unrelated variables of the host, the shell or Kubernetes' service links are not ours to judge.
  expect(() => loadConfig({ ...valid, HOME: '/root', REDIS_SERVICE_HOST: '10.0.0.1', REDIS_PORT: 'tcp://10.0.0.1:6379', NODE_OPTIONS: '--max-old-space-size=512' })).not.toThrow();
});

it('says what to do with an endpoint written as a URL (the scheme belongs in TCCC_PROTOCOL)', () => {
  expect(problemsOf({ ...valid, TCCC_ENDPOINT: 'https://ccc.tencentcloudapi.com' }).problems).toEqual([
    'TCCC_ENDPOINT: must be host[:port] starting with "ccc." (the signature scope), without a scheme: TCCC_PROTOCOL=https says https',
  ]);
});
