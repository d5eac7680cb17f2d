#!/usr/bin/env node
// `npm start`: the whole stack on its fixed ports, until Ctrl-C.
//   --dev            (default) shell and remote on @rspack/dev-server (live reload), token-api from source
//   --prod           the production builds in dist/ (run `npm run build` first)
//   --backend-only   emulator and token-api only
import { missingBuilds, startStack, URLS } from './stack.mjs';

const args = new Set(process.argv.slice(2));
const mode = args.has('--prod') ? 'prod' : 'dev';
const backendOnly = args.has('--backend-only');

if (mode === 'prod' && !backendOnly) {
  const missing = missingBuilds();
  if (missing.length > 0) {
    console.error(`[stack] production build missing:\n  ${missing.join('\n  ')}`);
    process.exit(1);
  }
}

let stack;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('[stack] stopping…');
  await stack?.stop();
  process.exit(code);
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

try {
  stack = await startStack({ mode, backendOnly, killOnSignals: false });
} catch (error) {
  console.error(`[stack] ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}

// A service that dies takes the stack down: a half-running stack only confuses.
for (const service of stack.services.values()) {
  service.exited.then((code) => {
    if (stopping) return;
    console.error(`[stack] ${service.spec.name} exited (${code}); stopping the rest`);
    void shutdown(1);
  });
}

console.log('');
if (backendOnly) {
  console.log(`[stack] ready: emulator ${URLS.emulator}, token-api ${URLS.tokenApi} (Ctrl-C stops)`);
} else {
  console.log(`[stack] ready (${mode}): open ${URLS.shell}`);
  console.log(`[stack]   remote standalone ${URLS.remote} · plain page ${URLS.examples}/plain-page/ · emulator ${URLS.emulator}`);
  console.log('[stack] Ctrl-C stops everything.');
}
