#!/usr/bin/env node
// `npm start`: the whole stack on its fixed ports, until Ctrl-C.
//   --dev            (default) shell and remote on @rspack/dev-server (live reload), token-api from source
//   --prod           `npm run start:prod`: builds what is missing, then Redis, the emulator, two
//                    token-api replicas and the gateway at https://localhost:8443
//   --backend-only   emulator and token-api only
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { configurationFiles, missingBuildProjects, PROD_PROJECTS, ROOT, startStack, URLS } from './stack.mjs';

const args = new Set(process.argv.slice(2));
const mode = args.has('--prod') ? 'prod' : 'dev';
const backendOnly = args.has('--backend-only');

// First, before anything else: what this runs on. Never a silent demo.
const files = configurationFiles();
console.log(
  `[stack] DEMO: the cloud is the local emulator and the identity provider its development IdP (not Tencent Cloud, not your SSO); ` +
    `configuration: token-api ${files.tokenApi}, emulator ${files.emulator}; ` +
    // What the replicas run as (stack.mjs: development unless the operator set NODE_ENV).
    `token-api NODE_ENV=${process.env.NODE_ENV || 'development'}`,
);

if (mode === 'prod') {
  // nx rebuilds only what changed since the last build (its cache answers the rest), so dist/ is
  // never a stale build of older sources; missing builds say so first.
  const missing = missingBuildProjects();
  if (missing.length > 0) console.log(`[stack] production builds missing: ${missing.join(', ')}`);
  const nx = join(ROOT, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
  try {
    execFileSync(process.execPath, [nx, 'run-many', '-t', 'build', '-p', ...PROD_PROJECTS, '--outputStyle=static'], { cwd: ROOT, stdio: 'inherit' });
  } catch {
    console.error('[stack] the build failed (see above)');
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
} else if (mode === 'prod') {
  console.log(`[stack] ready (prod): open ${URLS.gateway} (gateway, self-signed certificate for localhost)`);
  console.log(`[stack]   token-api replicas :3333 :3334 on Redis :${stack.services.get('redis')?.spec.port} · emulator ${URLS.emulator}`);
  console.log('[stack] Ctrl-C stops everything.');
} else {
  console.log(`[stack] ready (${mode}): open ${URLS.shell}`);
  console.log(`[stack]   remote standalone ${URLS.remote} · plain page ${URLS.examples}/plain-page/ · emulator ${URLS.emulator}`);
  console.log('[stack] Ctrl-C stops everything.');
}
