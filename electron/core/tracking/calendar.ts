import { addDays, addMonths, differenceInCalendarDays, format, getDate, isWeekend, parseISO } from 'date-fns';
import type HolidaysType from 'date-holidays';
import type { Msg } from '../contract/i18n';
import { lazy } from '../util/lazy';
import { isMessageKey, say } from '../i18n';
import { longParams, msgs, texts, weekdayOf, worded, type Worded } from './words';

// About 250 ms to load: only a command that counts a deadline pays for it.
const Holidays = lazy<typeof HolidaysType>('date-holidays');

/** Whose public holidays count for a deadline. `state` narrows a country to a region (England within GB). */
export interface HolidayCalendar {
  country: string;
  state?: string;
  /** Shown to the user: "England and Wales", "Ireland". */
  label: string;
}

/**
 * How a calendar is named in a message: its id (country, or country-state: "IE", "GB-ENG", "DE-BE"), worded through
 * tracking.calendar.<id> and tracking.calendarIn.<id> in each language; a calendar the catalog does not name goes by
 * its country.
 */
export function calendarParam(cal: HolidayCalendar): string {
  const id = cal.state ? `${cal.country}-${cal.state}` : cal.country;
  return isMessageKey(`tracking.calendarIn.${id}`) ? id : cal.country;
}

/** A calendar's name in English, from the catalog (the code where the catalog does not name it). */
export const calendarLabel = (id: string) => (isMessageKey(`tracking.calendar.${id}`) ? say(`tracking.calendar.${id}`) : id);

export const ENGLAND_AND_WALES: HolidayCalendar = { country: 'GB', state: 'ENG', label: 'England and Wales' };
export const IRELAND: HolidayCalendar = { country: 'IE', label: 'Ireland' };

const cache = new Map<string, Map<string, string>>();

/**
 * Public holidays of one calendar year, date -> name. Only `public` days count: in Ireland Good Friday is a bank
 * holiday but not a public holiday (Organisation of Working Time Act 1997, Sch. 2), and Regulation 1182/71 counts
 * public holidays. England's bank holidays, substitute days included, are all `public` in date-holidays.
 */
export function holidaysOf(cal: HolidayCalendar, year: number): Map<string, string> {
  const key = `${cal.country}-${cal.state ?? ''}-${year}`;
  let days = cache.get(key);
  if (!days) {
    const H = Holidays();
    const hd = cal.state ? new H(cal.country, cal.state) : new H(cal.country);
    days = new Map();
    for (const h of hd.getHolidays(year) || []) if (h.type === 'public') days.set(h.date.slice(0, 10), h.name);
    cache.set(key, days);
  }
  return days;
}

export const toDate = (iso: string) => parseISO(iso);
export const toIso = (d: Date) => format(d, 'yyyy-MM-dd');
export const longDate = (iso: string) => format(parseISO(iso), 'EEEE d MMMM yyyy');
export const shortDate = (iso: string) => format(parseISO(iso), 'd MMMM yyyy');

export interface Counted {
  due: string;
  steps: string[];
  /** `steps` by reference (tracking.count.*), for the renderer to word in the language shown. */
  stepsMsg: Msg[];
}

/** How the start day is treated, by id (tracking.count.start.<id>). */
export type StartNote = 'notCounted' | 'receiptNotCounted' | 'swissNotCounted' | 'afterReceipt';

/** Moves a date off Saturdays, Sundays and the calendar's public holidays, saying why at each step. */
function rollForward(d: Date, cal: HolidayCalendar, steps: Worded[]): Date {
  for (;;) {
    const iso = toIso(d);
    const holiday = holidaysOf(cal, d.getFullYear()).get(iso);
    if (isWeekend(d)) steps.push(worded('tracking.count.weekend', { date: iso, dateWd: weekdayOf(iso) }));
    else if (holiday) steps.push(worded('tracking.count.holiday', { date: iso, calendar: calendarParam(cal), holiday }));
    else return d;
    d = addDays(d, 1);
  }
}

export interface CountOptions {
  /** Days that do not count (a stopped clock): added after the months, before any weekend or holiday move. */
  pausedDays?: number;
  /** The stretches that did not count (UK Art 12A: from the platform's question to the answer), shown in the steps. */
  pauses?: { from: string; to: string }[];
  /** The platform that asked, by name ("LinkedIn", "X"): the steps about the stretches name it. */
  platform?: string;
}

const counted = (due: string, steps: Worded[]): Counted => ({ due, steps: texts(steps), stepsMsg: msgs(steps) });

/**
 * Counts calendar months the way GDPR Art 12(3) and Regulation 1182/71 do: the same date N months on, or the last
 * day of that month when the date does not exist (date-fns addMonths clamps so); then, with a calendar, a Saturday,
 * Sunday or public holiday moves the end to the next working day. Paused days (UK Art 12A) push the end further
 * before that move.
 */
export function countMonths(fromIso: string, months: number, cal: HolidayCalendar | null, opts: CountOptions = {}): Counted {
  const from = toDate(fromIso);
  let d = addMonths(from, months);
  const steps = [worded('tracking.count.from', longParams('from', fromIso))];
  if (getDate(d) !== getDate(from)) {
    steps.push(worded('tracking.count.monthsShort', { months, day: getDate(from), ...longParams('end', toIso(d)) }));
  } else {
    steps.push(worded('tracking.count.monthsOn', { months, ...longParams('end', toIso(d)) }));
  }
  if (opts.pausedDays) {
    d = addDays(d, opts.pausedDays);
    const p = opts.pauses ?? [];
    const end = longParams('end', toIso(d));
    steps.push(
      p.length === 1
        ? worded('tracking.count.pausedOne', { platform: opts.platform ?? 'LinkedIn', count: opts.pausedDays, pauseFrom: p[0].from, pauseTo: p[0].to, ...end })
        : p.length
          ? worded('tracking.count.pausedMany', { platform: opts.platform ?? 'LinkedIn', count: opts.pausedDays, periods: p.map((x) => `${x.from} to ${x.to}`).join(', '), ...end })
          : worded('tracking.count.paused', { count: opts.pausedDays, ...end }),
    );
  }
  if (cal) d = rollForward(d, cal, steps);
  const due = toIso(d);
  steps.push(worded('tracking.count.due', longParams('due', due)));
  return counted(due, steps);
}

/**
 * Counts a number of days after a start day (the start day itself not counted: day 1 is the next day); then, with a
 * calendar, a Saturday, Sunday or public holiday moves the end to the next working day.
 */
export function countDays(fromIso: string, days: number, cal: HolidayCalendar | null, startNote: StartNote = 'notCounted'): Counted {
  let d = addDays(toDate(fromIso), days);
  const steps = [
    worded('tracking.count.fromNote', { ...longParams('from', fromIso), note: startNote }),
    worded('tracking.count.daysOn', { count: days, ...longParams('end', toIso(d)) }),
  ];
  if (cal) d = rollForward(d, cal, steps);
  const due = toIso(d);
  steps.push(worded('tracking.count.due', longParams('due', due)));
  return counted(due, steps);
}

/** Whole days from one calendar date to another, both included (10 to 20 April: 11 days). */
export const daysInclusive = (fromIso: string, toIsoDate: string) => differenceInCalendarDays(toDate(toIsoDate), toDate(fromIso)) + 1;
