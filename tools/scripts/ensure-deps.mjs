#!/usr/bin/env node
// Makes `npm start` / `npm test` work on a fresh clone: installs node_modules with `npm ci` when they
// are missing or older than package-lock.json, and (with --chromium) Debian's chromium for the
// browser tests. Idempotent and quick when everything is already in place.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lockFile = join(root, 'package-lock.json');
const stampFile = join(root, 'node_modules', '.tccc-desk-lock.sha256');

function run(cmd, args) {
  console.log(`[ensure-deps] ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
}

function ensureNodeModules() {
  const want = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
  const have = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (have === want) return;
  console.log('[ensure-deps] node_modules missing or older than package-lock.json: installing');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stampFile, want + '\n');
}

function ensureChromium() {
  const chromium = '/usr/bin/chromium';
  if (existsSync(chromium)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('[ensure-deps] installing Debian chromium for the end-to-end tests');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
    return;
  }
  console.error('[ensure-deps] /usr/bin/chromium is missing. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium');
  process.exit(1);
}

ensureNodeModules();
if (process.argv.includes('--chromium')) ensureChromium();
