// Bundles the browser SDK (../sdk/entry.ts) with esbuild once per process and keeps it in memory.
// Started by startEmulator before it listens, so a broken SDK fails the start, not the first page.
import { join } from 'node:path';
import { build } from 'esbuild';

const SDK_ENTRY = join(__dirname, '..', 'sdk', 'entry.ts');

let bundle: Promise<string> | undefined;

async function bundleSdk(): Promise<string> {
  const result = await build({
    entryPoints: [SDK_ENTRY],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  return result.outputFiles[0].text;
}

export function loadSdkBundle(): Promise<string> {
  bundle ??= bundleSdk().catch((error: unknown) => {
    bundle = undefined; // let the next start try again
    throw error;
  });
  return bundle;
}
