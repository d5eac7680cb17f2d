/**
 * The build's translation check: `tsx tools/scripts/check-i18n.ts <catalog folder> <source folder>`.
 * Fails (exit 1, one line per problem) when a key is missing or empty in en.json or zh-CN.json, a
 * message is not valid ICU, the two use different arguments, or a source file calls `t('key')`
 * with a key the catalogs do not have. Each app's `build` runs it first.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { catalogProblems, usedKeys } from '@tccc-desk/i18n/check';

const LOCALE_FILES = { en: 'en.json', 'zh-CN': 'zh-CN.json' } as const;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function main(argv: string[]): number {
  const [catalogDir, sourceDir] = argv;
  if (!catalogDir || !sourceDir) {
    console.error('usage: check-i18n <catalog folder with en.json and zh-CN.json> <source folder>');
    return 2;
  }
  const catalogs: Record<string, Record<string, unknown>> = {};
  for (const [locale, file] of Object.entries(LOCALE_FILES)) {
    catalogs[locale] = JSON.parse(readFileSync(resolve(catalogDir, file), 'utf8')) as Record<string, unknown>;
  }
  const problems = catalogProblems(catalogs);
  const known = new Set(Object.keys(catalogs['en'] ?? {}));
  for (const file of sources(resolve(sourceDir))) {
    for (const key of usedKeys(readFileSync(file, 'utf8'))) {
      if (!known.has(key)) problems.push(`${relative(process.cwd(), file)}: t('${key}') is not in the catalogs`);
    }
  }
  if (problems.length) {
    console.error(`i18n: ${problems.length} problem(s) in ${catalogDir}:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  console.log(`i18n: ${known.size} messages in en and zh-CN, every used key present (${catalogDir})`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
