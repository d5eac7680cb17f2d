import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from './locales';

/** One locale's messages: key → ICU MessageFormat text. */
export type Catalog<K extends string = string> = Readonly<Record<K, string>>;
export type MessageParams = Readonly<Record<string, string | number | Date>>;

/** ICU syntax: braces (arguments) and apostrophes (quoting). A text with none of them is literal. */
const ICU_SYNTAX = /[{}']/;
/**
 * Only plain `{name}` arguments, no quoting: `Incoming call from {from}`. Names and the spaces
 * around them are kept to what intl-messageformat surely takes the same way (ASCII); anything
 * else goes to it.
 */
const SIMPLE_ARGUMENTS = /^(?:[^{}']|\{[ \t\n\r]*[A-Za-z_][A-Za-z0-9_]*[ \t\n\r]*\})*$/;
const ARGUMENT = /\{[ \t\n\r]*([A-Za-z_][A-Za-z0-9_]*)[ \t\n\r]*\}/g;

/** A message with no ICU syntax: itself, without building an IntlMessageFormat. */
interface Literal {
  literal: string;
}
/** Text and argument names, alternating (`['Call ', 'number', '']`), and the full format once needed. */
interface Simple {
  parts: readonly string[];
  full: IntlMessageFormat | null;
}
type Compiled = Literal | Simple | IntlMessageFormat;

/**
 * ICU messages from JSON catalogs (intl-messageformat), one per locale, switchable at run time:
 * the locale is an argument, not a build setting. Compiled messages are cached per locale and key.
 */
export class Translator<K extends string> {
  // Each IntlMessageFormat resolves its locale through Intl: the first one costs the page 17–36 ms
  // (Intl's locale data), each further one about 0.3 ms (bench:ready's profiles). Plain text and
  // plain `{name}` arguments (all but one of the desk's 142 messages) are put together here instead,
  // with the same result; the rest, and any argument that needs formatting, go to intl-messageformat.
  private readonly cache = new Map<string, Compiled>();

  constructor(private readonly catalogs: Readonly<Record<Locale, Catalog<K>>>) {}

  translate(locale: Locale, key: K, params?: MessageParams): string {
    const id = `${locale}\u0000${key}`;
    let compiled = this.cache.get(id);
    if (!compiled) {
      const text = this.catalogs[locale]?.[key] ?? this.catalogs.en[key];
      // A key outside the catalog is a programming error the catalog check catches at build time;
      // at run time the key itself is the least bad thing to show.
      if (text === undefined) return key;
      compiled = compile(text, locale);
      this.cache.set(id, compiled);
    }
    if ('literal' in compiled) return compiled.literal;
    if ('parts' in compiled) {
      const joined = joinSimple(compiled.parts, params);
      if (joined !== null) return joined;
      compiled.full ??= fullFormat(this.catalogs[locale]?.[key] ?? this.catalogs.en[key], locale);
      return this.formatted(compiled.full, locale, key, params);
    }
    return this.formatted(compiled, locale, key, params);
  }

  private formatted(format: IntlMessageFormat, locale: Locale, key: K, params?: MessageParams): string {
    try {
      return String(format.format(params as Record<string, string | number | Date> | undefined));
    } catch {
      // An argument the caller did not pass: the message as written (with its {placeholders}) is
      // better than a view that stops rendering.
      return this.catalogs[locale]?.[key] ?? this.catalogs.en[key] ?? key;
    }
  }
}

function compile(text: string, locale: Locale): Compiled {
  if (!ICU_SYNTAX.test(text)) return { literal: text };
  if (SIMPLE_ARGUMENTS.test(text)) return { parts: text.split(ARGUMENT), full: null };
  try {
    return fullFormat(text, locale);
  } catch {
    // Not valid ICU (the build's catalog check refuses it; a catalog from elsewhere may not):
    // the text as written rather than a view that stops rendering.
    return { literal: text };
  }
}

// Tags are text: a `<b>` in a translation is shown, never a formatting call that throws.
function fullFormat(text: string, locale: Locale): IntlMessageFormat {
  return new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
}

/**
 * The simple message with its arguments, or null for intl-messageformat to decide (a missing
 * argument, a Date or anything else). A plain `{x}` argument is `String(x)` there too, numbers
 * included: only `{x, number}` formats with Intl.
 */
function joinSimple(parts: readonly string[], params: MessageParams | undefined): string | null {
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = params && Object.hasOwn(params, name) ? params[name] : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') return null;
    out += String(value) + (parts[i + 1] ?? '');
  }
  return out;
}
