/**
 * The desk's messages: one JSON catalog per locale (en.json is the source, zh-CN.json its
 * translation). A key is typed from en.json, so a `t('…')` of a key that is not in the catalog does
 * not compile; zh-CN.json is typed as a full catalog where it is loaded, so a key missing in Chinese
 * does not compile either; and the build's catalog check (tools/scripts/check-i18n.ts) also catches
 * an empty or invalid message and translations with different arguments. See "Adding a string" in
 * the README.
 *
 * English is built in (the source, and what shows until another catalog is there); any other
 * catalog is its own chunk, fetched the first time its locale is chosen (`loadCatalog`), so a desk
 * in English never downloads Chinese.
 */
import type { DeskErrorCode } from '@tccc-desk/desk-core';
import { Translator, type Catalog, type Locale, type MessageParams } from '@tccc-desk/i18n';
import { CATALOG_CHUNKS } from './catalog-chunks';
import en from './en.json';

export type MessageKey = keyof typeof en;

type OtherLocale = Exclude<Locale, 'en'>;

/** The catalogs loaded so far (the Translator reads this object, so one loaded later is seen). */
const loaded: Partial<Record<Locale, Catalog<MessageKey>>> = { en };
const loading = new Map<Locale, Promise<void>>();

const translator = new Translator<MessageKey>(loaded as Record<Locale, Catalog<MessageKey>>);

/** Whether `locale`'s messages are here (English always is). */
export function catalogLoaded(locale: Locale): boolean {
  return loaded[locale] !== undefined;
}

/** Fetches `locale`'s catalog once; a failed fetch is tried again on the next call. */
export function loadCatalog(locale: Locale): Promise<void> {
  if (catalogLoaded(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = CATALOG_CHUNKS[locale as OtherLocale]().then(
      (catalog) => {
        loaded[locale] = catalog;
        loading.delete(locale);
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** `key` in `locale`, or in English while that locale's catalog is not loaded (never cached as that locale). */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return translator.translate(catalogLoaded(locale) ? locale : 'en', key, params);
}

/** Every DeskErrorCode's message (a Record over the union: a new code without a message does not compile). */
export const ERROR_MESSAGE: Readonly<Record<DeskErrorCode, MessageKey>> = {
  invalid_argument: 'errors.invalid_argument',
  not_ready: 'errors.not_ready',
  unknown_session: 'errors.unknown_session',
  invalid_state: 'errors.invalid_state',
  wrong_channel: 'errors.wrong_channel',
  sdk_unloaded: 'errors.sdk_unloaded',
  sdk_error: 'errors.sdk_error',
  login_failed: 'errors.login_failed',
  no_seat: 'errors.no_seat',
  unauthorized: 'errors.unauthorized',
  script_error: 'errors.script_error',
  load_timeout: 'errors.load_timeout',
  token_expired: 'errors.token_expired',
  destroyed: 'errors.destroyed',
  another_tab: 'errors.another_tab',
  tab_leader_unavailable: 'errors.tab_leader_unavailable',
  unexpected_event: 'errors.unexpected_event',
  command_blocked: 'errors.command_blocked',
  interceptor_failed: 'errors.interceptor_failed',
};
