// Event histories a case can have, written by hand with what is true in each (the due dates are counted from the
// statutes by hand, not by the code): the template x history matrix renders every template against every row and
// checks the letters against these truths. To cover a new event type, add a row here with its truths.
import type { Case } from '../../../electron/core/contract';
import type { EvidenceSummary } from '../../../electron/core/contract/evidence';
import type { FactEvent } from '../../../electron/core/drafting/facts';

export type Kind = 'objection' | 'access' | 'erasure' | 'other';
export type Country = 'DE' | 'GB' | 'CH' | 'US';

/** What is true of one request on the history's "today". Dates are as letters write them ("2 June 2026"). */
export interface RequestTruth {
  kind: Kind;
  sent: string;
  /** The last day to answer, per country group: Ireland's calendar (DE, CH: LinkedIn Ireland) or England and Wales. */
  due: { IE: string; GB: string };
  /** The one-month date that an extension in time replaced, which must then not be given as the deadline. */
  replacedDue?: { IE: string; GB: string };
  /** A three-month date that a late extension did not bring about, which must not appear. */
  notDue?: { IE: string; GB: string };
  /** Per calendar where the law differs (a UK Art 12A pause; GDPR has none). */
  duePassed: boolean | { IE: boolean; GB: boolean };
  replied: boolean;
  acknowledged: boolean;
  extension: 'in time' | 'late' | null;
  reminded: boolean;
}

export interface History {
  name: string;
  today: string;
  events: Omit<FactEvent, 'caseId'>[];
  evidence?: Omit<EvidenceSummary, 'caseId'>[];
  requests: RequestTruth[];
  complaintFiled?: boolean;
  organisationComplaint?: boolean;
  switchOff?: string;
}

const R1 = { id: 'r1', type: 'request_sent', on: '2026-04-30', ref: 'LI-2026-0042', channel: 'webform' } as const;
// 30 April + one month = Saturday 30 May. Ireland: Monday 1 June is the June bank holiday (a public holiday), so
// Tuesday 2 June. England and Wales: Monday 1 June (the spring bank holiday was 25 May).
const DUE_R1 = { IE: '2 June 2026', GB: '1 June 2026' };
// With an extension notified in time: three months, Thursday 30 July 2026, a working day in both.
const DUE_R1_EXT = { IE: '30 July 2026', GB: '30 July 2026' };
// 2 March + one month = Thursday 2 April 2026 (Good Friday is 3 April), in both.
const DUE_MARCH = { IE: '2 April 2026', GB: '2 April 2026' };

const base = (over: Partial<RequestTruth> = {}): RequestTruth => ({
  kind: 'objection',
  sent: '30 April 2026',
  due: DUE_R1,
  duePassed: false,
  replied: false,
  acknowledged: false,
  extension: null,
  reminded: false,
  ...over,
});

export const HISTORIES: History[] = [
  { name: 'no events', today: '2026-06-20', events: [], requests: [] },
  { name: 'request only, before its due date', today: '2026-05-20', events: [R1], requests: [base()] },
  { name: 'request only, due date passed', today: '2026-06-20', events: [R1], requests: [base({ duePassed: true })] },
  {
    name: 'request + automatic acknowledgement, before the due date',
    today: '2026-05-20',
    events: [R1, { id: 'a1', type: 'acknowledged', on: '2026-05-01', ref: 'CASE-77' }],
    requests: [base({ acknowledged: true })],
  },
  {
    name: 'request + automatic acknowledgement, due date passed',
    today: '2026-06-20',
    events: [R1, { id: 'a1', type: 'acknowledged', on: '2026-05-01', ref: 'CASE-77' }],
    requests: [base({ acknowledged: true, duePassed: true })],
  },
  {
    name: 'request + extension in time, before the extended date',
    today: '2026-07-01',
    events: [R1, { id: 'x1', type: 'extension_notified', on: '2026-05-15' }],
    requests: [base({ due: DUE_R1_EXT, replacedDue: DUE_R1, extension: 'in time' })],
  },
  {
    name: 'request + extension in time, extended date passed',
    today: '2026-08-10',
    events: [R1, { id: 'x1', type: 'extension_notified', on: '2026-05-15' }],
    requests: [base({ due: DUE_R1_EXT, replacedDue: DUE_R1, extension: 'in time', duePassed: true })],
  },
  {
    name: 'request + extension notified late',
    today: '2026-06-20',
    events: [R1, { id: 'x1', type: 'extension_notified', on: '2026-06-10' }],
    requests: [base({ notDue: DUE_R1_EXT, extension: 'late', duePassed: true })],
  },
  {
    name: 'request + reply',
    today: '2026-06-20',
    events: [R1, { id: 'p1', type: 'response_received', on: '2026-05-25' }],
    requests: [base({ replied: true, duePassed: true })],
  },
  {
    name: 'request + acknowledgement + reply',
    today: '2026-06-20',
    events: [R1, { id: 'a1', type: 'acknowledged', on: '2026-05-01' }, { id: 'p1', type: 'response_received', on: '2026-05-25' }],
    requests: [base({ acknowledged: true, replied: true, duePassed: true })],
  },
  {
    name: 'request, due date passed + reminder',
    today: '2026-06-20',
    events: [R1, { id: 'm1', type: 'reminder_sent', on: '2026-06-05' }],
    requests: [base({ duePassed: true, reminded: true })],
  },
  {
    name: 'request, due date passed + reminder + complaint filed',
    today: '2026-06-25',
    events: [R1, { id: 'm1', type: 'reminder_sent', on: '2026-06-05' }, { id: 'c1', type: 'complaint_filed', on: '2026-06-20', authority: 'dpc', ref: 'C-1234' }],
    requests: [base({ duePassed: true, reminded: true })],
    complaintFiled: true,
  },
  {
    name: 'access request only, due date passed',
    today: '2026-06-20',
    events: [{ ...R1, requestType: 'access' }],
    requests: [base({ kind: 'access', duePassed: true })],
  },
  {
    name: 'erasure request only, due date passed',
    today: '2026-06-20',
    events: [{ ...R1, requestType: 'erasure' }],
    requests: [base({ kind: 'erasure', duePassed: true })],
  },
  {
    name: 'other request only, due date passed',
    today: '2026-06-20',
    events: [{ ...R1, requestType: 'other' }],
    requests: [base({ kind: 'other', duePassed: true })],
  },
  {
    name: 'two requests of different types, both unanswered and overdue',
    today: '2026-06-20',
    events: [
      { id: 'r0', type: 'request_sent', on: '2026-03-02', requestType: 'access', ref: 'LI-ACCESS' },
      { ...R1, requestType: 'objection' },
    ],
    requests: [base({ kind: 'access', sent: '2 March 2026', due: DUE_MARCH, duePassed: true }), base({ duePassed: true })],
  },
  {
    name: 'two requests: an access request answered, then an objection still within its time',
    today: '2026-05-20',
    events: [
      { id: 'r0', type: 'request_sent', on: '2026-03-02', requestType: 'access' },
      { id: 'p0', type: 'response_received', on: '2026-03-20' },
      { ...R1, requestType: 'objection' },
    ],
    requests: [base({ kind: 'access', sent: '2 March 2026', due: DUE_MARCH, duePassed: true, replied: true }), base()],
  },
  {
    name: 'two requests: an objection answered, then an access request overdue',
    today: '2026-06-20',
    events: [
      { id: 'r0', type: 'request_sent', on: '2026-03-02', requestType: 'objection' },
      { id: 'p0', type: 'response_received', on: '2026-03-20' },
      { ...R1, requestType: 'access' },
    ],
    requests: [base({ kind: 'objection', sent: '2 March 2026', due: DUE_MARCH, duePassed: true, replied: true }), base({ kind: 'access', duePassed: true })],
  },
  {
    name: 'switch turned off (captured), then an objection overdue',
    today: '2026-06-20',
    events: [R1],
    evidence: [
      {
        id: 'ev1',
        kind: 'capture',
        title: 'AI setting',
        addedAt: '2026-04-29T10:00:00.000Z',
        capturedAt: '2026-04-29T09:58:00.000Z',
        sha256: 'a'.repeat(64),
        mime: 'application/json',
        size: 10,
        purpose: 'setting',
        toggle: { state: 'off', confirmedBy: 'page' },
      },
    ],
    requests: [base({ duePassed: true })],
    switchOff: '29 April 2026',
  },
  {
    name: 'objection overdue + complaint to LinkedIn itself (s.164A)',
    today: '2026-07-20',
    events: [R1, { id: 'o1', type: 'organisation_complaint', on: '2026-06-22' }],
    requests: [base({ duePassed: true })],
    organisationComplaint: true,
  },
  {
    name: 'request + clarification asked and answered (UK Art 12A pause), then overdue',
    today: '2026-06-20',
    events: [R1, { id: 'q1', type: 'clarification_requested', on: '2026-05-05', asks: 'details' }, { id: 'q2', type: 'clarification_answered', on: '2026-05-12' }],
    // GDPR has no pause: 2 June. UK GDPR Art 12A: 5 to 12 May (both counted, 8 days) do not count, so Saturday 30 May
    // moves to Sunday 7 June, then to Monday 8 June.
    requests: [base({ due: { IE: '2 June 2026', GB: '8 June 2026' }, duePassed: true })],
  },
  {
    name: 'request + clarification asked, not yet answered',
    today: '2026-06-20',
    events: [R1, { id: 'q1', type: 'clarification_requested', on: '2026-05-05', asks: 'details' }],
    // The UK clock is stopped until the member answers; under the GDPR the 2 June date stands and has passed.
    requests: [base({ duePassed: { IE: true, GB: false } })],
  },
  {
    name: 'two requests, the reply linked to the earlier one',
    today: '2026-06-20',
    events: [
      { id: 'r0', type: 'request_sent', on: '2026-03-02', requestType: 'objection' },
      { ...R1, requestType: 'access' },
      { id: 'p0', type: 'response_received', on: '2026-05-05', forEventId: 'r0' },
    ],
    requests: [base({ kind: 'objection', sent: '2 March 2026', due: DUE_MARCH, duePassed: true, replied: true }), base({ kind: 'access', duePassed: true })],
  },
  {
    name: 'objection overdue + complaint to LinkedIn acknowledged',
    today: '2026-07-20',
    events: [R1, { id: 'o1', type: 'organisation_complaint', on: '2026-06-22' }, { id: 'o2', type: 'acknowledged', on: '2026-06-25', forEventId: 'o1' }],
    requests: [base({ duePassed: true })],
    organisationComplaint: true,
  },
];

export const passed = (r: RequestTruth, cal: 'IE' | 'GB') => (typeof r.duePassed === 'boolean' ? r.duePassed : r.duePassed[cal]);

export const COUNTRIES: Country[] = ['DE', 'GB', 'CH', 'US'];
export const calendarOf = (cc: Country) => (cc === 'GB' ? 'GB' : 'IE');

export const mkCase = (country: string, over: Partial<Case> = {}): Case => ({
  id: 'case_1',
  title: 'T',
  platform: 'linkedin',
  country,
  name: 'Zofia Łukasiewicz-Παπαδοπούλου',
  email: 'zofia@example.org',
  region: country === 'US' ? 'US-CA' : country === 'DE' ? 'DE-BE' : null,
  givenName: 'Zofia',
  familyName: 'Łukasiewicz-Παπαδοπούλου',
  status: 'draft',
  statusReason: null,
  createdAt: '2026-04-01T00:00:00.000Z',
  updatedAt: '2026-04-01T00:00:00.000Z',
  ...over,
});
