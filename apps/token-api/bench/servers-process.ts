// Child process of the bench: token-api and the bare baseline, each on its own loopback port, in
// one process that only serves (the load generator and the emulator run elsewhere). Rounds are
// interleaved, so at any moment only one of the two apps is under load.
import type { AddressInfo } from 'node:net';
import { demoConfig } from '@tccc-desk/tccc-emulator';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { bufferedDestination, createLogger } from '../src/logger';
import { createBareApp } from './bare-app';

interface EmulatorInfo {
  cloudEndpoint: string;
  issuer: string;
  audience: string;
  jwksUrl: string;
}

function listen(app: { listen: (port: number, host: string, cb: () => void) => import('node:http').Server }): Promise<number> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

process.once('message', async (emulator: EmulatorInfo) => {
  const config = loadConfig({
    NODE_ENV: 'development',
    TCCC_SECRET_ID: demoConfig.secretId,
    TCCC_SECRET_KEY: demoConfig.secretKey,
    TCCC_ENDPOINT: emulator.cloudEndpoint,
    TCCC_PROTOCOL: 'http',
    TCCC_TIMEOUT_SECONDS: '5',
    AUTH_JWKS_URL: emulator.jwksUrl,
    AUTH_ISSUER: emulator.issuer,
    AUTH_AUDIENCE: emulator.audience,
    SEAT_DIRECTORY_FILE: process.env['SEAT_DIRECTORY_FILE'],
    // High enough never to trigger: the limiter still runs on every request.
    RATE_LIMIT_POINTS: '1000000',
    RATE_LIMIT_DURATION_SECONDS: '60',
    // This bench measures our per-request overhead, not Tencent's pace (bench:login-storm does that).
    TCCC_UPSTREAM_RPS: '0',
  });
  // Every access and audit line is still formatted and written, exactly as main.ts does, to /dev/null.
  const logger = createLogger({ level: 'info', destination: bufferedDestination('/dev/null') });
  const ours = createApp(config, { logger });
  const seat = config.seats.seatFor('alice')!;
  const bare = createBareApp(config.tccc, seat);
  const [oursPort, barePort] = await Promise.all([listen(ours), listen(bare)]);
  process.send!({ oursPort, barePort });
  process.on('disconnect', () => {
    logger.flush();
    process.exit(0);
  });
});
