/**
 * The desk's messages: one JSON catalog per locale (en.json is the source, zh-CN.json its
 * translation). A key is typed from en.json, so a `t('…')` of a key that is not in the catalog does
 * not compile; `zhCN` is typed as a full catalog, so a key missing in Chinese does not compile
 * either; and the build's catalog check (tools/scripts/check-i18n.ts) also catches an empty or
 * invalid message and translations with different arguments. See "Adding a string" in the README.
 */
import type { DeskErrorCode } from '@tccc-desk/desk-core';
import { Translator, type Catalog, type Locale, type MessageParams } from '@tccc-desk/i18n';
import en from './en.json';
import zhCNJson from './zh-CN.json';

export type MessageKey = keyof typeof en;

const zhCN: Catalog<MessageKey> = zhCNJson;

export const DESK_CATALOGS: Readonly<Record<Locale, Catalog<MessageKey>>> = { en, 'zh-CN': zhCN };

const translator = new Translator<MessageKey>(DESK_CATALOGS);

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return translator.translate(locale, key, params);
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
