// Contract of the tracking feature: API name -> zod input schema, and the output types.
// Owned by the tracking work; pure zod, no Node imports (the renderer type-checks against this file).
import { z } from 'zod';
import { CASE_STATUSES, CaseId, PLATFORMS, type CaseStatus } from './cases';
import { plainText } from './text';

export const EVENT_TYPES = [
  'request_sent',
  'reminder_sent',
  'extension_notified',
  'response_received',
  'complaint_filed',
  'authority_acknowledged',
  'authority_decision',
  'closed',
  'note',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  request_sent: 'Request sent',
  reminder_sent: 'Reminder sent',
  extension_notified: 'Extension notified',
  response_received: 'Response received',
  complaint_filed: 'Complaint filed',
  authority_acknowledged: 'Authority acknowledged',
  authority_decision: 'Authority decision',
  closed: 'Closed',
  note: 'Note',
};

export const CHANNELS = ['webform', 'email', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { webform: 'Web form', email: 'Email', post: 'Post' };

/** Notes can hold a pasted reply email; 10,000 characters is far above any reply yet small enough for a PDF page. */
export const NOTE_MAX = 10_000;
export const REF_MAX = 200;

/** A calendar date, not an instant: it must exist (no 30 February) and is compared as text. */
export const CalendarDate = (label: string) =>
  z
    .string({ error: `${label} is required (YYYY-MM-DD).` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date written YYYY-MM-DD, such as 2026-04-30.`)
    .superRefine((s, ctx) => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(s) && !isRealDate(s))
        ctx.addIssue({ code: 'custom', message: `${label} ${s} does not exist in the calendar; check the day and month.` });
    });

export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (y < 1970 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last;
}

// Forms send '' and JSON may send null for an empty optional field; both mean the same as leaving it out.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

const optionalText = (label: string, max: number) =>
  optional(
    z
      .string()
      .trim()
      .max(max, `${label} must be at most ${max.toLocaleString('en-GB')} characters.`)
      .superRefine(plainText({ subject: label, allow: '\t\n\r' })),
  );


const eventFields = {
  type: z.enum(EVENT_TYPES, { error: `Type must be one of: ${EVENT_TYPES.join(', ')}.` }),
  on: CalendarDate('Date'),
  receivedOn: optional(CalendarDate('Received date')),
  channel: optional(z.enum(CHANNELS, { error: `Channel must be one of: ${CHANNELS.join(', ')}.` })),
  authority: optionalText('Authority', 120),
  ref: optionalText('Reference', REF_MAX),
  note: optionalText('Note', NOTE_MAX),
  evidenceIds: z.array(z.string().trim().min(1).max(64)).max(50, 'Attach at most 50 evidence items to one event.').default([]),
};

type EventShape = { type: EventType; on: string; receivedOn?: string; channel?: Channel; authority?: string; note?: string };

/** Field rules that do not need the database: which fields belong to which type, and received-after-sent. */
function checkEventFields(e: EventShape, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (e.receivedOn && e.type !== 'request_sent') issue('receivedOn', 'A received date only applies to a request (type request_sent).');
  if (e.channel && e.type !== 'request_sent' && e.type !== 'reminder_sent')
    issue('channel', 'A channel only applies to a request or a reminder.');
  if (e.type === 'request_sent' && e.channel === 'post' && !e.receivedOn)
    issue('receivedOn', 'For a request sent by post, give the date LinkedIn received it (from tracking or the reply); the month counts from that day.');
  if (e.receivedOn && e.receivedOn < e.on) issue('receivedOn', `The received date ${e.receivedOn} is before the sent date ${e.on}.`);
  if (e.authority && !['complaint_filed', 'authority_acknowledged', 'authority_decision'].includes(e.type))
    issue('authority', 'An authority only applies to a complaint or an authority’s reply.');
  if (e.type === 'complaint_filed' && !e.authority) issue('authority', 'Say which authority the complaint went to (for example ICO or DPC).');
}

export const EventAddInput = z.object({ caseId: CaseId, ...eventFields }).superRefine(checkEventFields);
export type EventAddInput = z.input<typeof EventAddInput>;
export type EventValues = z.output<typeof EventAddInput>;

export const EventId = z.string({ error: 'An event id is required.' }).trim().min(1, 'An event id is required.').max(64);
export const EventUpdateInput = z.object({ id: EventId, ...eventFields }).superRefine(checkEventFields);
export type EventUpdateInput = z.input<typeof EventUpdateInput>;

export const EventDeleteInput = z.object({ id: EventId });
export const TrackingGetInput = z.object({ caseId: CaseId });

const statusEnum = z.enum(CASE_STATUSES, { error: `Status must be one of: ${CASE_STATUSES.join(', ')}.` });
const filterText = z.string().trim().max(200, 'Search text must be at most 200 characters.').optional();
const DashboardFilter = {
  q: filterText,
  status: statusEnum.optional(),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Country must be a two-letter code such as GB.').optional(),
  platform: z.enum(PLATFORMS).optional(),
};
export const DashboardInput = z
  .object({
    ...DashboardFilter,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000, 'Ask for at most 1,000 rows at a time.').default(200),
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

export type DeadlineKind = 'response_due' | 'ico_complaint_window_ends' | 'authority_progress_due';
export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  response_due: 'Reply due',
  ico_complaint_window_ends: 'ICO complaint window ends',
  authority_progress_due: 'Authority should report progress',
};

export interface Deadline extends DeadlineSummary {
  kind: DeadlineKind;
  /** open: still running; met: the event it waits for happened; moot: overtaken (complaint filed, case closed). */
  state: 'open' | 'met' | 'moot';
  /** The date the count starts from, and which event it comes from. */
  from: string;
  fromEventId: string;
  /** How the date was reached, step by step, for the user to check. */
  steps: string[];
  /** The calendar whose holidays count ("England and Wales", "Ireland"), or null when weekends do not move it. */
  calendar: string | null;
}

export interface NextStep {
  text: string;
  /** Optional link inside the app (a hash route) for the action, such as the reminder template. */
  action?: { label: string; href: string };
  /** The deadline the step is about, if any. */
  due?: string;
  tone: 'info' | 'due' | 'overdue' | 'done';
}

export interface CaseTracking {
  caseId: string;
  today: string;
  events: CaseEvent[];
  deadlines: Deadline[];
  nextStep: NextStep;
  /** The status the events imply; `status` is the case's effective status (the user's override if set). */
  derivedStatus: CaseStatus;
  status: CaseStatus;
  statusOverridden: boolean;
  statusReason: string | null;
  /** Set for countries without GDPR-style deadlines. */
  noDeadlinesReason: string | null;
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
