// CLI: `npx tsx tools/tccc-emulator/src/main.ts`. PORT (default 4300), EMULATOR_HOST (default
// 127.0.0.1), EMULATOR_PUBLIC_URL (default http://localhost:PORT), LOG_LEVEL (default info).
import pino from 'pino';
import { DEFAULT_PORT, startEmulator } from './emulator';

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be 0-65535, got "${raw}"`);
  return port;
}

async function main(): Promise<void> {
  const logger = pino({ name: 'tccc-emulator', level: process.env.LOG_LEVEL ?? 'info' });
  const emulator = await startEmulator({
    port: parsePort(process.env.PORT),
    host: process.env.EMULATOR_HOST || undefined,
    publicUrl: process.env.EMULATOR_PUBLIC_URL || undefined,
    logger,
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
