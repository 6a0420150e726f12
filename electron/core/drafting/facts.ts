// What the case's record says, as facts a letter may state: the requests (each with its type, its own Art 12(3)
// deadline, extension, acknowledgement, reply and reminders), complaints, the switch captures. Every sentence in a
// template that asserts something about the case is chosen by these facts (`{{#if ...}}` in the body), never written
// as a fixed claim. A new event type needs a change here only: a role in EVENT_ROLES, and a fact if letters use it.
import { format } from 'date-fns';
import type { Case } from '../contract';
import type { EvidenceSummary } from '../contract/evidence';
import { CHANNEL_LABELS, EVENT_TYPE_LABELS, type CaseEventSummary, type DeadlineSummary } from '../contract/tracking';
import { computeDeadlines, normaliseAuthority, type EventLike } from '../tracking/deadlines';
import { longDate } from './dates';
import type { Vars } from './engine';

/** An event as drafting reads it: the shared summary, plus fields the tracking work adds (read when present). */
export type FactEvent = CaseEventSummary & {
  /** The type of a request (`request_sent --request access`); absent on older rows: an objection. */
  requestType?: string | null;
  /** The request a follow-up event answers, where the record links them. */
  forEventId?: string | null;
  evidenceIds?: string[];
};

export interface CaseFacts {
  case: Case;
  events: FactEvent[];
  evidence: EvidenceSummary[];
  deadlines: DeadlineSummary[];
  today: Date;
}

export const REQUEST_KINDS = ['objection', 'access', 'erasure', 'other'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** What each event type means for a letter. Types not listed (notes, unknown future types) state nothing. */
type Role =
  | 'request'
  | 'acknowledgement'
  | 'extension'
  | 'reply'
  | 'reminder'
  | 'clarification_requested'
  | 'clarification_answered'
  | 'organisation_complaint'
  | 'organisation_complaint_acknowledged'
  | 'complaint'
  | 'authority_reply'
  | 'closed';
export const EVENT_ROLES: Record<string, Role> = {
  request_sent: 'request',
  acknowledged: 'acknowledgement',
  extension_notified: 'extension',
  response_received: 'reply',
  reminder_sent: 'reminder',
  clarification_requested: 'clarification_requested',
  clarification_answered: 'clarification_answered',
  organisation_complaint: 'organisation_complaint',
  organisation_complaint_acknowledged: 'organisation_complaint_acknowledged',
  complaint_filed: 'complaint',
  authority_acknowledged: 'authority_reply',
  authority_decision: 'authority_reply',
  closed: 'closed',
};
/** Events that belong to one request (and so must be paired with the right one). */
const FOLLOW_UPS: ReadonlySet<Role> = new Set(['acknowledgement', 'extension', 'reply', 'reminder', 'clarification_requested', 'clarification_answered']);

export interface RequestFacts {
  id: string;
  number: number;
  kind: RequestKind;
  sentOn: string;
  receivedOn: string;
  ref: string | null;
  channel: string | null;
  /** The last day to answer (Art 12(3)), after any extension notified in time; null where no such deadline applies. */
  due: string | null;
  /** The one-month date, before any extension. */
  firstDue: string | null;
  dueRule: string | null;
  extension: { on: string; inTime: boolean } | null;
  acknowledgedOn: string | null;
  replyOn: string | null;
  reminders: string[];
  clarificationRequestedOn: string | null;
  clarificationAnsweredOn: string | null;
  /** Today is after the due date. */
  duePassed: boolean;
  evidenceIds: string[];
  ackEvidenceIds: string[];
  ackRef: string | null;
}

export interface ComplaintFacts {
  on: string;
  authority: string | null;
  ref: string | null;
}

export interface LetterFacts {
  today: string;
  requests: RequestFacts[];
  /** The request a reminder is about: the oldest unanswered one whose date has passed, else the oldest unanswered. */
  focus: RequestFacts | null;
  complaints: ComplaintFacts[];
  organisationComplaint: { on: string; ref: string | null; acknowledgedOn: string | null } | null;
  /** The earliest capture of the AI-training switch that shows it off, and the earliest that shows it on. */
  switchOffSeenOn: string | null;
  switchOnSeenOn: string | null;
  lastContactOn: string | null;
}

const isoDay = (d: Date) => format(d, 'yyyy-MM-dd');
const byDate = <E extends { on: string }>(events: E[]) => [...events].sort((a, b) => a.on.localeCompare(b.on));

export function requestKind(e: FactEvent): RequestKind {
  const k = (e.requestType ?? '').trim().toLowerCase();
  return (REQUEST_KINDS as readonly string[]).includes(k) ? (k as RequestKind) : 'objection';
}

/**
 * Which request a follow-up event belongs to: the one it names (forEventId), the one whose reference it carries, else
 * the latest request sent on or before it that this kind of event has not yet been recorded for.
 */
function attribute(e: FactEvent, role: Role, requests: FactEvent[], taken: Map<string, Set<Role>>): FactEvent | undefined {
  if (e.forEventId) {
    const named = requests.find((r) => r.id === e.forEventId);
    if (named) return named;
  }
  if (e.ref) {
    const same = requests.find((r) => r.ref && r.ref === e.ref && r.on <= e.on);
    if (same) return same;
  }
  const before = requests.filter((r) => r.on <= e.on);
  if (role === 'reminder') return before.filter((r) => !taken.get(r.id)?.has('reply')).at(-1) ?? before.at(-1);
  return before.filter((r) => !taken.get(r.id)?.has(role)).at(-1) ?? before.at(-1);
}

/** The Art 12(3) date of one request, counted by the tracking rules from that request and its own extension. */
function dueOf(country: string, req: FactEvent, ext: FactEvent | undefined) {
  const one = computeDeadlines(country, [req as EventLike]).find((d) => d.kind === 'response_due');
  if (!one) return { due: null, firstDue: null, rule: null, inTime: false };
  if (!ext) return { due: one.due, firstDue: one.due, rule: `${one.rule} (${one.source})`, inTime: false };
  const withExt = computeDeadlines(country, [req as EventLike, ext as EventLike]).find((d) => d.kind === 'response_due')!;
  return { due: withExt.due, firstDue: one.due, rule: `${withExt.rule} (${withExt.source})`, inTime: ext.on <= one.due };
}

export function letterFacts(f: CaseFacts): LetterFacts {
  const today = isoDay(f.today);
  const events = byDate(f.events);
  const role = (e: FactEvent) => EVENT_ROLES[e.type];
  const requestEvents = events.filter((e) => role(e) === 'request');
  const taken = new Map<string, Set<Role>>();
  const follow = new Map<string, FactEvent[]>();
  for (const e of events) {
    const r = role(e);
    if (!r || !FOLLOW_UPS.has(r)) continue;
    const req = attribute(e, r, requestEvents, taken);
    if (!req) continue;
    if (!taken.has(req.id)) taken.set(req.id, new Set());
    taken.get(req.id)!.add(r);
    follow.set(req.id, [...(follow.get(req.id) ?? []), e]);
  }
  const requests: RequestFacts[] = requestEvents.map((req, i) => {
    const mine = follow.get(req.id) ?? [];
    const first = (r: Role) => mine.find((e) => role(e) === r);
    const ext = first('extension');
    const ack = first('acknowledgement');
    const d = dueOf(f.case.country, req, ext);
    return {
      id: req.id,
      number: i + 1,
      kind: requestKind(req),
      sentOn: req.on,
      receivedOn: req.receivedOn || req.on,
      ref: req.ref ?? null,
      channel: req.channel ?? null,
      due: d.due,
      firstDue: d.firstDue,
      dueRule: d.rule,
      extension: ext ? { on: ext.on, inTime: d.inTime } : null,
      acknowledgedOn: ack?.on ?? null,
      replyOn: first('reply')?.on ?? null,
      reminders: mine.filter((e) => role(e) === 'reminder').map((e) => e.on),
      clarificationRequestedOn: first('clarification_requested')?.on ?? null,
      clarificationAnsweredOn: first('clarification_answered')?.on ?? null,
      duePassed: d.due !== null && today > d.due,
      evidenceIds: req.evidenceIds ?? [],
      ackEvidenceIds: ack?.evidenceIds ?? [],
      ackRef: ack?.ref ?? null,
    };
  });
  const unanswered = requests.filter((r) => !r.replyOn);
  const focus = unanswered.find((r) => r.duePassed) ?? unanswered[0] ?? requests.at(-1) ?? null;
  const orgComplaint = events.find((e) => role(e) === 'organisation_complaint');
  const orgAck = orgComplaint && events.find((e) => role(e) === 'organisation_complaint_acknowledged' && e.on >= orgComplaint.on);
  const switchCaptures = [...f.evidence]
    .filter((e) => e.toggle && e.toggle.state !== 'unknown')
    .map((e) => ({ state: e.toggle!.state, on: (e.capturedAt ?? e.addedAt).slice(0, 10) }))
    .sort((a, b) => a.on.localeCompare(b.on));
  const contacts = events.filter((e) => {
    const r = role(e);
    return r && r !== 'complaint' && r !== 'authority_reply' && r !== 'closed';
  });
  return {
    today,
    requests,
    focus,
    complaints: events.filter((e) => role(e) === 'complaint').map((e) => ({ on: e.on, authority: e.authority ?? null, ref: e.ref ?? null })),
    organisationComplaint: orgComplaint ? { on: orgComplaint.on, ref: orgComplaint.ref ?? null, acknowledgedOn: orgAck?.on ?? null } : null,
    switchOffSeenOn: switchCaptures.find((c) => c.state === 'off')?.on ?? null,
    switchOnSeenOn: switchCaptures.find((c) => c.state === 'on')?.on ?? null,
    lastContactOn: contacts.at(-1)?.on ?? null,
  };
}

const yes = (b: boolean) => (b ? 'yes' : '');
const long = (iso: string | null | undefined) => (iso ? longDate(iso) : '');

/** The names of one request, inside `{{#each requests}}` and (prefixed `request_`) for the focus request. */
export const REQUEST_ITEM_NAMES = [
  'number',
  'is_objection',
  'is_access',
  'is_erasure',
  'is_other',
  'date',
  'received_date',
  'received_later',
  'ref',
  'channel',
  'due_date',
  'first_due_date',
  'due_passed',
  'extended',
  'extension_date',
  'extension_late',
  'acknowledged',
  'acknowledged_date',
  'ack_ref',
  'replied',
  'reply_date',
  'replied_late',
  'overdue',
  'pending',
  'reminded',
  'reminder_date',
  'clarification_requested',
  'clarification_requested_date',
  'clarification_answered',
  'clarification_answered_date',
  'exhibits',
  'ack_exhibits',
  'is_focus',
] as const;

function requestVars(r: RequestFacts, exhibitNo: (id: string) => number | undefined, focus: RequestFacts | null): Record<(typeof REQUEST_ITEM_NAMES)[number], string> {
  const exhibits = (ids: string[]) =>
    ids
      .map(exhibitNo)
      .filter((n): n is number => n !== undefined)
      .sort((a, b) => a - b)
      .join(', ');
  return {
    number: String(r.number),
    is_objection: yes(r.kind === 'objection'),
    is_access: yes(r.kind === 'access'),
    is_erasure: yes(r.kind === 'erasure'),
    is_other: yes(r.kind === 'other'),
    date: long(r.sentOn),
    received_date: long(r.receivedOn),
    received_later: yes(r.receivedOn !== r.sentOn),
    ref: r.ref ?? '',
    channel: r.channel ?? '',
    due_date: long(r.due),
    first_due_date: long(r.firstDue),
    due_passed: yes(r.duePassed),
    extended: yes(Boolean(r.extension?.inTime)),
    extension_date: long(r.extension?.on),
    extension_late: yes(Boolean(r.extension && !r.extension.inTime)),
    acknowledged: yes(Boolean(r.acknowledgedOn)),
    acknowledged_date: long(r.acknowledgedOn),
    ack_ref: r.ackRef ?? '',
    replied: yes(Boolean(r.replyOn)),
    reply_date: long(r.replyOn),
    replied_late: yes(Boolean(r.replyOn && r.due && r.replyOn > r.due)),
    overdue: yes(!r.replyOn && r.duePassed),
    pending: yes(!r.replyOn && !r.duePassed && r.due !== null),
    reminded: yes(r.reminders.length > 0),
    reminder_date: long(r.reminders.at(-1)),
    clarification_requested: yes(Boolean(r.clarificationRequestedOn)),
    clarification_requested_date: long(r.clarificationRequestedOn),
    clarification_answered: yes(Boolean(r.clarificationAnsweredOn)),
    clarification_answered_date: long(r.clarificationAnsweredOn),
    exhibits: exhibits(r.evidenceIds),
    ack_exhibits: exhibits(r.ackEvidenceIds),
    is_focus: yes(r.id === focus?.id),
  };
}

/** The focus request's names as `request_<name>`, plus the older names templates already use. */
const FOCUS_NAMES = REQUEST_ITEM_NAMES.filter((n) => n !== 'number' && n !== 'is_focus').map((n) => `request_${n}` as const);

export const FACT_NAMES = [
  'requests',
  'has_request',
  'several_requests',
  'any_objection',
  'any_access',
  'any_erasure',
  'any_other',
  'only_objections',
  'any_reply',
  'all_replied',
  'any_overdue',
  'any_pending',
  'any_acknowledged',
  'any_extended',
  'all_pending',
  'missing_request_copy',
  'raised_with_organisation',
  ...FOCUS_NAMES,
  'request_date',
  'request_ref',
  'request_channel',
  'due_date',
  'due_rule',
  'reply_received',
  'reply_date',
  'complaint_filed',
  'complaint_date',
  'complaint_authority',
  'complaint_ref',
  'complaint_to_recipient',
  'organisation_complaint',
  'organisation_complaint_date',
  'organisation_complaint_ref',
  'organisation_complaint_acknowledged',
  'organisation_complaint_ack_date',
  'switch_off_date',
  'switch_on_date',
  'last_contact_date',
  'ico_window_end',
  'ico_window_passed',
  'timeline',
  'evidence_index',
  'evidence_count',
] as const;

const AUTHORITY_LABELS: Record<string, string> = { ico: 'the ICO', dpc: 'the Data Protection Commission', fdpic: 'the FDPIC', cppa: 'CalPrivacy' };

function eventLabel(e: FactEvent): string {
  const known = (EVENT_TYPE_LABELS as Record<string, string>)[e.type];
  const words = known ?? e.type.replace(/[_-]+/g, ' ').trim().replace(/^./, (c) => c.toUpperCase());
  if (EVENT_ROLES[e.type] !== 'request') return words;
  const kind = requestKind(e);
  return `${words} (${{ objection: 'objection', access: 'access request', erasure: 'erasure request', other: 'request' }[kind]})`;
}

export function timelineText(events: FactEvent[]): string {
  return byDate(events)
    .map((e) => {
      const bits = [`${longDate(e.on)}: ${eventLabel(e)}`];
      if (e.receivedOn && e.receivedOn !== e.on) bits.push(`, received ${longDate(e.receivedOn)}`);
      if (e.channel) bits.push(` by ${((CHANNEL_LABELS as Record<string, string>)[e.channel] ?? e.channel).toLowerCase()}`);
      if (e.authority) bits.push(` to ${e.authority}`);
      if (e.ref) bits.push(` (reference ${e.ref})`);
      if (e.note) bits.push(`. ${e.note.replace(/\s+/g, ' ').trim()}`);
      return '- ' + bits.join('');
    })
    .join('\n');
}

export function evidenceIndexText(evidence: EvidenceSummary[]): string {
  return evidence
    .map((e, i) => {
      const when = e.capturedAt ? `captured ${longDate(e.capturedAt)}` : `added ${longDate(e.addedAt)}`;
      return `- Exhibit ${i + 1}: ${e.title} (${e.kind}, ${when}; SHA-256 ${e.sha256})`;
    })
    .join('\n');
}

/** The facts as names a template uses. `recipient` is the template's recipient id, for "already complained to it". */
export function factVars(f: CaseFacts, recipient: string): Vars {
  const lf = letterFacts(f);
  const exhibitNo = (id: string) => {
    const i = f.evidence.findIndex((e) => e.id === id);
    return i < 0 ? undefined : i + 1;
  };
  const items = lf.requests.map((r) => requestVars(r, exhibitNo, lf.focus));
  const focus = lf.focus ? requestVars(lf.focus, exhibitNo, lf.focus) : undefined;
  const focusVars = Object.fromEntries(FOCUS_NAMES.map((n) => [n, focus ? focus[n.slice('request_'.length) as keyof typeof focus] : '']));
  const rs = lf.requests;
  const complaint = lf.complaints.at(-1);
  const window = f.deadlines.find((d) => d.kind === 'ico_complaint_window_ends');
  const windowOpen = window && (!('state' in window) || (window as { state?: string }).state === 'open');
  const authority = normaliseAuthority(complaint?.authority);
  const vars: Vars = {
    requests: items,
    has_request: yes(rs.length > 0),
    several_requests: yes(rs.length > 1),
    any_objection: yes(rs.some((r) => r.kind === 'objection')),
    any_access: yes(rs.some((r) => r.kind === 'access')),
    any_erasure: yes(rs.some((r) => r.kind === 'erasure')),
    any_other: yes(rs.some((r) => r.kind === 'other')),
    only_objections: yes(rs.length > 0 && rs.every((r) => r.kind === 'objection')),
    any_reply: yes(rs.some((r) => r.replyOn)),
    all_replied: yes(rs.length > 0 && rs.every((r) => r.replyOn)),
    any_overdue: yes(rs.some((r) => !r.replyOn && r.duePassed)),
    any_pending: yes(rs.some((r) => !r.replyOn && !r.duePassed && r.due !== null)),
    any_acknowledged: yes(rs.some((r) => r.acknowledgedOn)),
    any_extended: yes(rs.some((r) => r.extension?.inTime)),
    // Every request still within its time and unanswered: a complaint now could only claim what has not happened.
    all_pending: yes(rs.length > 0 && rs.every((r) => !r.replyOn && !r.duePassed)),
    missing_request_copy: yes(items.some((r) => !r.exhibits)),
    raised_with_organisation: yes(rs.length > 0 || Boolean(lf.organisationComplaint)),
    ...focusVars,
    request_date: focus?.date ?? '',
    request_ref: focus?.ref ?? '',
    request_channel: focus?.channel ?? '',
    due_date: focus?.due_date ?? '',
    due_rule: lf.focus?.dueRule ?? '',
    reply_received: focus?.replied ?? '',
    reply_date: focus?.reply_date ?? '',
    complaint_filed: yes(Boolean(complaint)),
    complaint_date: long(complaint?.on),
    complaint_authority: complaint ? (AUTHORITY_LABELS[authority ?? ''] ?? complaint.authority ?? '') : '',
    complaint_ref: complaint?.ref ?? '',
    complaint_to_recipient: yes(lf.complaints.some((c) => normaliseAuthority(c.authority) === recipient)),
    organisation_complaint: yes(Boolean(lf.organisationComplaint)),
    organisation_complaint_date: long(lf.organisationComplaint?.on),
    organisation_complaint_ref: lf.organisationComplaint?.ref ?? '',
    organisation_complaint_acknowledged: yes(Boolean(lf.organisationComplaint?.acknowledgedOn)),
    organisation_complaint_ack_date: long(lf.organisationComplaint?.acknowledgedOn),
    switch_off_date: long(lf.switchOffSeenOn),
    switch_on_date: long(lf.switchOnSeenOn),
    last_contact_date: long(lf.lastContactOn),
    ico_window_end: window && windowOpen ? longDate(window.due) : '',
    ico_window_passed: yes(Boolean(window && windowOpen && lf.today > window.due)),
    timeline: timelineText(f.events),
    evidence_index: evidenceIndexText(f.evidence),
    evidence_count: String(f.evidence.length),
  };
  return vars;
}
