/**
 * Independent delivery: the shell stays built and running while the desk is redeployed. The remote's
 * build v1 is served; the shell's deploy-time desk.manifest.json is switched to build v2 (another
 * folder on another port, a visibly different version) and a reload shows v2; then to a remote whose
 * contract major is 2: the page says "The desk was updated and this page needs a newer version", the
 * CRM keeps working and nothing throws. The deployments are copies of the production build in
 * dist/apps/tccc-remote with their version stamps rewritten (REMOTE_VERSION, CONTRACT_VERSION: read
 * from the remote's source), served by tools/scripts/static-server.mjs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { useBrowser } from '../support/fixture';
import { byTestId, signIn } from '../support/shell';

const { open } = useBrowser();

const ROOT = join(__dirname, '..', '..', '..', '..');
const REMOTE_DIST = join(ROOT, 'dist/apps/tccc-remote');
const SHELL_MANIFEST = join(ROOT, 'dist/apps/shell/desk.manifest.json');
const VERSIONS = readFileSync(join(ROOT, 'apps/tccc-remote/src/lib/desk/versions.ts'), 'utf8');
const versionOf = (name: string) => new RegExp(`export const ${name} = '([^']+)'`).exec(VERSIONS)![1]!;
const REMOTE_VERSION = versionOf('REMOTE_VERSION');
const CONTRACT_VERSION = versionOf('CONTRACT_VERSION');

const originalManifest = readFileSync(SHELL_MANIFEST, 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'tccc-redeploy-'));
const servers: ChildProcess[] = [];

/** A deployment: a copy of the production build with `"from"` literals in its JS replaced by `"to"`. */
function deployment(name: string, rewrites: Array<[string, string]>): string {
  const dir = join(scratch, name);
  cpSync(REMOTE_DIST, dir, { recursive: true });
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    let text = readFileSync(join(dir, file), 'utf8');
    for (const [from, to] of rewrites) text = text.split(JSON.stringify(from)).join(JSON.stringify(to));
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function serve(dir: string): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['tools/scripts/static-server.mjs', '--dir', dir, '--port', String(port)], { cwd: ROOT, stdio: 'ignore' });
  servers.push(child);
  const origin = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`${origin}/mf-manifest.json`)).ok) return origin;
    } catch {
      /* not yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${dir} not served on ${origin}`);
}

/** The deploy-time step a shell's operators do: point the manifest at another desk deployment. */
const pointShellAt = (origin: string) => writeFileSync(SHELL_MANIFEST, `${JSON.stringify({ tccc_remote: `${origin}/mf-manifest.json` })}\n`);

afterAll(() => {
  writeFileSync(SHELL_MANIFEST, originalManifest);
  for (const child of servers) child.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
});

test('the desk is redeployed under a running shell: v1, then v2 after a reload, then contract major 2 → a clear message', async () => {
  const major = Number(CONTRACT_VERSION.split('.')[0]);
  const v2 = await serve(deployment('v2', [[REMOTE_VERSION, '99.0.0']]));
  const nextMajor = await serve(deployment('major', [[CONTRACT_VERSION, `${major + 1}.0.0`], [REMOTE_VERSION, '100.0.0']]));
  const { page, pageErrors } = await open();
  const remoteOrigins = new Set<string>();
  page.on('request', (request) => {
    if (request.url().endsWith('/remoteEntry.js')) remoteOrigins.add(new URL(request.url()).origin);
  });

  // v1: the build the stack serves on :4201.
  await signIn(page);
  await page.locator('tccc-desk [data-testid="desk-status"][data-status="ready"]').waitFor();
  await expect(byTestId(page, 'desk-build').textContent()).resolves.toBe(`v${REMOTE_VERSION}`);

  // v2: only the deploy-time manifest changes; the shell's files and server stay as they are.
  pointShellAt(v2);
  await page.reload();
  await page.locator('tccc-desk [data-testid="desk-status"][data-status="ready"]').waitFor();
  await expect(byTestId(page, 'desk-build').textContent()).resolves.toBe('v99.0.0');
  expect(remoteOrigins.has(v2)).toBe(true);

  // A desk of the next contract major: not used, said plainly; the CRM works.
  pointShellAt(nextMajor);
  await page.reload();
  const message = byTestId(page, 'desk-panel-incompatible');
  await message.waitFor();
  await expect(message.textContent()).resolves.toBe('The desk was updated and this page needs a newer version.');
  await page.locator('[data-testid="header-desk"][data-state="unavailable"]').waitFor();
  await expect(page.locator('tccc-desk').count()).resolves.toBe(0);
  expect(remoteOrigins.has(nextMajor)).toBe(true);
  await byTestId(page, 'customer-search').fill('Lei Wang');
  await expect(page.locator('[data-testid^="customer-row-"]').count()).resolves.toBe(1);
  await expect(byTestId(page, 'call-c001-mobile').isDisabled()).resolves.toBe(true);
  expect(pageErrors).toEqual([]);
});
