// What the events imply: the case's status, and the one thing to do next (with its date, its rule, and the request
// or complaint it is about).
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { jurisdictionFor, PLATFORM_LABELS, regimeOf, type CaseStatus, type PlatformId } from '../contract';
import type { Msg, MsgParams } from '../contract/i18n';
import type { Deadline, NextStep } from '../contract/tracking';
import { analyseCase, ART_12A_FROM, authorityName, S164A_FROM, type CaseAnalysis, type EventLike, type RequestClock } from './deadlines';
import { inOrder } from './links';
import { stateName, usStateLaw } from './us-states';
import { worded } from './words';

const STATUS_OF: Record<string, CaseStatus | undefined> = {
  request_sent: 'request_sent',
  acknowledged: 'awaiting_response',
  clarification_requested: 'awaiting_response',
  clarification_answered: 'awaiting_response',
  reminder_sent: 'awaiting_response',
  extension_notified: 'awaiting_response',
  organisation_complaint: 'awaiting_response',
  response_received: 'response_received',
  complaint_filed: 'complaint_filed',
  authority_acknowledged: 'complaint_filed',
  authority_decision: 'complaint_filed',
  closed: 'closed',
};

/** The status follows the latest event that says something about the case (notes do not). */
export function deriveStatus(events: EventLike[]): CaseStatus {
  const ordered = inOrder(events);
  for (let i = ordered.length - 1; i >= 0; i--) {
    const s = STATUS_OF[ordered[i].type];
    if (s) return s;
  }
  return 'draft';
}

export const daysFrom = (today: string, due: string) => differenceInCalendarDays(parseISO(due), parseISO(today));

/** The article a reply date rests on, as the next step cites it (tracking.next.cite.*). */
function citeFor(regime: string, r: RequestClock, lawShort: string | null): MsgParams {
  if (regime === 'uk') return { cite: r.receipt >= ART_12A_FROM ? 'art12A' : 'art12_3' };
  if (regime === 'other') return lawShort ? { cite: 'law', law: lawShort } : { cite: 'stateLaw' };
  return { cite: 'art12_3' };
}

/**
 * The template each kind of step opens (templates/<id>): the objection, or an access request where US state law
 * gives no right to object; the complaint goes to the ICO (UK), the DPC (Ireland, Switzerland, or an EU/EEA member
 * whose home authority is not yet known) or the member's home authority. Null where Redress has no template for it
 * (a US complaint to CalPrivacy or an Attorney General is made on their own forms).
 */
export function complaintTemplate(country: string, region?: string | null, platform = 'linkedin'): string | null {
  const regime = regimeOf(country);
  if (regime === 'uk') return 'ico-complaint';
  // The DPC's own complaint is for platforms whose EU controller it leads for (LinkedIn, Meta, X, Google, ...).
  const dpcLeads = () => platform === 'linkedin' || jurisdictionFor('IE', null, undefined, platform).regulators.some((r) => r.id === 'dpc');
  if (regime === 'ch') return dpcLeads() ? 'dpc-complaint' : null;
  if (regime === 'eu') {
    const home = jurisdictionFor(country, region ?? null, undefined, platform).regulators.find((r) => r.role === 'home');
    return home && home.id !== 'dpc' ? 'authority-complaint' : dpcLeads() ? 'dpc-complaint' : home ? 'authority-complaint' : null;
  }
  return null;
}

/** A next step worded from the catalog (tracking.next.<key>), in English and by reference. */
function said(tone: NextStep['tone'], key: string, params?: MsgParams, extra: Partial<NextStep> = {}): NextStep {
  const w = worded(`tracking.next.${key}`, params);
  return { tone, text: w.text, textMsg: w.msg, ...extra };
}

/** A button of the next step (tracking.next.action.<key>). */
function act(key: string, href: string, params?: MsgParams): Pick<NextStep, 'action'> {
  const w = worded(`tracking.next.action.${key}`, params);
  return { action: { label: w.text, labelMsg: w.msg, href } };
}

/** A reason worded as tracking.reason.<id>, given as the parameters a message nests it with. */
const reasonParams = (m: Msg | null): MsgParams => (m ? { reason: m.key.replace(/^tracking\.reason\./, ''), ...(m.params ?? {}) } : {});

export function nextStep(
  c: { id: string; country: string; region?: string | null; status?: CaseStatus; statusOverridden?: boolean; platform?: string },
  rawEvents: EventLike[],
  _deadlines: Deadline[],
  today: string,
  a: CaseAnalysis = analyseCase(c.country, rawEvents, c.region ?? null, c.platform ?? 'linkedin'),
): NextStep {
  const regime = regimeOf(c.country);
  const us = c.country === 'US';
  const j = jurisdictionFor(c.country, c.region ?? null, undefined, c.platform ?? 'linkedin');
  // The platform the case is about, by the name its members know it.
  const P = PLATFORM_LABELS[(c.platform ?? 'linkedin') as PlatformId] ?? c.platform ?? 'LinkedIn';
  const events = a.events;
  const status = deriveStatus(events);
  const stateLaw = us ? usStateLaw(c.region) : null;
  const regulatorName = us ? (c.region === 'US-CA' ? 'CalPrivacy' : null) : (j.regulators[0]?.shortName ?? null);
  // Whom to complain to (tracking.next.to.*): the regulator by name, a US state's Attorney General, or, for Swiss
  // members, two routes: a report to the FDPIC under Swiss law, and a GDPR complaint to the DPC.
  const to: MsgParams =
    regime === 'ch'
      ? {
          to: 'ch',
          lead: j.regulators.find((r) => r.role === 'lead')?.shortName ?? 'DPC',
          controller: P === 'LinkedIn' ? 'LinkedIn Ireland' : j.controller.name,
        }
      : regulatorName
        ? { to: 'regulator', regulator: regulatorName }
        : { to: us ? 'attorneyGeneral' : 'unknown' };
  const draft = (template: string) => `#/cases/${encodeURIComponent(c.id)}/draft/${template}`;
  const complaintDoc = complaintTemplate(c.country, c.region, c.platform ?? 'linkedin');
  // Only a step Redress has a template for gets a button; otherwise the text says where to go.
  const complaintAction = (key: string, params?: MsgParams) => (complaintDoc ? act(key, draft(complaintDoc), params) : {});
  const draftComplaint = () =>
    regime === 'ch' || !regulatorName ? complaintAction('complaint') : complaintAction('regulatorComplaint', { regulator: regulatorName });
  // The reminder template is written for GDPR-style laws (UK, EU/EEA, Switzerland).
  const reminderAction = regime === 'other' ? {} : act('reminder', draft('reminder'));
  const window = a.icoWindow;
  const windowOpen = window?.state === 'open' && window.due >= today;
  const windowPassed = window?.state === 'open' && window.due < today;
  // The ICO says it may not take a complaint made more than three months after the last contact; say so plainly.
  // Each such message has a variant with the window written in (<key>Open, <key>Passed).
  const until = windowOpen ? 'Open' : windowPassed ? 'Passed' : '';
  const complainUntil: MsgParams = until ? { windowDue: window!.due } : {};

  // The member closed the case by hand: that stands whatever the events say, until they reopen it.
  if (c.statusOverridden && c.status === 'closed') return said('done', 'closedByHand');
  if (regime === 'other' && !stateLaw) {
    if (us && !c.region) return said('info', 'usNoState', { platform: P });
    return us ? said('info', 'usNoLaw', { state: stateName(c.region!), platform: P }) : said('info', 'noLaw', { platform: P });
  }
  if (status === 'closed') return said('done', 'closed');
  if (status === 'draft') {
    return us
      ? said('info', 'usDraft', { platform: P, law: stateLaw!.shortName }, act('accessRequest', draft('access-request')))
      : said('info', 'draft', { platform: P }, act('objection', draft('objection')));
  }

  // A complaint to a regulator is the furthest step: its clock comes first.
  const complaint = a.complaints.at(-1);
  if (complaint && (status === 'complaint_filed' || complaint.due?.state === 'open')) {
    const who = authorityName(complaint.complaint.authority);
    const d = complaint.due;
    if (!d) {
      if (complaint.decisions.length) return said('info', 'authorityOutcome', { who });
      return complaint.reasonMsg ? said('info', 'complaintFiledReason', { who, ...reasonParams(complaint.reasonMsg) }) : said('info', 'complaintFiled', { who });
    }
    if (d.state === 'met') return said('done', complaint.route === 's166' ? 'authorityOutcome' : 'authorityDecided', { who });
    if (complaint.route === 's166') {
      const current = [d.due, ...(d.further ?? [])].find((x) => x >= today);
      if (d.due < today) {
        return current
          ? said('overdue', 's166OverdueCurrent', { who, due: d.due, current }, { due: current })
          : said('overdue', 's166Overdue', { who, due: d.due }, { due: d.due });
      }
      const left = daysFrom(today, d.due);
      return said(left <= 7 ? 'due' : 'info', 's166Upcoming', { who, due: d.due }, { due: d.due });
    }
    const left = daysFrom(today, d.due);
    return left < 0
      ? said('overdue', 'art78Overdue', { who, from: d.from, due: d.due }, { due: d.due })
      : said(left <= 7 ? 'due' : 'info', 'art78Upcoming', { who, due: d.due }, { due: d.due });
  }

  // A UK complaint to LinkedIn itself (s.164A) that is still waiting.
  const org = a.organisationComplaints.at(-1);
  if (org && !org.replies.length && !events.some((e) => e.type === 'complaint_filed' && e.on >= org.complaint.on)) {
    const d = org.due;
    if (d && d.state === 'open') {
      const left = daysFrom(today, d.due);
      if (left >= 0) return said(left <= 3 ? 'due' : 'info', 'orgAckUpcoming', { platform: P, due: d.due }, { due: d.due });
      return said(
        'overdue',
        `orgAckMissed${until}`,
        { platform: P, due: d.due, ...complainUntil },
        { due: windowOpen ? window!.due : d.due, ...complaintAction('icoComplaint') },
      );
    }
    if (org.acknowledgements.length || d?.state === 'met') {
      return said(
        windowPassed ? 'overdue' : 'info',
        `orgAcked${until}`,
        { platform: P, ...complainUntil },
        { due: windowOpen ? window!.due : undefined, ...complaintAction('icoComplaint') },
      );
    }
  }

  // Requests: an overdue one first, then one whose clock is stopped, then the next one due.
  const several = a.requests.length > 1;
  // With several requests, the message names the one it is about (the <key>Several variant).
  const about = (r: RequestClock): MsgParams => (several ? { type: r.type, requestOn: r.request.on } : {});
  const sev = several ? 'Several' : '';
  const live = a.requests.filter((r) => r.due && (r.due.state === 'open' || r.due.state === 'paused'));
  const overdue = live.filter((r) => r.due!.state === 'open' && r.due!.due < today).sort((x, y) => (x.due!.due < y.due!.due ? -1 : 1))[0];
  if (overdue) {
    const d = overdue.due!;
    const reminded = overdue.reminders.some((e) => e.on > d.due);
    if (!reminded) return said('overdue', `noReply${sev}${until}`, { ...about(overdue), due: d.due, ...complainUntil }, { due: d.due, ...reminderAction });
    const orgDone = a.organisationComplaints.some((o) => o.complaint.on >= overdue.request.on);
    if (regime === 'uk' && today >= S164A_FROM && !orgDone) {
      return said(
        'overdue',
        `orgComplaintFirst${sev}${until}`,
        { ...about(overdue), platform: P, ...complainUntil },
        { due: windowOpen ? window!.due : d.due, ...act('orgComplaint', draft('organisation-complaint'), { platform: P }) },
      );
    }
    return said('overdue', `complain${sev}${until}`, { ...about(overdue), ...to, ...complainUntil }, { due: windowOpen ? window!.due : d.due, ...draftComplaint() });
  }
  const paused = live.find((r) => r.due!.state === 'paused');
  if (paused) {
    const q = paused.clarifications.find((p) => !p.answer)!;
    return said('info', `paused${sev}`, { platform: P, asks: q.asks, asked: q.question.on, ...(several ? { type: paused.type } : {}) });
  }
  const upcoming = live.filter((r) => r.due!.state === 'open').sort((x, y) => (x.due!.due < y.due!.due ? -1 : 1))[0];
  if (upcoming) {
    const d = upcoming.due!;
    const left = daysFrom(today, d.due);
    return said(
      left <= 3 ? 'due' : 'info',
      `replyDue${sev}${upcoming.acknowledgements.length ? 'Acked' : ''}`,
      { ...about(upcoming), due: d.due, ...citeFor(regime, upcoming, stateLaw?.shortName ?? null), platform: P },
      { due: d.due },
    );
  }
  const answered = a.requests.some((r) => r.due?.state === 'met' || r.replies.length);
  if (status === 'response_received' || answered) {
    const extra = { due: window?.state === 'open' ? window.due : undefined, ...draftComplaint() };
    const tone = windowOpen ? 'info' : windowPassed ? 'overdue' : 'done';
    if (windowOpen) return said(tone, 'replyWindowOpen', { windowDue: window!.due }, extra);
    if (windowPassed) return said(tone, 'replyWindowPassed', { windowDue: window!.due }, extra);
    return said(tone, us ? 'replyUs' : regime === 'ch' ? 'replyCh' : 'replyGdpr', to, extra);
  }
  const noDate = a.requests.find((r) => !r.due && r.reason);
  if (noDate) return said('info', 'noDateReason', reasonParams(noDate.reasonMsg));
  return said('info', 'keepRecording');
}
