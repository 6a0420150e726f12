// What the events imply: the case's status, and the one thing to do next (with its date, its rule, and the request
// or complaint it is about).
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { jurisdictionFor, PLATFORM_LABELS, regimeOf, type CaseStatus, type PlatformId } from '../contract';
import type { Deadline, NextStep, RequestType } from '../contract/tracking';
import { shortDate } from './calendar';
import { analyseCase, ART_12A_FROM, authorityName, requestWords, S164A_FROM, type CaseAnalysis, type EventLike, type RequestClock } from './deadlines';
import { inOrder } from './links';
import { stateName, usStateLaw } from './us-states';

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

/** The article a reply date rests on, as the next step cites it. */
function citeFor(regime: string, r: RequestClock, lawShort: string | null): string {
  if (regime === 'uk') return r.receipt >= ART_12A_FROM ? 'UK GDPR Art 12A' : 'Art 12(3)';
  if (regime === 'other') return lawShort ?? 'state law';
  return 'Art 12(3)';
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
  const regulator = us ? (c.region === 'US-CA' ? 'CalPrivacy' : "the state's Attorney General") : (j.regulators[0]?.shortName ?? 'the regulator');
  // Swiss members have two routes: a report to the FDPIC under Swiss law, and a GDPR complaint to the DPC.
  const complainTo =
    regime === 'ch'
      ? `the FDPIC (a report under Swiss law, FADP Art 49) or the ${j.regulators.find((r) => r.role === 'lead')?.shortName ?? 'DPC'} (a complaint under the GDPR, Art 77, as ${P === 'LinkedIn' ? 'LinkedIn Ireland' : j.controller.name} is your controller)`
      : regulator;
  const draftLabel = regime === 'ch' ? 'Draft the complaint' : `Draft the ${regulator} complaint`;
  const draft = (template: string) => `#/cases/${encodeURIComponent(c.id)}/draft/${template}`;
  const complaintDoc = complaintTemplate(c.country, c.region, c.platform ?? 'linkedin');
  // Only a step Redress has a template for gets a button; otherwise the text says where to go.
  const complaintAction = (label: string) => (complaintDoc ? { action: { label, href: draft(complaintDoc) } } : {});
  // The reminder template is written for GDPR-style laws (UK, EU/EEA, Switzerland).
  const reminderAction = regime === 'other' ? {} : { action: { label: 'Send the reminder', href: draft('reminder') } };
  const window = a.icoWindow;
  const windowOpen = window?.state === 'open' && window.due >= today;
  const windowPassed = window?.state === 'open' && window.due < today;
  // The ICO says it may not take a complaint made more than three months after the last contact; say so plainly.
  const complainUntil = windowOpen
    ? ` You can complain to the ICO until ${shortDate(window.due)}.`
    : windowPassed
      ? ` The ICO’s three-month window ended on ${shortDate(window.due)}: complain now and explain the delay, as the ICO may decline a late complaint.`
      : '';

  // The member closed the case by hand: that stands whatever the events say, until they reopen it.
  if (c.statusOverridden && c.status === 'closed') {
    return { tone: 'done', text: 'You closed this case. Nothing more to do; to take it up again, set its status back or record a new event.' };
  }
  if (regime === 'other' && !stateLaw) {
    if (us && !c.region) {
      return {
        tone: 'info',
        text: `No legal deadline applies until Redress knows your state: US privacy law is made state by state. Edit the case to add it. Meanwhile turn the setting off on ${P}, and capture the evidence of when it was on.`,
      };
    }
    return {
      tone: 'info',
      text: us
        ? `No legal deadline applies: ${stateName(c.region!)} has no comprehensive privacy law in force that Redress knows of, so Redress sets none. Turn the setting off on ${P}, and capture the evidence of when it was on.`
        : `No legal deadline applies here, so Redress sets none. Turn the setting off on ${P}, and capture the evidence of when it was on.`,
    };
  }
  if (status === 'closed') return { tone: 'done', text: 'Case closed. Nothing more to do unless you reopen it with a new event.' };
  if (status === 'draft') {
    return us
      ? {
          tone: 'info',
          text: `Turn the setting off on ${P} and capture it. Under the ${stateLaw!.shortName} you can also ask ${P} what it holds about you (access) or to delete it; record “Request sent” here and Redress works out when the reply is due.`,
          action: { label: 'Draft the access request', href: draft('access-request') },
        }
      : {
          tone: 'info',
          text: `Send your objection to ${P} (Art 21), then record “Request sent” here; Redress works out when the reply is due.`,
          action: { label: 'Draft the objection', href: draft('objection') },
        };
  }

  // A complaint to a regulator is the furthest step: its clock comes first.
  const complaint = a.complaints.at(-1);
  if (complaint && (status === 'complaint_filed' || complaint.due?.state === 'open')) {
    const who = authorityName(complaint.complaint.authority);
    const d = complaint.due;
    if (!d) {
      return {
        tone: 'info',
        text: complaint.decisions.length
          ? `${who} has given its outcome. Close the case, or take advice if you disagree.`
          : `Complaint filed with ${who}. ${complaint.reason ?? ''}`.trim(),
      };
    }
    if (d.state === 'met') {
      return {
        tone: 'done',
        text:
          complaint.route === 's166'
            ? `${who} has given its outcome. Close the case, or take advice if you disagree.`
            : `${who} has decided. Close the case, or take advice on a court remedy (Art 78(1)) if you disagree.`,
      };
    }
    if (complaint.route === 's166') {
      const current = [d.due, ...(d.further ?? [])].find((x) => x >= today);
      if (d.due < today) {
        return {
          tone: 'overdue',
          due: current ?? d.due,
          text: `${who} had to report progress by ${shortDate(d.due)}: if it has not, you may apply to the First-tier Tribunal for an order (DPA 2018 s.166).${current ? ` The current three-month period ends on ${shortDate(current)}.` : ''}`,
        };
      }
      const left = daysFrom(today, d.due);
      return {
        tone: left <= 7 ? 'due' : 'info',
        due: d.due,
        text: `Complaint filed: ${who} should report progress by ${shortDate(d.due)} (DPA 2018 s.166); if it does not, you may apply to the First-tier Tribunal.`,
      };
    }
    const left = daysFrom(today, d.due);
    return left < 0
      ? { tone: 'overdue', due: d.due, text: `${who} has not reported progress since ${shortDate(d.from)}: from ${shortDate(d.due)} you may go to court against it (Art 78(2)).` }
      : { tone: left <= 7 ? 'due' : 'info', due: d.due, text: `Complaint filed: ${who} should report progress by ${shortDate(d.due)} (Art 78(2)).` };
  }

  // A UK complaint to LinkedIn itself (s.164A) that is still waiting.
  const org = a.organisationComplaints.at(-1);
  if (org && !org.replies.length && !events.some((e) => e.type === 'complaint_filed' && e.on >= org.complaint.on)) {
    const d = org.due;
    if (d && d.state === 'open') {
      const left = daysFrom(today, d.due);
      if (left >= 0) {
        return {
          tone: left <= 3 ? 'due' : 'info',
          due: d.due,
          text: `${P} should acknowledge your complaint by ${shortDate(d.due)} (DPA 2018 s.164A) and then answer it without undue delay.`,
        };
      }
      return {
        tone: 'overdue',
        due: windowOpen ? window!.due : d.due,
        text: `${P} did not acknowledge your complaint by ${shortDate(d.due)} (DPA 2018 s.164A): complain to the ICO.${complainUntil}`,
        ...complaintAction('Draft the ICO complaint'),
      };
    }
    if (org.acknowledgements.length || d?.state === 'met') {
      return {
        tone: windowPassed ? 'overdue' : 'info',
        due: windowOpen ? window!.due : undefined,
        text: `${P} acknowledged your complaint; it must answer without undue delay (DPA 2018 s.164A). If it does not, or the answer falls short, complain to the ICO.${complainUntil}`,
        ...complaintAction('Draft the ICO complaint'),
      };
    }
  }

  // Requests: an overdue one first, then one whose clock is stopped, then the next one due.
  const several = a.requests.length > 1;
  const about = (r: RequestClock) => (several ? ` to your ${requestWords(r.type as RequestType)} of ${shortDate(r.request.on)}` : '');
  const live = a.requests.filter((r) => r.due && (r.due.state === 'open' || r.due.state === 'paused'));
  const overdue = live.filter((r) => r.due!.state === 'open' && r.due!.due < today).sort((x, y) => (x.due!.due < y.due!.due ? -1 : 1))[0];
  if (overdue) {
    const d = overdue.due!;
    const reminded = overdue.reminders.some((e) => e.on > d.due);
    if (!reminded) {
      return {
        tone: 'overdue',
        due: d.due,
        text: `No reply${about(overdue)} by ${shortDate(d.due)}: send the reminder.${complainUntil}`,
        ...reminderAction,
      };
    }
    const orgDone = a.organisationComplaints.some((o) => o.complaint.on >= overdue.request.on);
    if (regime === 'uk' && today >= S164A_FROM && !orgDone) {
      return {
        tone: 'overdue',
        due: windowOpen ? window!.due : d.due,
        text: `Still no reply${about(overdue)} after your reminder: complain to ${P} itself first (DPA 2018 s.164A; the ICO expects it), then record “Complaint to the organisation”.${complainUntil}`,
        action: { label: `Draft the complaint to ${P}`, href: draft('organisation-complaint') },
      };
    }
    return {
      tone: 'overdue',
      due: windowOpen ? window!.due : d.due,
      text: `Still no reply${about(overdue)} after your reminder: complain to ${complainTo}.${complainUntil}`,
      ...complaintAction(draftLabel),
    };
  }
  const paused = live.find((r) => r.due!.state === 'paused');
  if (paused) {
    const q = paused.clarifications.find((p) => !p.answer)!;
    return {
      tone: 'info',
      text: `${P} asked you for ${q.asks === 'identity' ? 'proof of identity' : 'details'} on ${shortDate(q.question.on)}${several ? ` about your ${requestWords(paused.type)}` : ''}: the clock is stopped until you answer (UK GDPR Art 12A). Answer, then record “Clarification answered”.`,
    };
  }
  const upcoming = live.filter((r) => r.due!.state === 'open').sort((x, y) => (x.due!.due < y.due!.due ? -1 : 1))[0];
  if (upcoming) {
    const d = upcoming.due!;
    const left = daysFrom(today, d.due);
    const acked = upcoming.acknowledgements.length ? ` ${P}’s acknowledgement is not a reply.` : '';
    return {
      tone: left <= 3 ? 'due' : 'info',
      due: d.due,
      text: `Reply${about(upcoming)} due by ${shortDate(d.due)} (${citeFor(regime, upcoming, stateLaw?.shortName ?? null)}).${acked} Record ${P}’s answer when it comes.`,
    };
  }
  const answered = a.requests.some((r) => r.due?.state === 'met' || r.replies.length);
  if (status === 'response_received' || answered) {
    return {
      tone: windowOpen ? 'info' : windowPassed ? 'overdue' : 'done',
      due: window?.state === 'open' ? window.due : undefined,
      text: windowOpen
        ? `Reply received. If it refuses or falls short, you can complain to the ICO until ${shortDate(window!.due)}; otherwise close the case.`
        : windowPassed
          ? `Reply received. The ICO’s three-month window ended on ${shortDate(window!.due)}: if the reply falls short, complain now and explain the delay; otherwise close the case.`
          : us
            ? `Reply received. If it refuses or falls short, you can complain to ${regulator}; otherwise close the case.`
            : regime === 'ch'
              ? `Reply received. If it refuses or falls short, you can turn to ${complainTo}; otherwise close the case.`
              : `Reply received. If it refuses or falls short, you can complain to ${regulator} (Art 77); otherwise close the case.`,
      ...complaintAction(draftLabel),
    };
  }
  const noDate = a.requests.find((r) => !r.due && r.reason);
  if (noDate) return { tone: 'info', text: `${noDate.reason} Keep recording what happens.` };
  return { tone: 'info', text: 'Keep recording what happens; Redress updates the deadlines from each event.' };
}
