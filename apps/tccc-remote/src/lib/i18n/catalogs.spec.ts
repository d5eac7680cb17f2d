/**
 * Translation completeness: both catalogs have every key, valid ICU with the same arguments; every
 * key the sources use is in them; every DeskErrorCode (read from desk-core's source, not a list
 * kept here) has a message in both, and the Chinese one is Chinese.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogProblems, usedKeys } from '@tccc-desk/i18n/check';
import type { Catalog } from '@tccc-desk/i18n';
import en from './en.json';
import zhCNJson from './zh-CN.json';
import { catalogLoaded, ERROR_MESSAGE, loadCatalog, translate, type MessageKey } from './messages';

const zhCN: Catalog<MessageKey> = zhCNJson;
const DESK_CATALOGS = { en, 'zh-CN': zhCN };

const SRC = join(__dirname, '..', '..');
const DESK_TYPES = join(__dirname, '..', '..', '..', '..', '..', 'libs', 'desk-core', 'src', 'lib', 'desk.types.ts');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function deskErrorCodes(): string[] {
  // Comments out first: they may hold quotes and semicolons.
  const source = readFileSync(DESK_TYPES, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const union = /export type DeskErrorCode =([\s\S]*?);/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/\|\s*'([a-z_]+)'/g)].map((match) => match[1] as string);
}

describe('desk catalogs', () => {
  it('have every key in en and zh-CN, valid ICU, the same arguments', () => {
    expect(Object.keys(DESK_CATALOGS).sort()).toEqual(['en', 'zh-CN']);
    expect(catalogProblems(DESK_CATALOGS)).toEqual([]);
  });

  it('have every key the desk sources use', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(10);
    const missing = files.flatMap((file) =>
      usedKeys(readFileSync(file, 'utf8'))
        .filter((key) => !(key in DESK_CATALOGS.en))
        .map((key) => `${file}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('have a message for every DeskErrorCode in both languages', () => {
    const codes = deskErrorCodes();
    expect(codes).toContain('no_seat');
    expect(codes.length).toBeGreaterThanOrEqual(18);
    for (const code of codes) {
      const key = (ERROR_MESSAGE as Record<string, string>)[code];
      expect({ code, key }).toEqual({ code, key: `errors.${code}` });
      expect(DESK_CATALOGS.en[key as keyof typeof DESK_CATALOGS.en]).toMatch(/\w/);
      expect({ code, zh: DESK_CATALOGS['zh-CN'][key as keyof typeof DESK_CATALOGS.en] }).toEqual({ code, zh: expect.stringMatching(/[\u4e00-\u9fff]/) });
    }
  });
});

describe('catalog loading', () => {
  it('shows English until the zh-CN catalog is loaded, then Chinese', async () => {
    expect(catalogLoaded('en')).toBe(true);
    expect(catalogLoaded('zh-CN')).toBe(false);
    expect(translate('zh-CN', 'desk.title')).toBe('Desk');
    await Promise.all([loadCatalog('zh-CN'), loadCatalog('zh-CN')]);
    expect(catalogLoaded('zh-CN')).toBe(true);
    // Not the English text cached under zh-CN before the catalog came.
    expect(translate('zh-CN', 'desk.title')).toBe(zhCN['desk.title']);
    expect(translate('en', 'desk.title')).toBe('Desk');
  });
});
