// The deadlines the law sets, computed from a case's events every time (never stored as dates): each comes with its
// rule, its source, and the steps that led to the date, so the user can check it.
import { jurisdictionFor, regimeOf } from '../contract';
import type { CaseEvent, Deadline, EventType } from '../contract/tracking';
import { countMonths, ENGLAND_AND_WALES, IRELAND, type HolidayCalendar } from './calendar';

/** Bump when a rule or a calendar changes, so the dashboard's derived rows are rebuilt. */
export const RULES_VERSION = 1;

export type EventLike = Pick<CaseEvent, 'id' | 'type' | 'on' | 'receivedOn' | 'authority'> & { createdAt?: string };

/**
 * Where the act must be done decides the holidays: GB cases use England and Wales bank holidays (ICO guidance);
 * EU/EEA/Swiss cases use the controller's country (Ireland for LinkedIn Ireland; Regulation 1182/71 Art 2-3).
 * Null where no GDPR-style deadline applies.
 */
export function calendarFor(country: string): HolidayCalendar | null {
  const regime = regimeOf(country);
  if (regime === 'uk') return ENGLAND_AND_WALES;
  if (regime === 'other') return null;
  const hc = jurisdictionFor(country).controller.holidayCountry;
  return hc === 'IE' ? IRELAND : { country: hc, label: hc };
}

/** The authority's own public holidays count for its Art 78(2) period. */
const AUTHORITY_CALENDARS: Record<string, HolidayCalendar> = {
  ico: ENGLAND_AND_WALES,
  dpc: IRELAND,
  cnil: { country: 'FR', label: 'France' },
  hmbbfdi: { country: 'DE', state: 'HH', label: 'Hamburg' },
  aepd: { country: 'ES', state: 'MD', label: 'Madrid' },
  garante: { country: 'IT', label: 'Italy' },
  ap: { country: 'NL', label: 'the Netherlands' },
  fdpic: { country: 'CH', state: 'BE', label: 'Bern' },
};

const AUTHORITY_NAMES: Record<string, string> = {
  ico: 'ICO',
  dpc: 'DPC',
  cnil: 'CNIL',
  hmbbfdi: 'HmbBfDI',
  aepd: 'AEPD',
  garante: 'Garante',
  ap: 'Autoriteit Persoonsgegevens',
  fdpic: 'FDPIC',
  cppa: 'CalPrivacy',
};

/** Accepts an id or short name in any case ("DPC", "dpc"); unknown names are kept as the user wrote them. */
export function normaliseAuthority(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const t = text.trim();
  const key = t.toLowerCase();
  if (AUTHORITY_NAMES[key]) return key;
  const byName = Object.entries(AUTHORITY_NAMES).find(([, n]) => n.toLowerCase() === key);
  return byName ? byName[0] : t;
}
export const authorityName = (a: string | null | undefined) => (a ? (AUTHORITY_NAMES[normaliseAuthority(a)!] ?? a) : 'the authority');

const CONTACT: ReadonlySet<EventType> = new Set(['request_sent', 'reminder_sent', 'extension_notified', 'response_received']);

/** Events in the order they happened; same-day events keep the order they were recorded in. */
export function inOrder<E extends EventLike>(events: E[]): E[] {
  return [...events].sort((a, b) => (a.on === b.on ? (a.createdAt ?? '').localeCompare(b.createdAt ?? '') : a.on < b.on ? -1 : 1));
}

const last = <E extends EventLike>(events: E[], pred: (e: E) => boolean): E | undefined => {
  for (let i = events.length - 1; i >= 0; i--) if (pred(events[i])) return events[i];
  return undefined;
};

export function computeDeadlines(country: string, rawEvents: EventLike[]): Deadline[] {
  const cal = calendarFor(country);
  if (!cal) return [];
  const events = inOrder(rawEvents);
  const uk = cal === ENGLAND_AND_WALES;
  const law = uk ? 'UK GDPR' : 'GDPR';
  const out: Deadline[] = [];
  const closedAfter = (d: string) => events.some((e) => e.type === 'closed' && e.on >= d);

  const request = last(events, (e) => e.type === 'request_sent');
  if (request) {
    const receipt = request.receivedOn || request.on;
    const first = countMonths(receipt, 1, cal);
    const ext = events.find((e) => e.type === 'extension_notified' && e.on >= request.on);
    const extended = ext && ext.on <= first.due;
    const counted = extended ? countMonths(receipt, 3, cal) : first;
    const steps = [
      receipt === request.on
        ? `The request was sent on ${request.on} and counts as received that day.`
        : `The request was sent on ${request.on} and received on ${receipt}.`,
      ...(extended ? [`LinkedIn notified an extension on ${ext.on}, within the first month, so the period is three months.`] : []),
      ...(ext && !extended
        ? [`An extension was notified on ${ext.on}, after the first month had ended (${first.due}); Art 12(3) requires notice within that month, so the original date stands.`]
        : []),
      ...counted.steps,
    ];
    const answered = events.some((e) => e.type === 'response_received' && e.on >= request.on);
    const overtaken = events.some((e) => e.type === 'complaint_filed' && e.on >= request.on) || closedAfter(request.on);
    out.push({
      kind: 'response_due',
      due: counted.due,
      rule: extended
        ? `Three months from receipt, after an extension notified within the first month; a Saturday, Sunday or public holiday in ${cal.label} moves it to the next working day.`
        : `One calendar month from receipt (the same date next month, or that month's last day); a Saturday, Sunday or public holiday in ${cal.label} moves it to the next working day.`,
      source: uk
        ? 'UK GDPR Art 12(3); ICO guidance on time limits (bank holidays in England and Wales)'
        : 'GDPR Art 12(3); Regulation (EEC, Euratom) No 1182/71 Art 3(4)',
      state: answered ? 'met' : overtaken ? 'moot' : 'open',
      from: receipt,
      fromEventId: request.id,
      steps,
      calendar: cal.label,
    });
  }

  // Counted from the day of the contact as the user records it (a letter: the day it was sent), the earlier and so
  // the safer end for someone who must not miss the window.
  const contact = uk ? last(events, (e) => CONTACT.has(e.type)) : undefined;
  if (contact) {
    const counted = countMonths(contact.on, 3, null);
    const filed = events.some((e) => e.type === 'complaint_filed' && e.on >= contact.on);
    out.push({
      kind: 'ico_complaint_window_ends',
      due: counted.due,
      rule: 'Complain to the ICO within three months of your last meaningful contact with the organisation. Not moved for weekends: the ICO’s online form is open every day, so do not wait for the last day.',
      source: 'ICO, “What to expect when you make a complaint” (ico.org.uk)',
      state: filed ? 'met' : closedAfter(contact.on) ? 'moot' : 'open',
      from: contact.on,
      fromEventId: contact.id,
      steps: [`The last contact with the organisation was on ${contact.on} (${contact.type.replace(/_/g, ' ')}).`, ...counted.steps],
      calendar: null,
    });
  }

  const complaint = last(events, (e) => e.type === 'complaint_filed');
  if (complaint) {
    const authCal = AUTHORITY_CALENDARS[normaliseAuthority(complaint.authority) ?? ''] ?? cal;
    const counted = countMonths(complaint.on, 3, authCal);
    const decided = events.some((e) => e.type === 'authority_decision' && e.on >= complaint.on);
    out.push({
      kind: 'authority_progress_due',
      due: counted.due,
      rule: `Three months from the complaint: if ${authorityName(complaint.authority)} has not told you of progress or the outcome by then, you may go to court against it. A Saturday, Sunday or public holiday in ${authCal.label} moves it to the next working day.`,
      source: `${law} Art 78(2)`,
      state: decided ? 'met' : closedAfter(complaint.on) ? 'moot' : 'open',
      from: complaint.on,
      fromEventId: complaint.id,
      steps: [`The complaint was filed with ${authorityName(complaint.authority)} on ${complaint.on}.`, ...counted.steps],
      calendar: authCal.label,
    });
  }
  return out;
}

/** The earliest deadline still running, which the dashboard sorts by. */
export function nextOpen(deadlines: Deadline[]): Deadline | undefined {
  return deadlines.filter((d) => d.state === 'open').sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0];
}
