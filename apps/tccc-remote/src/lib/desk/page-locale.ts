/**
 * The desk's language on this page (en or zh-CN), switchable at any time: every `<tccc-desk>` and
 * `mount()` on the page follows it at once, without a reload and without touching the desk (a call
 * goes on). Set by `provideDesk({ locale })`, `getDesk({ locale })`, `mount(el, { locale })` or
 * `setDeskLocale()`; until then it is the page's `<html lang>` or the browser's language.
 * Like the page's desk it lives on globalThis, so two builds of the remote on a page agree.
 */
import { pageLocale, parseLocale, type Locale } from '@tccc-desk/i18n';
import { BehaviorSubject, distinctUntilChanged, map, type Observable } from 'rxjs';
import { CATALOG_CHUNKS } from '../i18n/catalog-chunks';

export type DeskLocale = Locale;

const PAGE_LOCALE_KEY: unique symbol = Symbol.for('tccc-desk.remote.page-locale');

interface LocaleSlot {
  readonly version: 1;
  readonly locale: BehaviorSubject<Locale | null>;
}

type GlobalWithLocale = { [PAGE_LOCALE_KEY]?: LocaleSlot };

function slot(): LocaleSlot {
  const host = globalThis as GlobalWithLocale;
  const existing = host[PAGE_LOCALE_KEY];
  if (existing && existing.version >= 1) return existing;
  const created: LocaleSlot = { version: 1, locale: new BehaviorSubject<Locale | null>(null) };
  Object.defineProperty(host, PAGE_LOCALE_KEY, { value: created, configurable: true, writable: true, enumerable: false });
  return created;
}

/** Sets the desk's language: 'en', 'zh-CN' (or a tag that maps to one, e.g. 'zh-Hans', 'en-US'). */
export function setDeskLocale(locale: string): DeskLocale {
  const parsed = parseLocale(locale, 'setDeskLocale');
  // Its catalog's chunk starts now (the desk shows the language once it is there; a failure shows later).
  if (parsed !== 'en') CATALOG_CHUNKS[parsed]().catch(() => undefined);
  slot().locale.next(parsed);
  return parsed;
}

/** The desk's language now. */
export function getDeskLocale(): DeskLocale {
  return slot().locale.getValue() ?? pageLocale();
}

/** The desk's language, now and on every change (the page's default while none was chosen). */
export function deskLocale$(): Observable<DeskLocale> {
  return slot().locale.pipe(
    map((locale) => locale ?? pageLocale()),
    distinctUntilChanged(),
  );
}

/**
 * Every choice, repeats included (deskLocale$ drops repeats): choosing a language again after its
 * catalog failed to load must try the fetch again. For the desk's own DeskI18n.
 */
export function deskLocaleChoices$(): Observable<DeskLocale> {
  return slot().locale.pipe(map((locale) => locale ?? pageLocale()));
}

/** For tests: forget the chosen language. */
export function resetDeskLocale(): void {
  slot().locale.next(null);
}
