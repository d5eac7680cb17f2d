#!/usr/bin/env node
// Runs a TypeScript benchmark as one esbuild bundle (ES modules, minified names kept), the way
// the desk ships inside the remote's bundle, rather than through tsx: tsx compiles each module
// to CommonJS, and every call across modules then goes through an export getter, a cost the
// shipped code does not have (it was ~7% of the reducer's time in a profile). rxjs likewise.
// Usage: node [node flags] tools/scripts/run-bundled.mjs <entry.ts> — node flags such as
// --expose-gc apply to the bundle, which runs in this process.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const entry = process.argv[2];
if (!entry || !entry.endsWith('.ts')) {
  console.error('usage: node tools/scripts/run-bundled.mjs <entry.ts>');
  process.exit(2);
}
const outdir = join(root, 'tmp', 'bench');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, basename(entry).replace(/\.ts$/, '.mjs'));
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  format: 'esm',
  // Resolved as the browser build resolves them (rspack with Angular's `es2015` condition): rxjs
  // as ES modules, not its CommonJS build (whose exports are getters too).
  platform: 'neutral',
  conditions: ['es2015'],
  mainFields: ['es2015', 'module', 'main'],
  external: ['node:*'],
  target: 'es2022',
  // The workspace's path aliases (@tccc-desk/*) come from the root tsconfig.
  tsconfig: join(root, 'tsconfig.json'),
  sourcemap: 'inline',
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
