import { Injectable, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { formatClock, formatTime, type Locale, type MessageParams } from '@tccc-desk/i18n';
import { EMPTY, catchError, from, map, of, switchMap } from 'rxjs';
import { deskLocaleChoices$, getDeskLocale } from '../desk/page-locale';
import { catalogLoaded, loadCatalog, translate, type MessageKey } from './messages';

/**
 * The desk UI's language, provided by `<tccc-desk>` to its parts. `t()` reads the locale signal,
 * so a template that calls it re-renders when the language changes (OnPush, zoneless). The signal
 * moves to a chosen language once its catalog is loaded (its chunk is fetched on first choice):
 * until then the desk stays in the language it shows, and stays there if the fetch fails (choosing
 * the language again tries again).
 */
@Injectable()
export class DeskI18n {
  readonly locale: Signal<Locale> = toSignal(
    // Every choice, repeats included: a language chosen again after its catalog failed is fetched again.
    deskLocaleChoices$().pipe(
      switchMap((locale) =>
        catalogLoaded(locale)
          ? of(locale)
          : from(loadCatalog(locale)).pipe(
              map(() => locale),
              catchError(() => EMPTY),
            ),
      ),
    ),
    { initialValue: initialLocale() },
  );

  readonly t = (key: MessageKey, params?: MessageParams): string => translate(this.locale(), key, params);
  readonly clock = (ms: number): string => formatClock(ms, this.locale());
  readonly time = (at: number): string => formatTime(at, this.locale());
}

function initialLocale(): Locale {
  const locale = getDeskLocale();
  return catalogLoaded(locale) ? locale : 'en';
}
