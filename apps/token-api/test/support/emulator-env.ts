// Test wiring against the in-process emulator: the environment our config reads, access tokens
// from its dev identity provider, and fault control.
import { join } from 'node:path';
import { demoConfig, type FaultSpec, type RunningEmulator } from '@tccc-desk/tccc-emulator';
import { type Config, loadConfig } from '../../src/config';

export const DEV_SEATS_FILE = join(__dirname, '..', '..', 'config', 'seats.dev.json');

export function emulatorEnv(emulator: RunningEmulator, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    TCCC_SECRET_ID: demoConfig.secretId,
    TCCC_SECRET_KEY: demoConfig.secretKey,
    TCCC_ENDPOINT: emulator.cloudEndpoint,
    TCCC_PROTOCOL: 'http',
    TCCC_TIMEOUT_SECONDS: '1',
    AUTH_JWKS_URL: emulator.jwksUrl,
    AUTH_ISSUER: emulator.issuer,
    AUTH_AUDIENCE: emulator.audience,
    SEAT_DIRECTORY_FILE: DEV_SEATS_FILE,
    RATE_LIMIT_POINTS: '10000',
    ...overrides,
  };
}

export function emulatorConfig(emulator: RunningEmulator, overrides: Record<string, string> = {}): Config {
  return loadConfig(emulatorEnv(emulator, overrides));
}

export interface TokenOptions {
  ttlSeconds?: number;
  audience?: string;
  issuer?: string;
}

export async function accessToken(emulator: RunningEmulator, sub: string, options: TokenOptions = {}): Promise<string> {
  const response = await fetch(`${emulator.url}/dev/idp/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub, ...options }),
  });
  if (response.status !== 200) throw new Error(`dev IdP answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function injectFault(emulator: RunningEmulator, fault: FaultSpec): Promise<void> {
  const response = await fetch(`${emulator.url}/control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`fault injection answered ${response.status}: ${await response.text()}`);
}

export async function clearFaults(emulator: RunningEmulator): Promise<void> {
  const response = await fetch(`${emulator.url}/control/faults`, { method: 'DELETE' });
  await response.arrayBuffer();
}

export async function counters(emulator: RunningEmulator): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}/control/counters`);
  return (await response.json()) as Record<string, unknown>;
}
