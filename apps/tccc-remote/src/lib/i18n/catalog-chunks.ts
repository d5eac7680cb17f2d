import type { Catalog, Locale } from '@tccc-desk/i18n';
import type en from './en.json';

/**
 * The catalogs other than English, each its own chunk. Apart from messages.ts (which loads one
 * when its locale is shown) so that choosing a locale (page-locale.ts) can start the fetch early
 * without the desk's entry carrying the English catalog.
 */
export const CATALOG_CHUNKS: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<Catalog<keyof typeof en>>>> = {
  'zh-CN': () => import('./zh-CN.json').then((module): Catalog<keyof typeof en> => module.default),
};
