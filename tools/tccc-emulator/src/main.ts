// CLI: `npx tsx tools/tccc-emulator/src/main.ts`. PORT (default 4300), EMULATOR_HOST (default
// 127.0.0.1), EMULATOR_PUBLIC_URL (default http://localhost:PORT), LOG_LEVEL (default info),
// CLOUD_REQUEST_LIMIT_PER_SECOND (default 20, Tencent's documented limit; 0 = off) and
// EMULATOR_CONFIG_FILE (seats, users and keys in demo-config.json's shape; default that file).
import pino from 'pino';
import { loadDemoConfigFile } from './config/demo-config';
import { DOCUMENTED_REQUESTS_PER_SECOND } from './cloud/request-limit';
import { DEFAULT_PORT, startEmulator } from './emulator';

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be 0-65535, got "${raw}"`);
  return port;
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DOCUMENTED_REQUESTS_PER_SECOND;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 0 || limit > 100_000) {
    throw new Error(`CLOUD_REQUEST_LIMIT_PER_SECOND must be an integer from 0 to 100000, got "${raw}"`);
  }
  return limit;
}

async function main(): Promise<void> {
  const logger = pino({ name: 'tccc-emulator', level: process.env.LOG_LEVEL ?? 'info' });
  const emulator = await startEmulator({
    port: parsePort(process.env.PORT),
    host: process.env.EMULATOR_HOST || undefined,
    publicUrl: process.env.EMULATOR_PUBLIC_URL || undefined,
    logger,
    cloudRequestLimitPerSecond: parseLimit(process.env.CLOUD_REQUEST_LIMIT_PER_SECOND),
    ...(process.env.EMULATOR_CONFIG_FILE ? { config: loadDemoConfigFile(process.env.EMULATOR_CONFIG_FILE) } : {}),
  });
  logger.info(
    { url: emulator.url, cloudEndpoint: emulator.cloudEndpoint, issuer: emulator.issuer },
    `TCCC emulator listening on ${emulator.url}`,
  );

  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'TCCC emulator stopping');
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.warn({ err: error }, 'TCCC emulator did not close cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('TCCC emulator failed to start:', error);
  process.exit(1);
});
