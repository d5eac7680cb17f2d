/**
 * @tccc-desk/i18n: the languages of the desk and the CRM (en, zh-CN). ICU messages from JSON
 * catalogs through intl-messageformat, switchable at run time; Intl formatting; the catalog check
 * the builds run. Framework-free: each app keeps its own catalogs and its own locale state.
 */
export { LOCALES, isLocale, matchLocale, parseLocale, pageLocale, type Locale } from './lib/locales';
export { Translator, type Catalog, type MessageParams } from './lib/translator';
export { formatClock, formatDateTime, formatTime } from './lib/format';
