// The deadlines the law sets, computed from a case's events every time (never stored as dates): each comes with its
// rule, its source, and the steps that led to the date, so the user can check it. Every request has its own clock;
// so has every complaint (to the organisation, or to a regulator).
import { jurisdictionFor, PLATFORM_LABELS, regimeOf, type PlatformId, type Regime } from '../contract';
import type { AuthorityFile } from '../contract/authorities';
import { authoritiesInUse, authorityCalendar } from '../authorities';
import {
  DEADLINE_LABEL_KEYS,
  REQUEST_TYPE_LABELS,
  type CaseEvent,
  type ClarificationKind,
  type Deadline,
  type DeadlineKind,
  type EventType,
  type RequestType,
} from '../contract/tracking';
import { addDays } from 'date-fns';
import type { Msg, MsgParams } from '../contract/i18n';
import { calendarLabel, calendarParam, countDays, countMonths, daysInclusive, ENGLAND_AND_WALES, IRELAND, shortDate, toIso, type HolidayCalendar } from './calendar';
import { msgs, texts, worded, type Worded } from './words';
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
  return hc === 'IE' ? IRELAND : { country: hc, label: calendarLabel(hc) };
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
  reasonMsg: Msg | null;
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
  reasonMsg: Msg | null;
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
  reasonMsg: Msg | null;
  acknowledgements: EventLike[];
  decisions: EventLike[];
}

export interface CaseAnalysis {
  country: string;
  /** The platform the case is about, by the name its members know it ("LinkedIn", "X"): the sentences name it. */
  platformName: string;
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
  noDeadlinesReasonMsg: Msg | null;
}

interface Ctx {
  country: string;
  /** The platform's id and the name the sentences give it. */
  platform: string;
  P: string;
  region: string | null;
  regime: Regime;
  cal: HolidayCalendar | null;
  events: EventLike[];
  links: Map<string, string | null>;
}

/** Why a case gets no deadline at all, or null when some rule applies. */
export function noDeadlinesReason(country: string, region?: string | null): string | null {
  return noDeadlinesWorded(country, region)?.text ?? null;
}

/** `noDeadlinesReason` in English and by reference (tracking.reason.*). */
export function noDeadlinesWorded(country: string, region?: string | null): Worded | null {
  if (regimeOf(country) !== 'other') return null;
  if (country !== 'US') return worded('tracking.reason.notGdpr');
  if (!region) return worded('tracking.reason.usNoState');
  const law = usStateLaw(region);
  if (!law) return worded('tracking.reason.usNoLaw', { state: stateName(region), checked: usStateLaws().checked });
  return null;
}

/** The name members know a platform by ("LinkedIn", "X", "Google"), for the sentences that name it. */
export const platformName = (platform: string | null | undefined): string =>
  PLATFORM_LABELS[(platform ?? 'linkedin') as PlatformId] ?? platform ?? PLATFORM_LABELS.linkedin;

/** A deadline kind's label ("Reply due", "X should acknowledge your complaint"), for the platform of the case. */
export const kindLabel = (kind: DeadlineKind, platform: string | null | undefined): Worded =>
  worded(DEADLINE_LABEL_KEYS[kind] ?? DEADLINE_LABEL_KEYS.response_due, kind === 'organisation_ack_due' ? { platform: platformName(platform) } : undefined);

/** A clock's reason fields from a worded reason. */
const because = (r: Worded | null) => ({ reason: r?.text ?? null, reasonMsg: r?.msg ?? null });

export function analyseCase(country: string, rawEvents: EventLike[], region: string | null = null, platform = 'linkedin'): CaseAnalysis {
  const events = inOrder(rawEvents);
  const links = resolveLinks(events);
  const P = platformName(platform);
  const ctx: Ctx = { country, platform, P, region, regime: regimeOf(country), cal: calendarFor(country, platform), events, links };
  const requests = events.filter((e) => e.type === 'request_sent').map((r) => requestClock(ctx, r));
  const organisationComplaints = events.filter((e) => e.type === 'organisation_complaint').map((c) => organisationComplaintClock(ctx, c));
  const complaints = events.filter((e) => e.type === 'complaint_filed').map((c) => complaintClock(ctx, c));
  const none = noDeadlinesWorded(country, region);
  return {
    country,
    platformName: P,
    region,
    regime: ctx.regime,
    events,
    links,
    requests,
    organisationComplaints,
    complaints,
    icoWindow: icoWindow(ctx),
    noDeadlinesReason: none?.text ?? null,
    noDeadlinesReasonMsg: none?.msg ?? null,
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
    reasonMsg: null,
    extension: exts[0] ? { event: exts[0], inTime: false, firstPeriodEnd: null } : null,
    acknowledgements: mine('acknowledged'),
    clarifications,
    pausing: false,
    replies,
    reminders: mine('reminder_sent'),
  };
  const receiptStep =
    receipt === r.on
      ? worded('tracking.step.requestReceivedSame', { type, sent: r.on })
      : worded('tracking.step.requestReceived', { type, sent: r.on, received: receipt });
  const ackSteps = base.acknowledgements.map((a) => worded('tracking.step.acknowledged', { platform: ctx.P, on: a.on }));

  if (ctx.regime === 'uk') return ukRequest(ctx, base, receiptStep, ackSteps);
  if (ctx.regime === 'eu' || ctx.regime === 'ch') return gdprRequest(ctx, base, receiptStep, ackSteps);
  if (ctx.country === 'US') return usRequest(ctx, base, receiptStep, ackSteps);
  return { ...base, ...because(noDeadlinesWorded(ctx.country)) };
}

function finishState(ctx: Ctx, c: RequestClock, due: string, pausing = false): Deadline['state'] {
  if (c.replies.length) return 'met';
  if (overtaken(ctx, c.request.on, due)) return 'moot';
  return pausing ? 'paused' : 'open';
}

const replyLabel = (c: RequestClock) => worded('tracking.label.reply', { type: c.type, on: c.request.on });

/** The worded fields of a deadline: label, rule, steps and (where set) what could not be confirmed. */
const wordedFields = (label: Worded, rule: Worded, steps: (Worded | Counted)[], unverified?: Worded) => {
  const all = steps.flatMap((x) => ('text' in x ? [x] : x.steps.map((t, i) => ({ text: t, msg: x.stepsMsg[i] }))));
  return {
    label: label.text,
    labelMsg: label.msg,
    rule: rule.text,
    ruleMsg: rule.msg,
    steps: texts(all),
    stepsMsg: msgs(all),
    ...(unverified ? { unverified: unverified.text, unverifiedMsg: unverified.msg } : {}),
  };
};
type Counted = ReturnType<typeof countMonths>;

function ukRequest(ctx: Ctx, c: RequestClock, receiptStep: Worded, ackSteps: Worded[]): RequestClock {
  const cal = ctx.cal!;
  const art12A = c.receipt >= ART_12A_FROM;
  const steps: (Worded | Counted)[] = [receiptStep, ...ackSteps];
  let start = c.receipt;
  let pausedDays = 0;
  let pausing = false;
  const pauses: { from: string; to: string }[] = [];
  if (art12A) {
    // Identity: the month runs from the day the proof arrives (Art 12A: the latest of receipt and that day).
    for (const p of c.clarifications.filter((x) => x.asks === 'identity')) {
      if (!p.answer) {
        pausing = true;
        steps.push(worded('tracking.step.ukIdentityWaiting', { platform: ctx.P, asked: p.question.on }));
      } else if (p.answer.on > start) {
        start = p.answer.on;
        steps.push(worded('tracking.step.ukIdentityAnswered', { platform: ctx.P, asked: p.question.on, answered: p.answer.on }));
      }
    }
    // Details: the days from LinkedIn's question to your answer, both included, do not count.
    for (const p of c.clarifications.filter((x) => x.asks === 'details')) {
      if (p.question.on < start) {
        steps.push(worded('tracking.step.ukDetailsBefore', { platform: ctx.P, asked: p.question.on, start }));
        continue;
      }
      if (!p.answer) {
        pausing = true;
        steps.push(worded('tracking.step.ukDetailsWaiting', { platform: ctx.P, asked: p.question.on }));
        continue;
      }
      const n = daysInclusive(p.question.on, p.answer.on);
      p.pausedDays = n;
      pausedDays += n;
      pauses.push({ from: p.question.on, to: p.answer.on });
      steps.push(worded('tracking.step.ukDetailsAnswered', { platform: ctx.P, asked: p.question.on, answered: p.answer.on, count: n }));
    }
  } else if (c.clarifications.length) {
    steps.push(worded('tracking.step.ukBefore12A', { platform: ctx.P, asked: c.clarifications[0].question.on, type: c.type }));
  }
  const opts = { pausedDays, pauses, platform: ctx.P };
  const first = countMonths(start, 1, cal, opts);
  const ext = c.extension;
  const extended = Boolean(ext && ext.event.on <= first.due);
  if (ext) Object.assign(ext, { inTime: extended, firstPeriodEnd: first.due });
  const counted = extended ? countMonths(start, 3, cal, opts) : first;
  steps.push(...extensionSteps(ctx, ext, first.due), counted);
  if (pausing) steps.push(worded('tracking.step.pausedNotFinal'));
  const state = finishState(ctx, c, counted.due, pausing);
  c.pausing = pausing && state === 'paused';
  c.due = {
    id: `response_due:${c.request.id}`,
    kind: 'response_due',
    due: counted.due,
    ...wordedFields(
      replyLabel(c),
      worded(`tracking.rule.${extended ? 'threeMonths' : 'oneMonth'}${art12A ? '12A' : ''}`, {
        calendar: calendarParam(cal),
        ...(art12A ? { platform: ctx.P } : {}),
      }),
      steps,
      art12A && c.clarifications.length ? worded('tracking.unverified.art12A') : undefined,
    ),
    source: art12A
      ? 'UK GDPR Arts 12(3) and 12A (Data (Use and Access) Act 2025 s.76, in force 5 February 2026); ICO guidance on time limits (bank holidays in England and Wales)'
      : 'UK GDPR Art 12(3); ICO guidance on time limits (bank holidays in England and Wales)',
    law: 'UK GDPR',
    state,
    from: c.receipt,
    fromEventId: c.request.id,
    requestType: c.type,
    calendar: cal.label,
  };
  return c;
}

function extensionSteps(ctx: Ctx, ext: RequestClock['extension'], firstDue: string): Worded[] {
  if (!ext) return [];
  return [
    ext.event.on <= firstDue
      ? worded('tracking.step.extensionInTime', { platform: ctx.P, notified: ext.event.on, firstEnd: firstDue })
      : worded('tracking.step.extensionLate', { notified: ext.event.on, firstEnd: firstDue }),
  ];
}

function gdprRequest(ctx: Ctx, c: RequestClock, receiptStep: Worded, ackSteps: Worded[]): RequestClock {
  const cal = ctx.cal!;
  const swiss = ctx.regime === 'ch';
  const first = countMonths(c.receipt, 1, cal);
  const ext = c.extension;
  const extended = Boolean(ext && ext.event.on <= first.due);
  if (ext) Object.assign(ext, { inTime: extended, firstPeriodEnd: first.due });
  const counted = extended ? countMonths(c.receipt, 3, cal) : first;
  const clarSteps = c.clarifications.length
    ? [worded('tracking.step.gdprClarification', { platform: ctx.P, asks: c.clarifications[0].asks, asked: c.clarifications[0].question.on })]
    : [];
  c.due = {
    id: `response_due:${c.request.id}`,
    kind: 'response_due',
    due: counted.due,
    ...wordedFields(replyLabel(c), worded(`tracking.rule.${extended ? 'threeMonths' : 'oneMonth'}`, { calendar: calendarParam(cal) }), [
      receiptStep,
      ...ackSteps,
      ...clarSteps,
      ...extensionSteps(ctx, ext, first.due),
      counted,
    ]),
    source: swiss
      ? `GDPR Art 12(3), which binds ${ctx.platform === 'linkedin' ? 'LinkedIn Ireland' : jurisdictionFor(ctx.country, ctx.region, undefined, ctx.platform).controller.name} for Swiss members too (Art 3(1)); Regulation (EEC, Euratom) No 1182/71 Art 3(4)`
      : 'GDPR Art 12(3); Regulation (EEC, Euratom) No 1182/71 Art 3(4)',
    law: 'GDPR',
    state: finishState(ctx, c, counted.due),
    from: c.receipt,
    fromEventId: c.request.id,
    requestType: c.type,
    calendar: cal.label,
  };
  if (swiss && c.type === 'access') {
    const d = countDays(c.receipt, 30, cal, 'swissNotCounted');
    c.swiss = {
      id: `fadp_access_due:${c.request.id}`,
      kind: 'fadp_access_due',
      due: d.due,
      ...wordedFields(
        worded('tracking.label.swissAccess', { on: c.request.on }),
        worded('tracking.rule.swissAccess', { platform: ctx.P }),
        [receiptStep, d],
        worded('tracking.unverified.swissCalendar', { calendar: calendarParam(cal) }),
      ),
      source: 'FADP Art 25(7); Swiss Code of Obligations Arts 77(1)(1) and 78(1); Federal Act of 21 June 1963 on time limits falling on a Saturday',
      law: 'FADP',
      state: finishState(ctx, c, d.due),
      from: c.receipt,
      fromEventId: c.request.id,
      requestType: c.type,
      calendar: cal.label,
    };
  }
  return c;
}

/** Text from a data file (US state laws), kept as it is written there: English in every language. */
const asData = (text: string) => worded('tracking.asData', { text });

function usRequest(ctx: Ctx, c: RequestClock, receiptStep: Worded, ackSteps: Worded[]): RequestClock {
  const law: StateLaw | null = usStateLaw(ctx.region);
  if (!law) return { ...c, ...because(noDeadlinesWorded(ctx.country, ctx.region)) };
  if (c.receipt < law.inForce) return { ...c, ...because(worded('tracking.reason.usBeforeInForce', { law: law.shortName, inForce: law.inForce })) };
  if (c.type !== 'access' && c.type !== 'erasure')
    return { ...c, ...because(worded('tracking.reason.usNotListed', { law: law.shortName, days: law.responseDays, type: c.type })) };
  const named = law.words?.[c.type] ?? (c.type === 'access' ? 'request to access' : 'request to delete');
  const first = countDays(c.receipt, law.responseDays, null, 'receiptNotCounted');
  const ext = c.extension;
  const extended = Boolean(ext && law.extensionDays && ext.event.on <= first.due);
  if (ext) Object.assign(ext, { inTime: extended, firstPeriodEnd: first.due });
  const counted = extended ? countDays(c.receipt, law.responseDays + law.extensionDays!, null, 'receiptNotCounted') : first;
  const clarSteps = c.clarifications.length
    ? [law.noPause ? asData(law.noPause) : worded('tracking.step.usNoPause', { platform: ctx.P, asked: c.clarifications[0].question.on, law: law.shortName })]
    : [];
  const extSteps = !ext
    ? []
    : extended
      ? [worded('tracking.step.usExtensionInTime', { platform: ctx.P, notified: ext.event.on, days: law.responseDays, firstEnd: first.due, more: law.extensionDays! })]
      : law.extensionDays
        ? [worded('tracking.step.usExtensionLate', { notified: ext.event.on, days: law.responseDays, firstEnd: first.due })]
        : [worded('tracking.step.usExtensionUnknown', { notified: ext.event.on })];
  const unverified = [law.coverage, law.unverified].filter(Boolean).join(' ');
  const lawName = law.law.includes(`(${law.shortName}`) ? law.law : `${law.law} (${law.shortName})`;
  // Where the law allows an extension, the rule says so (the <key>May variant).
  const may: MsgParams = law.extensionDays ? { more: law.extensionDays, notice: law.extensionNotice } : {};
  const mayKey = law.extensionDays ? 'May' : '';
  c.due = {
    id: `response_due:${c.request.id}`,
    kind: 'response_due',
    due: counted.due,
    ...wordedFields(
      worded('tracking.label.usReply', { named, on: c.request.on }),
      extended
        ? worded(`tracking.rule.usExtended${mayKey}`, { days: law.responseDays + law.extensionDays!, law: lawName, named, ...may })
        : worded(`tracking.rule.us${mayKey}`, { days: law.responseDays, law: lawName, named, ...may }),
      [receiptStep, ...ackSteps, ...clarSteps, ...extSteps, counted],
      unverified ? asData(unverified) : undefined,
    ),
    source: `${law.citation}; ${stateName(law.region)} law, checked ${shortDate(law.checked)}`,
    law: law.shortName,
    state: finishState(ctx, c, counted.due),
    from: c.receipt,
    fromEventId: c.request.id,
    requestType: c.type,
    calendar: null,
  };
  return c;
}

// ---- complaints to the organisation (UK DPA 2018 s.164A) --------------------------------------------------------

function organisationComplaintClock(ctx: Ctx, c: EventLike): OrganisationComplaintClock {
  const receipt = c.receivedOn || c.on;
  const acks = belongsTo(ctx, c, 'acknowledged');
  const replies = belongsTo(ctx, c, 'response_received');
  const out: OrganisationComplaintClock = {
    complaint: c,
    receipt,
    due: null,
    reason: null,
    reasonMsg: null,
    acknowledgements: acks,
    replies,
    reminders: belongsTo(ctx, c, 'reminder_sent'),
  };
  if (ctx.regime !== 'uk') return Object.assign(out, because(worded('tracking.reason.orgNotUk')));
  if (receipt < S164A_FROM) return Object.assign(out, because(worded('tracking.reason.orgBeforeS164A', { received: receipt })));
  const d = countDays(receipt, 30, ENGLAND_AND_WALES, 'afterReceipt');
  const met = acks.length > 0 || replies.length > 0;
  out.due = {
    id: `organisation_ack_due:${c.id}`,
    kind: 'organisation_ack_due',
    due: d.due,
    ...wordedFields(
      worded('tracking.label.orgAck', { platform: ctx.P, on: c.on }),
      worded('tracking.rule.orgAck', { platform: ctx.P }),
      [
        receipt === c.on
          ? worded('tracking.step.complaintReceivedSame', { sent: c.on })
          : worded('tracking.step.complaintReceived', { sent: c.on, received: receipt }),
        d,
      ],
      worded('tracking.unverified.orgAck'),
    ),
    source:
      'DPA 2018 s.164A(3) (inserted by the Data (Use and Access) Act 2025 s.103, in force 19 June 2026); ICO guidance “How to deal with data protection complaints” (2026)',
    law: 'DPA 2018',
    state: met ? 'met' : overtaken(ctx, c.on, d.due) ? 'moot' : 'open',
    from: receipt,
    fromEventId: c.id,
    calendar: ENGLAND_AND_WALES.label,
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
    due: counted.due,
    ...wordedFields(worded('tracking.label.icoWindow'), worded('tracking.rule.icoWindow'), [
      worded('tracking.step.lastContact', { on: contact.on, type: contact.type }),
      counted,
    ]),
    source: 'ICO, “What to expect when you make a complaint” (ico.org.uk)',
    law: 'ICO practice',
    state: filed ? 'met' : closedOnOrAfter(ctx, contact.on) ? 'moot' : 'open',
    from: contact.on,
    fromEventId: contact.id,
    calendar: null,
  };
}

// ---- complaints to a regulator ----------------------------------------------------------------------------------

/** A report to the FDPIC sets no time limit; the GDPR route beside it depends on who controls the platform's data. */
function fdpicReason(ctx: Ctx): Worded {
  if (ctx.platform === 'linkedin') return worded('tracking.reason.fdpic');
  const j = jurisdictionFor('CH', null, undefined, ctx.platform);
  const lead = j.regulators.find((r) => r.role === 'lead');
  return lead
    ? worded('tracking.reason.fdpicThrough', { controller: j.controller.name, lead: lead.shortName })
    : worded('tracking.reason.fdpicAlone');
}

function routeOf(ctx: Ctx, authority: string | undefined): { route: ComplaintClock['route']; why: Worded | null } {
  const none = (key: string) => ({ route: 'none' as const, why: worded(`tracking.reason.${key}`) });
  const key = authority?.toLowerCase();
  if (key === 'ico') return { route: 's166', why: null };
  if (key === 'fdpic') return { route: 'none', why: fdpicReason(ctx) };
  if (key === 'cppa') return none('cppa');
  const law = key ? authorityIndex().get(key)?.law : undefined;
  if (law === 'gdpr') return { route: 'art78_2', why: null };
  if (law === 'uk-gdpr') return { route: 's166', why: null };
  if (law === 'fadp' || law === 'ccpa') return none('authorityNoLimit');
  // An authority Redress does not know by name: follow where the member lives.
  if (ctx.regime === 'uk') return { route: 's166', why: null };
  if (ctx.regime === 'eu') return { route: 'art78_2', why: null };
  if (ctx.regime === 'ch') return none('chUnknownAuthority');
  return none('unknownAuthority');
}

function complaintClock(ctx: Ctx, c: EventLike): ComplaintClock {
  const receipt = c.receivedOn || c.on;
  const key = normaliseAuthority(c.authority);
  const { route, why } = routeOf(ctx, key);
  const who = authorityName(c.authority);
  const decisions = belongsTo(ctx, c, 'authority_decision');
  const out: ComplaintClock = {
    complaint: c,
    receipt,
    route,
    due: null,
    ...because(why),
    acknowledgements: belongsTo(ctx, c, 'authority_acknowledged'),
    decisions,
  };
  const state: Deadline['state'] = decisions.length ? 'met' : closedOnOrAfter(ctx, c.on) ? 'moot' : 'open';
  const received =
    receipt === c.on
      ? worded('tracking.step.authorityReceivedSame', { who, filed: c.on })
      : worded('tracking.step.authorityReceived', { who, sent: c.on, received: receipt });
  const label = worded('tracking.label.authorityProgress', { who, on: c.on });
  if (route === 's166') {
    const counted = countMonths(receipt, 3, null);
    const further = [6, 9, 12, 15].map((m) => countMonths(receipt, m, null).due);
    out.due = {
      id: `authority_progress_due:${c.id}`,
      kind: 'authority_progress_due',
      due: counted.due,
      ...wordedFields(label, who === 'ICO' ? worded('tracking.rule.s166Ico') : worded('tracking.rule.s166', { who }), [
        received,
        counted,
        worded('tracking.step.tribunal', { who, from: nextDay(counted.due) }),
        worded('tracking.step.furtherPeriods', { f1: further[0], f2: further[1], f3: further[2], f4: further[3] }),
      ]),
      source: 'DPA 2018 s.166(1)-(2)',
      law: 'DPA 2018',
      state,
      from: receipt,
      fromEventId: c.id,
      calendar: null,
      further,
    };
  } else if (route === 'art78_2') {
    const authCal = (key ? authorityCalendar(key) : null) ?? ctx.cal ?? IRELAND;
    const counted = countMonths(receipt, 3, authCal);
    out.due = {
      id: `authority_progress_due:${c.id}`,
      kind: 'authority_progress_due',
      due: counted.due,
      ...wordedFields(label, worded('tracking.rule.art78', { who, calendar: calendarParam(authCal) }), [received, counted]),
      source: 'GDPR Art 78(2)',
      law: 'GDPR',
      state,
      from: receipt,
      fromEventId: c.id,
      calendar: authCal.label,
    };
  }
  return out;
}

/** The earliest deadline still running, which the dashboard sorts by. */
export function nextOpen(deadlines: Deadline[]): Deadline | undefined {
  return deadlines.filter((d) => d.state === 'open').sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0];
}
