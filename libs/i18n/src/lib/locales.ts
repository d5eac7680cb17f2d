/** The languages the desk and the reference CRM ship in. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * A BCP 47 tag (`zh`, `zh-Hans-CN`, `en-GB`, …) to the locale we have for it, or null. Every
 * Chinese tag maps to zh-CN (the one Chinese catalog), every English one to en.
 */
export function matchLocale(tag: unknown): Locale | null {
  if (typeof tag !== 'string') return null;
  const lower = tag.trim().toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en_')) return 'en';
  return null;
}

/**
 * A locale a caller passed in (`provideDesk({ locale })`, `mount(el, { locale })`, …): one of
 * LOCALES or a tag that maps to one; anything else is a TypeError naming what is accepted.
 */
export function parseLocale(value: unknown, where: string): Locale {
  const locale = matchLocale(value);
  if (!locale) {
    throw new TypeError(`${where}: locale must be one of ${LOCALES.join(', ')} (or a tag such as zh-Hans or en-US), got ${JSON.stringify(value)}`);
  }
  return locale;
}

/** The page's language: `<html lang>`, else the browser's languages, else English. */
export function pageLocale(
  doc: { documentElement?: { lang?: string } } | undefined = globalThis.document,
  nav: { languages?: readonly string[]; language?: string } | undefined = globalThis.navigator,
): Locale {
  const fromPage = matchLocale(doc?.documentElement?.lang);
  if (fromPage) return fromPage;
  for (const tag of [...(nav?.languages ?? []), nav?.language]) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return 'en';
}
