/**
 * One way to show dates, times, numbers and sizes across the app: Intl, in the locale of the language shown (with the
 * system's region where it is of that language). Every screen formats through these helpers; none names a locale itself.
 *
 * Calendar dates (YYYY-MM-DD: deadlines, events) are formatted in UTC so no time zone moves the day. Instants
 * (captures, exports) are shown in the user's own time zone, with the zone named.
 */

import { currentLocale, i18next, pseudo } from '../i18n';

/** In the pseudo-locale a formatted value is marked too: it went through the app's formatting, not a hard-coded text. */
const mark = (s: string) => (i18next.language === 'pseudo' ? pseudo(s) : s);

interface Formats {
  long: Intl.DateTimeFormat;
  short: Intl.DateTimeFormat;
  instant: Intl.DateTimeFormat;
  instantLong: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
  number: Intl.NumberFormat;
  mb: Intl.NumberFormat;
}
const cache = new Map<string, Formats>();

/** The formatters of the language shown (i18n/index.ts), made once per locale. */
function fmt(): Formats {
  const locale = currentLocale();
  let f = cache.get(locale);
  if (f) return f;
  f = {
    long: new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    short: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
    instant: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    // dateStyle/timeStyle cannot be combined with timeZoneName (Chromium throws "Invalid option" at load, which stops
    // the whole renderer), so the long form names its fields one by one.
    instantLong: new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'short',
    }),
    time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }),
    number: new Intl.NumberFormat(locale),
    mb: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
  };
  cache.set(locale, f);
  return f;
}

const calendar = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** A calendar date with its weekday: "Tue 2 June 2026" (en-GB). */
export const longDate = (iso: string) => mark(fmt().long.format(calendar(iso)));
/** A calendar date in lists: "2 Jun 2026" (en-GB). */
export const shortDate = (iso: string) => mark(fmt().short.format(calendar(iso)));
/** An instant (ISO with a zone) in the user's time zone: "2 Jun 2026, 14:05". */
export const dateTime = (iso: string) => mark(fmt().instant.format(new Date(iso)));
/** An instant with seconds and the zone named, for evidence records. */
export const dateTimeLong = (iso: string) => mark(fmt().instantLong.format(new Date(iso)));
/** A time of day, for "saved at 14:05". */
export const timeOfDay = (d: Date) => mark(fmt().time.format(d));
/** A count: "1,234" or "1.234" as the locale writes it. */
export const num = (n: number) => mark(fmt().number.format(n));

/** A file size in the units people read: "812 kB", "3.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return i18next.t('common:size.bytes', { count: bytes, n: fmt().number.format(bytes) });
  if (bytes < 1_048_576) return i18next.t('common:size.kB', { n: fmt().number.format(Math.ceil(bytes / 1024)) });
  return i18next.t('common:size.MB', { n: fmt().mb.format(bytes / 1_048_576) });
}
