// Where a case stands on its path: evidence -> request -> reply due -> reminder -> complaint -> decision. The case
// page shows these as steps above the next step, so a member sees at a glance what is behind them and what is ahead.
import type { CaseStatus } from '../contract';
import { CASE_STEP_KEYS, type CaseStep, type CaseStepKey } from '../contract/tracking';
import { say } from '../i18n';
import type { CaseAnalysis } from './deadlines';

const NAMES_PLATFORM = new Set(['tracking.stepNote.organisationComplaint', 'tracking.stepNote.notNeeded']);

type Seen = { done: boolean; on?: string; due?: string; noteKey?: string; count?: number; missed?: boolean; notNeeded?: boolean };

/**
 * The furthest step done decides where the case is: every step before it that was not done was passed by; the first
 * step after it that still makes sense is current. A closed case has no current step.
 */
export function caseSteps(a: CaseAnalysis, evidenceCount: number, status: CaseStatus, today: string): CaseStep[] {
  const events = a.events;
  const first = (...types: string[]) => events.find((e) => types.includes(e.type));
  const request = first('request_sent');
  const reply = first('response_received');
  const reminder = first('reminder_sent', 'organisation_complaint');
  const complaint = first('complaint_filed');
  const decision = first('authority_decision');
  const closedOn = [...events].reverse().find((e) => e.type === 'closed')?.on;
  const closed = status === 'closed';

  const pending = a.requests.filter((r) => r.due && (r.due.state === 'open' || r.due.state === 'paused') && !r.replies.length);
  const overdue = pending.filter((r) => r.due!.state === 'open' && r.due!.due < today).sort((x, y) => (x.due!.due < y.due!.due ? -1 : 1))[0];
  const awaited = pending.filter((r) => r.due!.state === 'open').sort((x, y) => (x.due!.due < y.due!.due ? -1 : 1))[0];
  const lastComplaint = a.complaints.at(-1);
  const authorityDue = lastComplaint?.due?.state === 'open' ? lastComplaint.due.due : undefined;

  const seen: Record<CaseStepKey, Seen> = {
    evidence: evidenceCount > 0 ? { done: true, count: evidenceCount } : { done: false, count: 0 },
    request: request ? { done: true, on: request.on } : { done: false },
    reply: reply
      ? { done: true, on: reply.on }
      : overdue
        ? { done: false, missed: true, due: overdue.due!.due, noteKey: 'tracking.stepNote.noReply' }
        : awaited
          ? { done: false, due: awaited.due!.due }
          : { done: false },
    reminder: reminder
      ? { done: true, on: reminder.on, noteKey: reminder.type === 'organisation_complaint' ? 'tracking.stepNote.organisationComplaint' : undefined }
      : reply
        ? { done: false, notNeeded: true, noteKey: 'tracking.stepNote.notNeeded' }
        : { done: false },
    complaint: complaint ? { done: true, on: complaint.on } : { done: false },
    decision: decision
      ? { done: true, on: decision.on }
      : closed
        ? { done: true, on: closedOn, noteKey: 'tracking.stepNote.closed' }
        : { done: false, due: authorityDue },
  };

  const keys = CASE_STEP_KEYS;
  let furthest = -1;
  keys.forEach((k, i) => {
    if (seen[k].done) furthest = i;
  });
  let current = closed ? keys.length : keys.findIndex((k, i) => i > furthest && !seen[k].missed && !seen[k].notNeeded);
  if (current < 0) current = keys.length;

  return keys.map((key, i) => {
    const s = seen[key];
    const state: CaseStep['state'] = s.done ? 'done' : i === current ? 'current' : i < current || s.missed || s.notNeeded || closed ? 'passed' : 'upcoming';
    const step: CaseStep = { key, state };
    if (s.on) step.on = s.on;
    if (s.due && !s.done) step.due = s.due;
    // The note in English and by reference, from one catalog entry (tracking.stepNote.*).
    const noteKey = s.noteKey ?? (closed && !s.done ? 'tracking.stepNote.closed' : undefined);
    if (noteKey) {
      // The notes that name the platform (a complaint to it, its reply) take its name.
      const params = NAMES_PLATFORM.has(noteKey) ? { platform: a.platformName } : undefined;
      step.note = say(noteKey, params);
      step.noteMsg = params ? { key: noteKey, params } : { key: noteKey };
    }
    if (s.count !== undefined) step.count = s.count;
    return step;
  });
}
