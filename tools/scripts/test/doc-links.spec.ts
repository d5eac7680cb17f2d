// The project documents itself: the README and docs/ link only to files inside the repository, and
// every such link resolves (docs/architecture.md links nowhere else at all).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];

/** Markdown link targets, without the #fragment. */
function linkTargets(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
}

it('has docs/architecture.md, and the README points at it', () => {
  expect(existsSync(join(ROOT, 'docs/architecture.md'))).toBe(true);
  expect(linkTargets(readFileSync(join(ROOT, 'README.md'), 'utf8'))).toContain('docs/architecture.md');
});

it.each(DOCS)('%s: every relative link resolves to a file in the repository', (doc) => {
  const broken = linkTargets(readFileSync(join(ROOT, doc), 'utf8'))
    .filter((target) => !/^(https?:|mailto:|#)/.test(target))
    .map((target) => target.split('#')[0] ?? '')
    .filter((path) => {
      const resolved = join(ROOT, dirname(doc), path);
      return relative(ROOT, resolved).startsWith('..') || !existsSync(resolved);
    });
  expect(broken).toEqual([]);
});

it('docs/architecture.md links only inside the repository', () => {
  const external = linkTargets(readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8')).filter((target) => /^[a-z]+:/i.test(target));
  expect(external).toEqual([]);
});
