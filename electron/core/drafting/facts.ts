// What the case's record says, as facts a letter may state: the requests (each with its type, its own deadline,
// extension, acknowledgement, clarification, reply and reminders), complaints to LinkedIn and to regulators, the switch
// captures. Every sentence in a template that asserts something about the case is chosen by these facts
// (`{{#if ...}}` in the body), never written as a fixed claim.
//
// The clocks come from the tracking work's `trackingFacts` (electron/core/tracking/facts.ts): which request each
// answer belongs to, each request's own date under its law, extensions in time or late, UK Art 12A pauses. This file
// only turns them into names a template can use. A new event type: tracking adds it to its facts; a letter that
// needs to speak of it gets a name here (FACT_NAMES or REQUEST_ITEM_NAMES) and a row in the drafting matrix.
import { format } from 'date-fns';
import type { Case } from '../contract';
import type { EvidenceSummary } from '../contract/evidence';
import { CHANNEL_LABELS, EVENT_TYPE_LABELS, REQUEST_TYPES, type CaseEventSummary, type DeadlineSummary, type RequestType } from '../contract/tracking';
import type { EventLike } from '../tracking/deadlines';
import { authorityName, normaliseAuthority, requestWords } from '../tracking/deadlines';
import { trackingFacts } from '../tracking/facts';
import { longDate } from './dates';
import type { Vars } from './engine';

/** An event as drafting reads it: the shared summary, plus the evidence linked to it where the record has it. */
export type FactEvent = CaseEventSummary & { evidenceIds?: string[] };

export interface CaseFacts {
  case: Case;
  events: FactEvent[];
  evidence: EvidenceSummary[];
  /** The case's deadlines as tracking computes them (kept for callers; the letters read `trackingFacts`). */
  deadlines: DeadlineSummary[];
  today: Date;
}

export type RequestKind = RequestType;

export interface RequestFacts {
  id: string;
  number: number;
  kind: RequestKind;
  sentOn: string;
  receivedOn: string;
  ref: string | null;
  channel: string | null;
  /** The last day to answer under the law that applies (after an extension notified in time); null where none applies. */
  due: string | null;
  /** The first period's end, before any extension. */
  firstDue: string | null;
  /** Swiss access requests: the FADP Art 25(7) 30-day date beside the GDPR one. */
  swissDue: string | null;
  dueRule: string | null;
  /** The clock is stopped (UK Art 12A) until the member answers a clarification request. */
  paused: boolean;
  extension: { on: string; inTime: boolean } | null;
  acknowledgedOn: string | null;
  replyOn: string | null;
  reminders: string[];
  clarificationRequestedOn: string | null;
  clarificationAnsweredOn: string | null;
  /** What LinkedIn asked for: proof of identity restarts the UK clock, details pause it. */
  clarificationAsks: string | null;
  /** Today is after the due date, and the clock is not paused. */
  duePassed: boolean;
  evidenceIds: string[];
  ackEvidenceIds: string[];
  ackRef: string | null;
}

export interface ComplaintFacts {
  on: string;
  authority: string | null;
  authorityName: string;
  ref: string | null;
}

export interface LetterFacts {
  today: string;
  requests: RequestFacts[];
  /** The request a reminder is about: the oldest unanswered one whose date has passed, else the oldest unanswered. */
  focus: RequestFacts | null;
  complaints: ComplaintFacts[];
  organisationComplaint: { on: string; ref: string | null; acknowledgedOn: string | null; ackDue: string | null; ackPassed: boolean; replyOn: string | null } | null;
  /** UK: the last day to complain to the ICO, and whether it has passed. */
  icoWindow: { due: string; passed: boolean } | null;
  /** The earliest capture of the AI-training switch that shows it off, and the earliest that shows it on. */
  switchOffSeenOn: string | null;
  switchOnSeenOn: string | null;
  lastContactOn: string | null;
}

const isoDay = (d: Date) => format(d, 'yyyy-MM-dd');
const byDate = <E extends { on: string }>(events: E[]) => [...events].sort((a, b) => a.on.localeCompare(b.on));

export function requestKind(e: FactEvent): RequestKind {
  const k = (e.requestType ?? '').trim().toLowerCase();
  return (REQUEST_TYPES as readonly string[]).includes(k) ? (k as RequestKind) : 'objection';
}

/** Contact with LinkedIn (for "last contact"): everything but complaints to regulators, their answers and notes. */
const NOT_CONTACT = new Set(['complaint_filed', 'authority_acknowledged', 'authority_decision', 'closed', 'note']);

export function letterFacts(f: CaseFacts): LetterFacts {
  const today = isoDay(f.today);
  const events = byDate(f.events);
  const byId = new Map(events.map((e) => [e.id, e]));
  const t = trackingFacts({ country: f.case.country, region: f.case.region, platform: f.case.platform }, events as EventLike[], today);
  const requests: RequestFacts[] = t.requests.map((r, i) => {
    const ack = r.acknowledgements[0] ? byId.get(r.acknowledgements[0].eventId) : undefined;
    const q = r.clarifications[0];
    const paused = r.clarifications.some((c) => c.pausing) || r.due?.state === 'paused';
    return {
      id: r.eventId,
      number: i + 1,
      kind: r.type,
      sentOn: r.sentOn,
      receivedOn: r.receivedOn,
      ref: r.ref,
      channel: r.channel,
      due: r.due?.due ?? null,
      firstDue: r.extension?.firstPeriodEnd ?? r.due?.due ?? null,
      swissDue: r.swissAccessDue?.due ?? null,
      dueRule: r.due ? `${r.due.rule} (${r.due.source})` : null,
      paused,
      extension: r.extension ? { on: r.extension.notifiedOn, inTime: r.extension.inTime } : null,
      acknowledgedOn: r.acknowledgements[0]?.on ?? null,
      replyOn: r.reply?.on ?? null,
      reminders: r.reminders.map((x) => x.on),
      clarificationRequestedOn: q?.requestedOn ?? null,
      clarificationAnsweredOn: q?.answeredOn ?? null,
      clarificationAsks: q?.asks ?? null,
      // Passed for a letter's purposes even once a complaint overtook the clock: the answer was still not given in time.
      duePassed: Boolean(r.due && !paused && r.due.due < today),
      evidenceIds: byId.get(r.eventId)?.evidenceIds ?? [],
      ackEvidenceIds: ack?.evidenceIds ?? [],
      ackRef: ack?.ref ?? null,
    };
  });
  const unanswered = requests.filter((r) => !r.replyOn);
  const focus = unanswered.find((r) => r.duePassed) ?? unanswered[0] ?? requests.at(-1) ?? null;
  const org = t.organisationComplaints.at(-1);
  const switchCaptures = [...f.evidence]
    .filter((e) => e.toggle && e.toggle.state !== 'unknown')
    .map((e) => ({ state: e.toggle!.state, on: (e.capturedAt ?? e.addedAt).slice(0, 10) }))
    .sort((a, b) => a.on.localeCompare(b.on));
  const contacts = events.filter((e) => !NOT_CONTACT.has(e.type));
  return {
    today,
    requests,
    focus,
    complaints: t.complaints.map((c) => ({ on: c.filedOn, authority: c.authority, authorityName: c.authorityName, ref: c.ref })),
    organisationComplaint: org
      ? {
          on: org.sentOn,
          ref: org.ref,
          acknowledgedOn: org.acknowledgements[0]?.on ?? null,
          ackDue: org.acknowledgementDue?.due ?? null,
          ackPassed: Boolean(org.acknowledgementDue?.passed),
          replyOn: org.reply?.on ?? null,
        }
      : null,
    icoWindow: t.icoWindow && t.icoWindow.state === 'open' ? { due: t.icoWindow.due, passed: t.icoWindow.passed } : null,
    switchOffSeenOn: switchCaptures.find((c) => c.state === 'off')?.on ?? null,
    switchOnSeenOn: switchCaptures.find((c) => c.state === 'on')?.on ?? null,
    lastContactOn: contacts.at(-1)?.on ?? null,
  };
}

const yes = (b: boolean) => (b ? 'yes' : '');
let letterLang = 'en';
/** A date as the letter being worded writes it (set by `factVars` for the length of one call). */
const long = (iso: string | null | undefined) => (iso ? longDate(iso, letterLang) : '');

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
  'swiss_due_date',
  'due_passed',
  'clock_paused',
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
  'clarification_identity',
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
    swiss_due_date: long(r.swissDue),
    due_passed: yes(r.duePassed),
    clock_paused: yes(r.paused),
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
    pending: yes(!r.replyOn && !r.duePassed && !r.paused && r.due !== null),
    reminded: yes(r.reminders.length > 0),
    reminder_date: long(r.reminders.at(-1)),
    clarification_requested: yes(Boolean(r.clarificationRequestedOn)),
    clarification_requested_date: long(r.clarificationRequestedOn),
    clarification_answered: yes(Boolean(r.clarificationAnsweredOn)),
    clarification_answered_date: long(r.clarificationAnsweredOn),
    clarification_identity: yes(r.clarificationAsks === 'identity'),
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
  'any_paused',
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
  'complaint_authority_id',
  'complaint_authority_labelled',
  'complaint_ref',
  'complaint_to_recipient',
  'organisation_complaint',
  'organisation_complaint_date',
  'organisation_complaint_ref',
  'organisation_complaint_acknowledged',
  'organisation_complaint_ack_date',
  'organisation_complaint_ack_due',
  'organisation_complaint_ack_overdue',
  'organisation_complaint_replied',
  'switch_off_date',
  'switch_on_date',
  'last_contact_date',
  'ico_window_end',
  'ico_window_passed',
  'timeline',
  'evidence_index',
  'evidence_count',
] as const;

const AUTHORITY_LABELS: Record<string, Record<string, string>> = {
  en: { ico: 'the ICO', dpc: 'the Data Protection Commission', fdpic: 'the FDPIC', cppa: 'CalPrivacy' },
  de: { ico: 'das ICO', dpc: 'die Data Protection Commission (Irland)', fdpic: 'den EDÖB', cppa: 'CalPrivacy' },
  fr: { ico: 'l’ICO', dpc: 'la Data Protection Commission (Irlande)', fdpic: 'le PFPDT', cppa: 'CalPrivacy' },
};

/** The words of the timeline and evidence list in a letter's language (English: the tracking labels as they are). */
interface TimelineWords {
  events: Record<string, string>;
  kinds: Record<RequestType, string>;
  channels: Record<string, string>;
  identity: string;
  details: string;
  received: string;
  to: string;
  reference: string;
  exhibit: string;
  captured: string;
  added: string;
}
const TIMELINE_WORDS: Record<string, TimelineWords> = {
  de: {
    events: {
      request_sent: 'Antrag gesendet',
      acknowledged: 'Eingang bestätigt',
      clarification_requested: 'Rückfrage erhalten',
      clarification_answered: 'Rückfrage beantwortet',
      extension_notified: 'Fristverlängerung mitgeteilt',
      response_received: 'Antwort erhalten',
      reminder_sent: 'Erinnerung gesendet',
      organisation_complaint: 'Beschwerde beim Unternehmen',
      complaint_filed: 'Beschwerde bei der Aufsichtsbehörde eingereicht',
      authority_acknowledged: 'Eingang von der Behörde bestätigt',
      authority_decision: 'Entscheidung der Behörde',
      closed: 'Abgeschlossen',
      note: 'Notiz',
    },
    kinds: { objection: 'Widerspruch', access: 'Auskunftsantrag', erasure: 'Löschantrag', other: 'sonstiger Antrag' },
    channels: { webform: 'per Webformular', email: 'per E-Mail', post: 'per Post' },
    identity: 'Identitätsnachweis',
    details: 'nähere Angaben',
    received: 'eingegangen am',
    to: 'an',
    reference: 'Aktenzeichen',
    exhibit: 'Anlage',
    captured: 'aufgenommen am',
    added: 'hinzugefügt am',
  },
  fr: {
    events: {
      request_sent: 'Demande envoyée',
      acknowledged: 'Accusé de réception',
      clarification_requested: 'Demande de précisions reçue',
      clarification_answered: 'Précisions fournies',
      extension_notified: 'Prolongation du délai notifiée',
      response_received: 'Réponse reçue',
      reminder_sent: 'Relance envoyée',
      organisation_complaint: 'Réclamation auprès de l’entreprise',
      complaint_filed: 'Plainte déposée auprès de l’autorité',
      authority_acknowledged: 'Accusé de réception de l’autorité',
      authority_decision: 'Décision de l’autorité',
      closed: 'Clos',
      note: 'Note',
    },
    kinds: { objection: 'opposition', access: 'demande d’accès', erasure: 'demande d’effacement', other: 'autre demande' },
    channels: { webform: 'par formulaire en ligne', email: 'par courriel', post: 'par courrier postal' },
    identity: 'justificatif d’identité',
    details: 'précisions',
    received: 'reçue le',
    to: 'à',
    reference: 'référence',
    exhibit: 'Pièce',
    captured: 'capturée le',
    added: 'ajoutée le',
  },
};

function eventLabel(e: FactEvent, lang = 'en'): string {
  const w = TIMELINE_WORDS[lang];
  const known = w ? w.events[e.type] : (EVENT_TYPE_LABELS as Record<string, string>)[e.type];
  const words = known ?? e.type.replace(/[_-]+/g, ' ').trim().replace(/^./, (c) => c.toUpperCase());
  if (e.type === 'clarification_requested' && e.asks) return `${words} (${e.asks === 'identity' ? (w?.identity ?? 'proof of identity') : (w?.details ?? 'details')})`;
  if (e.type !== 'request_sent') return words;
  return `${words} (${w ? w.kinds[requestKind(e)] : requestWords(requestKind(e))})`;
}

export function timelineText(events: FactEvent[], lang = 'en'): string {
  const w = TIMELINE_WORDS[lang];
  const d = (iso: string) => longDate(iso, lang);
  return byDate(events)
    .map((e) => {
      const bits = [`${d(e.on)}${lang === 'fr' ? ' :' : ':'} ${eventLabel(e, lang)}`];
      if (!w) {
        if (e.receivedOn && e.receivedOn !== e.on) bits.push(`, received ${d(e.receivedOn)}`);
        if (e.channel) bits.push(` by ${((CHANNEL_LABELS as Record<string, string>)[e.channel] ?? e.channel).toLowerCase()}`);
        if (e.authority) bits.push(` to ${authorityName(e.authority)}`);
        if (e.ref) bits.push(` (reference ${e.ref})`);
      } else {
        if (e.receivedOn && e.receivedOn !== e.on) bits.push(`, ${w.received} ${d(e.receivedOn)}`);
        if (e.channel) bits.push(` ${w.channels[e.channel] ?? e.channel}`);
        if (e.authority) bits.push(` ${w.to} ${authorityName(e.authority)}`);
        if (e.ref) bits.push(` (${w.reference} ${e.ref})`);
      }
      if (e.note) bits.push(`. ${e.note.replace(/\s+/g, ' ').trim()}`);
      return '- ' + bits.join('');
    })
    .join('\n');
}

export function evidenceIndexText(evidence: EvidenceSummary[], lang = 'en'): string {
  const w = TIMELINE_WORDS[lang];
  return evidence
    .map((e, i) => {
      if (!w) {
        const when = e.capturedAt ? `captured ${longDate(e.capturedAt)}` : `added ${longDate(e.addedAt)}`;
        return `- Exhibit ${i + 1}: ${e.title} (${e.kind}, ${when}; SHA-256 ${e.sha256})`;
      }
      const when = e.capturedAt ? `${w.captured} ${longDate(e.capturedAt, lang)}` : `${w.added} ${longDate(e.addedAt, lang)}`;
      return `- ${w.exhibit} ${i + 1}${lang === 'fr' ? ' :' : ':'} ${e.title} (${e.kind}, ${when}; SHA-256 ${e.sha256})`;
    })
    .join('\n');
}

/**
 * The facts as names a template uses, worded for a letter in `lang` (dates, the timeline, authorities' names).
 * `recipient` is the template's recipient id, for "already complained to it".
 */
export function factVars(f: CaseFacts, recipient: string, lang = 'en'): Vars {
  const before = letterLang;
  letterLang = lang;
  try {
    return factVarsIn(f, recipient, lang);
  } finally {
    letterLang = before;
  }
}

function factVarsIn(f: CaseFacts, recipient: string, lang: string): Vars {
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
    any_pending: yes(rs.some((r) => !r.replyOn && !r.duePassed && (r.due !== null || r.paused))),
    any_paused: yes(rs.some((r) => !r.replyOn && r.paused)),
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
    complaint_authority: complaint ? ((AUTHORITY_LABELS[lang] ?? AUTHORITY_LABELS.en)[authority ?? ''] ?? complaint.authorityName ?? complaint.authority ?? '') : '',
    // The authority by id where the catalog names it in each language (drafting.authority.<id>), for the screen's cautions.
    complaint_authority_id: complaint && authority && AUTHORITY_LABELS.en[authority] ? authority : '',
    complaint_authority_labelled: yes(Boolean(complaint && authority && AUTHORITY_LABELS.en[authority])),
    complaint_ref: complaint?.ref ?? '',
    complaint_to_recipient: yes(lf.complaints.some((c) => normaliseAuthority(c.authority) === recipient)),
    organisation_complaint: yes(Boolean(lf.organisationComplaint)),
    organisation_complaint_date: long(lf.organisationComplaint?.on),
    organisation_complaint_ref: lf.organisationComplaint?.ref ?? '',
    organisation_complaint_acknowledged: yes(Boolean(lf.organisationComplaint?.acknowledgedOn)),
    organisation_complaint_ack_date: long(lf.organisationComplaint?.acknowledgedOn),
    organisation_complaint_ack_due: long(lf.organisationComplaint?.ackDue),
    organisation_complaint_ack_overdue: yes(Boolean(lf.organisationComplaint?.ackPassed && !lf.organisationComplaint.acknowledgedOn)),
    organisation_complaint_replied: yes(Boolean(lf.organisationComplaint?.replyOn)),
    switch_off_date: long(lf.switchOffSeenOn),
    switch_on_date: long(lf.switchOnSeenOn),
    last_contact_date: long(lf.lastContactOn),
    ico_window_end: long(lf.icoWindow?.due),
    ico_window_passed: yes(Boolean(lf.icoWindow?.passed)),
    timeline: timelineText(f.events, lang),
    evidence_index: evidenceIndexText(f.evidence, lang),
    evidence_count: String(f.evidence.length),
  };
  return vars;
}
