// Child process of the bench: the emulator, on its own core share, reporting where it listens.
import { startEmulator } from '@tccc-desk/tccc-emulator';

async function main(): Promise<void> {
  // Tencent's 20/s off: this bench measures our overhead per request, not the documented limit.
  const emulator = await startEmulator({ port: 0, logger: false, cloudRequestLimitPerSecond: 0 });
  process.send!({
    url: emulator.url,
    cloudEndpoint: emulator.cloudEndpoint,
    issuer: emulator.issuer,
    audience: emulator.audience,
    jwksUrl: emulator.jwksUrl,
  });
  // Stop with the parent, whichever way it ends.
  process.on('disconnect', () => void emulator.close().finally(() => process.exit(0)));
}

void main();
