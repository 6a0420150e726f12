// Per-request facts of a case, for letters and the case page: for each request what it asks for, when it was sent
// and received, its reply date and whether that has passed on a given day, the extension (in time or late), the
// acknowledgements, the clarification pauses, the replies and reminders; then each complaint and its clock.
// Pure: the same events and day always give the same facts.
import type {
  ClockFacts,
  ComplaintFacts,
  Deadline,
  OrganisationComplaintFacts,
  RequestFacts,
  TrackingFacts,
} from '../contract/tracking';
import { analyseCase, authorityName, type CaseAnalysis, type EventLike } from './deadlines';

const clock = (d: Deadline | null, today: string): ClockFacts | null =>
  d
    ? {
        due: d.due,
        state: d.state,
        passed: d.state === 'open' && d.due < today,
        rule: d.rule,
        ruleMsg: d.ruleMsg,
        source: d.source,
        steps: d.steps,
        stepsMsg: d.stepsMsg,
        ...(d.unverified ? { unverified: d.unverified, ...(d.unverifiedMsg ? { unverifiedMsg: d.unverifiedMsg } : {}) } : {}),
      }
    : null;

const at = (e: EventLike) => ({ on: e.on, eventId: e.id });

/**
 * What a case's events say, request by request and complaint by complaint, on the day `today` (YYYY-MM-DD).
 * `place.region` (ISO 3166-2) picks a US state's law; elsewhere it is ignored.
 */
export function trackingFacts(place: { country: string; region?: string | null; platform?: string }, events: EventLike[], today: string): TrackingFacts {
  return factsOf(analyseCase(place.country, events, place.region ?? null, place.platform ?? 'linkedin'), today);
}

export function factsOf(a: CaseAnalysis, today: string): TrackingFacts {
  const requests: RequestFacts[] = a.requests.map((r) => ({
    eventId: r.request.id,
    type: r.type,
    sentOn: r.request.on,
    receivedOn: r.receipt,
    channel: r.request.channel ?? null,
    ref: r.request.ref ?? null,
    due: clock(r.due, today),
    noDeadlineReason: r.due ? null : r.reason,
    noDeadlineReasonMsg: r.due ? null : r.reasonMsg,
    swissAccessDue: clock(r.swiss, today),
    extension: r.extension
      ? { notifiedOn: r.extension.event.on, eventId: r.extension.event.id, inTime: r.extension.inTime, firstPeriodEnd: r.extension.firstPeriodEnd }
      : null,
    acknowledgements: r.acknowledgements.map(at),
    clarifications: r.clarifications.map((p) => ({
      requestedOn: p.question.on,
      eventId: p.question.id,
      asks: p.asks,
      answeredOn: p.answer?.on ?? null,
      pausedDays: p.pausedDays,
      pausing: r.pausing && !p.answer,
    })),
    reply: r.replies[0] ? at(r.replies[0]) : null,
    replies: r.replies.map(at),
    reminders: r.reminders.map(at),
  }));
  const organisationComplaints: OrganisationComplaintFacts[] = a.organisationComplaints.map((c) => ({
    eventId: c.complaint.id,
    sentOn: c.complaint.on,
    receivedOn: c.receipt,
    ref: c.complaint.ref ?? null,
    acknowledgementDue: clock(c.due, today),
    noDeadlineReason: c.due ? null : c.reason,
    noDeadlineReasonMsg: c.due ? null : c.reasonMsg,
    acknowledgements: c.acknowledgements.map(at),
    reply: c.replies[0] ? at(c.replies[0]) : null,
    reminders: c.reminders.map(at),
  }));
  const complaints: ComplaintFacts[] = a.complaints.map((c) => {
    const base = clock(c.due, today);
    const further = c.due?.further ?? [];
    return {
      eventId: c.complaint.id,
      authority: c.complaint.authority ?? null,
      authorityName: authorityName(c.complaint.authority),
      filedOn: c.complaint.on,
      receivedOn: c.receipt,
      ref: c.complaint.ref ?? null,
      route: c.route,
      clock: base
        ? {
            ...base,
            further,
            // The end of the period running on `today` (s.166 repeats every three months); null once decided or closed.
            current: c.due!.state === 'open' ? ([c.due!.due, ...further].find((d) => d >= today) ?? null) : null,
          }
        : null,
      noClockReason: c.due ? null : c.reason,
      noClockReasonMsg: c.due ? null : c.reasonMsg,
      acknowledgedOn: c.acknowledgements[0]?.on ?? null,
      decisionOn: c.decisions[0]?.on ?? null,
    };
  });
  return {
    today,
    country: a.country,
    region: a.region,
    requests,
    organisationComplaints,
    complaints,
    icoWindow: clock(a.icoWindow, today),
    noDeadlinesReason: a.noDeadlinesReason,
    noDeadlinesReasonMsg: a.noDeadlinesReasonMsg,
  };
}
