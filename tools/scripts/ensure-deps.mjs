#!/usr/bin/env node
// Makes `npm start` / `npm test` work on a fresh clone: installs node_modules with `npm ci` when they
// are missing or older than package-lock.json, and Debian's packages the run needs: --chromium
// (browser tests), --nginx (the gateway, tools/gateway), --redis (redis-server for more than one
// token-api). Idempotent and quick when everything is already in place.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lockFile = join(root, 'package-lock.json');
const stampFile = join(root, 'node_modules', '.tccc-desk-lock.sha256');

function run(cmd, args, env = {}) {
  console.log(`[ensure-deps] ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

function ensureNodeModules() {
  const want = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
  const have = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (have === want) return;
  console.log('[ensure-deps] node_modules missing or older than package-lock.json: installing');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stampFile, want + '\n');
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
let aptUpdated = false;

/** Installs the Debian packages behind `missing` (binary → package) as root, else says how. */
function ensureDebianPackages(missing, why) {
  const packages = [...new Set(Object.entries(missing).filter(([binary]) => !existsSync(binary)).map(([, pkg]) => pkg))];
  if (packages.length === 0) return false;
  if (isRoot && hasApt) {
    console.log(`[ensure-deps] installing Debian ${packages.join(', ')} for ${why}`);
    if (!aptUpdated) run('apt-get', ['update', '-qq']);
    aptUpdated = true;
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { DEBIAN_FRONTEND: 'noninteractive' });
    return true;
  }
  console.error(
    `[ensure-deps] ${Object.keys(missing).join(', ')} missing (${why}). Install with:\n  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
  );
  process.exit(1);
}

/**
 * Debian's package starts a system nginx on port 80 (and redis-server on 6379) where an init system
 * runs; the project starts its own, on its own ports, so the system services are stopped and disabled.
 */
function stopSystemService(name) {
  for (const [cmd, args] of [
    ['/usr/bin/systemctl', ['disable', '--now', name]],
    ['/usr/sbin/service', [name, 'stop']],
  ]) {
    if (!existsSync(cmd)) continue;
    try {
      execFileSync(cmd, args, { stdio: 'ignore' });
      console.log(`[ensure-deps] stopped the system ${name} (the project runs its own)`);
      return;
    } catch {
      // not running under that init system
    }
  }
}

ensureNodeModules();
const flags = new Set(process.argv.slice(2));
const unknown = [...flags].filter((flag) => !['--chromium', '--nginx', '--redis'].includes(flag));
if (unknown.length > 0) {
  console.error(`[ensure-deps] unknown option ${unknown.join(' ')} (known: --chromium --nginx --redis)`);
  process.exit(2);
}
if (flags.has('--chromium')) {
  ensureDebianPackages(
    // A CJK font, so the zh-CN desk's screenshots show Chinese and not empty boxes.
    { '/usr/bin/chromium': 'chromium', '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc': 'fonts-wqy-microhei' },
    'the browser tests',
  );
}
if (flags.has('--nginx') && ensureDebianPackages({ '/usr/sbin/nginx': 'nginx', '/usr/bin/openssl': 'openssl' }, 'the gateway')) {
  stopSystemService('nginx');
}
if (flags.has('--redis') && ensureDebianPackages({ '/usr/bin/redis-server': 'redis-server' }, 'token-api replicas sharing limits')) {
  stopSystemService('redis-server');
}
