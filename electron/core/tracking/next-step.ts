// What the events imply: the case's status, and the one thing to do next (with its date and rule).
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { jurisdictionFor, type CaseStatus } from '../contract';
import type { Deadline, NextStep } from '../contract/tracking';
import { shortDate } from './calendar';
import { authorityName, inOrder, type EventLike } from './deadlines';

const STATUS_OF: Record<string, CaseStatus | undefined> = {
  request_sent: 'request_sent',
  reminder_sent: 'awaiting_response',
  extension_notified: 'awaiting_response',
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

export function nextStep(c: { id: string; country: string }, rawEvents: EventLike[], deadlines: Deadline[], today: string): NextStep {
  const j = jurisdictionFor(c.country);
  const events = inOrder(rawEvents);
  const regulator = j.regulators[0]?.shortName ?? 'the regulator';
  const find = (k: Deadline['kind']) => deadlines.find((d) => d.kind === k);
  const reply = find('response_due');
  const window = find('ico_complaint_window_ends');
  const progress = find('authority_progress_due');
  const status = deriveStatus(events);
  const draft = (template?: string) => `#/cases/${encodeURIComponent(c.id)}/draft${template ? `/${template}` : ''}`;
  const windowOpen = window?.state === 'open' && window.due >= today;
  const windowPassed = window?.state === 'open' && window.due < today;
  // The ICO says it may not take a complaint made more than three months after the last contact; say so plainly.
  const complainUntil = windowOpen
    ? ` You can complain to the ICO until ${shortDate(window.due)}.`
    : windowPassed
      ? ` The ICO’s three-month window ended on ${shortDate(window.due)}: complain now and explain the delay, as the ICO may decline a late complaint.`
      : '';

  if (!j.hasGdprRights) {
    return {
      tone: 'info',
      text: 'No legal deadline applies here, so Redress sets none. Turn the setting off on LinkedIn, and capture the evidence of when it was on.',
    };
  }
  if (status === 'closed') return { tone: 'done', text: 'Case closed. Nothing more to do unless you reopen it with a new event.' };
  if (status === 'draft') {
    return {
      tone: 'info',
      text: 'Send your objection to LinkedIn (Art 21), then record “Request sent” here; Redress works out when the reply is due.',
      action: { label: 'Draft the objection', href: draft() },
    };
  }
  if (progress && (status === 'complaint_filed' || progress.state === 'open')) {
    const who = authorityName(events.filter((e) => e.type === 'complaint_filed').at(-1)?.authority);
    if (progress.state === 'met') return { tone: 'done', text: `${who} has decided. Close the case, or take advice on a court remedy (Art 78(1)) if you disagree.` };
    const left = daysFrom(today, progress.due);
    return left < 0
      ? { tone: 'overdue', due: progress.due, text: `${who} has not reported progress since ${shortDate(progress.from)}: from ${shortDate(progress.due)} you may go to court against it (Art 78(2)).` }
      : { tone: left <= 7 ? 'due' : 'info', due: progress.due, text: `Complaint filed: ${who} should report progress by ${shortDate(progress.due)} (Art 78(2)).` };
  }
  if (reply?.state === 'open') {
    const left = daysFrom(today, reply.due);
    if (left >= 0) {
      return {
        tone: left <= 3 ? 'due' : 'info',
        due: reply.due,
        text: `Reply due by ${shortDate(reply.due)} (Art 12(3)). Record LinkedIn’s answer when it comes.`,
      };
    }
    const reminded = events.some((e) => e.type === 'reminder_sent' && e.on > reply.due);
    if (!reminded) {
      return {
        tone: 'overdue',
        due: reply.due,
        text: `No reply by ${shortDate(reply.due)}: send the reminder.${complainUntil}`,
        action: { label: 'Send the reminder', href: draft('linkedin-reminder') },
      };
    }
    return {
      tone: 'overdue',
      due: windowOpen ? window.due : reply.due,
      text: `Still no reply after your reminder: complain to ${regulator}.${complainUntil}`,
      action: { label: `Draft the ${regulator} complaint`, href: draft() },
    };
  }
  if (status === 'response_received' || reply?.state === 'met') {
    return {
      tone: windowOpen ? 'info' : windowPassed ? 'overdue' : 'done',
      due: window?.state === 'open' ? window.due : undefined,
      text: windowOpen
        ? `Reply received. If it refuses or falls short, you can complain to the ICO until ${shortDate(window!.due)}; otherwise close the case.`
        : windowPassed
          ? `Reply received. The ICO’s three-month window ended on ${shortDate(window!.due)}: if the reply falls short, complain now and explain the delay; otherwise close the case.`
          : `Reply received. If it refuses or falls short, you can complain to ${regulator} (Art 77); otherwise close the case.`,
      action: { label: `Draft the ${regulator} complaint`, href: draft() },
    };
  }
  return { tone: 'info', text: 'Keep recording what happens; Redress updates the deadlines from each event.' };
}
