import type { Locale } from './locales';

const numberFormats = new Map<string, Intl.NumberFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function twoDigits(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
    numberFormats.set(locale, format);
  }
  return format;
}

/** A call's duration as a clock (m:ss, h:mm:ss), digits from Intl for the locale. */
export function formatClock(ms: number, locale: Locale): string {
  const total = Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const digits = twoDigits(locale);
  const plain = new Intl.NumberFormat(locale, { useGrouping: false });
  return h > 0 ? `${plain.format(h)}:${digits.format(m)}:${digits.format(s)}` : `${plain.format(m)}:${digits.format(s)}`;
}

/** A time of day (hours, minutes, seconds) for the locale. */
export function formatTime(at: number | Date, locale: Locale): string {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    timeFormats.set(locale, format);
  }
  return format.format(at);
}

/** A date and time (short) for the locale, e.g. in call history. */
export function formatDateTime(at: number | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(at);
}
