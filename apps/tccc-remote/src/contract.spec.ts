/**
 * The published contract (contract/tccc-remote.d.ts, generated from the exposed entries) and its
 * lock: fails when the entries' types changed without a CONTRACT_VERSION bump, or when contract/ is
 * stale. Fix: bump CONTRACT_VERSION (src/lib/desk/versions.ts), `npm run contract:lock -w @tccc-desk/tccc-remote`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CONTRACT_VERSION } from './lib/desk/versions';

const REMOTE_ROOT = join(__dirname, '..');
const SCRIPT = join(REMOTE_ROOT, 'scripts', 'contract.mjs');

/** Runs contractProblem() of scripts/contract.mjs (an ES module) on the given inputs. */
function problem(input: { generated: string; version: string; lock: unknown; committed: string | null }): string | null {
  const code = `import { contractProblem } from ${JSON.stringify(SCRIPT)}; process.stdout.write(JSON.stringify(contractProblem(${JSON.stringify(input)})));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }));
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('published contract', () => {
  it('contract/ is what the exposed entries generate, locked at the current CONTRACT_VERSION', () => {
    const run = spawnSync(process.execPath, [SCRIPT, '--check'], { cwd: REMOTE_ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`contract ${CONTRACT_VERSION} up to date`);
  }, 60_000);

  it('CONTRACT_VERSION is semver', () => {
    expect(CONTRACT_VERSION).toMatch(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/);
  });

  describe('the lock rule', () => {
    const before = 'declare module "tccc_remote/desk" { export function getDesk(): void; }';
    const after = 'declare module "tccc_remote/desk" { export function getDesk(options: object): void; }';
    const lock = { version: '1.2.0', sha256: sha256(before) };

    it('passes when nothing changed', () => {
      expect(problem({ generated: before, version: '1.2.0', lock, committed: before })).toBeNull();
    });

    it('fails when the types changed and the version did not', () => {
      expect(problem({ generated: after, version: '1.2.0', lock, committed: before })).toMatch(/changed but CONTRACT_VERSION 1\.2\.0 is not above the locked 1\.2\.0: bump it/);
    });

    it('fails when the types changed and the version went down, not up', () => {
      expect(problem({ generated: after, version: '1.1.9', lock, committed: before })).toMatch(/1\.1\.9 is not above the locked 1\.2\.0/);
      expect(problem({ generated: after, version: 'x.y.z', lock, committed: before })).toMatch(/is not above the locked/);
    });

    it('asks for contract:lock after a bump, and when the committed file was edited by hand', () => {
      expect(problem({ generated: after, version: '2.0.0', lock, committed: before })).toMatch(/not up to date with CONTRACT_VERSION 2\.0\.0/);
      expect(problem({ generated: before, version: '1.2.0', lock, committed: `${before}\n// edited` })).toMatch(/edited by hand/);
      expect(problem({ generated: before, version: '1.2.0', lock: null, committed: before })).toMatch(/missing or invalid/);
    });
  });
});
