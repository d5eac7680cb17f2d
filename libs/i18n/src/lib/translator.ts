import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from './locales';

/** One locale's messages: key → ICU MessageFormat text. */
export type Catalog<K extends string = string> = Readonly<Record<K, string>>;
export type MessageParams = Readonly<Record<string, string | number | Date>>;

/**
 * ICU messages from JSON catalogs (intl-messageformat), one per locale, switchable at run time:
 * the locale is an argument, not a build setting. Parsed messages are cached per locale and key.
 */
/** ICU syntax: braces (arguments) and apostrophes (quoting). A text with none of them is literal. */
const ICU_SYNTAX = /[{}']/;

/** A message with no ICU syntax: itself, without building an IntlMessageFormat. */
type Compiled = IntlMessageFormat | { literal: string };

export class Translator<K extends string> {
  // Most messages are plain text, and each IntlMessageFormat resolves its locale through Intl
  // (about 0.3 ms): at start-up that was ~25 ms of the main thread (bench:ready's profile).
  private readonly cache = new Map<string, Compiled>();

  constructor(private readonly catalogs: Readonly<Record<Locale, Catalog<K>>>) {}

  translate(locale: Locale, key: K, params?: MessageParams): string {
    const id = `${locale}\u0000${key}`;
    let format = this.cache.get(id);
    if (!format) {
      const text = this.catalogs[locale]?.[key] ?? this.catalogs.en[key];
      // A key outside the catalog is a programming error the catalog check catches at build time;
      // at run time the key itself is the least bad thing to show.
      if (text === undefined) return key;
      // Tags are text: a `<b>` in a translation is shown, never a formatting call that throws.
      format = ICU_SYNTAX.test(text) ? new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }) : { literal: text };
      this.cache.set(id, format);
    }
    if ('literal' in format) return format.literal;
    try {
      return String(format.format(params as Record<string, string | number | Date> | undefined));
    } catch {
      // An argument the caller did not pass: the message as written (with its {placeholders}) is
      // better than a view that stops rendering.
      return this.catalogs[locale]?.[key] ?? this.catalogs.en[key] ?? key;
    }
  }
}
