/**
 * The CRM's language (en or zh-CN): its own catalogs (en.json, zh-CN.json beside this file) and the
 * desk's, switched together at run time. The default is the page's `<html lang>`, else the
 * browser's language; the header's switch changes it, keeps it (localStorage) and tells the desk
 * (`setDeskLocale` of the remote's `./desk`), so the desk follows without a reload or a dropped call.
 */
import { Injectable, signal } from '@angular/core';
import {
  LOCALES,
  Translator,
  formatClock,
  formatDateTime,
  matchLocale,
  pageLocale,
  parseLocale,
  type Catalog,
  type Locale,
  type MessageParams,
} from '@tccc-desk/i18n';
import en from './en.json';
import zhCNJson from './zh-CN.json';

export type CrmMessageKey = keyof typeof en;
const zhCN: Catalog<CrmMessageKey> = zhCNJson;

export const CRM_CATALOGS: Readonly<Record<Locale, Catalog<CrmMessageKey>>> = { en, 'zh-CN': zhCN };

const STORAGE_KEY = 'crm.locale';
const translator = new Translator<CrmMessageKey>(CRM_CATALOGS);

/** A translation function in one locale (CrmI18n.t is the current one's). */
export type CrmTranslate = (key: CrmMessageKey, params?: MessageParams) => string;

export function crmTranslate(locale: Locale): CrmTranslate {
  return (key, params) => translator.translate(locale, key, params);
}

/** What the switch offers: each language named in itself. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', 'zh-CN': '简体中文' };

function storedLocale(): Locale | null {
  try {
    return matchLocale(globalThis.localStorage?.getItem(STORAGE_KEY));
  } catch {
    return null; // storage blocked: the page's language it is
  }
}

@Injectable({ providedIn: 'root' })
export class CrmI18n {
  readonly locales = LOCALES;
  readonly names = LANGUAGE_NAMES;
  private readonly current = signal<Locale>(storedLocale() ?? pageLocale());
  readonly locale = this.current.asReadonly();
  /** Called with each new locale (the desk's setDeskLocale, once the remote is loaded). */
  private readonly listeners = new Set<(locale: Locale) => void>();

  constructor() {
    this.applyToPage(this.current());
  }

  readonly t = (key: CrmMessageKey, params?: MessageParams): string => translator.translate(this.current(), key, params);
  readonly clock = (ms: number): string => formatClock(ms, this.current());
  readonly dateTime = (at: number): string => formatDateTime(at, this.current());

  setLocale(value: string): void {
    const locale = parseLocale(value, 'CrmI18n.setLocale');
    this.current.set(locale);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // not kept across reloads, still switched
    }
    this.applyToPage(locale);
    for (const listener of this.listeners) tell(listener, locale);
  }

  /** Follow the CRM's language (now and on each change); returns the stop function. */
  follow(listener: (locale: Locale) => void): () => void {
    this.listeners.add(listener);
    tell(listener, this.current());
    return () => this.listeners.delete(listener);
  }

  private applyToPage(locale: Locale): void {
    if (globalThis.document?.documentElement) globalThis.document.documentElement.lang = locale;
  }
}

/** Channel and direction names (history, call logs). */
export const CHANNEL_NAME: Readonly<Record<'phone' | 'voip' | 'im' | 'video' | 'internal', CrmMessageKey>> = {
  phone: 'channel.phone',
  voip: 'channel.voip',
  im: 'channel.im',
  video: 'channel.video',
  internal: 'channel.internal',
};
export const DIRECTION_NAME: Readonly<Record<'inbound' | 'outbound' | 'internal', CrmMessageKey>> = {
  inbound: 'direction.inbound',
  outbound: 'direction.outbound',
  internal: 'direction.internal',
};

/** One follower refusing the language (e.g. a desk without it) must not stop the others. */
function tell(listener: (locale: Locale) => void, locale: Locale): void {
  try {
    listener(locale);
  } catch (error) {
    console.warn(`[shell] language ${locale} not taken: ${error instanceof Error ? error.message : String(error)}`);
  }
}
