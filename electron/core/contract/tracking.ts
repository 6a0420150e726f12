// Contract of the tracking feature: API name -> zod input schema, and the output types.
// Owned by the tracking work; pure zod, no Node imports (the renderer type-checks against this file).
import { z } from 'zod';
import { CASE_STATUSES, CaseId, PLATFORMS, type CaseStatus } from './cases';
import { plainText } from './text';
import type { Msg } from './i18n';

/** Catalog keys by id (`<prefix>.<id>`): the English dictionaries below give the same words as those keys. */
export const keysOf = <K extends string>(ids: readonly K[], prefix: string): Record<K, string> =>
  Object.fromEntries(ids.map((id) => [id, `${prefix}.${id}`])) as Record<K, string>;

export const EVENT_TYPES = [
  'request_sent',
  'acknowledged',
  'clarification_requested',
  'clarification_answered',
  'extension_notified',
  'response_received',
  'reminder_sent',
  'organisation_complaint',
  'complaint_filed',
  'authority_acknowledged',
  'authority_decision',
  'closed',
  'note',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  request_sent: 'Request sent',
  acknowledged: 'Receipt acknowledged',
  clarification_requested: 'Clarification requested',
  clarification_answered: 'Clarification answered',
  extension_notified: 'Extension notified',
  response_received: 'Response received',
  reminder_sent: 'Reminder sent',
  organisation_complaint: 'Complaint to the organisation',
  complaint_filed: 'Complaint filed',
  authority_acknowledged: 'Authority acknowledged',
  authority_decision: 'Authority decision',
  closed: 'Closed',
  note: 'Note',
};
/** The catalog key of each event type's label (core catalog, `tracking.eventType.<type>`), for screens in any language. */
export const EVENT_TYPE_LABEL_KEYS = keysOf(EVENT_TYPES, 'tracking.eventType');
/** One line per type, shown under the type picker: what the event is, and what it does to the dates. */
export const EVENT_TYPE_HELP: Record<EventType, string> = {
  request_sent:
    'You sent LinkedIn a request (an objection, an access or erasure request). Each request has its own reply date.',
  acknowledged:
    'LinkedIn confirmed it received a request or complaint (an automatic email or a case number). This is not a reply: the reply date stays as it is.',
  clarification_requested:
    'LinkedIn asked you for proof of identity or for details of what you want. In the UK (Art 12A) the clock stops until you answer; elsewhere the date stays.',
  clarification_answered: 'You sent LinkedIn the identity proof or details it asked for. In the UK the clock starts again from this day.',
  extension_notified:
    'LinkedIn told you it needs more time. It counts only if it came within the first period; Redress checks that.',
  response_received: 'LinkedIn answered a request or complaint (a refusal counts as an answer). The reply date is met.',
  reminder_sent: 'You chased LinkedIn about a request or complaint that has gone unanswered. It does not change the dates.',
  organisation_complaint:
    'You complained to LinkedIn itself (in the UK, under DPA 2018 s.164A from 19 June 2026: it must acknowledge within 30 days).',
  complaint_filed: 'You complained to a regulator (ICO, DPC, CNIL, FDPIC, ...). Its own clock starts.',
  authority_acknowledged: 'The regulator confirmed it received your complaint.',
  authority_decision: 'The regulator decided or closed your complaint.',
  closed: 'You consider the case finished.',
  note: 'Anything else worth keeping; a note changes no date.',
};
export const EVENT_TYPE_HELP_KEYS = keysOf(EVENT_TYPES, 'tracking.eventHelp');

/** What a request asks for: each kind has its own rules and letters. */
export const REQUEST_TYPES = ['objection', 'access', 'erasure', 'other'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  objection: 'Objection',
  access: 'Access request',
  erasure: 'Erasure (deletion) request',
  other: 'Other request',
};
export const REQUEST_TYPE_LABEL_KEYS = keysOf(REQUEST_TYPES, 'tracking.requestType');

/** What the controller asked for when it asked for clarification: identity restarts the UK clock, details pause it. */
export const CLARIFICATION_KINDS = ['details', 'identity'] as const;
export type ClarificationKind = (typeof CLARIFICATION_KINDS)[number];
export const CLARIFICATION_LABELS: Record<ClarificationKind, string> = {
  details: 'Details of your request',
  identity: 'Proof of identity',
};
export const CLARIFICATION_LABEL_KEYS = keysOf(CLARIFICATION_KINDS, 'tracking.clarification');

/** Events that start a thread other events answer. */
export const ROOT_TYPES = ['request_sent', 'organisation_complaint', 'complaint_filed'] as const;
/** Events that belong to a thread, and the thread types each may belong to (the first is what the UI calls it). */
export const BELONGS_TO: Partial<Record<EventType, readonly (typeof ROOT_TYPES)[number][]>> = {
  acknowledged: ['request_sent', 'organisation_complaint'],
  clarification_requested: ['request_sent'],
  clarification_answered: ['request_sent'],
  extension_notified: ['request_sent'],
  response_received: ['request_sent', 'organisation_complaint'],
  reminder_sent: ['request_sent', 'organisation_complaint'],
  authority_acknowledged: ['complaint_filed'],
  authority_decision: ['complaint_filed'],
};
/** Events whose receipt date counts (post takes days to arrive). */
export const RECEIVED_TYPES: readonly EventType[] = ['request_sent', 'organisation_complaint', 'complaint_filed'];
const CHANNEL_TYPES: readonly EventType[] = ['request_sent', 'reminder_sent', 'organisation_complaint', 'complaint_filed'];

export const CHANNELS = ['webform', 'email', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { webform: 'Web form', email: 'Email', post: 'Post' };
export const CHANNEL_LABEL_KEYS = keysOf(CHANNELS, 'tracking.channel');

/** Notes can hold a pasted reply email; 10,000 characters is far above any reply yet small enough for a PDF page. */
export const NOTE_MAX = 10_000;
export const REF_MAX = 200;

/** A calendar date, not an instant: it must exist (no 30 February) and is compared as text. */
export const CalendarDate = (label: string) => {
  // The fields the core catalog words (validation.<field>.*); any other label keeps its English messages.
  const field = DATE_FIELDS[label];
  return z
    .string({ error: field ? `validation.${field}.required` : `${label} is required (YYYY-MM-DD).` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, field ? `validation.${field}.format` : `${label} must be a date written YYYY-MM-DD, such as 2026-04-30.`)
    .superRefine((s, ctx) => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(s) && !isRealDate(s))
        ctx.addIssue(
          field
            ? { code: 'custom', message: `validation.${field}.notReal`, params: { date: s } }
            : { code: 'custom', message: `${label} ${s} does not exist in the calendar; check the day and month.` },
        );
    });
};
const DATE_FIELDS: Record<string, string> = { Date: 'date', 'Received date': 'receivedDate' };

export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (y < 1970 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last;
}

// Forms send '' and JSON may send null for an empty optional field; both mean the same as leaving it out.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

/** An optional text field: its messages are `validation.<field>TooLong` and validation.plainText.*.<field>. */
const optionalText = (label: string, field: 'authority' | 'reference' | 'note', max: number) =>
  optional(
    z
      .string()
      .trim()
      .max(max, `validation.${field}TooLong`)
      .superRefine(plainText({ subject: label, key: field, allow: '\t\n\r' })),
  );


const eventFields = {
  type: z.enum(EVENT_TYPES, { error: 'validation.typeOneOf' }),
  on: CalendarDate('Date'),
  receivedOn: optional(CalendarDate('Received date')),
  channel: optional(z.enum(CHANNELS, { error: `Channel must be one of: ${CHANNELS.join(', ')}.` })),
  /** For a request: what it asks for (objection when not given). */
  requestType: optional(z.enum(REQUEST_TYPES, { error: `Request type must be one of: ${REQUEST_TYPES.join(', ')}.` })),
  /** For an event that answers a request or complaint: which one (the latest open one before it when not given). */
  forEventId: optional(z.string().trim().min(1).max(64, 'validation.eventIdTooLong')),
  /** For a clarification request: what LinkedIn asked for (details when not given). */
  asks: optional(z.enum(CLARIFICATION_KINDS, { error: `What was asked for must be one of: ${CLARIFICATION_KINDS.join(', ')}.` })),
  authority: optionalText('Authority', 'authority', 120),
  ref: optionalText('Reference', 'reference', REF_MAX),
  note: optionalText('Note', 'note', NOTE_MAX),
  evidenceIds: z.array(z.string().trim().min(1).max(64)).max(50, 'validation.evidenceMax').default([]),
};

type EventShape = {
  type: EventType;
  on: string;
  receivedOn?: string;
  channel?: Channel;
  requestType?: RequestType;
  forEventId?: string;
  asks?: ClarificationKind;
  authority?: string;
  note?: string;
};

/** Field rules that do not need the database: which fields belong to which type, and received-after-sent. */
function checkEventFields(e: EventShape, ctx: z.RefinementCtx) {
  const issue = (path: string, key: string, params?: Record<string, string>) =>
    ctx.addIssue({ code: 'custom', path: [path], message: `validation.event.${key}`, ...(params ? { params } : {}) });
  if (e.receivedOn && !RECEIVED_TYPES.includes(e.type))
    issue('receivedOn', 'receivedOnlyRequest');
  if (e.channel && !CHANNEL_TYPES.includes(e.type)) issue('channel', 'channelOnly');
  if (RECEIVED_TYPES.includes(e.type) && e.channel === 'post' && !e.receivedOn)
    issue('receivedOn', e.type === 'request_sent' ? 'postRequestReceived' : 'postReceived', e.type === 'request_sent' ? undefined : { type: e.type });
  if (e.receivedOn && e.receivedOn < e.on) issue('receivedOn', 'receivedBeforeSent', { received: e.receivedOn, sent: e.on });
  if (e.requestType && e.type !== 'request_sent') issue('requestType', 'requestTypeOnly');
  if (e.forEventId && !BELONGS_TO[e.type])
    issue('forEventId', 'notAnAnswer', { type: e.type });
  if (e.asks && e.type !== 'clarification_requested') issue('asks', 'asksOnly');
  if (e.authority && !['complaint_filed', 'authority_acknowledged', 'authority_decision'].includes(e.type))
    issue('authority', 'authorityOnly');
  if (e.type === 'complaint_filed' && !e.authority) issue('authority', 'authorityRequired');
}

export const EventAddInput = z.object({ caseId: CaseId, ...eventFields }).superRefine(checkEventFields);
export type EventAddInput = z.input<typeof EventAddInput>;
export type EventValues = z.output<typeof EventAddInput>;

export const EventId = z.string({ error: 'validation.eventIdRequired' }).trim().min(1, 'validation.eventIdRequired').max(64);
export const EventUpdateInput = z.object({ id: EventId, ...eventFields }).superRefine(checkEventFields);
export type EventUpdateInput = z.input<typeof EventUpdateInput>;

export const EventDeleteInput = z.object({ id: EventId });
export const TrackingGetInput = z.object({ caseId: CaseId });

const statusEnum = z.enum(CASE_STATUSES, { error: 'validation.statusOneOf' });
const filterText = z.string().trim().max(200, 'validation.searchTooLong').optional();
const DashboardFilter = {
  q: filterText,
  status: statusEnum.optional(),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'validation.countryTwoLetters').optional(),
  platform: z.enum(PLATFORMS).optional(),
};
export const DashboardInput = z
  .object({
    ...DashboardFilter,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000, 'validation.rowsMax').default(200),
  })
  .default({ offset: 0, limit: 200 });
export type DashboardInput = z.output<typeof DashboardInput>;
export interface DashboardFilter {
  q?: string;
  status?: CaseStatus;
  country?: string;
  platform?: (typeof PLATFORMS)[number];
}
export const ExportCsvInput = z.object(DashboardFilter).default({});
export const ExportIcsInput = z.object({ caseId: CaseId.optional() }).default({});
export const RemindersInput = z
  .object({ withinDays: z.number().int().min(0).max(60).default(3), limit: z.number().int().min(1).max(10_000).default(100) })
  .default({ withinDays: 3, limit: 100 });

export const trackingContract = {
  'tracking.get': TrackingGetInput,
  'tracking.addEvent': EventAddInput,
  'tracking.updateEvent': EventUpdateInput,
  'tracking.deleteEvent': EventDeleteInput,
  'tracking.useDerivedStatus': TrackingGetInput,
  'tracking.evidenceOptions': TrackingGetInput,
  'tracking.dashboard': DashboardInput,
  'tracking.reminders': RemindersInput,
  'tracking.exportIcs': ExportIcsInput,
  'tracking.exportCsv': ExportCsvInput,
} as const;

/** An event of a case, as other features (drafting's timeline) read it. The tracking work may add fields. */
export interface CaseEventSummary {
  id: string;
  caseId: string;
  type: string;
  /** The date it happened, YYYY-MM-DD. */
  on: string;
  receivedOn?: string | null;
  channel?: string | null;
  /** For a request: objection, access, erasure or other. */
  requestType?: string | null;
  /** For an answer, reminder, extension, acknowledgement or clarification: the request or complaint it belongs to. */
  forEventId?: string | null;
  /** For a clarification request: details or identity. */
  asks?: string | null;
  authority?: string | null;
  ref?: string | null;
  note?: string | null;
}

export interface CaseEvent extends CaseEventSummary {
  type: EventType;
  evidenceIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** A computed deadline (never stored): when, by which rule, and where the rule comes from. */
export interface DeadlineSummary {
  kind: string;
  due: string;
  rule: string;
  source: string;
}

export type DeadlineKind =
  | 'response_due'
  | 'fadp_access_due'
  | 'organisation_ack_due'
  | 'ico_complaint_window_ends'
  | 'authority_progress_due';
export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  response_due: 'Reply due',
  fadp_access_due: 'Access reply due under Swiss law',
  organisation_ack_due: 'LinkedIn should acknowledge your complaint',
  ico_complaint_window_ends: 'ICO complaint window ends',
  authority_progress_due: 'Authority should report progress',
};
export const DEADLINE_KINDS: readonly DeadlineKind[] = ['response_due', 'fadp_access_due', 'organisation_ack_due', 'ico_complaint_window_ends', 'authority_progress_due'];
/** The catalog key of each deadline kind's label (`tracking.deadline.<kind>`): a screen looks the label up by kind. */
export const DEADLINE_LABEL_KEYS = keysOf(DEADLINE_KINDS, 'tracking.deadline');

export interface Deadline extends DeadlineSummary {
  /** Unique within the case: the kind and the event it counts from ("response_due:evt_…"). */
  id: string;
  kind: DeadlineKind;
  /** What it is about, in a few words: "Reply to your access request of 30 April 2026". */
  label: string;
  /** `label` by reference (tracking.label.*), for the renderer to word in the language shown. */
  labelMsg: Msg;
  /** `rule` by reference (tracking.rule.*). `source` stays as cited (English legal citations). */
  ruleMsg: Msg;
  /**
   * open: still running; met: the event it waits for happened; moot: overtaken (complaint filed after it passed, case
   * closed); paused: the clock is stopped (UK Art 12A) until the member answers a clarification request.
   */
  state: 'open' | 'met' | 'moot' | 'paused';
  /** The date the count starts from, and which event it comes from (the request or complaint). */
  from: string;
  fromEventId: string;
  /** For a request's deadline: what the request asks for. */
  requestType?: RequestType | null;
  /** The law the rule comes from ("UK GDPR", "GDPR", "FADP", "DPA 2018", "CCPA", ...). */
  law: string;
  /** How the date was reached, step by step, for the user to check. */
  steps: string[];
  /** `steps` by reference, one per line (tracking.step.*, tracking.count.*). */
  stepsMsg: Msg[];
  /** The calendar whose holidays count ("England and Wales", "Ireland"), or null when weekends do not move it. */
  calendar: string | null;
  /** For a period that repeats (DPA 2018 s.166): when each further period ends, in order. */
  further?: string[];
  /** Set where part of the rule could not be confirmed from its source; the UI shows it. */
  unverified?: string;
  unverifiedMsg?: Msg;
}

export interface NextStep {
  text: string;
  /** `text` by reference (tracking.next.*), for the renderer to word in the language shown. */
  textMsg: Msg;
  /** Optional link inside the app (a hash route) for the action, such as the reminder template. */
  action?: { label: string; labelMsg: Msg; href: string };
  /** The deadline the step is about, if any. */
  due?: string;
  tone: 'info' | 'due' | 'overdue' | 'done';
}

/** The stages of a case, in the order a member walks them (see `caseSteps`). */
export const CASE_STEP_KEYS = ['evidence', 'request', 'reply', 'reminder', 'complaint', 'decision'] as const;
export type CaseStepKey = (typeof CASE_STEP_KEYS)[number];

/**
 * One stage of the case and where it stands: done; current (what the next step is about); upcoming; or passed by
 * (the case moved on without it: no evidence before the request, no reminder because LinkedIn replied, ...).
 */
export interface CaseStep {
  key: CaseStepKey;
  state: 'done' | 'current' | 'upcoming' | 'passed';
  /** The day it was done (the event's date), where there is one. */
  on?: string;
  /** For the reply and the complaint's outcome: the date it is due, while it is awaited. */
  due?: string;
  /** A few words on why it stands so ("LinkedIn replied", "No reply by the date", "Case closed"). */
  note?: string;
  /** `note` by reference (tracking.stepNote.*), for the renderer to word in the language shown. */
  noteMsg?: Msg;
  /** For evidence: how many items the case holds. */
  count?: number;
}

export interface CaseTracking {
  caseId: string;
  today: string;
  events: CaseEvent[];
  deadlines: Deadline[];
  nextStep: NextStep;
  /** Where the case stands on its path: evidence, request, reply, reminder, complaint, decision. */
  steps: CaseStep[];
  /** The status the events imply; `status` is the case's effective status (the user's override if set). */
  derivedStatus: CaseStatus;
  status: CaseStatus;
  statusOverridden: boolean;
  statusReason: string | null;
  /** Set where no statutory deadline applies (no GDPR-style law, a US state without a privacy law, no state given). */
  noDeadlinesReason: string | null;
  noDeadlinesReasonMsg: Msg | null;
  /** Per request and complaint: what happened and where its clock stands (see `trackingFacts`). */
  facts: TrackingFacts;
}

export interface DashboardRow {
  id: string;
  title: string;
  name: string;
  platform: (typeof PLATFORMS)[number];
  country: string;
  status: CaseStatus;
  createdAt: string;
  nextDue: string | null;
  nextKind: DeadlineKind | null;
  refs: string;
  /** overdue: before today; week: today to 7 days on; later; none: no open deadline. */
  urgency: 'overdue' | 'week' | 'later' | 'none';
}

export interface Dashboard {
  today: string;
  total: number;
  overdue: number;
  dueThisWeek: number;
  offset: number;
  rows: DashboardRow[];
}

export interface Reminder {
  caseId: string;
  title: string;
  kind: DeadlineKind;
  /** What the deadline is about ("Reply to your access request of 30 April 2026"). */
  label: string;
  /** `label` by reference: the deadline's own label where the case's events still give it, else its kind's label. */
  labelMsg: Msg;
  due: string;
  /** Negative when the date has passed. */
  daysLeft: number;
}

/** Deadlines passed or close, soonest first: `items` holds at most `limit` of `total`. */
export interface Reminders {
  total: number;
  late: number;
  items: Reminder[];
}

export interface ExportFile {
  filename: string;
  mime: string;
  content: string;
}

export interface EvidenceOption {
  id: string;
  title: string;
  kind: string;
}

export interface TrackingOutputs {
  'tracking.get': CaseTracking;
  'tracking.addEvent': CaseEvent;
  'tracking.updateEvent': CaseEvent;
  'tracking.deleteEvent': { id: string; caseId: string };
  'tracking.useDerivedStatus': CaseTracking;
  'tracking.evidenceOptions': EvidenceOption[];
  'tracking.dashboard': Dashboard;
  'tracking.reminders': Reminders;
  'tracking.exportIcs': ExportFile;
  'tracking.exportCsv': ExportFile;
}

// ---- Per-request facts, for letters and the case page (computed by `trackingFacts` in electron/core/tracking/facts.ts) ----

/** A date with the clock's state on the day asked about. */
export interface ClockFacts {
  due: string;
  state: Deadline['state'];
  /** True when the date is before `today` and the clock is still open (nothing met or overtook it). */
  passed: boolean;
  rule: string;
  ruleMsg: Msg;
  source: string;
  steps: string[];
  stepsMsg: Msg[];
  unverified?: string;
  unverifiedMsg?: Msg;
}

export interface RequestFacts {
  eventId: string;
  type: RequestType;
  sentOn: string;
  /** The day it counts as received (the sent date unless a received date was recorded). */
  receivedOn: string;
  channel: string | null;
  ref: string | null;
  /** The reply date under the law that applies, or null (see `noDeadlineReason`). */
  due: ClockFacts | null;
  noDeadlineReason: string | null;
  noDeadlineReasonMsg: Msg | null;
  /** Switzerland, access requests: the FADP Art 25(7) 30-day date beside the GDPR one. */
  swissAccessDue: ClockFacts | null;
  extension: { notifiedOn: string; eventId: string; inTime: boolean; firstPeriodEnd: string | null } | null;
  acknowledgements: { on: string; eventId: string }[];
  clarifications: {
    requestedOn: string;
    eventId: string;
    asks: ClarificationKind;
    answeredOn: string | null;
    /** Days that did not count (UK Art 12A, details), or null where the law has no pause or it is still running. */
    pausedDays: number | null;
    /** True while the UK clock is stopped waiting for the member's answer. */
    pausing: boolean;
  }[];
  /** The first reply recorded for this request, and every reply. */
  reply: { on: string; eventId: string } | null;
  replies: { on: string; eventId: string }[];
  reminders: { on: string; eventId: string }[];
}

export interface OrganisationComplaintFacts {
  eventId: string;
  sentOn: string;
  receivedOn: string;
  ref: string | null;
  /** UK s.164A: acknowledgement due within 30 days; null elsewhere or before 19 June 2026. */
  acknowledgementDue: ClockFacts | null;
  noDeadlineReason: string | null;
  noDeadlineReasonMsg: Msg | null;
  acknowledgements: { on: string; eventId: string }[];
  reply: { on: string; eventId: string } | null;
  reminders: { on: string; eventId: string }[];
}

export interface ComplaintFacts {
  eventId: string;
  /** The authority as recorded (an id such as "ico", or the text the member wrote). */
  authority: string | null;
  authorityName: string;
  filedOn: string;
  receivedOn: string;
  ref: string | null;
  /** Which clock applies: DPA 2018 s.166 (ICO), GDPR Art 78(2) (EU/EEA authorities), or none (FDPIC, CalPrivacy, ...). */
  route: 's166' | 'art78_2' | 'none';
  clock: (ClockFacts & { further: string[]; current: string | null }) | null;
  noClockReason: string | null;
  noClockReasonMsg: Msg | null;
  acknowledgedOn: string | null;
  decisionOn: string | null;
}

export interface TrackingFacts {
  today: string;
  country: string;
  region: string | null;
  requests: RequestFacts[];
  organisationComplaints: OrganisationComplaintFacts[];
  complaints: ComplaintFacts[];
  /** UK: the last day to complain to the ICO (three months from the last meaningful contact). */
  icoWindow: ClockFacts | null;
  noDeadlinesReason: string | null;
  noDeadlinesReasonMsg: Msg | null;
}
