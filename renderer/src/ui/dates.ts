/**
 * One way to show dates, times, numbers and sizes across the app: Intl, in the user's locale (the browser's or
 * Electron's `navigator.languages`). Every screen formats through these helpers; none names a locale itself.
 *
 * Calendar dates (YYYY-MM-DD: deadlines, events) are formatted in UTC so no time zone moves the day. Instants
 * (captures, exports) are shown in the user's own time zone, with the zone named.
 */

function pickLocale(): string {
  const wanted = typeof navigator !== 'undefined' ? [...(navigator.languages ?? []), navigator.language] : [];
  for (const tag of wanted) {
    if (!tag) continue;
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([tag])[0] ?? 'en-GB';
    } catch {
      // an invalid tag from the system: try the next one
    }
  }
  return 'en-GB';
}

export const LOCALE = pickLocale();

const longFmt = new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortFmt = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const instantFmt = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
// dateStyle/timeStyle cannot be combined with timeZoneName (Chromium throws "Invalid option" at load, which stops the
// whole renderer), so the long form names its fields one by one.
const instantLongFmt = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});
const timeFmt = new Intl.DateTimeFormat(LOCALE, { timeStyle: 'short' });
const numberFmt = new Intl.NumberFormat(LOCALE);

const calendar = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** A calendar date with its weekday: "Tue 2 June 2026" (en-GB). */
export const longDate = (iso: string) => longFmt.format(calendar(iso));
/** A calendar date in lists: "2 Jun 2026" (en-GB). */
export const shortDate = (iso: string) => shortFmt.format(calendar(iso));
/** An instant (ISO with a zone) in the user's time zone: "2 Jun 2026, 14:05". */
export const dateTime = (iso: string) => instantFmt.format(new Date(iso));
/** An instant with seconds and the zone named, for evidence records. */
export const dateTimeLong = (iso: string) => instantLongFmt.format(new Date(iso));
/** A time of day, for "saved at 14:05". */
export const timeOfDay = (d: Date) => timeFmt.format(d);
/** A count: "1,234" or "1.234" as the locale writes it. */
export const num = (n: number) => numberFmt.format(n);

/** A file size in the units people read: "812 kB", "3.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${numberFmt.format(bytes)} bytes`;
  if (bytes < 1_048_576) return `${numberFmt.format(Math.ceil(bytes / 1024))} kB`;
  return `${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 }).format(bytes / 1_048_576)} MB`;
}
