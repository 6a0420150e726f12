// The deadlines the law sets, computed from a case's events every time (never stored as dates): each comes with its
// rule, its source, and the steps that led to the date, so the user can check it. Every request has its own clock;
// so has every complaint (to the organisation, or to a regulator).
import { jurisdictionFor, regimeOf, type Regime } from '../contract';
import type { AuthorityFile } from '../contract/authorities';
import { authoritiesInUse, authorityCalendar } from '../authorities';
import {
  REQUEST_TYPE_LABELS,
  type CaseEvent,
  type ClarificationKind,
  type Deadline,
  type EventType,
  type RequestType,
} from '../contract/tracking';
import { addDays } from 'date-fns';
import { countDays, countMonths, daysInclusive, ENGLAND_AND_WALES, IRELAND, shortDate, toIso, type HolidayCalendar } from './calendar';
import { inOrder, resolveLinks } from './links';
import { stateName, usStateLaw, usStateLaws, type StateLaw } from './us-states';

export { inOrder };

/** Bump when a rule or a calendar changes, so the dashboard's derived rows are rebuilt. */
export const RULES_VERSION = 2;

/** UK GDPR Art 12A (Data (Use and Access) Act 2025 s.76) applies to requests received from this day (SI 2026/82). */
export const ART_12A_FROM = '2026-02-05';
/** DPA 2018 s.164A (complaints to the controller) applies to complaints received from this day (SI 2026/82). */
export const S164A_FROM = '2026-06-19';

export type EventLike = Pick<CaseEvent, 'id' | 'type' | 'on' | 'receivedOn' | 'authority'> &
  Partial<Pick<CaseEvent, 'requestType' | 'forEventId' | 'asks' | 'ref' | 'channel'>> & { createdAt?: string };

/**
 * Where the act must be done decides the holidays: GB cases use England and Wales bank holidays (ICO guidance);
 * EU/EEA/Swiss cases use the controller's country (Ireland for LinkedIn Ireland; Regulation 1182/71 Art 2-3).
 * Null where no GDPR-style deadline applies.
 */
export function calendarFor(country: string, platform = 'linkedin'): HolidayCalendar | null {
  const regime = regimeOf(country);
  if (regime === 'uk') return ENGLAND_AND_WALES;
  if (regime === 'other') return null;
  // The controller's country: Ireland for LinkedIn, Meta, X or Google; the Netherlands for Reddit (data/platforms/).
  const hc = jurisdictionFor(country, null, undefined, platform).controller.holidayCountry;
  return hc === 'IE' ? IRELAND : { country: hc, label: hc };
}

/**
 * The authorities are data (data/authorities/*.json): each file gives the authority's holiday calendar (its own
 * public holidays count for its Art 78(2) period), its short name (what a member types: "DPC", "BayLDA") and the law
 * it applies, which decides its progress clock (uk-gdpr: DPA 2018 s.166; gdpr: Art 78(2); fadp, ccpa: none).
 */
function authorityIndex(): Map<string, AuthorityFile> {
  return new Map(authoritiesInUse().map((a) => [a.id, a]));
}

/** Accepts an id or short name in any case ("DPC", "dpc", "BayLDA"); unknown names are kept as the user wrote them. */
export function normaliseAuthority(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const t = text.trim();
  const key = t.toLowerCase();
  const all = authorityIndex();
  if (all.has(key)) return key;
  for (const a of all.values()) if (a.shortName.toLowerCase() === key || a.name.en.toLowerCase() === key || a.name.local.toLowerCase() === key) return a.id;
  return t;
}
export const authorityName = (a: string | null | undefined) => (a ? (authorityIndex().get(normaliseAuthority(a)!)?.shortName ?? a) : 'the authority');

/** Every event that is contact with the organisation, for the ICO's "last meaningful contact". */
const CONTACT: ReadonlySet<EventType> = new Set([
  'request_sent',
  'reminder_sent',
  'extension_notified',
  'response_received',
  'acknowledged',
  'clarification_requested',
  'clarification_answered',
  'organisation_complaint',
]);

const last = <E extends EventLike>(events: E[], pred: (e: E) => boolean): E | undefined => {
  for (let i = events.length - 1; i >= 0; i--) if (pred(events[i])) return events[i];
  return undefined;
};

const nextDay = (iso: string) => toIso(addDays(new Date(`${iso}T12:00:00`), 1));

/** "access request", "objection": how a request is named in a sentence. */
export const requestWords = (t: RequestType) => (t === 'objection' ? 'objection' : REQUEST_TYPE_LABELS[t].toLowerCase());

// ---- the analysis every view is built from ----------------------------------------------------------------------

export interface ClarificationPair {
  question: EventLike;
  answer: EventLike | null;
  asks: ClarificationKind;
  /** Days that did not count (UK Art 12A, details), or null. */
  pausedDays: number | null;
}

export interface RequestClock {
  request: EventLike;
  type: RequestType;
  receipt: string;
  due: Deadline | null;
  swiss: Deadline | null;
  /** Why no reply date applies, where none does. */
  reason: string | null;
  extension: { event: EventLike; inTime: boolean; firstPeriodEnd: string | null } | null;
  acknowledgements: EventLike[];
  clarifications: ClarificationPair[];
  /** True while the UK clock is stopped for an unanswered question. */
  pausing: boolean;
  replies: EventLike[];
  reminders: EventLike[];
}

export interface OrganisationComplaintClock {
  complaint: EventLike;
  receipt: string;
  due: Deadline | null;
  reason: string | null;
  acknowledgements: EventLike[];
  replies: EventLike[];
  reminders: EventLike[];
}

export interface ComplaintClock {
  complaint: EventLike;
  receipt: string;
  route: 's166' | 'art78_2' | 'none';
  due: Deadline | null;
  reason: string | null;
  acknowledgements: EventLike[];
  decisions: EventLike[];
}

export interface CaseAnalysis {
  country: string;
  region: string | null;
  regime: Regime;
  events: EventLike[];
  /** The thread (request or complaint) each answering event belongs to. */
  links: Map<string, string | null>;
  requests: RequestClock[];
  organisationComplaints: OrganisationComplaintClock[];
  complaints: ComplaintClock[];
  icoWindow: Deadline | null;
  noDeadlinesReason: string | null;
}

interface Ctx {
  country: string;
  region: string | null;
  regime: Regime;
  cal: HolidayCalendar | null;
  events: EventLike[];
  links: Map<string, string | null>;
}

/** Why a case gets no deadline at all, or null when some rule applies. */
export function noDeadlinesReason(country: string, region?: string | null): string | null {
  if (regimeOf(country) !== 'other') return null;
  if (country !== 'US') return 'GDPR deadlines do not apply where you live, so Redress sets none.';
  if (!region) return 'US privacy law is made state by state: say which state you live in (edit the case) and Redress will apply its law, if it has one.';
  const law = usStateLaw(region);
  if (!law)
    return `${stateName(region)} has no comprehensive consumer privacy law in force that Redress knows of (list checked on ${usCheckedDate()}), so Redress sets no deadline.`;
  return null;
}

const usCheckedDate = () => shortDate(usStateLaws().checked);

export function analyseCase(country: string, rawEvents: EventLike[], region: string | null = null, platform = 'linkedin'): CaseAnalysis {
  const events = inOrder(rawEvents);
  const links = resolveLinks(events);
  const ctx: Ctx = { country, region, regime: regimeOf(country), cal: calendarFor(country, platform), events, links };
  const requests = events.filter((e) => e.type === 'request_sent').map((r) => requestClock(ctx, r));
  const organisationComplaints = events.filter((e) => e.type === 'organisation_complaint').map((c) => organisationComplaintClock(ctx, c));
  const complaints = events.filter((e) => e.type === 'complaint_filed').map((c) => complaintClock(ctx, c));
  return {
    country,
    region,
    regime: ctx.regime,
    events,
    links,
    requests,
    organisationComplaints,
    complaints,
    icoWindow: icoWindow(ctx),
    noDeadlinesReason: noDeadlinesReason(country, region),
  };
}

/**
 * Every deadline of a case: each request's reply date (and, in Switzerland, the FADP access date), each UK complaint
 * to the organisation's acknowledgement date, the ICO window, and each complaint's progress clock.
 * `region` (ISO 3166-2) picks a US state's law; other countries ignore it.
 */
export function computeDeadlines(country: string, rawEvents: EventLike[], region: string | null = null, platform = 'linkedin'): Deadline[] {
  return deadlinesOf(analyseCase(country, rawEvents, region, platform));
}

export function deadlinesOf(a: CaseAnalysis): Deadline[] {
  const out: Deadline[] = [];
  for (const r of a.requests) {
    if (r.due) out.push(r.due);
    if (r.swiss) out.push(r.swiss);
  }
  for (const c of a.organisationComplaints) if (c.due) out.push(c.due);
  if (a.icoWindow) out.push(a.icoWindow);
  for (const c of a.complaints) if (c.due) out.push(c.due);
  return out;
}

// ---- requests ---------------------------------------------------------------------------------------------------

const belongsTo = (ctx: Ctx, root: EventLike, type: EventType) =>
  ctx.events.filter((e) => e.type === type && ctx.links.get(e.id) === root.id);

const closedOnOrAfter = (ctx: Ctx, d: string) => ctx.events.some((e) => e.type === 'closed' && e.on >= d);

/** Overtaken: the member complained to a regulator after the date had passed, or closed the case. */
const overtaken = (ctx: Ctx, from: string, due: string) =>
  ctx.events.some((e) => e.type === 'complaint_filed' && e.on >= from && e.on > due) || closedOnOrAfter(ctx, from);

function pairClarifications(questions: EventLike[], answers: EventLike[]): ClarificationPair[] {
  const left = [...answers];
  return questions.map((q) => {
    const i = left.findIndex((a) => a.on >= q.on);
    const answer = i >= 0 ? left.splice(i, 1)[0] : null;
    return { question: q, answer, asks: (q.asks as ClarificationKind) ?? 'details', pausedDays: null };
  });
}

function requestClock(ctx: Ctx, r: EventLike): RequestClock {
  const type = ((r.requestType as RequestType) ?? 'objection') as RequestType;
  const receipt = r.receivedOn || r.on;
  const mine = (t: EventType) => belongsTo(ctx, r, t);
  const replies = mine('response_received');
  const exts = mine('extension_notified');
  const clarifications = pairClarifications(mine('clarification_requested'), mine('clarification_answered'));
  const base: RequestClock = {
    request: r,
    type,
    receipt,
    due: null,
    swiss: null,
    reason: null,
    extension: exts[0] ? { event: exts[0], inTime: false, firstPeriodEnd: null } : null,
    acknowledgements: mine('acknowledged'),
    clarifications,
    pausing: false,
    replies,
    reminders: mine('reminder_sent'),
  };
  const words = requestWords(type);
  const receiptStep =
    receipt === r.on
      ? `The ${words} was sent on ${r.on} and counts as received that day.`
      : `The ${words} was sent on ${r.on} and received on ${receipt}.`;
  const ackSteps = base.acknowledgements.map(
    (a) => `LinkedIn acknowledged receipt on ${a.on}. An acknowledgement is not information on action taken, so the date stands.`,
  );

  if (ctx.regime === 'uk') return ukRequest(ctx, base, receiptStep, ackSteps);
  if (ctx.regime === 'eu' || ctx.regime === 'ch') return gdprRequest(ctx, base, receiptStep, ackSteps);
  if (ctx.country === 'US') return usRequest(ctx, base, receiptStep, ackSteps);
  return { ...base, reason: noDeadlinesReason(ctx.country) };
}

function finishState(ctx: Ctx, c: RequestClock, due: string, pausing = false): Deadline['state'] {
  if (c.replies.length) return 'met';
  if (overtaken(ctx, c.request.on, due)) return 'moot';
  return pausing ? 'paused' : 'open';
}

const replyLabel = (c: RequestClock) => `Reply to your ${requestWords(c.type)} of ${shortDate(c.request.on)}`;

function ukRequest(ctx: Ctx, c: RequestClock, receiptStep: string, ackSteps: string[]): RequestClock {
  const cal = ctx.cal!;
  const art12A = c.receipt >= ART_12A_FROM;
  const steps = [receiptStep, ...ackSteps];
  let start = c.receipt;
  let pausedDays = 0;
  let pausing = false;
  const pauses: string[] = [];
  if (art12A) {
    // Identity: the month runs from the day the proof arrives (Art 12A: the latest of receipt and that day).
    for (const p of c.clarifications.filter((x) => x.asks === 'identity')) {
      if (!p.answer) {
        pausing = true;
        steps.push(`LinkedIn asked for proof of identity on ${p.question.on}: under UK GDPR Art 12A the month does not run until you send it.`);
      } else if (p.answer.on > start) {
        start = p.answer.on;
        steps.push(
          `LinkedIn asked for proof of identity on ${p.question.on} and you sent it on ${p.answer.on}: under UK GDPR Art 12A the month counts from that day.`,
        );
      }
    }
    // Details: the days from LinkedIn's question to your answer, both included, do not count.
    for (const p of c.clarifications.filter((x) => x.asks === 'details')) {
      if (p.question.on < start) {
        steps.push(`LinkedIn asked for details on ${p.question.on}, before the month started on ${start}; that does not move the date.`);
        continue;
      }
      if (!p.answer) {
        pausing = true;
        steps.push(
          `LinkedIn asked for details on ${p.question.on}: under UK GDPR Art 12A the clock is stopped until you answer; record “Clarification answered” when you do, and the date moves by the days it waited.`,
        );
        continue;
      }
      const n = daysInclusive(p.question.on, p.answer.on);
      p.pausedDays = n;
      pausedDays += n;
      pauses.push(`${p.question.on} to ${p.answer.on}`);
      steps.push(`LinkedIn asked for details on ${p.question.on} and you answered on ${p.answer.on}: ${n} day${n === 1 ? '' : 's'} do not count (UK GDPR Art 12A).`);
    }
  } else if (c.clarifications.length) {
    steps.push(
      `LinkedIn asked for clarification on ${c.clarifications[0].question.on}, but the ${requestWords(c.type)} was received before 5 February 2026, when UK GDPR Art 12A came into force: the earlier rules apply and the date stands.`,
    );
  }
  const opts = { pausedDays, pauseReason: pauses.length ? `the clock stopped from LinkedIn's question to your answer: ${pauses.join(', ')}` : undefined };
  const first = countMonths(start, 1, cal, opts);
  const ext = c.extension;
  const extended = Boolean(ext && ext.event.on <= first.due);
  if (ext) Object.assign(ext, { inTime: extended, firstPeriodEnd: first.due });
  const counted = extended ? countMonths(start, 3, cal, opts) : first;
  steps.push(...extensionSteps(ext, first.due, 'Art 12(3)'), ...counted.steps);
  if (pausing) steps.push('While the clock is stopped, this date is not final: it moves by each day it waits for you.');
  const state = finishState(ctx, c, counted.due, pausing);
  c.pausing = pausing && state === 'paused';
  c.due = {
    id: `response_due:${c.request.id}`,
    kind: 'response_due',
    label: replyLabel(c),
    due: counted.due,
    rule:
      (extended
        ? `Three months from receipt, after an extension notified within the first month; a Saturday, Sunday or public holiday in ${cal.label} moves it to the next working day.`
        : `One calendar month from receipt (the same date next month, or that month's last day); a Saturday, Sunday or public holiday in ${cal.label} moves it to the next working day.`) +
      (art12A ? ' Under Art 12A the clock stops while LinkedIn waits for details it asked for, and starts from the day it receives proof of identity it asked for.' : ''),
    source: art12A
      ? 'UK GDPR Arts 12(3) and 12A (Data (Use and Access) Act 2025 s.76, in force 5 February 2026); ICO guidance on time limits (bank holidays in England and Wales)'
      : 'UK GDPR Art 12(3); ICO guidance on time limits (bank holidays in England and Wales)',
    law: 'UK GDPR',
    state,
    from: c.receipt,
    fromEventId: c.request.id,
    requestType: c.type,
    steps,
    calendar: cal.label,
    ...(art12A && c.clarifications.length
      ? {
          unverified:
            'Art 12A was read as worded in DPA 2018 s.54(3C) (legislation.gov.uk), which it mirrors; its own text was not read.',
        }
      : {}),
  };
  return c;
}

function extensionSteps(ext: RequestClock['extension'], firstDue: string, article: string): string[] {
  if (!ext) return [];
  return ext.event.on <= firstDue
    ? [`LinkedIn notified an extension on ${ext.event.on}, within the first month (which ended ${firstDue}), so the period is three months.`]
    : [
        `An extension was notified on ${ext.event.on}, after the first month had ended (${firstDue}); ${article} requires notice within that month, so the original date stands.`,
      ];
}

function gdprRequest(ctx: Ctx, c: RequestClock, receiptStep: string, ackSteps: string[]): RequestClock {
  const cal = ctx.cal!;
  const swiss = ctx.regime === 'ch';
  const first = countMonths(c.receipt, 1, cal);
  const ext = c.extension;
  const extended = Boolean(ext && ext.event.on <= first.due);
  if (ext) Object.assign(ext, { inTime: extended, firstPeriodEnd: first.due });
  const counted = extended ? countMonths(c.receipt, 3, cal) : first;
  const clarSteps = c.clarifications.length
    ? [
        `LinkedIn asked for ${c.clarifications[0].asks === 'identity' ? 'proof of identity' : 'details'} on ${c.clarifications[0].question.on}. GDPR Art 12(3) counts from receipt and has no rule that stops the clock, so the date stands.`,
      ]
    : [];
  const steps = [receiptStep, ...ackSteps, ...clarSteps, ...extensionSteps(ext, first.due, 'Art 12(3)'), ...counted.steps];
  c.due = {
    id: `response_due:${c.request.id}`,
    kind: 'response_due',
    label: replyLabel(c),
    due: counted.due,
    rule: extended
      ? `Three months from receipt, after an extension notified within the first month; a Saturday, Sunday or public holiday in ${cal.label} moves it to the next working day.`
      : `One calendar month from receipt (the same date next month, or that month's last day); a Saturday, Sunday or public holiday in ${cal.label} moves it to the next working day.`,
    source: swiss
      ? 'GDPR Art 12(3), which binds LinkedIn Ireland for Swiss members too (Art 3(1)); Regulation (EEC, Euratom) No 1182/71 Art 3(4)'
      : 'GDPR Art 12(3); Regulation (EEC, Euratom) No 1182/71 Art 3(4)',
    law: 'GDPR',
    state: finishState(ctx, c, counted.due),
    from: c.receipt,
    fromEventId: c.request.id,
    requestType: c.type,
    steps,
    calendar: cal.label,
  };
  if (swiss && c.type === 'access') {
    const d = countDays(c.receipt, 30, cal, 'that day not counted: Code of Obligations Art 77(1)(1)');
    c.swiss = {
      id: `fadp_access_due:${c.request.id}`,
      kind: 'fadp_access_due',
      label: `Access under Swiss law: your request of ${shortDate(c.request.on)}`,
      due: d.due,
      rule: `Swiss law says access is given “in general” within 30 days: counted from the day after receipt; a Saturday, Sunday or public holiday moves the last day to the next working day. Separate from the GDPR month above; whichever LinkedIn misses, you can rely on.`,
      source: 'FADP Art 25(7); Swiss Code of Obligations Arts 77(1)(1) and 78(1); Federal Act of 21 June 1963 on time limits falling on a Saturday',
      law: 'FADP',
      state: finishState(ctx, c, d.due),
      from: c.receipt,
      fromEventId: c.request.id,
      requestType: c.type,
      steps: [receiptStep, ...d.steps],
      calendar: cal.label,
      unverified: `Which place's public holidays count was not confirmed; Redress uses the controller's country (${cal.label}), as for the GDPR date.`,
    };
  }
  return c;
}

function usRequest(ctx: Ctx, c: RequestClock, receiptStep: string, ackSteps: string[]): RequestClock {
  const law: StateLaw | null = usStateLaw(ctx.region);
  if (!law) return { ...c, reason: noDeadlinesReason(ctx.country, ctx.region) };
  if (c.receipt < law.inForce)
    return { ...c, reason: `The ${law.shortName} applies from ${shortDate(law.inForce)}; this request was received before, so no date applies.` };
  if (c.type !== 'access' && c.type !== 'erasure')
    return {
      ...c,
      reason: `The ${law.shortName} sets ${law.responseDays} days for requests to know (access) or delete; an ${requestWords(c.type) === 'objection' ? 'objection to AI training' : 'other request'} is not one of the rights it lists, so Redress sets no date. Its opt-outs (of sale, sharing or targeted advertising) follow their own rules.`,
    };
  const named = law.words?.[c.type] ?? (c.type === 'access' ? 'request to access' : 'request to delete');
  const first = countDays(c.receipt, law.responseDays, null, 'the day of receipt not counted');
  const ext = c.extension;
  const extended = Boolean(ext && law.extensionDays && ext.event.on <= first.due);
  if (ext) Object.assign(ext, { inTime: extended, firstPeriodEnd: first.due });
  const counted = extended ? countDays(c.receipt, law.responseDays + law.extensionDays!, null, 'the day of receipt not counted') : first;
  const clarSteps = c.clarifications.length
    ? [law.noPause ?? `LinkedIn asked for clarification on ${c.clarifications[0].question.on}; Redress knows of no rule in the ${law.shortName} that stops the clock, so the date stands.`]
    : [];
  const extSteps = !ext
    ? []
    : extended
      ? [`LinkedIn notified an extension on ${ext.event.on}, within the first ${law.responseDays} days (which ended ${first.due}), so ${law.extensionDays} more days apply.`]
      : law.extensionDays
        ? [`An extension was notified on ${ext.event.on}, after the first ${law.responseDays} days had ended (${first.due}); the law requires notice within that period, so the original date stands.`]
        : [`An extension was notified on ${ext.event.on}; Redress could not confirm that the law allows one, so the original date stands.`];
  const unverified = [law.coverage, law.unverified].filter(Boolean).join(' ');
  c.due = {
    id: `response_due:${c.request.id}`,
    kind: 'response_due',
    label: `Reply to your ${named} of ${shortDate(c.request.on)}`,
    due: counted.due,
    rule:
      `${extended ? `${law.responseDays + law.extensionDays!} days from receipt, after an extension notified in time` : `${law.responseDays} days from receipt`} under the ${law.law.includes(`(${law.shortName}`) ? law.law : `${law.law} (${law.shortName})`} for a ${named}` +
      `${law.extensionDays ? `; it may be extended once by ${law.extensionDays} days with ${law.extensionNotice}` : ''}. Calendar days: not moved for weekends or holidays.`,
    source: `${law.citation}; ${stateName(law.region)} law, checked ${shortDate(law.checked)}`,
    law: law.shortName,
    state: finishState(ctx, c, counted.due),
    from: c.receipt,
    fromEventId: c.request.id,
    requestType: c.type,
    steps: [receiptStep, ...ackSteps, ...clarSteps, ...extSteps, ...counted.steps],
    calendar: null,
    ...(unverified ? { unverified } : {}),
  };
  return c;
}

// ---- complaints to the organisation (UK DPA 2018 s.164A) --------------------------------------------------------

function organisationComplaintClock(ctx: Ctx, c: EventLike): OrganisationComplaintClock {
  const receipt = c.receivedOn || c.on;
  const acks = belongsTo(ctx, c, 'acknowledged');
  const replies = belongsTo(ctx, c, 'response_received');
  const out: OrganisationComplaintClock = { complaint: c, receipt, due: null, reason: null, acknowledgements: acks, replies, reminders: belongsTo(ctx, c, 'reminder_sent') };
  if (ctx.regime !== 'uk') {
    out.reason = 'Only UK law (DPA 2018 s.164A) sets a time limit for answering a complaint made to the organisation itself; Redress sets none here.';
    return out;
  }
  if (receipt < S164A_FROM) {
    out.reason = `DPA 2018 s.164A applies to complaints received from 19 June 2026; this one was received on ${shortDate(receipt)}, so no acknowledgement date applies.`;
    return out;
  }
  const d = countDays(receipt, 30, ENGLAND_AND_WALES, 'the 30 days start the day after receipt');
  const met = acks.length > 0 || replies.length > 0;
  out.due = {
    id: `organisation_ack_due:${c.id}`,
    kind: 'organisation_ack_due',
    label: `LinkedIn should acknowledge your complaint of ${shortDate(c.on)}`,
    due: d.due,
    rule:
      'LinkedIn must acknowledge a data protection complaint made to it within 30 days of receiving it, and then answer it without undue delay. The ICO counts the 30 days from the day after receipt; a last day on a Saturday, Sunday or public holiday in England and Wales moves to the next working day.',
    source:
      'DPA 2018 s.164A(3) (inserted by the Data (Use and Access) Act 2025 s.103, in force 19 June 2026); ICO guidance “How to deal with data protection complaints” (2026)',
    law: 'DPA 2018',
    state: met ? 'met' : overtaken(ctx, c.on, d.due) ? 'moot' : 'open',
    from: receipt,
    fromEventId: c.id,
    steps: [
      receipt === c.on ? `The complaint was sent on ${c.on} and counts as received that day.` : `The complaint was sent on ${c.on} and received on ${receipt}.`,
      ...d.steps,
    ],
    calendar: ENGLAND_AND_WALES.label,
    unverified: 'The ICO’s way of counting (from the day after receipt, moved off weekends and holidays) was read in reports of its guidance, not on ico.org.uk itself.',
  };
  return out;
}

// ---- the ICO window ---------------------------------------------------------------------------------------------

// Counted from the day of the contact as the user records it (a letter: the day it was sent), the earlier and so the
// safer end for someone who must not miss the window.
function icoWindow(ctx: Ctx): Deadline | null {
  if (ctx.regime !== 'uk') return null;
  const contact = last(ctx.events, (e) => CONTACT.has(e.type));
  if (!contact) return null;
  const counted = countMonths(contact.on, 3, null);
  const filed = ctx.events.some((e) => e.type === 'complaint_filed' && e.on >= contact.on);
  return {
    id: `ico_complaint_window_ends:${contact.id}`,
    kind: 'ico_complaint_window_ends',
    label: 'Complain to the ICO by',
    due: counted.due,
    rule: 'Complain to the ICO within three months of your last meaningful contact with the organisation. Not moved for weekends: the ICO’s online form is open every day, so do not wait for the last day.',
    source: 'ICO, “What to expect when you make a complaint” (ico.org.uk)',
    law: 'ICO practice',
    state: filed ? 'met' : closedOnOrAfter(ctx, contact.on) ? 'moot' : 'open',
    from: contact.on,
    fromEventId: contact.id,
    steps: [`The last contact with the organisation was on ${contact.on} (${contact.type.replace(/_/g, ' ')}).`, ...counted.steps],
    calendar: null,
  };
}

// ---- complaints to a regulator ----------------------------------------------------------------------------------

function routeOf(ctx: Ctx, authority: string | undefined): { route: ComplaintClock['route']; reason: string | null } {
  const key = authority?.toLowerCase();
  if (key === 'ico') return { route: 's166', reason: null };
  if (key === 'fdpic')
    return {
      route: 'none',
      reason:
        'A report to the FDPIC (FADP Art 49) entitles you to be told of the steps it takes and the outcome, but sets no time limit, so Redress sets none. As a member of LinkedIn Ireland you can also complain to the DPC under the GDPR (Art 77); record that complaint and its Art 78(2) clock applies.',
    };
  if (key === 'cppa') return { route: 'none', reason: 'No time limit for CalPrivacy to report back was found, so Redress sets none.' };
  const law = key ? authorityIndex().get(key)?.law : undefined;
  if (law === 'gdpr') return { route: 'art78_2', reason: null };
  if (law === 'uk-gdpr') return { route: 's166', reason: null };
  if (law === 'fadp' || law === 'ccpa') return { route: 'none', reason: 'No time limit for this authority to report back was found, so Redress sets none.' };
  // An authority Redress does not know by name: follow where the member lives.
  if (ctx.regime === 'uk') return { route: 's166', reason: null };
  if (ctx.regime === 'eu') return { route: 'art78_2', reason: null };
  if (ctx.regime === 'ch')
    return { route: 'none', reason: 'No time limit is known for this authority. If it is the DPC, write “DPC” so Redress can count the Art 78(2) period.' };
  return { route: 'none', reason: 'No time limit is known for this authority, so Redress sets none.' };
}

function complaintClock(ctx: Ctx, c: EventLike): ComplaintClock {
  const receipt = c.receivedOn || c.on;
  const key = normaliseAuthority(c.authority);
  const { route, reason } = routeOf(ctx, key);
  const who = authorityName(c.authority);
  const decisions = belongsTo(ctx, c, 'authority_decision');
  const out: ComplaintClock = { complaint: c, receipt, route, due: null, reason, acknowledgements: belongsTo(ctx, c, 'authority_acknowledged'), decisions };
  const state: Deadline['state'] = decisions.length ? 'met' : closedOnOrAfter(ctx, c.on) ? 'moot' : 'open';
  const received =
    receipt === c.on ? `The complaint was filed with ${who} on ${c.on} and counts as received that day.` : `The complaint was sent on ${c.on}; ${who} received it on ${receipt}.`;
  if (route === 's166') {
    const counted = countMonths(receipt, 3, null);
    const further = [6, 9, 12, 15].map((m) => countMonths(receipt, m, null).due);
    out.due = {
      id: `authority_progress_due:${c.id}`,
      kind: 'authority_progress_due',
      label: `${who} should report progress on your complaint of ${shortDate(c.on)}`,
      due: counted.due,
      rule:
        `${who === 'ICO' ? 'The ICO' : who} must tell you of progress or the outcome before the end of three months beginning when it received your complaint; if it has not, or has not taken appropriate steps, you may apply to the First-tier Tribunal for an order. The same applies in each further three months while the complaint is open. Counted to the same date three months on (the month's last day when that date does not exist) and not moved for weekends or holidays.`,
      source: 'DPA 2018 s.166(1)-(2)',
      law: 'DPA 2018',
      state,
      from: receipt,
      fromEventId: c.id,
      steps: [
        received,
        ...counted.steps,
        `If ${who} has not reported by the end of that day, you may apply to the First-tier Tribunal from ${shortDate(nextDay(counted.due))}.`,
        `Each further three months end on: ${further.map(shortDate).join('; ')} (counted from the day of receipt).`,
      ],
      calendar: null,
      further,
    };
  } else if (route === 'art78_2') {
    const authCal = (key ? authorityCalendar(key) : null) ?? ctx.cal ?? IRELAND;
    const counted = countMonths(receipt, 3, authCal);
    out.due = {
      id: `authority_progress_due:${c.id}`,
      kind: 'authority_progress_due',
      label: `${who} should report progress on your complaint of ${shortDate(c.on)}`,
      due: counted.due,
      rule: `Three months from the complaint: if ${who} has not told you of progress or the outcome by then, you may go to court against it. A Saturday, Sunday or public holiday in ${authCal.label} moves it to the next working day.`,
      source: 'GDPR Art 78(2)',
      law: 'GDPR',
      state,
      from: receipt,
      fromEventId: c.id,
      steps: [received, ...counted.steps],
      calendar: authCal.label,
    };
  }
  return out;
}

/** The earliest deadline still running, which the dashboard sorts by. */
export function nextOpen(deadlines: Deadline[]): Deadline | undefined {
  return deadlines.filter((d) => d.state === 'open').sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0];
}
