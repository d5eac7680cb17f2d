import { Injectable, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { formatClock, formatTime, type Locale, type MessageParams } from '@tccc-desk/i18n';
import { deskLocale$, getDeskLocale } from '../desk/page-locale';
import { translate, type MessageKey } from './messages';

/**
 * The desk UI's language, provided by `<tccc-desk>` to its parts. `t()` reads the page's locale
 * signal, so a template that calls it re-renders when the language changes (OnPush, zoneless).
 */
@Injectable()
export class DeskI18n {
  readonly locale: Signal<Locale> = toSignal(deskLocale$(), { initialValue: getDeskLocale() });

  readonly t = (key: MessageKey, params?: MessageParams): string => translate(this.locale(), key, params);
  readonly clock = (ms: number): string => formatClock(ms, this.locale());
  readonly time = (at: number): string => formatTime(at, this.locale());
}
