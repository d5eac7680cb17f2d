// Committed files never name a path on somebody's machine (a home folder, a workspace folder, a
// temporary folder): an open-source user has none of them, and a README that points there is
// broken for everybody else. Every file git tracks is read, except binaries and the lock file.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

// Built from parts so this file does not match itself.
const MACHINE_FOLDERS = ['home', 'root', 'work', 'Users', 'tmp', 'private/var', 'var/folders', 'mnt/c'].map((folder) => `/${folder}/`);
const escaped = MACHINE_FOLDERS.map((folder) => folder.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
// An absolute path starts a token: at the line start, after a space, quote, bracket, `=`, `:` or a
// `file://` scheme. `${ROOT}/tmp/` or `**/tmp/**` are relative and do not match.
const ABSOLUTE_PATH = new RegExp(`(?:^|[\\s"'\`(<\\[=:,]|file://)(?:${escaped})|\\b[A-Z]:\\\\Users\\\\`, 'm');

const SKIPPED = [/^package-lock\.json$/, /\.(png|jpe?g|gif|ico|webp|woff2?|ttf|pdf|zip|gz)$/i];

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && !SKIPPED.some((pattern) => pattern.test(file)));
}

/** `file:line: text` for every line of `text` that names a machine path. */
function offendingLines(file: string, text: string): string[] {
  return text
    .split('\n')
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => ABSOLUTE_PATH.test(line))
    .map(({ line, index }) => `${file}:${index + 1}: ${line.trim().slice(0, 160)}`);
}

it('finds machine paths in the forms they take (the check itself works)', () => {
  const home = MACHINE_FOLDERS[0];
  const work = MACHINE_FOLDERS[2];
  expect(offendingLines('a.md', `cd ${work}main`)).toHaveLength(1);
  expect(offendingLines('a.md', `see \`${work}shared/DESIGN.md\``)).toHaveLength(1);
  expect(offendingLines('a.ts', `const p = '${home}dev/x';`)).toHaveLength(1);
  expect(offendingLines('a.ts', `import x from 'file://${work}x.mjs';`)).toHaveLength(1);
  expect(offendingLines('a.md', 'C:\\Users\\dev\\project')).toHaveLength(1);
  // Relative paths that merely contain such a folder name are fine.
  expect(offendingLines('a.mjs', "logDir: `${ROOT}/tmp/bench-logs`, ignores: ['**/tmp/**']")).toEqual([]);
  expect(offendingLines('a.md', 'https://example.com/home/page and apps/work/x')).toEqual([]);
});

it('no committed file names an absolute path on a machine', () => {
  const files = trackedFiles();
  expect(files.length).toBeGreaterThan(100);
  const offending = files.flatMap((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    return text.includes('\0') ? [] : offendingLines(file, text);
  });
  expect(offending).toEqual([]);
});
