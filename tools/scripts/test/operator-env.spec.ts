// The operator's environment wins over the launcher's defaults (.env.example, the emulator's demo
// keys): `RATE_LIMIT_POINTS=100 npm start` or a real TCCC_SECRET_KEY must reach token-api as set.
// Explicit overrides passed by code (a test's RATE_LIMIT_POINTS, the stack's PORT) still win.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const STACK = pathToFileURL(join(__dirname, '..', 'stack.mjs')).href;

/**
 * The environment token-api's process gets from the stack (serviceEnv of its spec), in a launcher
 * started with `environment`; `overrides` are the code's (serviceSpecs' tokenApi option).
 */
function tokenApiEnvIn(environment: Record<string, string>, overrides: Record<string, string> = {}, mode: 'dev' | 'prod' = 'dev'): Record<string, string> {
  const script = [
    `import { serviceEnv, serviceSpecs } from ${JSON.stringify(STACK)};`,
    `const spec = serviceSpecs({ mode: ${JSON.stringify(mode)}, backendOnly: true, tokenApi: ${JSON.stringify(overrides)} }).find((s) => s.name === 'token-api');`,
    'console.log(JSON.stringify(serviceEnv(spec)));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env['PATH'] ?? '', ...environment },
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, string>;
}

it('keeps variables the operator set instead of replacing them with defaults', () => {
  const env = tokenApiEnvIn({ RATE_LIMIT_POINTS: '100', TCCC_SECRET_ID: 'AKIDoperator', TCCC_SECRET_KEY: 'operator-key', LOG_LEVEL: 'debug' });
  expect(env['RATE_LIMIT_POINTS']).toBe('100');
  expect(env['TCCC_SECRET_ID']).toBe('AKIDoperator');
  expect(env['TCCC_SECRET_KEY']).toBe('operator-key');
  expect(env['LOG_LEVEL']).toBe('debug');
  // What the operator did not set still gets the local default.
  expect(env['AUTH_AUDIENCE']).toBe('tccc-desk');
});

it('fills in the defaults and the demo keys where nothing is set', () => {
  const env = tokenApiEnvIn({});
  expect(env['RATE_LIMIT_POINTS']).toBe('10');
  expect(env['TCCC_SECRET_ID']).toMatch(/\S/);
  expect(env['TCCC_SECRET_KEY']).toMatch(/\S/);
});

it('treats an empty variable as unset (as token-api does)', () => {
  expect(tokenApiEnvIn({ RATE_LIMIT_POINTS: '' })['RATE_LIMIT_POINTS']).toBe('10');
});

it("lets the code's explicit overrides win over the environment", () => {
  const env = tokenApiEnvIn({ RATE_LIMIT_POINTS: '100', PORT: '9999' }, { RATE_LIMIT_POINTS: '1000' });
  expect(env['RATE_LIMIT_POINTS']).toBe('1000');
  expect(env['PORT']).toBe('3333'); // the stack's fixed port
});

it('start:prod runs the demo as development only when the operator did not ask for production', () => {
  expect(tokenApiEnvIn({}, {}, 'prod')['NODE_ENV']).toBe('development');
  // NODE_ENV=production keeps token-api's production refusals on (demo keys, dev seat file, http
  // IdP): the stack then fails to start instead of silently running the demo setup as development.
  expect(tokenApiEnvIn({ NODE_ENV: 'production' }, {}, 'prod')['NODE_ENV']).toBe('production');
});

it("start:prod's gateway takes the operator's SDK origins (a real Tencent CDN in the CSP), the emulator's only when none is set", () => {
  const script = (environment: Record<string, string>) =>
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { serviceEnv, serviceSpecs } from ${JSON.stringify(STACK)}; console.log(JSON.stringify(serviceEnv(serviceSpecs({ mode: 'prod', redisPort: 6411 }).find((s) => s.name === 'gateway'))));`,
      ],
      { env: { PATH: process.env['PATH'] ?? '', ...environment }, encoding: 'utf8' },
    );
  const gatewayEnv = (environment: Record<string, string>) => JSON.parse(script(environment)) as Record<string, string>;
  expect(gatewayEnv({ GATEWAY_SDK_ORIGINS: 'https://*.cdn-go.cn' })['GATEWAY_SDK_ORIGINS']).toBe('https://*.cdn-go.cn');
  expect(gatewayEnv({})['GATEWAY_SDK_ORIGINS']).toBe('http://localhost:4300');
  expect(gatewayEnv({ GATEWAY_SDK_ORIGINS: '' })['GATEWAY_SDK_ORIGINS']).toBe('http://localhost:4300');
});
