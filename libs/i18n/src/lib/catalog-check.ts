import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * What is wrong with a set of catalogs (one per locale): a key missing or empty in a locale, a
 * message that is not valid ICU, or translations that do not use the same arguments. Empty = fine.
 * The build runs this (tools/scripts/check-i18n.mjs) and so do the unit tests.
 */
export function catalogProblems(catalogs: Readonly<Record<string, Readonly<Record<string, unknown>>>>): string[] {
  const problems: string[] = [];
  const locales = Object.keys(catalogs);
  const keys = new Set(locales.flatMap((locale) => Object.keys(catalogs[locale] ?? {})));
  for (const key of [...keys].sort()) {
    let reference: { locale: string; args: string } | null = null;
    for (const locale of locales) {
      const text = catalogs[locale]?.[key];
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push(`${locale}: "${key}" has no translation`);
        continue;
      }
      let args: string;
      try {
        args = [...argumentNames(parse(text, { ignoreTag: true }))].sort().join(',');
      } catch (error) {
        problems.push(`${locale}: "${key}" is not a valid ICU message (${error instanceof Error ? error.message : String(error)})`);
        continue;
      }
      if (!reference) reference = { locale, args };
      else if (reference.args !== args) {
        problems.push(`${locale}: "${key}" uses arguments {${args}} but ${reference.locale} uses {${reference.args}}`);
      }
    }
  }
  return problems;
}

function argumentNames(elements: readonly MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentNames(element.children, names);
      continue;
    }
    names.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentNames(option.value, names);
    }
  }
  return names;
}

/** Keys a source file uses as `t('key'` / `t("key"`: for checking that each is in the catalog. */
export function usedKeys(source: string): string[] {
  return [...source.matchAll(/\bt\(\s*['"]([\w.-]+)['"]/g)].map((match) => match[1] as string);
}
