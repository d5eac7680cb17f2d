// Starts the stack once for the run (production builds on the fixed ports; prod mode also runs
// Redis, a second token-api replica and the gateway at https://localhost:8443) and a small control
// endpoint (ephemeral port) through which tests stop and start one service, e.g. the remote.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { ROOT, missingBuilds, startStack } from '../../tools/scripts/stack.mjs';

const CHROMIUM = '/usr/bin/chromium';

function fail(message) {
  // Jest prints a thrown error with a long stack; this is what the person needs to read.
  console.error(`\n[e2e] ${message}\n`);
  throw new Error(message);
}

export default async function globalSetup() {
  if (!existsSync(CHROMIUM)) {
    fail(`${CHROMIUM} is missing. Install Debian's chromium: sudo apt-get update && sudo apt-get install -y chromium`);
  }
  const missing = missingBuilds();
  if (missing.length > 0) {
    fail(`the production builds are missing:\n  ${missing.join('\n  ')}\n(or run: npx nx run-many -t build)`);
  }

  const logDir = join(ROOT, 'tmp', 'e2e-logs');
  let stack;
  try {
    stack = await startStack({
      mode: 'prod',
      logDir,
      logLevel: 'warn',
      // Every flow signs in afresh, several times a minute: more than a person's 10 logins a minute.
      tokenApi: { RATE_LIMIT_POINTS: '1000' },
      onStatus: () => undefined,
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : error} (service logs: ${logDir})`);
  }

  const control = createServer((req, res) => {
    const match = /^\/services\/([\w-]+)\/(start|stop)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      res.writeHead(404).end();
      return;
    }
    const [, name, action] = match;
    (action === 'stop' ? stack.stopOne(name) : stack.startOne(name)).then(
      () => res.writeHead(204).end(),
      (error) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error)),
    );
  });
  await new Promise((resolve) => control.listen(0, '127.0.0.1', resolve));
  process.env.E2E_STACK_CONTROL = `http://127.0.0.1:${control.address().port}`;
  globalThis.__E2E_STACK__ = { stack, control };
}
