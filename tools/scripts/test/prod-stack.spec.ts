// `npm run start:prod`'s stack as stack.mjs plans it: Redis first, two token-api replicas sharing
// it (as development: the demo configuration is refused in production), the gateway last, in
// front of both replicas, with the emulator as the SDK origin.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const STACK = pathToFileURL(join(__dirname, '..', 'stack.mjs')).href;

interface PlannedService {
  name: string;
  port: number;
  command: string;
  args: string[];
  env: Record<string, string>;
}

function plan(options: Record<string, unknown>): PlannedService[] {
  const script = `import { serviceSpecs } from ${JSON.stringify(STACK)}; console.log(JSON.stringify(serviceSpecs(${JSON.stringify(options)})));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env['PATH'] ?? '' }, encoding: 'utf8' }));
}

it('prod: Redis, the emulator, two replicas on Redis, the builds, then the gateway in front of both', () => {
  const services = plan({ mode: 'prod', redisPort: 6411 });
  expect(services.map((s) => `${s.name}:${s.port}`)).toEqual([
    'redis:6411',
    'emulator:4300',
    'token-api:3333',
    'token-api-2:3334',
    'remote:4201',
    'shell:4200',
    'examples:4202',
    'gateway:8443',
  ]);
  for (const name of ['token-api', 'token-api-2']) {
    const replica = services.find((s) => s.name === name);
    expect(replica?.env).toEqual(expect.objectContaining({ REDIS_URL: 'redis://127.0.0.1:6411', NODE_ENV: 'development' }));
  }
  const gateway = services.find((s) => s.name === 'gateway');
  expect(gateway?.args).toEqual(['tools/gateway/gateway.mjs']);
  // With the token-api settings its read timeout follows, as the replicas get them.
  expect(gateway?.env).toEqual({
    GATEWAY_PORT: '8443',
    GATEWAY_UPSTREAMS: '3333,3334',
    GATEWAY_SDK_ORIGINS: 'http://localhost:4300',
    LOGIN_QUEUE_MAX_WAIT_MS: '30000',
    TCCC_TIMEOUT_SECONDS: '5',
    AUTH_JWKS_TIMEOUT_MS: '2000',
  });
  expect(services.find((s) => s.name === 'redis')?.args).toEqual(['--port', '6411', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
});

it('dev: one token-api in memory, no Redis, no gateway (as before)', () => {
  const services = plan({ mode: 'dev' });
  expect(services.map((s) => s.name)).toEqual(['emulator', 'token-api', 'remote', 'shell', 'examples']);
  expect(services.find((s) => s.name === 'token-api')?.env['REDIS_URL']).toBeUndefined();
});
